// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { markedId, trialAnchor, unmarkAll } from '@/lib/scan/mark';
import { createScanner } from '@/lib/scan/scanner';

/** Marks the IDs in `html` as the content script does: only the scanner's own marks are trials. */
async function markPage(html: string): Promise<void> {
  document.body.innerHTML = html;
  await createScanner(document, { yieldToPage: () => Promise.resolve() }).scan(document.body);
}

describe('finding the trial behind an element', () => {
  it.each([
    ['a mark', '<p>NCT00000001</p>', 'nctref', 'NCT00000001'],
    ['a marked link', '<a href="https://clinicaltrials.gov/study/NCT00000002">trial</a>', 'a', 'NCT00000002'],
    ['a link around one mark', '<a href="#">x NCT00000003</a>', 'a', 'NCT00000003'],
    ['a link around two marks', '<a href="#">NCT00000001 and NCT00000002</a>', 'a', undefined],
    ['plain text', '<span>nothing</span>', 'span', undefined],
    // A page can write our tag, or any attribute, on anything: those are not trials.
    ['a forged attribute', '<span data-nct-id="NCT00000001">x</span>', 'span', undefined],
    ['a forged mark', '<nctref data-nct-id="NCT00000001">NCT00000001</nctref>', 'nctref', undefined],
    ['a link around a forged mark', '<a href="#"><b data-nct-id="NCT00000001">x</b></a>', 'a', undefined],
  ])('%s', async (_name, html, selector, id) => {
    await markPage(html);
    const anchor = trialAnchor(document.querySelector(selector));
    expect(anchor && markedId(anchor)).toBe(id);
  });

  it('is what the extension marked, whatever the page writes on the mark or the link afterwards', async () => {
    await markPage(
      '<p>NCT00000001</p><a href="https://clinicaltrials.gov/study/NCT00000002">trial</a>' +
        // A registry link the page labelled as if it were ours before the scan: still marked.
        '<a data-nct-link data-nct-id="NCT00000009" href="https://clinicaltrials.gov/study/NCT00000003">x</a>',
    );
    const [mark, link, labelled] = ['nctref', 'a', 'a[data-nct-link][data-nct-id]'].map(
      (selector) => document.querySelector(selector) as Element,
    );
    for (const el of [mark, link])
      for (const name of ['data-nct-id', 'aria-label', 'href']) el?.setAttribute(name, 'NCT00000009');
    expect([mark, link, labelled].map((el) => markedId(el as Element))).toEqual([
      'NCT00000001',
      'NCT00000002',
      'NCT00000003',
    ]);
  });
});

describe('a link to a trial record', () => {
  it('announces the key that opens its card (Enter still follows the link), and gives the page back', async () => {
    await markPage(
      '<a id="ours" href="https://clinicaltrials.gov/study/NCT00000002">trial</a>' +
        '<a id="theirs" aria-keyshortcuts="Control+K" href="https://clinicaltrials.gov/study/NCT00000004">x</a>',
    );
    expect(document.getElementById('ours')?.getAttribute('aria-keyshortcuts')).toBe('Alt+ArrowDown');
    // A page's own shortcut is never replaced, nor removed.
    expect(document.getElementById('theirs')?.getAttribute('aria-keyshortcuts')).toBe('Control+K');
    unmarkAll(document.body);
    expect(document.getElementById('ours')?.hasAttribute('aria-keyshortcuts')).toBe(false);
    expect(document.getElementById('theirs')?.getAttribute('aria-keyshortcuts')).toBe('Control+K');
  });
});
