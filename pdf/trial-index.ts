/**
 * Every trial a PDF names, page by page, read from pdf.js's text content (and its links) rather than
 * from the drawn pages: pdf.js draws only the pages near view, but the popup and the toolbar badge
 * count the whole PDF, and "Show on page" can go to a page not drawn yet. Read with the same grammar
 * as the marks (lib/pdf/text-runs.ts), one page at a time.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { nctIdFromHref, type NctId } from '@/lib/nct';
import { findIdsInRuns, type TextRun } from '@/lib/pdf/text-runs';

export interface TrialIndex {
  /** Distinct trials in reading order, as far as read. */
  ids(): NctId[];
  /** The first page (1-based) naming `id`, if read yet. */
  pageOf(id: NctId): number | undefined;
  /** Resolves when every page is read. */
  readonly done: Promise<void>;
  stop(): void;
}

/** The runs of a page's text content, as its text layer lays them out (marked content has no text). */
export function runsOf(items: readonly object[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const item of items) {
    if (!('str' in item) || typeof item.str !== 'string') continue;
    if (item.str !== '') runs.push({ text: item.str, endsLine: 'hasEOL' in item && !!item.hasEOL });
    else if ('hasEOL' in item && item.hasEOL) {
      const last = runs.at(-1);
      if (last) last.endsLine = true;
    }
  }
  return runs;
}

export function indexTrials(pdf: PDFDocumentProxy, onChange: () => void): TrialIndex {
  const firstPage = new Map<NctId, number>();
  let stopped = false;
  const add = (id: NctId, page: number) => {
    if (firstPage.has(id)) return false;
    firstPage.set(id, page);
    return true;
  };
  const done = (async () => {
    for (let n = 1; n <= pdf.numPages && !stopped; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      let added = false;
      for (const { id } of findIdsInRuns(runsOf(content.items))) added = add(id, n) || added;
      for (const annotation of await page.getAnnotations()) {
        const id = typeof annotation.url === 'string' ? nctIdFromHref(annotation.url) : undefined;
        if (id) added = add(id, n) || added;
      }
      if (added && !stopped) onChange();
    }
  })().catch(() => undefined);
  return {
    ids: () => [...firstPage.keys()],
    pageOf: (id) => firstPage.get(id),
    done,
    stop() {
      stopped = true;
    },
  };
}
