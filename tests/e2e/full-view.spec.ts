import { card as cardOf, mark } from './helpers';
import { describeFixtures, expect, needsRecords, test } from './fixtures';
import { SCREENSHOTS } from './helpers';
import { readFileSync, readdirSync } from 'node:fs';
import { CTGOV_DIR, realSiteCounts } from '../support/ctgov';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createRequire } from 'node:module';
import type { ExtensionBrowser, PageServer } from './harness';
import type { RegistryLog } from './registry';

let browser: ExtensionBrowser;
let server: PageServer;
let registry: RegistryLog;

test.use({ registryOptions: { unknown: ['NCT09999901'] } });
test.beforeEach(async ({ extension, server: pages, registry: log }) => {
  browser = extension;
  server = pages;
  registry = log;
  await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

async function openFullView(query: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/trial.html?${query}`);
  await page.locator('h1').waitFor();
  return page;
}

/** Text of a PDF's pages, via the PDF's own text operators (Chromium writes them uncompressed enough to search). */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

test.describe(`the full trial view in Chromium (production build; ${describeFixtures()})`, () => {
  test('opens from the card for the same trial', async () => {
    needsRecords();
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/card.html`);
    await mark(page, 'NCT05147467').hover();
    const card = cardOf(page);
    await card.locator('.title').waitFor();
    const [tab] = await Promise.all([
      browser.context.waitForEvent('page'),
      card.getByRole('button', { name: 'Full view' }).click(),
    ]);
    await tab.locator('h1').waitFor();
    expect(tab.url()).toBe(`chrome-extension://${browser.extensionId}/trial.html?id=NCT05147467`);
    expect(await tab.locator('h1').innerText()).toBe(
      'Study of APG-2575 in Patients With Relapsed/Refractory CLL/SLL',
    );
    await tab.close();
    await page.close();
  });

  test("the card's publication count opens the full view at the publications, each a PubMed link", async () => {
    needsRecords();
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/records.html`);
    await mark(page, 'NCT02513394').first().hover();
    const card = cardOf(page);
    // The card's own answer carries only each reference's kind (the registry here cuts by `fields`).
    const count = card.locator('.what').getByRole('button', { name: '4 in PubMed' });
    const [tab] = await Promise.all([browser.context.waitForEvent('page'), count.click()]);
    await tab.locator('h1').waitFor();
    expect(tab.url()).toBe(
      `chrome-extension://${browser.extensionId}/trial.html?id=NCT02513394#publications`,
    );
    await expect(tab.locator('#publications')).toBeFocused();
    await expect(tab.locator('#publications')).toBeInViewport();
    expect(
      await tab.locator('#publications a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
    ).toEqual(
      ['34995105', '34874182', '33460574', '30032196'].map(
        (pmid) => `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`,
      ),
    );
    await tab.close();
    await page.close();
  });

  test('shows every part of the record, asking the registry for the fuller field list', async () => {
    needsRecords();
    const page = await openFullView('id=NCT05147467');
    const text = await page.locator('main').innerText();
    for (const part of [
      'Recruiting',
      'Phase 2',
      'Phase 2 studies give the treatment to a larger group',
      'Single group model',
      '75 participants (estimated)',
      'Ascentage Pharma Group Inc.',
      'Who can take part',
      '11 sites in 1 country',
      'Not medical advice',
      'https://clinicaltrials.gov/study/NCT05147467',
    ]) {
      expect(text).toContain(part);
    }
    const detailRequest = registry.requests.find((r) => r.url().includes('/studies/NCT05147467'));
    expect(new URL(detailRequest?.url() ?? 'x:').searchParams.get('fields')).toContain(
      'protocolSection.designModule.designInfo',
    );
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'full-view.png'),
      fullPage: false,
      animations: 'disabled',
    });
    await page.close();
  });

  test('prints a typical record on at most two pages, with the ID, status, URL and date', async () => {
    needsRecords();
    const page = await openFullView('id=NCT00184067');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.actions').isVisible()).toBe(false);
    const printed = await page.locator('main').innerText();
    expect(printed).toContain('NCT00184067');
    expect(printed).toContain('Terminated');
    expect(printed).toContain('https://clinicaltrials.gov/study/NCT00184067');
    expect(printed).toMatch(/Printed or copied \d+ \w+ \d{4}/);
    const pdf = await page.pdf({ format: 'A4', path: path.join(SCREENSHOTS, 'full-view.pdf') });
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(1);
    expect(pdfPageCount(pdf)).toBeLessThanOrEqual(2);
    await page.close();
  });

  test('prints every real record on at most two A4 pages: key criteria labelled with no word lost, open sites with phones', async () => {
    needsRecords();
    test.setTimeout(120_000);
    const ids = readdirSync(CTGOV_DIR)
      .filter((name) => /^NCT\d{8}\.json$/.test(name))
      .map((name) => name.slice(0, 11));
    for (const id of ids) {
      const page = await openFullView(`id=${id}`);
      await page.emulateMedia({ media: 'print' });
      const pages = pdfPageCount(await page.pdf({ format: 'A4' }));
      expect(pages, id).toBeLessThanOrEqual(2);
      // Every word of a printed criterion is on paper: nothing inside it is hidden in print.
      const criteria = await page.locator('.key-criteria-page li').evaluateAll((items) =>
        items.map((li) => ({
          printed: (li as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
          text: (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
        })),
      );
      for (const { printed, text } of criteria) expect(printed, id).toBe(text);
      expect(
        criteria.every(({ printed }) => /^(Include|Exclude): /.test(printed)),
        id,
      ).toBe(true);
      const text = await page.locator('main').innerText();
      expect(text, id).not.toContain('also called');
      if (criteria.length > 0)
        expect(text, id).toContain(
          `criteria as the sponsor wrote them: https://clinicaltrials.gov/study/${id}`,
        );
      await page.close();
    }
  });

  test('prints the 437-site PALLAS trial with its first open sites and their phones, the rest by URL', async () => {
    needsRecords();
    const page = await openFullView('id=NCT02513394');
    await page.emulateMedia({ media: 'print' });
    const sites = page.locator('.printed-sites li');
    await expect(sites).toHaveCount(5);
    expect(await page.locator('.country-group').first().isVisible()).toBe(false);
    expect(await page.locator('main').innerText()).toContain(
      `All ${realSiteCounts('NCT02513394').sites} sites: https://clinicaltrials.gov/study/NCT02513394`,
    );
    await page.pdf({ format: 'A4', path: path.join(SCREENSHOTS, 'full-view-long.pdf') });
    // What the paper shows, as an image for docs/ (A4's width at 96 dpi, the first page's height).
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'full-view-printed.png') });
    await page.close();
  });

  test('copies a plain-text summary and a citation', async () => {
    needsRecords();
    const page = await openFullView('id=NCT00184067');
    await page.getByRole('button', { name: 'Copy summary' }).click();
    await expect.poll(() => page.locator('.said').innerText()).toBe('Summary copied to the clipboard.');
    const summary = await page.evaluate(() => navigator.clipboard.readText());
    expect(summary).toContain('NCT00184067');
    expect(summary).toContain('Status: Terminated');
    expect(summary).toContain('Why stopped: Primary PI left institution');
    expect(summary).toContain('Full record: https://clinicaltrials.gov/study/NCT00184067');
    await page.getByRole('button', { name: 'Copy citation' }).click();
    await expect.poll(() => page.locator('.said').innerText()).toBe('Citation copied to the clipboard.');
    const cited = await page.evaluate(() => navigator.clipboard.readText());
    expect(cited).toMatch(
      /In: ClinicalTrials\.gov \[Internet\]\. Bethesda \(MD\): National Library of Medicine \(US\)\. 2000- \[cited \d+ \w+ \d{4}\]\./,
    );
    expect(cited).toContain(
      'Available from: https://clinicaltrials.gov/study/NCT00184067 NLM Identifier: NCT00184067.',
    );
    await page.close();
  });

  for (const [query, message] of [
    ['id=garbage', '“garbage” is not a valid ClinicalTrials.gov ID'],
    ['', 'not a valid ClinicalTrials.gov ID'],
    ['id=NCT09999901', 'ClinicalTrials.gov has no registered trial with the ID NCT09999901.'],
  ] as const)
    test(`explains "${query}" instead of showing a blank page`, async () => {
      const errors: string[] = [];
      const page = await browser.context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`chrome-extension://${browser.extensionId}/trial.html?${query}`);
      await expect.poll(() => page.getByRole('alert').innerText()).toContain(message);
      expect(errors).toEqual([]);
      await page.close();
    });

  test('has no serious accessibility violations (axe-core)', async () => {
    const page = await openFullView('id=NCT05147467');
    // The page's CSP (script-src 'self') rightly refuses an inline <script>: evaluate axe instead.
    await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = await page.evaluate(async () => {
      type Axe = { run(): Promise<{ violations: { id: string; impact: string }[] }> };
      const result = await (window as unknown as { axe: Axe }).axe.run();
      return result.violations.map((v) => ({ id: v.id, impact: v.impact }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.close();
  });
});
