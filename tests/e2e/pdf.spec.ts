/**
 * The PDF viewer (pdf.html) in Chromium with the production build: PDFs printed from our article pages
 * with Chromium's `page.pdf()`, served locally; the registry played from the recorded records.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { describeFixtures, expect, needsRecords, test } from './fixtures';
import { SCREENSHOTS, card, mark, markedLink, openPopup } from './helpers';
import { marksAsSeen } from '../support/marks';
import { idsInPdfText, printPdf, servePdfs, viewerUrl, type PdfServer } from './pdf-support';

const PROTECTED = readFileSync(path.join(import.meta.dirname, '../fixtures/pdf/protected.pdf'));
const PDF = 'application/pdf';

/**
 * The IDs marked in the viewer's drawn pages, sorted: the text marks that are tab stops (one per ID; the
 * other pieces of a split ID are not) and the marked links.
 */
const markedIds = async (page: Page) =>
  [
    ...new Set(
      (
        await page.$$eval(
          '#viewerContainer nctref[tabindex="0"], #viewerContainer a[data-nct-link]',
          marksAsSeen,
        )
      ).map((seen) => seen.split(':')[1]),
    ),
  ].sort();
/** The text layers' marks of `id` (a split ID's first piece), and the link layers' marked links. */
const textMark = (page: Page, id: string) => mark(page.locator('.textLayer'), id);
const linkMark = (page: Page, id: string) => markedLink(page.locator('.annotationLayer'), id);

async function openViewer(page: Page, extensionId: string, file?: string) {
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(viewerUrl(extensionId, file));
}

