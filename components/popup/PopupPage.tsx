/**
 * The toolbar popup: the trials named on the current tab, each with its status, phase and title as
 * they load; a filter by status; "show on page"; the record in one click; the list copied as Markdown
 * or CSV; and the switch that turns the extension off on this site.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PageTrials, TabAnswer, TabMessage, TrialResult } from '@/lib/messaging';
import { recordUrl } from '@/lib/nct';
import { looksLikePdfUrl } from '@/lib/pdf/source';
import { phaseFact } from '@/lib/trial/facts';
import { statusLabel, type StatusTone } from '@/lib/trial/status';
import { listCsv, listMarkdown } from '@/lib/trial/list-export';
import { formatPartialDate, statusFlag } from '@/lib/trial/dates';
import type { TrialSummary } from '@/lib/trial/summary';

export interface PopupPageProps {
  tabId(): Promise<number | undefined>;
  /** Asks the tab's content script; undefined when none answers (a page extensions cannot read). */
  askPage<M extends TabMessage>(tabId: number, request: M): Promise<TabAnswer<M> | undefined>;
  getTrials(ids: string[]): Promise<TrialResult[]>;
  setSiteOff(host: string, off: boolean): Promise<void>;
  copy(text: string): Promise<void>;
  /** The tab's address, when the browser tells it (the reader opened the popup on that tab). */
  tabUrl(tabId: number): Promise<string | undefined>;
  /** Shows the PDF at `pdfUrl` in our viewer, in the tab. */
  openInViewer(tabId: number, pdfUrl: string): Promise<void>;
  /** Opens the viewer without a PDF (to choose a file). */
  openViewer(): Promise<void>;
}

type Filter = 'all' | StatusTone;
const FILTERS: [Filter, string][] = [
  ['all', 'All'],
  ['open', 'Recruiting or available'],
  ['soon', 'Not yet recruiting, or by invitation'],
  ['closed', 'Active, not recruiting, or completed'],
  ['stopped', 'Stopped'],
  ['unknown', 'Unknown status'],
];

