import { expect, test } from './fixtures';
import { SCREENSHOTS, card, mark } from './helpers';
import { MARKED, marksAsSeen } from '../support/marks';
import path from 'node:path';
import type { Page } from '@playwright/test';

async function hoverCard(page: Page, id: string): Promise<string> {
  await page.locator('h1').hover();
  await expect(card(page)).toHaveCount(0);
  await mark(page, id).hover();
  await card(page).locator('.title, .problem').first().waitFor({ timeout: 20_000 });
  return card(page).innerText();
}

test.describe('trial data in Chromium (production build)', () => {
  test('a page with 60 IDs in view costs at most 2 API requests; far-away IDs are not asked for', async ({
    openPage,
    registry,
  }) => {
    const page = await openPage('sixty.html');
    // Only this page's requests: the first-run welcome page may have asked for its example trial.
    const onPage = new Set((await page.$$eval(MARKED, marksAsSeen)).map((seen) => seen.split(':')[1]));
    const pageRequests = () => registry.idsPerRequest().filter((ids) => ids.some((id) => onPage.has(id)));
    await expect.poll(() => pageRequests().flat().length).toBe(61);
    expect(pageRequests().length).toBeLessThanOrEqual(2);
    const asked = pageRequests().flat();
    expect(new Set(asked).size).toBe(61);
    expect(asked).not.toContain('NCT09999902');
    // Hovering a prefetched ID costs no further request.
    expect(await hoverCard(page, 'NCT70000042')).toContain('Test trial NCT70000042');
    expect(pageRequests().length).toBeLessThanOrEqual(2);
  });
});

test.describe('an unregistered ID', () => {
  test.use({ registryOptions: { unknown: ['NCT09999901'] } });
  test('says so, without hiding the trials asked for with it', async ({ openPage }) => {
    const page = await openPage('sixty.html');
    expect(await hoverCard(page, 'NCT09999901')).toContain(
      'ClinicalTrials.gov has no registered trial with the ID NCT09999901.',
    );
    expect(await hoverCard(page, 'NCT70000001')).toContain('Recruiting');
  });
});

/** The 60 IDs in the first view of sixty.html: however the prefetch happens to batch them, all fail. */
const IN_VIEW = Array.from({ length: 60 }, (_, i) => `NCT${70000001 + i}`);

test.describe('a failing batch', () => {
  test.use({ registryOptions: { failing: { ids: IN_VIEW, status: 500 } } });
  test('shows its error and a retry; other batches still show', async ({ openPage, registry }) => {
    const page = await openPage('sixty.html');
    const failed = await hoverCard(page, 'NCT70000010');
    expect(failed).toContain('ClinicalTrials.gov could not be reached');
    expect(await card(page).getByRole('button', { name: 'Try again' }).count()).toBe(1);
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'card-error.png'),
      clip: { x: 0, y: 0, width: 900, height: 420 },
      animations: 'disabled',
    });
    // Retried with back-off before giving up, not hammered.
    const tries = registry.idsPerRequest().filter((ids) => ids.includes('NCT70000010')).length;
    expect(tries).toBeGreaterThan(1);
    expect(tries).toBeLessThanOrEqual(4);
    await page.locator('#below').scrollIntoViewIfNeeded();
    expect(await hoverCard(page, 'NCT09999902')).toContain('Test trial NCT09999902');
  });
});

test.describe('fairness between tabs', () => {
  test('a tab flooding itself with IDs does not delay another tab’s card past 3 s', async ({
    context,
    server,
    registry,
    openPage,
  }) => {
    const flood = await context.newPage();
    await flood.goto(`${server.origin}/flood.html`);
    // The flood is under way: its prefetches fill the background's queue.
    await expect.poll(() => registry.requests.length, { timeout: 10_000 }).toBeGreaterThan(5);
    const page = await openPage('card.html');
    const hoverStart = Date.now();
    await mark(page, 'NCT00184067').hover();
    await expect(card(page).locator('.title')).toBeVisible({ timeout: 3000 });
    expect(Date.now() - hoverStart).toBeLessThan(3000);
    await flood.close();
    await page.close();
  });
});

test.describe('a page that removes its IDs while their prefetches wait', () => {
  test('the background drops them: they are never asked for', async ({ openPage, registry }) => {
    const page = await openPage('gone.html');
    const listed = new Set(Array.from({ length: 150 }, (_, i) => `NCT${82000001 + i}`));
    const askedOf = (ids: Set<string>) =>
      registry
        .idsPerRequest()
        .flat()
        .filter((id) => ids.has(id));
    // The 150 in view go out 50 per request, three requests a second: the first has gone out.
    await expect.poll(() => askedOf(listed).length).toBeGreaterThan(0);
    await page.evaluate(() => {
      document.getElementById('block')?.remove();
      // The app's next view names other trials: their prefetch waits behind whatever is still queued.
      const next = document.createElement('p');
      next.textContent = 'Now showing NCT83000001 and NCT83000002.';
      document.body.prepend(next);
    });
    const later = new Set(['NCT83000001', 'NCT83000002']);
    await expect.poll(() => askedOf(later).length, { timeout: 20_000 }).toBe(2);
    // Without the drop, all 150 would have been asked for before the next view's two.
    expect(askedOf(listed).length).toBeLessThanOrEqual(100);
    await page.close();
  });
});
