/**
 * The card at a glance, on every real record we have, in Chromium with the production build: the first
 * view (no scrolling) shows status, phase, who, key criteria, where, what and the record link, in a box
 * of at most 400 × 450; and the card keeps the reader's work.
 */
import type { FrameLocator, Locator, Page } from '@playwright/test';
import path from 'node:path';
import { phaseFact } from '@/lib/trial/facts';
import { statusLabel } from '@/lib/trial/status';
import { ageRange } from '@/lib/trial/words';
import { describeFixtures, expect, needsRecords, test } from './fixtures';
import { SCREENSHOTS, card, cardFrame, mark, setStorage } from './helpers';
import { realRecord } from '../support/ctgov';

const RECORDS = [
  'NCT00184067',
  'NCT00711542',
  'NCT00763412',
  'NCT02210780',
  'NCT02513394',
  'NCT03064438',
  'NCT03281889',
  'NCT03630471',
  'NCT03934567',
  'NCT04207047',
  'NCT05147467',
  'NCT05594173',
  'NCT06509126',
];

interface Record {
  protocolSection: {
    statusModule: { overallStatus: string };
    designModule?: { phases?: string[] };
    eligibilityModule?: { minimumAge?: string; maximumAge?: string };
    armsInterventionsModule?: { interventions?: unknown[] };
  };
}

/** Opens the card of `id` (after any other card has closed) and returns its dialog. */
async function openCard(page: Page, id: string): Promise<Locator> {
  // Escape closes any open card wherever the pointer is (a card may cover the next ID).
  await page.keyboard.press('Escape');
  await expect(card(page)).toHaveCount(0);
  await mark(page, id).hover();
  const dialog = card(page).and(cardFrame(page).locator(`[aria-label*="${id}"]`));
  await dialog.locator('.glance').waitFor();
  return dialog;
}

/** The text of each part of the first view that is entirely visible without scrolling (null if not). */
function firstView(dialog: Locator) {
  return dialog.evaluate((el) => {
    const top = el.getBoundingClientRect().top;
    const visible = (selector: string) => {
      const part = el.querySelector(selector);
      if (!part) return undefined;
      const box = part.getBoundingClientRect();
      return box.height > 0 && box.top >= top && box.bottom <= top + el.clientHeight + 0.5
        ? (part.textContent ?? '')
        : null;
    };
    return {
      scrolled: el.scrollTop,
      status: visible('.badges .badge'),
      phase: visible('.badges .phase'),
      link: visible('a.open'),
      who: visible('.who'),
      keyCriteria: visible('.key-criteria'),
      where: visible('.where'),
      what: visible('.what'),
      more: visible('.more-button'),
    };
  });
}

/** The card's box in the page (the frame's host), which page CSS cannot change. */
const cardBox = (page: Page) =>
  page.evaluate(() => {
    const host = [...document.documentElement.children].find((e) => e.shadowRoot?.querySelector('iframe'));
    const box = host?.shadowRoot?.querySelector('.box')?.getBoundingClientRect();
    return { width: box?.width ?? 0, height: box?.height ?? 0 };
  });

