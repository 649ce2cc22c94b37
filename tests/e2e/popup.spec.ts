import { describeFixtures, expect, needsRecords, test } from './fixtures';
import { SCREENSHOTS, card, mark, openPopup, setStorage, openPageIn } from './helpers';
import { MARKED } from '../support/marks';
import path from 'node:path';
import { type ExtensionBrowser, type PageServer } from './harness';

let server: PageServer;
let browser: ExtensionBrowser;
test.beforeEach(async ({ extension, server: pages }) => {
  browser = extension;
  server = pages;
  await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

const openPage = (name: string, into = browser) => openPageIn(into, server, name);

test.describe(`popup, settings and notes in Chromium (${describeFixtures()})`, () => {
  needsRecords();
  test('the popup lists the trials on the tab with their status, filters them, shows one on the page, copies the list', async () => {
    const page = await openPage('card.html');
    const popup = await openPopup(browser, page);
    const items = popup.locator('.trials li');
    await expect.poll(() => items.count()).toBe(6);
    await expect.poll(() => popup.locator('.trials').innerText()).toContain('Terminated');
    const text = await popup.locator('.trials').innerText();
    expect(text).toContain('NCT05147467');
    expect(text).toContain('Recruiting');
    expect(text).toContain('Study of APG-2575 in Patients With Relapsed/Refractory CLL/SLL');
    await popup.getByLabel('Show').selectOption('stopped');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().innerText()).toContain('NCT00184067');
    await popup.screenshot({ path: path.join(SCREENSHOTS, 'popup.png'), animations: 'disabled' });
    await popup.getByRole('button', { name: 'Copy as Markdown' }).click();
    const markdown = await popup.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toContain('| [NCT00184067](https://clinicaltrials.gov/study/NCT00184067) |');
    const badge = await browser.serviceWorker.evaluate(async () => {
      type Api = {
        chrome: {
          tabs: { query(q: object): Promise<{ id?: number; active?: boolean }[]> };
          action: { getBadgeText(d: { tabId: number }): Promise<string> };
        };
      };
      const { chrome } = globalThis as unknown as Api;
      const texts = await Promise.all(
        (await chrome.tabs.query({})).map((t) =>
          t.id === undefined ? '' : chrome.action.getBadgeText({ tabId: t.id }),
        ),
      );
      return texts.filter(Boolean);
    });
    expect(badge).toContain('6');
    const [fullView] = await Promise.all([
      browser.context.waitForEvent('page'),
      items.first().getByRole('link', { name: 'Full view' }).click(),
    ]);
    await fullView.locator('h1').waitFor();
    expect(fullView.url()).toBe(`chrome-extension://${browser.extensionId}/trial.html?id=NCT00184067`);
    await fullView.close();
    await popup.getByLabel('Show').selectOption('all');
    await items.filter({ hasText: 'NCT02513394' }).getByRole('button', { name: 'Show on page' }).click();
    await expect(mark(page, 'NCT02513394')).toBeFocused();
    await popup.close();
    await page.close();
  });

  test('says so when a page cannot be scanned', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=999999`);
    await expect
      .poll(() => popup.locator('main').innerText())
      .toContain("This page can't be read by extensions");
    await popup.close();
  });

  test('"On for this site" off stops scanning at once and on reload; on again brings it back', async () => {
    const page = await openPage('card.html');
    const popup = await openPopup(browser, page);
    await popup.getByLabel(/On for/).uncheck();
    await expect.poll(() => page.locator(MARKED).count()).toBe(0);
    await page.reload();
    // Once the page's content script answers the popup "off", it has read the setting and marked nothing.
    await popup.reload();
    await expect(popup.getByLabel(/On for/)).not.toBeChecked();
    expect(await page.locator('nctref').count()).toBe(0);
    await popup.getByLabel(/On for/).check();
    await page.reload();
    await page.locator('nctref').first().waitFor();
    await popup.close();
    await page.close();
  });

  test('status chips, when on, appear for the IDs in view only', async () => {
    await setStorage(browser, { settings: { v: 2, chips: true } });
    const page = await openPage('sixty.html');
    await expect.poll(() => page.locator('#sixty nct-chip').count(), { timeout: 10_000 }).toBe(60);
    expect(await page.locator('#below nct-chip').count()).toBe(0);
    const chip = await mark(page, 'NCT70000001')
      .locator('nct-chip')
      .evaluate((el) => ({
        hidden: el.getAttribute('aria-hidden'),
        text: el.shadowRoot?.textContent,
      }));
    expect(chip).toEqual({ hidden: 'true', text: 'Recruiting' });
    expect(await page.locator('#sixty li').first().innerText()).not.toContain('Recruiting');
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'page-chips.png'),
      clip: { x: 0, y: 0, width: 900, height: 330 },
    });
    await setStorage(browser, { settings: { v: 2, chips: false } });
    await expect.poll(() => page.locator('nct-chip').count()).toBe(0);
    await page.close();
  });
});

test.describe('first run and the card ⚙ in Chromium', () => {
  test('the welcome page shows a live card and the exact request it sends', async () => {
    const welcome = await browser.context.newPage();
    await welcome.goto(`chrome-extension://${browser.extensionId}/welcome.html`);
    const request = await welcome.locator('.request').innerText();
    // One ID goes to /studies/{id}, exactly as the client sends it (a list URL was shown before).
    expect(request).toMatch(/^GET https:\/\/clinicaltrials\.gov\/api\/v2\/studies\/NCT06056921\?fields=/);
    const exampleCard = welcome.locator('.welcome-card [role="dialog"]');
    await exampleCard.locator('.title').waitFor();
    expect(await exampleCard.getAttribute('aria-label')).toContain('NCT06056921');
    // The page does not load the validation library (zod, whose bundle names `ZodError`) to show a URL.
    const loaded = await welcome.evaluate(async () => {
      const urls = [
        ...Array.from(document.scripts, (s) => s.src),
        ...Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel=modulepreload]'), (l) => l.href),
        ...performance.getEntriesByType('resource').map((entry) => entry.name),
      ].filter((url) => url.endsWith('.js'));
      return Promise.all(
        [...new Set(urls)].map(async (url) => ({
          url,
          zod: (await (await fetch(url)).text()).includes('ZodError'),
        })),
      );
    });
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((script) => script.zod)).toEqual([]);
    await welcome.close();
  });

  test('"Turn off on this site" from a card stops the extension on that site', async () => {
    const page = await openPage('other.html');
    await mark(page, 'NCT05147467').hover();
    await card(page).getByRole('button', { name: 'Settings for this site' }).click();
    await card(page)
      .getByRole('button', { name: /^Turn off on / })
      .click();
    await expect.poll(() => page.locator(MARKED).count()).toBe(0);
    expect(await page.locator('iframe[title="Trial card"]').count()).toBe(0);
    const settings = await browser.serviceWorker.evaluate(async () => {
      type Storage = { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } };
      return (await (globalThis as unknown as Storage).chrome.storage.local.get('settings')).settings;
    });
    expect((settings as { offSites: string[] }).offSites).toEqual([new URL(server.origin).host]);
    await setStorage(browser, { settings: { v: 2, offSites: [] } });
    await page.close();
  });
});

test.describe('the popup on a page naming many trials', () => {
  test('lists 600 distinct trials (asked for in batches) and ignores a forged ID', async ({
    openPage,
    extension,
  }) => {
    const page = await openPage('many.html');
    await expect.poll(() => page.locator('nctref').count()).toBe(600);
    const popup = await openPopup(extension, page);
    await expect(popup.locator('.trials li')).toHaveCount(600);
    expect(await popup.locator('main').innerText()).not.toContain("can't be read");
    expect(await popup.locator('.trials').innerText()).not.toContain('NCT00000001000');
    await popup.close();
    await page.close();
  });
});
