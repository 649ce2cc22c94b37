// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { trialAnchor } from '@/lib/scan/mark';
import { createScanner } from '@/lib/scan/scanner';

/** Marks the IDs in `html` as the content script does: only the scanner's own marks are trials. */
async function markPage(html: string): Promise<void> {
  document.body.innerHTML = html;
  await createScanner(document, { yieldToPage: () => Promise.resolve() }).scan(document.body);
}

describe('finding the trial behind an element', () => {
  it.each([
    ['a mark', '<p>NCT00000001</p>', 'nct-ref', 'NCT00000001'],
    ['a marked link', '<a href="https://clinicaltrials.gov/study/NCT00000002">trial</a>', 'a', 'NCT00000002'],
    ['a link around one mark', '<a href="#">x NCT00000003</a>', 'a', 'NCT00000003'],
    ['a link around two marks', '<a href="#">NCT00000001 and NCT00000002</a>', 'a', undefined],
    ['plain text', '<span>nothing</span>', 'span', undefined],
    // A page can write our attribute or tag on anything: those are not trials.
    ['a forged attribute', '<span data-nct-id="NCT00000001">x</span>', 'span', undefined],
    ['a forged mark', '<nct-ref data-nct-id="NCT00000001">NCT00000001</nct-ref>', 'nct-ref', undefined],
    ['a link around a forged mark', '<a href="#"><b data-nct-id="NCT00000001">x</b></a>', 'a', undefined],
  ])('%s', async (_name, html, selector, id) => {
    await markPage(html);
    expect(trialAnchor(document.querySelector(selector))?.getAttribute('data-nct-id')).toBe(id);
  });
});