test.describe(`the card at a glance in Chromium (${describeFixtures()})`, () => {
  for (const [name, viewport] of [
    ['1280 × 900', { width: 1280, height: 900 }],
    ['a 390 px wide phone', { width: 390, height: 844 }],
  ] as const) {
    test(`every real record fits one view at ${name}: status, phase, who, criteria, where, what, record link`, async ({
      openPage,
    }) => {
      needsRecords();
      test.setTimeout(120_000);
      const page = await openPage('records.html');
      await page.setViewportSize(viewport);
      for (const id of RECORDS) {
        const record = realRecord(id) as Record;
        const dialog = await openCard(page, id);
        const view = await firstView(dialog);
        const where = `${id} at ${name}`;
        expect(view.scrolled, where).toBe(0);
        expect(view.status, where).toBe(statusLabel(record.protocolSection.statusModule.overallStatus).label);
        const phases = record.protocolSection.designModule?.phases ?? [];
        if (phases.some((p) => p !== 'NA')) expect(view.phase, where).toBe(phaseFact(phases));
        const e = record.protocolSection.eligibilityModule ?? {};
        expect(view.who, where).toContain(ageRange(e.minimumAge, e.maximumAge));
        expect(view.where, where).toMatch(/^Where (\d[\d,]* sites? in|No sites listed yet)/);
        if (record.protocolSection.armsInterventionsModule?.interventions?.length)
          expect(view.what, where).toMatch(/^What /);
        expect(view.keyCriteria ?? '', where).toMatch(/(Include|Exclude):/);
        expect(view.link, where).toBe('Open on ClinicalTrials.gov');
        expect(view.more, where).toBe('More');
        const box = await cardBox(page);
        expect(box.height, where).toBeLessThanOrEqual(450);
        expect(box.width, where).toBeLessThanOrEqual(Math.min(400, viewport.width));
      }
      if (viewport.width < 500) {
        await openCard(page, 'NCT05147467');
        await page.screenshot({ path: path.join(SCREENSHOTS, 'card-phone.png'), animations: 'disabled' });
      }
      await page.close();
    });
  }

  test('labels key criteria with thresholds: exclusions say Exclude, inclusions Include', async ({
    openPage,
  }) => {
    needsRecords();
    const page = await openPage('records.html');
    const items = async (id: string) =>
      (await openCard(page, id)).locator('.key-criteria li').allInnerTexts();
    expect(await items('NCT00711542')).toEqual(
      expect.arrayContaining([
        'Exclude: Heart failure (LVEF ≤ 30 %).',
        'Exclude: Impaired kidney function (creatinin > 2,5 mg/dl) at the time of treatment',
      ]),
    );
    expect(await items('NCT02513394')).toEqual(
      expect.arrayContaining([
        'Include: Absolute neutrophil count ≥ 1,500/µL',
        'Include: ECOG performance status 0-1.',
      ]),
    );
    // A negative written under inclusion reads as the exclusion it is.
    expect(await items('NCT06509126')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Exclude: Prior treatments \(chemotherapy/)]),
    );
    await page.close();
  });

  test('an UNKNOWN-status trial shows no open site and no nearest open site, only what was last reported', async ({
    openPage,
    extension,
  }) => {
    needsRecords();
    // A home location, so that a nearest open site would be offered if there were one.
    await setStorage(extension, {
      home: {
        v: 1,
        lat: 39.7392,
        lon: -104.9903,
        label: 'Denver, Colorado, United States of America',
        source: 'place',
      },
    });
    const page = await openPage('records.html');
    const dialog = await openCard(page, 'NCT04207047');
    const where = await dialog.locator('.where').innerText();
    expect(where).toContain('last reported Dec 2019');
    expect(where).not.toMatch(/open/);
    expect(await dialog.locator('.nearest').count()).toBe(0);
    // (Its one site has no status of its own; site statuses under a lapsed trial: trial-card.test.tsx.)
    // A recruiting trial's sites are open, and its nearest open site is offered.
    const open = await openCard(page, 'NCT05147467');
    expect(await open.locator('.where').innerText()).toContain('11 open');
    await expect(open.locator('.nearest')).toContainText('Nearest open site:');
    await page.close();
  });

  test('a half-typed note survives the pointer leaving and the card closing', async ({ openPage }) => {
    needsRecords();
    const page = await openPage('records.html');
    const dialog = await openCard(page, 'NCT05147467');
    await dialog.getByRole('button', { name: 'More' }).click();
    await dialog.getByRole('button', { name: 'Add a note' }).click();
    await dialog.getByLabel('Note', { exact: true }).pressSequentially('Screen pt Tuesday');
    // Typing pinned the card: the pointer leaving does not close it.
    await expect(dialog.getByRole('button', { name: 'Unpin' })).toHaveAttribute('aria-pressed', 'true');
    await page.mouse.move(5, 5);
    await page.locator('#away').hover();
    await expect(dialog.getByLabel('Note', { exact: true })).toHaveValue('Screen pt Tuesday');
    // Closed on purpose, and opened again: the draft is still there.
    await dialog.getByRole('button', { name: 'Close the trial card' }).click();
    await expect(card(page)).toHaveCount(0);
    const again = await openCard(page, 'NCT05147467');
    await expect(again.getByLabel('Note', { exact: true })).toHaveValue('Screen pt Tuesday');
    await page.close();
  });

  test('the record link is the first Tab stop in the card; glossary terms are not tab stops', async ({
    openPage,
  }) => {
    needsRecords();
    const page = await openPage('records.html');
    await mark(page, 'NCT02513394').focus();
    await page.keyboard.press('Enter');
    const frame: FrameLocator = cardFrame(page);
    await card(page).locator('.glance').waitFor();
    await page.keyboard.press('Tab');
    await expect(frame.locator(':focus')).toHaveText('Open on ClinicalTrials.gov');
    const termsThatTakeFocus = await card(page).evaluate(
      (el) => [...el.querySelectorAll('.term')].filter((t) => t.querySelector('button, [tabindex]')).length,
    );
    expect(termsThatTakeFocus).toBe(0);
    await page.close();
  });

  test("a home location from one of the trial's own site cities gives the nearest open site at once", async ({
    openPage,
  }) => {
    needsRecords();
    const page = await openPage('records.html');
    const dialog = await openCard(page, 'NCT05147467');
    expect(await dialog.locator('.nearest').count()).toBe(0);
    await dialog.getByRole('button', { name: 'More' }).click();
    const picker = dialog.getByLabel('Distances from');
    // "More" renders after the click: wait for the option rather than read a list not drawn yet.
    const option = picker.locator('option', { hasText: /^Guangzhou/ }).first();
    await expect(option).toBeAttached();
    await picker.selectOption({ label: (await option.textContent()) ?? '' });
    await dialog.getByRole('button', { name: 'Use as my location' }).click();
    await expect(dialog.locator('.nearest')).toContainText(/Nearest open site: .+Guangzhou.+\(0 (km|mi)\)/);
    await page.close();
  });

  test('a click on an ID that is not a link opens its card at once, pinned', async ({ openPage }) => {
    needsRecords();
    const page = await openPage('records.html');
    const clickedAt = Date.now();
    await mark(page, 'NCT03934567').click();
    await expect(card(page).getByRole('button', { name: 'Unpin' })).toHaveAttribute('aria-pressed', 'true');
    // At once: well before the hover's 500 ms show delay would have passed since the pointer arrived.
    expect(Date.now() - clickedAt).toBeLessThan(2000);
    await page.mouse.move(5, 5);
    await page.mouse.move(8, 8);
    await expect(card(page)).toHaveCount(1);
    await page.close();
  });

  test('light and dark screenshots of the card for docs/', async ({ openPage }) => {
    needsRecords();
    const page = await openPage('records.html');
    await page.setViewportSize({ width: 1000, height: 900 });
    await openCard(page, 'NCT02513394');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'card-light.png'), animations: 'disabled' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await openCard(page, 'NCT05147467');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'card-dark.png'), animations: 'disabled' });
    await page.close();
  });
});

