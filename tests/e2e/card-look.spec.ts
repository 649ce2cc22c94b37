import { describeFixtures, expect, needsRecords, test } from './fixtures';
import { SCREENSHOTS, card, mark } from './helpers';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { realSiteCounts } from '../support/ctgov';

test.describe(`what the card shows, and how it looks, in Chromium (${describeFixtures()})`, () => {
  test('shows every site count of a large trial and pages through its sites', async ({ openPage }) => {
    needsRecords();
    const page = await openPage('card.html');
    await mark(page, 'NCT02513394').hover();
    await card(page).locator('.title').waitFor();
    const { sites, countries } = realSiteCounts('NCT02513394');
    expect(await card(page).locator('.where').innerText()).toContain(
      `${sites} sites in ${countries} countries`,
    );
    await card(page).getByRole('button', { name: 'More' }).click();
    await card(page)
      .getByRole('button', { name: /Show all sites/ })
      .click();
    expect(await card(page).locator('.sites li').count()).toBe(50);
    // A place filter for a large trial: the sites of one country, without paging through 437.
    await card(page).getByLabel('City, state or country').fill('Austria');
    const austrian = await card(page).locator('.sites li').allInnerTexts();
    expect(austrian.length).toBeGreaterThan(0);
    expect(await card(page).locator('.country').allInnerTexts()).toEqual(['Austria']);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'card-long.png'), animations: 'disabled' });
    await page.close();
  });

  test('warns when the status is UNKNOWN and names the last known status', async ({ openPage }) => {
    needsRecords();
    const page = await openPage('card.html');
    await mark(page, 'NCT04207047').hover();
    await card(page).locator('.title').waitFor();
    expect(await card(page).locator('.warning').innerText()).toContain(
      'Not confirmed by the sponsor for over 2 years; last known: active, not recruiting.',
    );
    await page.close();
  });

  test('follows the dark colour scheme', async ({ openPage }) => {
    const page = await openPage('card.html');
    await page.emulateMedia({ colorScheme: 'dark' });
    await mark(page, 'NCT05147467').hover();
    await card(page).locator('.title').waitFor();
    const background = await card(page).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe('rgb(31, 34, 38)');
    await page.close();
  });

  test('respects reduced motion', async ({ openPage }) => {
    const page = await openPage('card.html');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await mark(page, 'NCT05147467').hover();
    await card(page).locator('.title').waitFor();
    expect(await card(page).evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    await page.close();
  });

  test('stays readable and inside the window at 200% zoom (a 640×360 CSS viewport)', async ({ openPage }) => {
    const page = await openPage('card.html');
    await page.setViewportSize({ width: 640, height: 360 });
    await mark(page, 'NCT05147467').hover();
    await card(page).locator('.title').waitFor();
    const box = await card(page).boundingBox();
    if (!box) throw new Error('no card');
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(640);
    expect(box.y + box.height).toBeLessThanOrEqual(360);
    expect(await card(page).evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    await page.close();
  });

  test("looks the same on a page with hostile CSS, and adds nothing to the page's styles", async ({
    openPage,
  }) => {
    const page = await openPage('hostile.html');
    const sheetsBefore = await page.evaluate(() => document.styleSheets.length);
    await mark(page, 'NCT05147467').hover();
    await card(page).locator('.title').waitFor();
    const styles = await card(page).evaluate((el) => {
      const title = el.querySelector('.title') as HTMLElement;
      const cs = getComputedStyle(el);
      return {
        font: cs.fontSize,
        width: cs.width,
        position: cs.position,
        title: getComputedStyle(title).fontSize,
        color: getComputedStyle(title).color,
      };
    });
    expect(styles).toEqual({
      font: '13.5px',
      width: '400px',
      position: 'static',
      title: '14.5px',
      color: 'rgb(28, 31, 35)',
    });
    // The page's rules aimed at divs and iframes neither hide nor shrink the card's frame.
    const box = await page.locator('iframe[title="Trial card"]').boundingBox();
    expect(box?.width).toBe(400);
    expect(box?.height).toBeGreaterThan(200);
    expect(await page.locator('iframe[title="Trial card"]').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.styleSheets.length)).toBe(sheetsBefore);
    expect(await card(page).innerText()).toContain('Recruiting');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'card-hostile.png'), animations: 'disabled' });
    await page.close();
  });

  test('has no serious accessibility violations (axe-core)', async ({ openPage }) => {
    const page = await openPage('card.html');
    await mark(page, 'NCT05147467').hover();
    await card(page).locator('.title').waitFor();
    // The card is its own document (an extension page in a frame): axe runs there. The page's
    // policy may forbid inline scripts, so axe is evaluated rather than added as a tag.
    const frame = page.frames().find((f) => f.url().startsWith('chrome-extension://'));
    if (!frame) throw new Error('no card frame');
    await frame.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = await frame.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run(
              context: unknown,
            ): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
          };
        }
      ).axe;
      const result = await axe.run({ include: [['.card']] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.close();
  });

  test('sends only NCT IDs, only to the registry API, with no referrer', async ({ openPage, registry }) => {
    const page = await openPage('card.html');
    await mark(page, 'NCT05147467').hover();
    await expect(card(page).locator('.title')).toBeVisible();
    expect(registry.requests.length).toBeGreaterThan(0);
    for (const request of registry.requests.filter((r) => r.url().includes('/api/'))) {
      const url = new URL(request.url());
      expect(url.origin + url.pathname).toMatch(
        /^https:\/\/clinicaltrials\.gov\/api\/v2\/studies(\/NCT\d{8})?$/,
      );
      expect([...url.searchParams.keys()].sort()).toEqual(
        url.pathname.endsWith('/studies') ? ['fields', 'filter.ids', 'pageSize'] : ['fields'],
      );
      for (const id of url.searchParams.get('filter.ids')?.split(',') ?? []) expect(id).toMatch(/^NCT\d{8}$/);
      expect(request.headers().referer).toBeUndefined();
      expect(request.headers().cookie).toBeUndefined();
    }
  });
});

test.describe('the status badge', () => {
  test('is coloured by its status: recruiting, terminated and unknown differ', async ({ openPage }) => {
    needsRecords();
    const page = await openPage('card.html');
    const colours: string[] = [];
    for (const id of ['NCT05147467', 'NCT00184067', 'NCT04207047']) {
      await page.locator('h1').hover();
      await expect(card(page)).toHaveCount(0);
      await mark(page, id).hover();
      const badge = card(page).locator('.badges .badge').first();
      await expect(badge).toBeVisible();
      colours.push(await badge.evaluate((el) => getComputedStyle(el).backgroundColor));
    }
    expect(new Set(colours).size).toBe(3);
    await page.close();
  });
});
