import { describeFixtures, expect, needsRecords, test } from './fixtures';
import { SCREENSHOTS, card, mark, setStorage, openPageIn } from './helpers';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchWithExtension, type ExtensionBrowser, type PageServer } from './harness';
import { routeRegistry } from './registry';

let server: PageServer;
let browser: ExtensionBrowser;
test.beforeEach(async ({ extension, server: pages }) => {
  browser = extension;
  server = pages;
  await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

const openPage = (name: string, into = browser) => openPageIn(into, server, name);

test.describe(`notes in Chromium (${describeFixtures()})`, () => {
  needsRecords();
  test('a note written in a card shows on another page with the same trial, and after a browser restart', async () => {
    // A profile of its own, kept across the restart.
    const profile = mkdtempSync(path.join(tmpdir(), 'nct-e2e-profile-'));
    browser = await launchWithExtension({ userDataDir: profile, expectWelcome: true });
    await routeRegistry(browser.context);
    const page = await openPage('card.html');
    await mark(page, 'NCT05147467').hover();
    await card(page).getByRole('button', { name: 'More' }).click();
    await card(page).getByRole('button', { name: 'Add a note' }).click();
    expect(await card(page).innerText()).toContain('Do not write anything that identifies a patient.');
    await card(page).getByLabel('Note', { exact: true }).fill('Ask the Guangzhou site about slots');
    await card(page).getByLabel('Tags, separated by commas').fill('CLL, referral');
    await card(page).getByRole('button', { name: 'Save note' }).click();
    await page.close();

    const other = await openPage('other.html');
    await mark(other, 'NCT05147467').hover();
    await expect(card(other).locator('.note-flag')).toHaveText(/You have a note/);
    await card(other).getByRole('button', { name: 'More' }).click();
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
      await mark(again, 'NCT05147467').hover();
      await card(again).getByRole('button', { name: 'More' }).click();
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
    await setStorage(browser, {
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
