/**
 * The PDF viewer page's runtime: pdf.js in the page (pdf/viewer.ts), the same session as on web pages
 * (content/session.ts: card, prefetch, chips, badge), with marks made on each text layer pdf.js draws
 * instead of by the page scanner, the PDF's trials indexed from its whole text (pdf/trial-index.ts),
 * and answers to the popup for this tab.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PdfViewerPage } from '@/components/pdf/PdfViewerPage';
import { trialsOnPage } from '@/content/navigation';
import { startSession, type Session } from '@/content/session';
import type { TabAnswer, TabMessage } from '@/lib/messaging';
import type { NctId } from '@/lib/nct';
import { pdfAddressFrom } from '@/lib/pdf/source';
import { marksIn, unmarkAll } from '@/lib/scan/mark';
import { isTabMessage, isViewerRequest } from '@/lib/tab-message';
import { loadSettings, watchSettings } from '@/lib/storage/settings';
import { fetchPdf, readPdfFile, requestAccess } from './open';
import { indexTrials, type TrialIndex } from './trial-index';
import { createPdfViewer, type PdfViewer } from './viewer';

/** The popup's site line for a PDF: where it came from. */
const LOCAL_FILE = 'a file on this computer';
/** How long "Show on page" waits for pdf.js to draw the page it went to. */
const DRAW_WAIT_MS = 5000;

export async function startPdfViewerPage(app: HTMLElement): Promise<void> {
  const address = pdfAddressFrom(location.search);
  const host = address.kind === 'web' ? address.url.host : LOCAL_FILE;
  const settings = await loadSettings();
  let index: TrialIndex | undefined;
  let viewer: Promise<PdfViewer> | undefined;
  let marked: (elements: HTMLElement[]) => void = () => undefined;

  const session = startSession(document, settings, {
    host,
    startMarker(onMarked) {
      marked = onMarked;
      return { destroy: () => unmarkAll(document.body) };
    },
    listTrials: () => [...new Set<NctId>([...(index?.ids() ?? []), ...trialsOnPage(document)])],
  });
  watchSettings((changed) => session.apply(changed));

  const onOpened = (pdf: PDFDocumentProxy) => {
    index?.stop();
    index = indexTrials(pdf, () => session.trialsChanged());
  };
  /** Goes to the page naming `id` when none of its marks is drawn yet, and waits for the marks. */
  const drawTrial = async (id: NctId) => {
    const page = index?.pageOf(id);
    if (marksIn(document, id).length > 0 || !page || !viewer) return;
    (await viewer).goToPage(page);
    await markAppears(id);
  };
  answerPopup(session, host, drawTrial);

  render(
    <PdfViewerPage
      address={address}
      createViewer={(container, events) =>
        (viewer = createPdfViewer(container, { ...events, onMarked: (elements) => marked(elements) }))
      }
      fetchPdf={fetchPdf}
      readFile={readPdfFile}
      requestAccess={requestAccess}
      onOpened={onOpened}
    />,
    app,
  );
}

/** Resolves once a mark of `id` is in the page, or after {@link DRAW_WAIT_MS}. */
function markAppears(id: NctId): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const observer = new MutationObserver(() => {
      if (marksIn(document, id).length > 0) done();
    });
    const timer = setTimeout(done, DRAW_WAIT_MS);
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

/**
 * The popup and the commands ask a tab's content script with `tabs.sendMessage`. Chrome hands that to
 * extension pages in the tab too; Firefox does not, so when no answer comes the same request goes to
 * every extension page, naming the tab (lib/messaging.ts, `sendToTab`), and the viewer in that tab
 * answers (the background leaves these alone).
 */
function answerPopup(session: Session, host: string, drawTrial: (id: NctId) => Promise<void>): void {
  const answer = async (request: TabMessage): Promise<TabAnswer> => {
    if (request.type === 'listTrials') return { ...session.handlers.listTrials(request), host, pdf: true };
    if (request.type === 'revealTrial' || request.type === 'openCard') await drawTrial(request.id);
    const handler = session.handlers[request.type] as (m: TabMessage) => TabAnswer;
    return handler(request);
  };
  void browser.tabs.getCurrent().then((tab) => {
    // Decided at once for another tab's question: a listener that returns a promise answers, and a
    // viewer in another tab must leave the answer to the right one.
    browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id) return undefined;
      // Chrome: the tab message itself, sent to this tab.
      if (isTabMessage(message)) return answer(message);
      if (!isViewerRequest(message)) return undefined;
      return tab?.id === message.tabId ? answer(message.request) : undefined;
    });
  });
}