/** A study of our own with values no layout expects: a 100 kB title, unbroken 3,000-character strings. */
const unbroken = 'A'.repeat(3000);
const longStudy = {
  protocolSection: {
    identificationModule: { nctId: 'NCT05147467', briefTitle: `${'Long title words '.repeat(6000)}end` },
    statusModule: { overallStatus: 'RECRUITING', statusVerifiedDate: '2026-10', whyStopped: unbroken },
    designModule: { studyType: 'INTERVENTIONAL', phases: ['PHASE2'] },
    conditionsModule: { conditions: [unbroken] },
    armsInterventionsModule: { interventions: [{ type: 'DRUG', name: unbroken }] },
    eligibilityModule: {
      minimumAge: '18 Years',
      sex: 'ALL',
      eligibilityCriteria: `Inclusion Criteria:\n\n* ECOG 0-1 ${unbroken}\n\nExclusion Criteria:\n\n* Pregnancy ${unbroken}`,
    },
    contactsLocationsModule: {
      locations: [{ facility: unbroken, city: unbroken, country: 'Norway', status: 'RECRUITING' }],
    },
  },
  hasResults: false,
};

test.describe('the card with values no layout expects', () => {
  test.use({ registryOptions: { studies: { NCT05147467: longStudy } } });
  test('a 100 kB title and unbroken strings wrap or clamp inside the card, never overflow it', async ({
    openPage,
  }) => {
    const page = await openPage('records.html');
    await page.setViewportSize({ width: 1280, height: 900 });
    const dialog = await openCard(page, 'NCT05147467');
    const sizes = await dialog.evaluate((el) => ({
      overflowX: el.scrollWidth - el.clientWidth,
      title: (el.querySelector('.title') as HTMLElement).getBoundingClientRect().height,
      titleLength: el.querySelector('.title')?.textContent?.length ?? 0,
    }));
    expect(sizes.overflowX).toBeLessThanOrEqual(0);
    // The whole title is there (for a screen reader and "Full title"), shown in two lines.
    expect(sizes.titleLength).toBeGreaterThan(100_000);
    expect(sizes.title).toBeLessThan(50);
    const view = await firstView(dialog);
    expect(view.link).toBe('Open on ClinicalTrials.gov');
    expect(view.where).toMatch(/^Where 1 site in 1 country/);
    const box = await cardBox(page);
    expect(box.width).toBeLessThanOrEqual(400);
    expect(box.height).toBeLessThanOrEqual(450);
    await page.close();
  });
});
