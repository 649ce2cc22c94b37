/**
 * What the extension marked in a page, as the page (and so a browser test) sees it. The trial a mark
 * stands for lives only in the extension's own map (lib/scan/mark.ts), out of the page's reach: a mark
 * names its trial in its accessible name (its text; for an ID split across a PDF's text runs, the
 * label of its first piece), a marked link in its address.
 */

/** Every element the extension marked: its ID wrappers and its registry links. */
export const MARKED = 'nctref, a[data-nct-link]';

/**
 * `tag:ID` of each marked element, e.g. `nctref:NCT06056921`, for `$$eval(MARKED, marksAsSeen)`.
 * Self-contained: it runs in the page.
 */
export function marksAsSeen(elements: Element[]): string[] {
  return elements.map((el) => {
    const written =
      el instanceof HTMLAnchorElement ? el.href : (el.getAttribute('aria-label') ?? el.textContent ?? '');
    const digits = /nct[^0-9a-z]?(\d{8})(?!\d)/i.exec(written)?.[1];
    return `${el.localName}:${digits ? `NCT${digits}` : `? ${written}`}`;
  });
}

/** The text of a mark of `id` in any way the grammar accepts it written (`NCT 03281889`, `nct03281889`). */
export function writtenAs(id: string): RegExp {
  return new RegExp(`^\\s*nct[^0-9a-z]?${id.slice(3)}(?!\\d)`, 'i');
}
