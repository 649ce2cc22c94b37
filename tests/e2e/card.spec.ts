import { describeFixtures, expect, needsRecords, test } from './fixtures';
import { card, cardFrame, focusInCard, mark, markedLink, setStorage } from './helpers';
import { addRowLink, repointLink } from '../support/marks';
import { realSiteCounts } from '../support/ctgov';

test.describe(`the card in Chromium (production build; ${describeFixtures()})`, () => {
  test('opens on hover after the delay, with status, phase, title and site count', async ({ openPage }) => {
    needsRecords();
    const page = await openPage('card.html');
    // Half a second after the hover begins, not earlier (the timing rule itself: unit tests).
    const hoverStart = Date.now();
    await mark(page, 'NCT05147467').hover();
    await expect(card(page)).toHaveCount(1);
    expect(Date.now() - hoverStart).toBeGreaterThanOrEqual(450);
    const dialog = card(page);
    await dialog.locator('.title').waitFor();
    expect(await dialog.getAttribute('aria-label')).toBe(
      'Trial NCT05147467: Study of APG-2575 in Patients With Relapsed/Refractory CLL/SLL',
    );
    const text = await dialog.innerText();
    expect(text).toContain('Recruiting');
    expect(text).toContain('Phase 2');
    const { sites, countries } = realSiteCounts('NCT05147467');
    expect(text).toContain(`${sites} sites in ${countries} ${countries === 1 ? 'country' : 'countries'}`);
    expect(text).toContain('Not medical advice');
    await page.close();
  });

  test('never opens under the pointer and stays inside the viewport, flipping above near the bottom', async ({
    openPage,
  }) => {
    const page = await openPage('card.html');
    const id = mark(page, 'NCT03281889');
    await id.hover();
    await card(page).locator('.title').waitFor();
    const idBox = await id.boundingBox();
    const cardBox = await card(page).boundingBox();
    if (!idBox || !cardBox) throw new Error('no boxes');
    expect(cardBox.y + cardBox.height).toBeLessThanOrEqual(idBox.y);
    expect(cardBox.y).toBeGreaterThanOrEqual(0);
    expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(1280);
    await page.close();
  });

  test('stays open while the pointer is over it, and closes after the grace period once it leaves', async ({
    openPage,
  }) => {
    needsRecords();
    const page = await openPage('card.html');
    await mark(page, 'NCT00184067').hover();
    await card(page).locator('.title').waitFor();
    const box = await card(page).boundingBox();
    if (!box) throw new Error('no card');
    await page.mouse.move(box.x + 40, box.y + 40, { steps: 4 });
    // The pointer reached the card through the gap, and the card is still there to be used.
    await card(page).getByRole('button', { name: 'Pin' }).hover();
    await expect(card(page)).toHaveCount(1);
    await expect(card(page)).toContainText('Why stopped: Primary PI left institution');
    await page.mouse.move(1200, 700);
    await expect(card(page)).toHaveCount(0);
    await page.close();
  });

  test('opens at once on keyboard focus; Escape closes it and gives focus back to the ID', async ({
    openPage,
  }) => {
    const page = await openPage('card.html');
    await page.locator('h1').click();
    await page.keyboard.press('Tab');
    await expect(mark(page, 'NCT05147467')).toBeFocused();
    // Opened at once (the frame itself may take a moment the first time on a page).
    expect(await mark(page, 'NCT05147467').getAttribute('aria-expanded')).toBe('true');
    await expect(card(page)).toHaveCount(1);
    await page.keyboard.press('Escape');
    expect(await card(page).count()).toBe(0);
    await expect(mark(page, 'NCT05147467')).toBeFocused();
    await page.close();
  });

  test('Enter moves focus into the card, Tab stays inside it, Escape returns to the ID', async ({
    openPage,
  }) => {
    const page = await openPage('card.html');
    await mark(page, 'NCT05147467').focus();
    await page.keyboard.press('Enter');
    await card(page).locator('.title').waitFor();
    await expect.poll(() => focusInCard(page)).toBe(true);
    for (let i = 0; i < 25; i++) await page.keyboard.press('Tab');
    expect(await focusInCard(page)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await card(page).count()).toBe(0);
    await expect(mark(page, 'NCT05147467')).toBeFocused();
    await page.close();
  });

  test('"Open on ClinicalTrials.gov" opens the record in a new tab', async ({
    openPage,
    extension: browser,
  }) => {
    const page = await openPage('card.html');
    await mark(page, 'NCT05147467').hover();
    const link = card(page).getByRole('link', { name: 'Open on ClinicalTrials.gov' });
    await link.waitFor();
    const [tab] = await Promise.all([browser.context.waitForEvent('page'), link.click()]);
    expect(tab.url()).toBe('https://clinicaltrials.gov/study/NCT05147467');
    await tab.close();
    await page.close();
  });

  test('closes on a click outside, but not when pinned', async ({ openPage }) => {
    const page = await openPage('card.html');
    await mark(page, 'NCT00184067').hover();
    await card(page).locator('.title').waitFor();
    await page.locator('h1').click();
    expect(await card(page).count()).toBe(0);
    await mark(page, 'NCT00184067').hover();
    await card(page).getByRole('button', { name: 'Pin' }).click();
    // Unpinned, this click closes the card at once (above); pinned, it stays, pointer gone or not.
    await page.locator('h1').click();
    await expect(card(page)).toHaveCount(1);
    await page.mouse.move(1200, 700);
    await expect(card(page)).toHaveCount(1);
    await card(page).getByRole('button', { name: 'Close the trial card' }).click();
    expect(await card(page).count()).toBe(0);
    await page.close();
  });

  test('keeps its size and place when pinned, so a click right after lands where it was aimed', async ({
    openPage,
  }) => {
    needsRecords();
    const page = await openPage('card.html');
    // Too low a window for the whole card: it is shortened to fit, the case where it used to grow to
    // full height and shrink again at every redraw (a click on "More" then landed elsewhere).
    await page.setViewportSize({ width: 1280, height: 420 });
    await mark(page, 'NCT05147467').hover();
    await card(page).locator('.title').waitFor();
    // The box around the card's frame (Playwright's locators reach into the host's open shadow root).
    const cardBoxElement = page.locator('.box', { has: page.locator('iframe[title="Trial card"]') });
    /** Records the box's place and height now and at every change of its style, as it happens. */
    const watchCardBox = () =>
      cardBoxElement.evaluate((box) => {
        const seen = new Set<string>();
        const record = () => {
          const r = box.getBoundingClientRect();
          seen.add(`${Math.round(r.top)},${Math.round(r.height)}`);
        };
        record();
        // The growing lasted a few milliseconds: only an observer sees it.
        new MutationObserver(record).observe(box, { attributes: true });
        (window as unknown as { cardBoxesSeen: Set<string> }).cardBoxesSeen = seen;
        return [...seen];
      });
    const before = await watchCardBox();
    expect(Number(before[0]?.split(',')[1])).toBeLessThan(450);
    // Shortened, it still stands beside its ID, not over it, and inside the window.
    const idBox = await mark(page, 'NCT05147467').boundingBox();
    const cardBox = await card(page).boundingBox();
    if (!idBox || !cardBox) throw new Error('no boxes');
    const clear = cardBox.y + cardBox.height <= idBox.y || cardBox.y >= idBox.y + idBox.height;
    expect(clear).toBe(true);
    expect(cardBox.y).toBeGreaterThanOrEqual(0);
    expect(cardBox.y + cardBox.height).toBeLessThanOrEqual(420);
    await card(page).getByRole('button', { name: 'Pin' }).click();
    await expect(card(page).getByRole('button', { name: 'Unpin' })).toHaveAttribute('aria-pressed', 'true');
    await card(page).getByRole('button', { name: 'More' }).click();
    await expect(card(page).getByRole('button', { name: 'Add a note' })).toBeVisible();
    // A few frames later still, for any placement still on its way.
    const seen = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() =>
              resolve([...(window as unknown as { cardBoxesSeen: Set<string> }).cardBoxesSeen]),
            ),
          ),
        ),
    );
    expect(seen).toEqual(before);
    await page.close();
  });

  test('a card drawn ahead at the hover intent is out of reach until shown: no focus, pointer or screen reader', async ({
    openPage,
    extension,
  }) => {
    // A long show delay, so that the card drawn ahead stays unshown for as long as the test looks.
    await setStorage(extension, {
      settings: { v: 2, delays: { fetchDelayMs: 150, showDelayMs: 5000, hideDelayMs: 300 } },
    });
    const page = await openPage('card.html');
    await mark(page, 'NCT00184067').hover();
    const frame = cardFrame(page);
    await frame.locator('#app[inert] [role="dialog"] .title').waitFor();
    expect(await card(page).count()).toBe(0);
    const host = await page.evaluate(() => {
      const root = [...document.documentElement.children].find((e) => e.shadowRoot?.querySelector('iframe'));
      const box = root?.shadowRoot?.querySelector<HTMLElement>('.box');
      const iframe = root?.shadowRoot?.querySelector('iframe');
      const style = box && getComputedStyle(box);
      const rect = box?.getBoundingClientRect();
      const hit = rect && document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2);
      return {
        opacity: style?.opacity,
        pointer: style?.pointerEvents,
        tabIndex: iframe?.tabIndex,
        ariaHidden: iframe?.getAttribute('aria-hidden'),
        hitsCard: !!hit && root === hit,
      };
    });
    expect(host).toEqual({
      opacity: '0',
      pointer: 'none',
      tabIndex: -1,
      ariaHidden: 'true',
      hitsCard: false,
    });
    // Tab from the page's last control does not enter the unshown card.
    await page.mouse.move(1200, 700);
    await page.evaluate(() =>
      document.body.append(Object.assign(document.createElement('button'), { id: 'end' })),
    );
    await page.locator('#end').focus();
    await page.keyboard.press('Tab');
    expect(await focusInCard(page)).toBe(false);
    await page.close();
  });

  test('shows the trial a link points at now, after the page pointed it elsewhere', async ({ openPage }) => {
    needsRecords();
    const page = await openPage('card.html');
    // A framework reusing a row's link for another trial changes only its address.
    await page.evaluate(addRowLink, 'https://clinicaltrials.gov/study/NCT05147467');
    const link = page.locator('#row-link');
    await markedLink(page, 'NCT05147467').waitFor();
    await link.hover();
    await expect(card(page)).toHaveAttribute('aria-label', /^Trial NCT05147467:/);
    await page.keyboard.press('Escape');
    await expect(card(page)).toHaveCount(0);
    await page.mouse.move(0, 600);
    await page.evaluate(repointLink, 'https://clinicaltrials.gov/study/NCT00184067');
    await link.hover();
    await expect(card(page)).toHaveAttribute('aria-label', /^Trial NCT00184067:/);
    await page.close();
  });

  test('closes when its ID scrolls out of sight', async ({ openPage }) => {
    const page = await openPage('card.html');
    await mark(page, 'NCT00184067').hover();
    await card(page).locator('.title').waitFor();
    await page.mouse.wheel(0, 1500);
    await expect.poll(() => card(page).count(), { timeout: 2000 }).toBe(0);
    await page.close();
  });
});
