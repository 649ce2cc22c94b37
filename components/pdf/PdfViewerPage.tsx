/**
 * The PDF viewer page's UI around pdf.js's pages: open a file (button or drop), the PDF's title,
 * pages, zoom, find (Ctrl+F opens it), outline, print and download of the original, and what went
 * wrong in words, with what the reader can do about it (allow the site, enter a password, choose the
 * file). pdf.js itself and the marking live in pdf/; this component gets them through its props.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'preact/hooks';
import { describeProblem, type PdfAddress, type PdfProblem } from '@/lib/pdf/source';
import type { FindState, OutlineItem, PdfViewer, ViewerEvents } from '@/pdf/viewer';
import type { Loaded } from '@/pdf/open';
import { OutlineTree } from './OutlineTree';
import { ViewerBar } from './ViewerBar';

export interface PdfViewerPageProps {
  address: PdfAddress;
  createViewer(container: HTMLDivElement, events: Omit<ViewerEvents, 'onMarked'>): Promise<PdfViewer>;
  fetchPdf(url: URL): Promise<Loaded>;
  readFile(file: File): Promise<Loaded>;
  requestAccess(url: URL): Promise<boolean>;
  /** A PDF is shown. */
  onOpened?(pdf: PDFDocumentProxy): void;
}

type Phase =
  | { kind: 'empty' }
  | { kind: 'loading'; name: string }
  | { kind: 'ready'; name: string }
  | { kind: 'problem'; problem: PdfProblem };

export function PdfViewerPage(props: PdfViewerPageProps) {
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<Promise<PdfViewer> | undefined>(undefined);
  const original = useRef<{ url: string; name: string } | undefined>(undefined);
  const [phase, setPhase] = useState<Phase>({ kind: 'empty' });
  const [page, setPage] = useState({ page: 0, pages: 0 });
  const [scale, setScale] = useState('auto');
  const [find, setFind] = useState<FindState | undefined>();
  const [outline, setOutline] = useState<OutlineItem[]>([]);
  const [password, setPassword] = useState<{ retry: boolean; answer(value?: string): void } | undefined>();

  const getViewer = () => {
    const element = container.current;
    if (!element) throw new Error('the viewer has no container');
    viewer.current ??= props.createViewer(element, {
      onPage: (current, pages) => setPage({ page: current, pages }),
      onScale: (value) => setScale(value),
      onFind: setFind,
    });
    return viewer.current;
  };

  const show = async (loaded: Loaded | Promise<Loaded>, name: string) => {
    setPhase({ kind: 'loading', name });
    const result = await loaded;
    if (!result.ok) return setPhase({ kind: 'problem', problem: result.problem });
    // A copy for "Download" and "Print": pdf.js takes the bytes it is given over to its worker.
    if (original.current) URL.revokeObjectURL(original.current.url);
    const blob = new Blob([result.data.slice()], { type: 'application/pdf' });
    original.current = { url: URL.createObjectURL(blob), name: result.name || name };
    try {
      const pdf = await (
        await getViewer()
      ).open(result.data, (retry) => new Promise((resolve) => setPassword({ retry, answer: resolve })));
      setPassword(undefined);
      const title = original.current.name;
      document.title = `${title} · NCT hover cards`;
      setPhase({ kind: 'ready', name: title });
      setOutline((await pdf.getOutline()) ?? []);
      props.onOpened?.(pdf);
    } catch (failure) {
      setPassword(undefined);
      const kind = (failure as { kind?: string }).kind;
      setPhase({
        kind: 'problem',
        problem: kind === 'password' ? { kind: 'password', retry: false } : { kind: 'damaged' },
      });
    }
  };

  const openAddress = () => {
    const { address } = props;
    if (address.kind === 'web' || address.kind === 'file')
      void show(props.fetchPdf(address.url), address.url.href);
    else if (address.kind === 'invalid')
      setPhase({ kind: 'problem', problem: { kind: 'invalid-address', message: address.message } });
  };
  useEffect(openAddress, []);

  const openFile = (file: File | undefined) => file && void show(props.readFile(file), file.name);

  // Ctrl+F (⌘F) finds in the PDF: the browser's own find bar cannot see text pdf.js has not drawn yet.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        const input = document.querySelector<HTMLInputElement>('#pdf-find');
        input?.focus();
        input?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  /** Runs `action` on the viewer (made on first use). */
  const withViewer = (action: (v: PdfViewer) => void) => void getViewer().then(action);

  return (
    <div
      class="pdf-app"
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        openFile(event.dataTransfer?.files[0]);
      }}
    >
      <ViewerBar
        title={phase.kind === 'ready' || phase.kind === 'loading' ? phase.name : ''}
        ready={phase.kind === 'ready'}
        page={page}
        scale={scale}
        find={find}
        original={original.current}
        onFile={openFile}
        onPage={(n) => withViewer((v) => v.goToPage(n))}
        onZoom={(value) => withViewer((v) => v.zoom(value))}
        onZoomBy={(steps) => withViewer((v) => v.zoomBy(steps))}
        onFind={(query, previous) => withViewer((v) => v.find(query, previous))}
        onCloseFind={() => withViewer((v) => v.closeFind())}
      />
      <div class="pdf-body">
        {outline.length > 0 && (
          <nav class="pdf-outline" aria-label="Outline">
            <OutlineTree items={outline} onGo={(dest) => withViewer((v) => v.goToDestination(dest))} />
          </nav>
        )}
        <div class="pdf-pages">
          <div id="viewerContainer" ref={container} tabIndex={0} aria-label="PDF pages">
            <div class="pdfViewer" />
          </div>
          {phase.kind !== 'ready' && (
            <Notice
              phase={phase}
              password={password}
              address={props.address}
              requestAccess={props.requestAccess}
              retry={openAddress}
              onFile={openFile}
            />
          )}
        </div>
      </div>
      <footer class="pdf-footer">
        Trial details come from ClinicalTrials.gov, as the registry states them; not medical advice. The PDF
        stays in your browser: only NCT IDs are sent, to clinicaltrials.gov.
      </footer>
    </div>
  );
}

