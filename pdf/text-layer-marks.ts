/**
 * Marks the IDs of one rendered PDF page, with the same contract as web pages (lib/scan/mark.ts):
 * `nctref` wrappers (the ID kept in the extension's own map), keyboard reachable. pdf.js lays text
 * out as one `span` per run with a `br` at each line end; the runs are read together
 * (lib/pdf/text-runs.ts), so an ID split across runs gets one wrapper per piece: the first is the tab
 * stop (named with the whole ID for screen readers), the others answer the pointer. Registry links in
 * the page's link layer are marked too.
 */
import { findIdsInRuns, type TextRun } from '@/lib/pdf/text-runs';
import { markLink, markedId, unmarkAll, wrapMatches } from '@/lib/scan/mark';
import { REGISTRY_LINKS } from '@/lib/scan/page-changes';
import { nctIdFromHref } from '@/lib/nct';

/** The text layer's runs in reading order, with the text node holding each. */
function readRuns(layer: HTMLElement): { runs: TextRun[]; nodes: Text[] } {
  const runs: TextRun[] = [];
  const nodes: Text[] = [];
  const walker = layer.ownerDocument.createTreeWalker(layer, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      runs.push({ text: (node as Text).data, endsLine: false });
      nodes.push(node as Text);
    } else if ((node as Element).localName === 'br') {
      const last = runs.at(-1);
      if (last) last.endsLine = true;
    }
  }
  return { runs, nodes };
}

/**
 * Marks every ID in `layer` (a page's `.textLayer`), afresh: marks left from an earlier pass (the find
 * bar's highlighting rewrites some runs) are taken away first. Returns the marks made.
 */
export function markTextLayer(layer: HTMLElement): HTMLElement[] {
  unmarkAll(layer);
  const { runs, nodes } = readRuns(layer);
  const created: HTMLElement[] = [];
  const matches = findIdsInRuns(runs);
  // Last piece first: a wrap splits its text node, and the offsets of earlier pieces in it stay valid.
  for (let m = matches.length - 1; m >= 0; m--) {
    const match = matches[m];
    if (!match) continue;
    const made: HTMLElement[] = [];
    for (let p = match.pieces.length - 1; p >= 0; p--) {
      const piece = match.pieces[p];
      const text = piece && nodes[piece.run];
      if (!piece || !text) continue;
      wrapMatches(text, [{ id: match.id, start: piece.start, end: piece.end }], p === 0, made);
    }
    // Made last piece first: the tab stop is the last one made.
    const tabStop = made.at(-1);
    if (tabStop && match.pieces.length > 1) tabStop.setAttribute('aria-label', match.id);
    created.push(...made);
  }
  return created;
}

/** Marks the registry links of a page's link layer (a linked ID opens its card from the link too). */
export function markLinkLayer(layer: HTMLElement): HTMLElement[] {
  const marked: HTMLElement[] = [];
  for (const link of layer.querySelectorAll<HTMLAnchorElement>(REGISTRY_LINKS)) {
    const id = nctIdFromHref(link.href);
    if (!id || markedId(link)) continue;
    markLink(link, id);
    marked.push(link);
  }
  return marked;
}
