import { describeFixtures, expect, needsRecords, test } from './fixtures';
import { SCREENSHOTS, card, mark } from './helpers';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { ExtensionBrowser, PageServer } from './harness';

let browser: ExtensionBrowser;
let server: PageServer;
test.beforeEach(({ extension, server: pages }) => {
  browser = extension;
  server = pages;
});

async function openCard(id: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${server.origin}/card.html`);
  await mark(page, id).hover();
  await card(page).locator('.title').waitFor();
  return page;
}

test.describe(`eligibility and locations in Chromium (${describeFixtures()})`, () => {
  needsRecords();
  test('shows key criteria with their numbers at a glance; "More" lists all criteria, filtered', async () => {
    const page = await openCard('NCT02513394');
    const key = card(page).locator('.key-criteria');
    expect(await key.locator('.threshold').count()).toBeGreaterThan(0);
    await card(page).getByRole('button', { name: 'More' }).click();
    const all = card(page).locator('.all-criteria');
    await all.waitFor();
    const everything = await all.locator('li').count();
    await all.getByLabel('Filter').fill('pregnan');
    await expect.poll(() => all.locator('li').count()).toBeLessThan(everything);
    const kept = await all.locator('li').allInnerTexts();
    expect(kept.length).toBeGreaterThan(0);
    for (const text of kept) expect(text.toLowerCase()).toContain('pregnan');
    expect(await all.innerText()).toMatch(new RegExp(`${kept.length} of ${everything} criteria match`));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'card-criteria.png'), animations: 'disabled' });
    await page.close();
  });

  test('explains glossary terms on hover, and all at once on request', async () => {
    const page = await openCard('NCT05147467');
    const term = card(page).locator('.key-criteria .term-word', { hasText: 'ECOG' }).first();
    expect(await term.getAttribute('title')).toContain('daily activities');
    await card(page).getByRole('button', { name: 'More' }).click();
    await card(page).getByRole('button', { name: 'Explain medical terms' }).click();
    expect(await card(page).locator('.all-criteria .meaning').first().innerText()).toMatch(/\(.+\)/);
    await page.close();
  });

  test('checks an age and a sex against the structured limits, and never says "eligible"', async () => {
    const page = await openCard('NCT05147467');
    await card(page).getByRole('button', { name: 'More' }).click();
    await card(page).getByText('Quick check for a patient').click();
    await card(page).getByLabel('Age').fill('17');
    await card(page).getByLabel('Sex').selectOption('female');
    const lines = await card(page).locator('.check-lines').innerText();
    expect(lines).toContain('Age 17: below the minimum age of 18 years.');
    expect(lines).toContain('Sex: female participants are accepted.');
    expect((await card(page).innerText()).toLowerCase()).not.toMatch(/you are eligible|is eligible/);
    await page.close();
  });

  test('with a home city chosen in the settings, the card shows the nearest open site and sorts by distance', async () => {
    const settings = await browser.context.newPage();
    await settings.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await settings.getByLabel('Or type a city or a US ZIP code').fill('Guangzh');
    await settings.getByRole('button', { name: /^Guangzhou, Guangdong, China$/ }).click();
    await expect
      .poll(() => settings.locator('section[aria-labelledby="home-h"] [role="status"]').innerText())
      .toBe('Home set to Guangzhou, Guangdong, China.');
    // Chromium here speaks en-US, so "by my browser's language" would mean miles: choose kilometres.
    await settings.getByLabel('Show distances in').selectOption('km');
    await settings.getByText('Distances will be shown in kilometres.').waitFor();
    await settings.screenshot({ path: path.join(SCREENSHOTS, 'options.png'), animations: 'disabled' });
    await settings.close();

    const page = await openCard('NCT05147467');
    const nearest = card(page).locator('.nearest');
    await nearest.waitFor();
    const text = await nearest.innerText();
    expect(text, text).toMatch(
      /^Nearest open site: Sun Yat-sen University Cancer Center, Guangzhou, Guangdong \([\d.]+ km\)/,
    );
    await card(page).getByRole('button', { name: 'More' }).click();
    await card(page).getByRole('button', { name: 'Sort by distance' }).click();
    const first = await card(page).locator('.sites li').first().innerText();
    expect(first).toContain('Guangzhou');
    expect(first).toMatch(/ km/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'card-nearest.png'), animations: 'disabled' });
    await page.close();
  });

  test('finds a home location by US ZIP code, offline', async () => {
    const settings = await browser.context.newPage();
    await settings.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await settings.getByLabel('Or type a city or a US ZIP code').fill('02115');
    await settings.getByRole('button', { name: 'ZIP 02115, United States' }).click();
    await expect
      .poll(() => settings.locator('section[aria-labelledby="home-h"] [role="status"]').innerText())
      .toBe('Home set to ZIP 02115, United States.');
    expect(await settings.locator('main').innerText()).toContain('(42.34, -71.09)');
    await settings.getByLabel('Or type a city or a US ZIP code').fill('00000');
    await expect(settings.getByText('No US ZIP code 00000 in the list.')).toBeVisible();
    await settings.close();
  });

  test("can use the device's location instead", async () => {
    const settings = await browser.context.newPage();
    const origin = `chrome-extension://${browser.extensionId}`;
    await browser.context.grantPermissions(['geolocation']);
    await browser.context.setGeolocation({ latitude: 31.2304, longitude: 121.4737 });
    await settings.goto(`${origin}/options.html`);
    await settings.getByRole('button', { name: 'Use my current location' }).click();
    await expect
      .poll(() => settings.locator('section[aria-labelledby="home-h"] [role="status"]').innerText())
      .toBe('Home set to this device’s location.');
    expect(await settings.locator('main').innerText()).toContain('(31.23, 121.47)');
    await settings.getByRole('button', { name: 'Remove' }).click();
    await expect
      .poll(() => settings.locator('section[aria-labelledby="home-h"] [role="status"]').innerText())
      .toBe('Home location removed.');
    await settings.close();
  });
});
