import { expect, test } from './fixtures';
import { readFileSync } from 'node:fs';
import type { Frame, Page } from '@playwright/test';
import type { ExtensionBrowser, PageServer } from './harness';
import { DETECTION_PAGE_MARKS, JOINED_PAGE_FRAMES } from '../support/detection-page';
import { MARKED, marksAsSeen } from '../support/marks';
import { mark } from './helpers';

let browser: ExtensionBrowser;
let server: PageServer;
test.beforeEach(({ extension, server: pages }) => {
  browser = extension;
  server = pages;
});

const markedIds = (target: Page | Frame) => target.$$eval(MARKED, marksAsSeen);

async function openDetectionPage(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/detection.html`);
  await page.waitForSelector('#late nctref');
  return page;
}

test.describe('detection in a real Chromium (production build)', () => {
  test('marks exactly the IDs in text, tables, lists, links and content added later', async () => {
    const page = await openDetectionPage();
    expect(await markedIds(page)).toEqual(DETECTION_PAGE_MARKS);
    await page.close();
  });

  test('marks IDs inside same-origin (srcdoc) and cross-origin frames', async () => {
    const page = await openDetectionPage();
    const frameIds = async (selector: string) => {
      const frame = await (await page.$(selector))?.contentFrame();
      if (!frame) throw new Error(`no frame ${selector}`);
      await frame.waitForSelector('nctref');
      return markedIds(frame);
    };
    expect(await frameIds('#frame')).toEqual(['nctref:NCT00000107']);
    expect(await frameIds('#cross-frame')).toEqual(['nctref:NCT00000110']);
    await page.close();
  });

  test('marks the only ID of a small or large frame where it runs into the text beside it', async () => {
    // The eager detector reads a small document's text joined by the browser, where these IDs touch
    // their neighbours (`NCT000001112019`): it must look closer rather than say "no trial here".
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/joined.html`);
    for (const [frame, id] of Object.entries(JOINED_PAGE_FRAMES)) {
      const marked = page.frameLocator(frame).locator('nctref');
      await marked.waitFor();
      expect(await marked.evaluateAll(marksAsSeen), frame).toEqual([`nctref:${id}`]);
    }
    await page.close();
  });

  test('leaves the visible text and the layout exactly as they were', async () => {
    const page = await openDetectionPage();
    const result = await page.evaluate(() => {
      const before = (window as unknown as { __before: { text: string; height: number } }).__before;
      // Content the page added after its snapshot is not part of the comparison.
      document.getElementById('late')?.remove();
      return {
        textBefore: before.text,
        textAfter: document.body.innerText,
        heightBefore: before.height,
        heightAfter: document.getElementById('para')?.getBoundingClientRect().height,
      };
    });
    expect(result.textAfter).toBe(result.textBefore);
    expect(result.heightAfter).toBe(result.heightBefore);
    await page.close();
  });

  test('never touches editable content, form fields or scripts', async () => {
    const page = await openDetectionPage();
    expect(await page.$$('#editor nctref, #editor [data-nct-link], textarea nctref')).toHaveLength(0);
    expect(await page.inputValue('textarea')).toBe('NCT00000901');
    expect(await page.inputValue('input')).toBe('NCT00000902');
    // The editor still edits: typing lands in the page's own text.
    await page.click('#editor p');
    await page.keyboard.press('End');
    await page.keyboard.type(' NCT00000905');
    // A probe added after the typing: once it is marked, the scanner has seen the typing too.
    await page.evaluate(() =>
      document.body.append(
        Object.assign(document.createElement('p'), { id: 'probe', textContent: 'NCT00000906' }),
      ),
    );
    await page.locator('#probe nctref').waitFor();
    expect(await page.textContent('#editor')).toContain('Draft: NCT00000903 NCT00000905');
    expect(await page.$$('#editor nctref, #editor [data-nct-link]')).toHaveLength(0);
    await page.close();
  });

  test('makes every mark outside a link a keyboard tab stop', async () => {
    const page = await openDetectionPage();
    await page.focus('body');
    await page.keyboard.press('Tab');
    expect(await page.$$eval(':focus', marksAsSeen)).toEqual(['nctref:NCT06056921']);
    await page.close();
  });

  test('survives a framework re-rendering a marked node', async () => {
    const page = await openDetectionPage();
    // React replaces an element's only text child with textContent; our mark must follow the new text.
    await page.evaluate(() => {
      const el = document.getElementById('react-text');
      if (el) el.textContent = 'Re-rendered again NCT00000109';
    });
    await mark(page.locator('#react-text'), 'NCT00000109').waitFor();
    expect(await page.textContent('#react-text')).toBe('Re-rendered again NCT00000109');
    expect(await page.$$('#react-text nctref')).toHaveLength(1);
    await page.close();
  });

  test('follows a framework updating, in place, the text node it rendered as one ID', async () => {
    const page = await openDetectionPage();
    // What React does for `<td>{trial.id}</td>`: it keeps the text node it made and later sets its data.
    await page.evaluate(() => {
      const cell = document.createElement('td');
      cell.id = 'framework-cell';
      const text = document.createTextNode('NCT00000110');
      cell.append(text);
      const row = document.createElement('tr');
      row.append(cell);
      const table = document.createElement('table');
      table.append(row);
      document.body.append(table);
      (window as unknown as { rendered: Text }).rendered = text;
    });
    await mark(page.locator('#framework-cell'), 'NCT00000110').waitFor();
    await page.evaluate(() => {
      (window as unknown as { rendered: Text }).rendered.data = 'NCT00000109';
    });
    await mark(page.locator('#framework-cell'), 'NCT00000109').waitFor();
    // The old ID does not stay behind beside the new one.
    expect(await page.textContent('#framework-cell')).toBe('NCT00000109');
    expect(await page.$$('#framework-cell nctref')).toHaveLength(1);
    await page.close();
  });
});

test.describe('clean-up in a real Chromium', () => {
  test('puts the page back as it was when the extension is reloaded', async ({ extension: own }) => {
    {
      const page = await own.context.newPage();
      await page.goto(`${server.origin}/frame.html`);
      await page.waitForSelector('nctref');
      const worker = own.serviceWorker;
      // The worker goes away with the reload, so the evaluation itself may be cut short.
      await worker
        .evaluate(() => {
          type Runtime = { chrome: { runtime: { reload(): void } } };
          (globalThis as unknown as Runtime).chrome.runtime.reload();
        })
        .catch(() => undefined);
      await page.waitForFunction((marked) => document.querySelectorAll(marked).length === 0, MARKED, {
        timeout: 10_000,
      });
      const served = readFileSync(new URL('./pages/frame.html', import.meta.url), 'utf8');
      expect((await page.innerHTML('body')).trim()).toBe(/<body>([\s\S]*)<\/body>/.exec(served)?.[1]?.trim());
      await page.close();
    }
  });
});