test.describe(`the PDF viewer in Chromium (${describeFixtures()})`, () => {
  let server: PdfServer | undefined;
  test.afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  test('marks every ID the PDF’s text names (split across fonts, spaced, linked) and opens the card on hover', async ({
    context,
    extensionId,
  }) => {
    needsRecords();
    const article = await printPdf(context, 'article-pdf.html');
    const expected = await idsInPdfText(article);
    // The article names these four (the check that the text was read at all); look-alikes are not IDs.
    expect(expected).toEqual(['NCT00184067', 'NCT02513394', 'NCT03281889', 'NCT04207047']);
    server = await servePdfs({ '/article.pdf': { body: article, type: PDF } });
    const page = await context.newPage();
    await openViewer(page, extensionId, `${server.origin}/article.pdf`);
    await expect.poll(() => markedIds(page)).toEqual(expected);

    // The ID printed in two fonts is two runs: one mark each, the first the tab stop named by the whole ID.
    const split = page.locator('.textLayer nctref').filter({ hasText: /^(NCT0|0184067)$/ });
    await expect(split).toHaveCount(2);
    await expect(split.first()).toHaveAttribute('tabindex', '0');
    await expect(split.first()).toHaveAttribute('aria-label', 'NCT00184067');
    await expect(split.nth(1)).not.toHaveAttribute('tabindex', /./);
    await expect(textMark(page, 'NCT03281889')).toHaveText('NCT 03281889');
    // The linked ID: the link layer lies over the text, so the link itself is marked.
    await expect(linkMark(page, 'NCT02513394')).toHaveCount(1);

    await split.nth(1).hover();
    await expect(card(page).locator('.title')).toContainText('Continuation Booster Trial');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'pdf-viewer.png') });
    await page.mouse.move(5, 890);
    await expect(card(page)).toHaveCount(0);
    await linkMark(page, 'NCT02513394').hover();
    await expect(card(page).locator('.title')).toContainText('PALbociclib');
    await page.keyboard.press('Escape');

    // Keyboard: the marks are tab stops, and focus opens the card as on web pages.
    await textMark(page, 'NCT04207047').focus();
    await expect(card(page).locator('.title')).toContainText('Histologic Evaluation');
  });

  test('marks nothing in a PDF without IDs', async ({ context, extensionId }) => {
    const plain = await printPdf(context, 'plain-pdf.html');
    expect(await idsInPdfText(plain)).toEqual([]);
    server = await servePdfs({ '/plain.pdf': { body: plain, type: PDF } });
    const page = await context.newPage();
    await openViewer(page, extensionId, `${server.origin}/plain.pdf`);
    await expect(page.locator('.textLayer')).toContainText('reading trials critically');
    await expect(page.locator('.textLayer .endOfContent')).toHaveCount(1);
    expect(await markedIds(page)).toEqual([]);
  });

  test('asks for nothing but the PDF and the registry', async ({ context, extensionId, registry }) => {
    needsRecords();
    const article = await printPdf(context, 'article-pdf.html');
    server = await servePdfs({ '/article.pdf': { body: article, type: PDF } });
    const seen: string[] = [];
    context.on('request', (request) => seen.push(request.url()));
    const page = await context.newPage();
    await openViewer(page, extensionId, `${server.origin}/article.pdf`);
    await expect.poll(() => markedIds(page)).toHaveLength(4);
    await textMark(page, 'NCT04207047').hover();
    await expect(card(page).locator('.title')).toContainText('Histologic Evaluation');
    const elsewhere = seen.filter(
      (url) =>
        !url.startsWith(`chrome-extension://${extensionId}/`) &&
        !url.startsWith('blob:') &&
        url !== `${server?.origin}/article.pdf` &&
        !url.startsWith('https://clinicaltrials.gov/api/v2/'),
    );
    expect(elsewhere).toEqual([]);
    expect(server.requests).toEqual(['/article.pdf']);
    expect(registry.requests.length).toBeGreaterThan(0);
  });

  test('opens a PDF from the computer with the file input', async ({ context, extensionId }) => {
    const article = await printPdf(context, 'article-pdf.html');
    const page = await context.newPage();
    await openViewer(page, extensionId);
    await expect(page.getByRole('heading', { name: 'NCT hover cards PDF viewer' })).toBeVisible();
    await page
      .getByLabel('Open a PDF from your computer')
      .setInputFiles({ name: 'trial-report.pdf', mimeType: PDF, buffer: article });
    await expect.poll(() => markedIds(page)).toHaveLength(4);
    await expect(page.locator('.pdf-title')).toHaveText('trial-report.pdf');
    await expect(page).toHaveTitle(/trial-report\.pdf/);
  });

  test('says what went wrong: a 404, a web page instead of a PDF, a damaged file, an address that is not one', async ({
    context,
    extensionId,
  }) => {
    server = await servePdfs({
      '/article.html': { body: '<!doctype html><h1>Article</h1>', type: 'text/html; charset=utf-8' },
      '/broken.pdf': { body: '%PDF-1.7\nthis is not a PDF body at all', type: PDF },
    });
    const page = await context.newPage();
    const cases: [string, RegExp][] = [
      ['/missing.pdf', /There is no PDF at this address: the site answered “404 Not Found”/],
      ['/article.html', /This address did not send a PDF \(it sent text\/html\)/],
      ['/broken.pdf', /could not be read as a PDF: it is damaged or not a PDF/],
    ];
    for (const [file, message] of cases) {
      await openViewer(page, extensionId, `${server.origin}${file}`);
      await expect(page.getByRole('alert')).toContainText(message);
      // A way on from every problem: the reader can open the file itself.
      await expect(page.getByLabel('Open a PDF from your computer')).toBeAttached();
    }
    await openViewer(page, extensionId, 'javascript:alert(1)');
    await expect(page.getByRole('alert')).toContainText('is not the address of a PDF on the web');
  });

  test('a password-protected PDF asks for its password', async ({ context, extensionId }) => {
    server = await servePdfs({ '/protected.pdf': { body: PROTECTED, type: PDF } });
    const page = await context.newPage();
    await openViewer(page, extensionId, `${server.origin}/protected.pdf`);
    await expect(page.getByRole('alert')).toContainText('protected by a password');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('That password did not open the PDF');
    await page.getByLabel('Password').fill('secret');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => markedIds(page)).toEqual(['NCT02513394']);
  });

  test('the popup lists the PDF’s trials, the badge counts them, and "Show on page" goes to a page not drawn yet', async ({
    context,
    extension,
    extensionId,
  }) => {
    needsRecords();
    // 30 pages, an ID on the first and one on the last only.
    const filler = '<p>Background text of the report, without identifiers.</p>'.repeat(40);
    const html = `<!doctype html><body style="font:12pt serif"><p>First: NCT02513394.</p>${`<section style="break-after:page">${filler}</section>`.repeat(29)}<p>Last page: NCT03281889.</p></body>`;
    const long = await printPdf(context, html);
    server = await servePdfs({ '/long.pdf': { body: long, type: PDF } });
    const page = await context.newPage();
    await openViewer(page, extensionId, `${server.origin}/long.pdf`);
    await expect(page.locator('.pdf-page-number')).toHaveValue('1');
    const pages = Number(await page.locator('.pdf-page-number').getAttribute('max'));
    expect(pages).toBeGreaterThanOrEqual(30);
    // The last page is far from view: not drawn, not marked.
    await expect.poll(() => markedIds(page)).toEqual(['NCT02513394']);

    const badge = () =>
      extension.serviceWorker.evaluate(async () => {
        type Chrome = {
          chrome: {
            tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
            action: { getBadgeText(d: { tabId: number }): Promise<string> };
          };
        };
        const { chrome } = globalThis as unknown as Chrome;
        const [tab] = await chrome.tabs.query({ url: 'chrome-extension://*/pdf.html*' });
        return tab?.id === undefined ? '' : chrome.action.getBadgeText({ tabId: tab.id });
      });
    await expect.poll(badge).toBe('2');

    const popup = await openPopup(extension, page);
    await expect(popup.locator('h1')).toContainText('Trials in this PDF (2)');
    await expect(popup.locator('.trials')).toContainText('NCT03281889');
    await expect(popup.locator('.trials')).toContainText('Proton Craniospinal');
    await expect(popup.getByRole('checkbox')).toHaveCount(0);
    await popup.screenshot({ path: path.join(SCREENSHOTS, 'popup-pdf.png'), animations: 'disabled' });
    await popup
      .locator('li', { hasText: 'NCT03281889' })
      .getByRole('button', { name: 'Show on page' })
      .click();
    await expect(textMark(page, 'NCT03281889')).toBeFocused();
    expect(Number(await page.locator('.pdf-page-number').inputValue())).toBe(pages);
  });

  test('finds text with its own find bar (Ctrl+F), zooms and pages', async ({ context, extensionId }) => {
    const article = await printPdf(context, 'article-pdf.html');
    server = await servePdfs({ '/article.pdf': { body: article, type: PDF } });
    const page = await context.newPage();
    await openViewer(page, extensionId, `${server.origin}/article.pdf`);
    await expect.poll(() => markedIds(page)).toHaveLength(4);
    await page.locator('#viewerContainer').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+f');
    await expect(page.getByLabel('Find in PDF')).toBeFocused();
    await page.keyboard.type('palbociclib');
    await expect(page.locator('.pdf-find-status')).toHaveText(/^1 of 2$/);
    await expect(page.locator('.textLayer .highlight')).not.toHaveCount(0);
    // Highlighting rewrites runs; the marks come back.
    await expect.poll(() => markedIds(page)).toHaveLength(4);
    await page.keyboard.press('Escape');

    await page.getByRole('combobox', { name: 'Zoom' }).selectOption('2');
    await expect
      .poll(() =>
        page
          .locator('.page')
          .first()
          .evaluate((el) => el.getBoundingClientRect().width),
      )
      .toBeGreaterThan(1000);
    await expect.poll(() => markedIds(page)).toHaveLength(4);

    // Print goes through the browser's own PDF printing of the original file, from a hidden frame.
    await page.getByRole('button', { name: 'Print' }).click();
    await expect(page.locator('#pdf-print-frame')).toHaveAttribute('src', /^blob:chrome-extension:/);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download' }).click();
    const saved = await (await download).path();
    expect(readFileSync(saved).equals(article)).toBe(true);
  });

  test('a 300-page PDF: a working viewer that keeps only the pages near view drawn', async ({
    context,
    extensionId,
  }) => {
    const filler = '<p>Supplementary appendix text, page after page, without identifiers.</p>'.repeat(12);
    const pages = Array.from(
      { length: 300 },
      (_, i) => `<section style="break-after:page"><h2>Page ${i + 1}</h2>${filler}</section>`,
    );
    pages[299] = '<section><h2>Page 300</h2><p>The last page names NCT04207047.</p></section>';
    const big = await printPdf(
      context,
      `<!doctype html><body style="font:12pt serif">${pages.join('')}</body>`,
    );
    server = await servePdfs({ '/big.pdf': { body: big, type: PDF } });
    const page = await context.newPage();
    await openViewer(page, extensionId, `${server.origin}/big.pdf`);
    await expect(page.locator('.pdf-page-number')).toHaveAttribute('max', '300');
    // Through the document in big steps, then to the end: every stop is drawn, and pdf.js lets go of
    // the pages far from view (their canvases are removed), so memory stays bounded.
    for (const n of [40, 80, 120, 160, 200, 240, 280, 300]) {
      await page.locator('.pdf-page-number').fill(String(n));
      await page.locator('.pdf-page-number').press('Enter');
      await expect(page.locator(`.page[data-page-number="${n}"] .textLayer .endOfContent`)).toHaveCount(1);
    }
    await expect(textMark(page, 'NCT04207047')).toHaveCount(1);
    const drawn = await page.locator('.page canvas').count();
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThanOrEqual(12);
  });
});