export function PopupPage({
  tabId,
  askPage,
  getTrials,
  setSiteOff,
  copy,
  tabUrl,
  openInViewer,
  openViewer,
}: PopupPageProps) {
  const [tab, setTab] = useState<number | undefined>();
  const [pdfUrl, setPdfUrl] = useState<string | undefined>();
  const [page, setPage] = useState<PageTrials | 'unscannable' | undefined>();
  const [results, setResults] = useState<Map<string, TrialResult>>(new Map());
  const [filter, setFilter] = useState<Filter>('all');
  const [said, setSaid] = useState('');

  const load = async () => {
    const id = await tabId();
    setTab(id);
    if (id === undefined) return setPage('unscannable');
    const address = await tabUrl(id).catch(() => undefined);
    setPdfUrl(looksLikePdfUrl(address) ? address : undefined);
    try {
      const answer = await askPage(id, { type: 'listTrials' });
      if (!answer) return setPage('unscannable');
      setPage(answer);
      if (answer.ids.length > 0) {
        const found = await getTrials(answer.ids);
        setResults(new Map(found.map((r) => [r.id, r])));
      }
    } catch {
      // No content script there: a browser page, the PDF viewer, an extension store.
      setPage('unscannable');
    }
  };
  useEffect(() => void load(), []);

  if (!page) return <main class="popup">Looking at this page…</main>;
  if (page === 'unscannable') {
    return (
      <main class="popup">
        <h1>Trials on this page</h1>
        {pdfUrl && tab !== undefined ? (
          <>
            <p class="note">
              This looks like a PDF in the browser’s own viewer, which extensions cannot read. Our viewer
              marks its trial IDs; the PDF stays in your browser.
            </p>
            <p class="actions">
              <button type="button" onClick={() => void openInViewer(tab, pdfUrl)}>
                Open in NCT hover cards viewer
              </button>
            </p>
          </>
        ) : (
          <>
            <p class="note">
              This page can't be read by extensions: browser pages, the built-in PDF viewer and extension
              stores are off limits. Open the article itself, or look the trial up on ClinicalTrials.gov.
            </p>
            <p class="note">
              Reading a PDF? Right-click its link and choose “Open PDF in NCT hover cards viewer”, or{' '}
              <button type="button" class="link" onClick={() => void openViewer()}>
                open a PDF from your computer
              </button>
              .
            </p>
          </>
        )}
      </main>
    );
  }

  const toggleSite = async () => {
    // The switch shows the reader's choice at once; the page follows when the setting is saved.
    setPage({ ...page, off: !page.off });
    await setSiteOff(page.host, !page.off);
    setSaid(page.off ? `On again on ${page.host}.` : `Off on ${page.host}: the page is back as it was.`);
    setResults(new Map());
    setTimeout(() => void load(), 150);
  };

  const entries = page.ids.map((id) => ({ id, result: results.get(id) }));
  const shown = entries.filter(
    ({ result }) =>
      filter === 'all' || (result?.ok && statusLabel(result.trial.status.overall).tone === filter),
  );
  const loaded = shown.flatMap(({ result }) => (result ? [result] : []));

  return (
    <main class="popup">
      <h1>
        Trials {page.pdf ? 'in this PDF' : 'on this page'} <span class="muted">({page.ids.length})</span>
      </h1>
      {page.pdf ? (
        <p class="note">From {page.host}, in the NCT hover cards PDF viewer.</p>
      ) : (
        <label class="switch">
          <input type="checkbox" checked={!page.off} onChange={() => void toggleSite()} /> On for {page.host}
        </label>
      )}
      {page.off && (
        <p class="note">Turned off on this site: IDs are not marked and nothing is looked up here.</p>
      )}
      {!page.off && page.ids.length === 0 && (
        <p class="note">
          No ClinicalTrials.gov IDs found {page.pdf ? 'in the pages drawn so far' : 'on this page'}.
        </p>
      )}
      {page.ids.length > 0 && (
        <>
          <label class="filter">
            Show{' '}
            <select value={filter} onChange={(e) => setFilter(e.currentTarget.value as Filter)}>
              {FILTERS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <ul class="trials">
            {shown.map(({ id, result }) => (
              <li key={id}>
                <p class="line">
                  <span class="nct">{id}</span>
                  {result?.ok && (
                    <span class={`badge tone-${statusLabel(result.trial.status.overall).tone}`}>
                      {statusLabel(result.trial.status.overall).label}
                    </span>
                  )}
                  {result?.ok && phaseFact(result.trial.phases) && (
                    <span class="badge">{phaseFact(result.trial.phases)}</span>
                  )}
                </p>
                <p class="title">
                  {!result ? (
                    'Loading…'
                  ) : result.ok ? (
                    <bdi>{result.trial.briefTitle ?? 'Untitled'}</bdi>
                  ) : (
                    result.error.message
                  )}
                </p>
                {result?.ok && <Freshness trial={result.trial} />}
                <p class="actions">
                  <button
                    type="button"
                    onClick={() => tab !== undefined && void askPage(tab, { type: 'revealTrial', id })}
                  >
                    Show on page
                  </button>
                  <a href={recordUrl(id)} target="_blank" rel="noopener noreferrer">
                    Open record
                  </a>
                  <a href={`/trial.html?id=${id}`} target="_blank">
                    Full view
                  </a>
                </p>
              </li>
            ))}
          </ul>
          <p class="actions">
            <button
              type="button"
              onClick={() =>
                void copy(listMarkdown(loaded, Date.now())).then(() => setSaid('Copied as Markdown.'))
              }
            >
              Copy as Markdown
            </button>
            <button
              type="button"
              onClick={() => void copy(listCsv(loaded, Date.now())).then(() => setSaid('Copied as CSV.'))}
            >
              Copy as CSV
            </button>
          </p>
        </>
      )}
      <p class="muted" role="status">
        {said}
      </p>
    </main>
  );
}

/** When the sponsor last verified the status, and a caution when that was over two years ago. */
function Freshness({ trial }: { trial: TrialSummary }) {
  const flag = statusFlag(trial, Date.now());
  if (!trial.status.verified && !flag) return null;
  return (
    <p class={flag ? 'fresh caution' : 'fresh'}>
      {trial.status.verified && `Status verified ${formatPartialDate(trial.status.verified)}`}
      {flag && ` · ${flag}`}
    </p>
  );
}
