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

/** Adds a link `#row-link` to `href` at the top of the page. Self-contained: it runs in the page. */
export function addRowLink(href: string): void {
  const link = document.createElement('a');
  link.id = 'row-link';
  link.href = href;
  link.textContent = 'View the record';
  document.body.prepend(link);
}

/**
 * Points the page's `#row-link` at `href`, as a framework reusing a row's link does, and resolves once
 * the extension has marked it again (its `data-nct-link` taken off and put back: both happen in one
 * task, so only the page's own record of its changes can tell that they happened). Self-contained: it
 * runs in the page.
 */
export function repointLink(href: string): Promise<void> {
  const link = document.getElementById('row-link') as HTMLAnchorElement;
  return new Promise((resolve, reject) => {
    const giveUp = setTimeout(() => {
      watch.disconnect();
      reject(new Error(`the extension did not look again at a link pointed at ${href}`));
    }, 5000);
    const watch = new MutationObserver((records) => {
      // A record with no old value: the attribute was put back after it was taken off.
      if (records.some((record) => record.oldValue === null)) {
        clearTimeout(giveUp);
        watch.disconnect();
        resolve();
      }
    });
    watch.observe(link, { attributeFilter: ['data-nct-link'], attributeOldValue: true });
    link.href = href;
  });
}
