/**
 * The Firefox build in a real Firefox (Debian's firefox-esr over WebDriver BiDi): IDs marked on a
 * real-shaped page, a card with the record's own title and status on hover, keyboard focus and Escape,
 * and only clinicaltrials.gov asked, only for NCT IDs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { HAVE_CTGOV, describeFixtures, realRecord } from '../support/ctgov';
import { launchFirefox, type FirefoxSession } from './harness';
import { DETECTION_PAGE_MARKS } from '../support/detection-page';

let firefox: FirefoxSession;

beforeAll(async () => {
  firefox = await launchFirefox();
});
afterAll(async () => {
  await firefox?.close();
});

async function open(name: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(`${firefox.origin}/${name}`);
  await page.waitForSelector('nct-ref');
  return page;
}

/** `tag:ID` of every marked element, in document order. */
const markedIds = (target: Page | Frame) =>
  target.$$eval('[data-nct-id]', (els) =>
    els.map((el) => `${el.localName}:${el.getAttribute('data-nct-id')}`),
  );

/** The card's dialog text, once its title is drawn (it lives in the card host's shadow root). */
const cardText = (page: Page) =>
  page.waitForFunction(
    () => {
      const dialog = document.querySelector('nct-card')?.shadowRoot?.querySelector('[role="dialog"]');
      return dialog?.querySelector('.title') ? (dialog as HTMLElement).innerText : false;
    },
    { timeout: 10_000 },
  );

const cardOpen = (page: Page) =>
  page.evaluate(() => !!document.querySelector('nct-card')?.shadowRoot?.querySelector('[role="dialog"]'));

function recordTitle(id: string): string {
  const record = realRecord(id) as { protocolSection: { identificationModule: { briefTitle: string } } };
  return record.protocolSection.identificationModule.briefTitle;
}

describe(`the Firefox build in Firefox (${describeFixtures()})`, () => {
  it('marks exactly the IDs in text, tables, lists, links and content added later', async () => {
    const page = await open('detection.html');
    await page.waitForSelector('[data-nct-id="NCT00000108"]');
    expect(await markedIds(page)).toEqual(DETECTION_PAGE_MARKS);
    // Editable content, form fields and scripts are never touched.
    expect(await page.$eval('#editor', (el) => el.innerHTML)).toBe('<p>Draft: NCT00000903</p>');
    await page.close();
  });

  it.skipIf(!HAVE_CTGOV)('opens the card on hover with the record’s title and status', async () => {
    const page = await open('card.html');
    await page.hover('nct-ref[data-nct-id="NCT05147467"]');
    const text = String(await (await cardText(page)).jsonValue());
    expect(text).toContain(recordTitle('NCT05147467'));
    expect(text).toContain('Recruiting');
    expect(text).toContain('Phase 2');
    await page.close();
  });

  it.skipIf(!HAVE_CTGOV)(
    'opens at once on keyboard focus; Escape closes it and gives focus back',
    async () => {
      const page = await open('card.html');
      await page.focus('nct-ref[data-nct-id="NCT00184067"]');
      expect(String(await (await cardText(page)).jsonValue())).toContain('Terminated');
      await page.keyboard.press('Escape');
      await page.waitForFunction(
        () => !document.querySelector('nct-card')?.shadowRoot?.querySelector('[role="dialog"]'),
      );
      expect(await cardOpen(page)).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-nct-id'))).toBe(
        'NCT00184067',
      );
      await page.close();
    },
  );

  it('asked the registry only for NCT IDs', () => {
    expect(firefox.apiRequests.length).toBeGreaterThan(0);
    for (const request of firefox.apiRequests) {
      const url = new URL(request, 'https://clinicaltrials.gov');
      expect(url.pathname).toMatch(/^\/api\/v2\/studies(\/NCT\d{8})?$/);
      for (const id of url.searchParams.get('filter.ids')?.split(',') ?? []) expect(id).toMatch(/^NCT\d{8}$/);
    }
    // Firefox itself may try other hosts (its own services); the proxy refuses them, and no API
    // request went anywhere but clinicaltrials.gov (the only host it forwards).
  });
});
