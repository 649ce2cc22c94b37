import { describeFixtures, expect, needsRecords, test } from './fixtures';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser, type PageServer } from './harness';
import { routeRegistry } from './registry';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../.tmp/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });
let server: PageServer;
let browser: ExtensionBrowser;
test.beforeEach(async ({ extension, server: pages }) => {
  browser = extension;
  server = pages;
  await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

async function openPage(name: string, into = browser): Promise<Page> {
  const page = await into.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${server.origin}/${name}`);
  await page.locator('[data-nct-id]').first().waitFor();
  return page;
}

/**
 * The popup, opened as its own extension page for the tab of `page`. The extension has no "tabs"
 * permission (so it cannot read tab addresses): the page is brought to the front and the active tab
 * is asked for, as the real popup does.
 */
async function openPopup(page: Page, into = browser): Promise<Page> {
  await page.bringToFront();
  const tabId = await into.serviceWorker.evaluate(async () => {
    type Tabs = { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } };
    return (
      await (globalThis as unknown as Tabs).chrome.tabs.query({ active: true, lastFocusedWindow: true })
    )[0]?.id;
  });
  const popup = await into.context.newPage();
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.goto(`chrome-extension://${into.extensionId}/popup.html?tab=${tabId}`);
  await popup.locator('h1').waitFor();
  return popup;
}

const card = (page: Page) => page.locator('nct-card [role="dialog"]');
const setStorage = (values: Record<string, unknown>) =>
  browser.serviceWorker.evaluate(async (items) => {
    type Storage = { chrome: { storage: { local: { set(v: object): Promise<void> } } } };
    await (globalThis as unknown as Storage).chrome.storage.local.set(items);
  }, values);

test.describe(`popup, settings and notes in Chromium (${describeFixtures()})`, () => {
  needsRecords();
  test('the popup lists the trials on the tab with their status, filters them, shows one on the page, copies the list', async () => {
    const page = await openPage('card.html');
    const popup = await openPopup(page);
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
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-nct-id')))
      .toBe('NCT02513394');
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
    const popup = await openPopup(page);
    await popup.getByLabel(/On for/).uncheck();
    await expect.poll(() => page.locator('[data-nct-id]').count()).toBe(0);
    await page.reload();
    // Once the page's content script answers the popup "off", it has read the setting and marked nothing.
    await popup.reload();
    await expect(popup.getByLabel(/On for/)).not.toBeChecked();
    expect(await page.locator('nct-ref').count()).toBe(0);
    await popup.getByLabel(/On for/).check();
    await page.reload();
    await page.locator('nct-ref').first().waitFor();
    await popup.close();
    await page.close();
  });

  test('status chips, when on, appear for the IDs in view only', async () => {
    await setStorage({ settings: { v: 2, chips: true } });
    const page = await openPage('sixty.html');
    await expect.poll(() => page.locator('#sixty nct-chip').count(), { timeout: 10_000 }).toBe(60);
    expect(await page.locator('#below nct-chip').count()).toBe(0);
    const chip = await page.locator('nct-ref[data-nct-id="NCT70000001"] nct-chip').evaluate((el) => ({
      hidden: el.getAttribute('aria-hidden'),
      text: el.shadowRoot?.textContent,
    }));
    expect(chip).toEqual({ hidden: 'true', text: 'Recruiting' });
    expect(await page.locator('#sixty li').first().innerText()).not.toContain('Recruiting');
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'page-chips.png'),
      clip: { x: 0, y: 0, width: 900, height: 330 },
    });
    await setStorage({ settings: { v: 2, chips: false } });
    await expect.poll(() => page.locator('nct-chip').count()).toBe(0);
    await page.close();
  });

  test('a note written in a card shows on another page with the same trial, and after a browser restart', async () => {
    // A profile of its own, kept across the restart.
    const profile = mkdtempSync(path.join(tmpdir(), 'nct-e2e-profile-'));
    browser = await launchWithExtension({ userDataDir: profile, expectWelcome: true });
    await routeRegistry(browser.context);
    const page = await openPage('card.html');
    await page.locator('nct-ref[data-nct-id="NCT05147467"]').hover();
    await card(page).getByRole('button', { name: 'Add a note' }).click();
    expect(await card(page).innerText()).toContain('Do not write anything that identifies a patient.');
    await card(page).getByLabel('Note', { exact: true }).fill('Ask the Guangzhou site about slots');
    await card(page).getByLabel('Tags, separated by commas').fill('CLL, referral');
    await card(page).getByRole('button', { name: 'Save note' }).click();
    await page.close();

    const other = await openPage('other.html');
    await other.locator('nct-ref[data-nct-id="NCT05147467"]').hover();
    await expect
      .poll(() => card(other).locator('.notes').innerText())
      .toContain('Ask the Guangzhou site about slots');
    expect(await card(other).locator('.notes').innerText()).toContain('Tags: CLL, referral');
    await other.close();

    await browser.close();
    browser = await launchWithExtension({ userDataDir: profile, expectWelcome: false });
    try {
      await routeRegistry(browser.context);
      const again = await openPage('other.html');
      await again.locator('nct-ref[data-nct-id="NCT05147467"]').hover();
      await expect
        .poll(() => card(again).locator('.notes').innerText())
        .toContain('Ask the Guangzhou site about slots');
      await again.close();
    } finally {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  test('notes export to JSON and import back; a hostile file is refused and changes nothing', async () => {
    await setStorage({
      'note:NCT05147467': {
        v: 1,
        text: 'Ask the Guangzhou site about slots',
        tags: ['CLL', 'referral'],
        updatedAt: Date.parse('2026-11-27T09:00:00Z'),
      },
    });
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const notes = options.locator('section[aria-labelledby="notes-h"]');
    await expect.poll(() => notes.innerText()).toContain('Ask the Guangzhou site about slots');
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      notes.getByRole('button', { name: 'Export as JSON' }).click(),
    ]);
    const exported = readFileSync((await download.path()) ?? '', 'utf8');
    expect(JSON.parse(exported).notes.NCT05147467.tags).toEqual(['CLL', 'referral']);

    await notes.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => notes.innerText()).toContain('No notes yet');
    const input = notes.locator('input[type="file"]');
    await input.setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exported),
    });
    await expect
      .poll(() => notes.getByRole('status').innerText())
      .toContain('Imported: 1 new notes, 0 updated.');
    expect(await notes.innerText()).toContain('Ask the Guangzhou site about slots');

    const hostile = JSON.stringify({
      format: 'nct-hover-cards-notes',
      version: 1,
      exportedAt: 'now',
      notes: { '<img src=x onerror=alert(1)>': { text: 'x', tags: [], updatedAt: 1 } },
    });
    await input.setInputFiles({
      name: 'evil.json',
      mimeType: 'application/json',
      buffer: Buffer.from(hostile),
    });
    await expect.poll(() => notes.getByRole('status').innerText()).toContain('is not an NCT ID');
    expect(await notes.innerText()).toContain('Ask the Guangzhou site about slots');
    expect(await options.locator('img').count()).toBe(0);
    await options.screenshot({
      path: path.join(SCREENSHOTS, 'options-full.png'),
      fullPage: true,
      animations: 'disabled',
    });
    await options.close();
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
    await page.locator('nct-ref[data-nct-id="NCT05147467"]').hover();
    await card(page).getByRole('button', { name: 'Settings for this site' }).click();
    await card(page)
      .getByRole('button', { name: /^Turn off on / })
      .click();
    await expect.poll(() => page.locator('[data-nct-id]').count()).toBe(0);
    expect(await page.locator('nct-card').count()).toBe(0);
    const settings = await browser.serviceWorker.evaluate(async () => {
      type Storage = { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } };
      return (await (globalThis as unknown as Storage).chrome.storage.local.get('settings')).settings;
    });
    expect((settings as { offSites: string[] }).offSites).toEqual([new URL(server.origin).host]);
    await setStorage({ settings: { v: 2, offSites: [] } });
    await page.close();
  });
});