interface NoticeProps {
  phase: Exclude<Phase, { kind: 'ready' }>;
  password: { retry: boolean; answer(value?: string): void } | undefined;
  address: PdfAddress;
  requestAccess(url: URL): Promise<boolean>;
  retry(): void;
  onFile(file: File | undefined): void;
}

/** What the viewer shows instead of pages: a start, a wait, or a problem and what to do. */
function Notice({ phase, password, address, requestAccess, retry, onFile }: NoticeProps) {
  const [typed, setTyped] = useState('');
  if (password) {
    return (
      <section class="pdf-notice" role="alert">
        <p>{describeProblem({ kind: 'password', retry: password.retry })}</p>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            password.answer(typed);
            setTyped('');
          }}
        >
          <label>
            Password{' '}
            <input type="password" autoFocus value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
          </label>{' '}
          <button type="submit">Open</button>{' '}
          <button type="button" onClick={() => password.answer(undefined)}>
            Cancel
          </button>
        </form>
      </section>
    );
  }
  if (phase.kind === 'loading')
    return (
      <section class="pdf-notice" role="status">
        Opening {phase.name}…
      </section>
    );
  const chooser = (
    <label class="pdf-choose">
      Open a PDF from your computer{' '}
      <input type="file" accept=".pdf,application/pdf" onChange={(e) => onFile(e.currentTarget.files?.[0])} />
    </label>
  );
  if (phase.kind === 'empty') {
    return (
      <section class="pdf-notice">
        <h1>NCT hover cards PDF viewer</h1>
        <p>Open a PDF to see its ClinicalTrials.gov IDs marked: hover or focus one for its card.</p>
        {chooser}
        <p class="pdf-hint">Or drop a PDF anywhere on this page.</p>
      </section>
    );
  }
  const { problem } = phase;
  return (
    <section class="pdf-notice" role="alert">
      <p>{describeProblem(problem)}</p>
      {problem.kind === 'needs-access' && address.kind === 'web' && (
        <p>
          <button
            type="button"
            onClick={() => void requestAccess(address.url).then((granted) => granted && retry())}
          >
            Allow reading PDFs from {address.url.host}
          </button>
        </p>
      )}
      {chooser}
    </section>
  );
}
