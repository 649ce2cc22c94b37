/**
 * The Firefox build in a real Firefox (Debian's firefox-esr over WebDriver BiDi): IDs marked on a
 * real-shaped page, a card with the record's own title and status on hover, keyboard focus and Escape,
 * and only clinicaltrials.gov asked, only for NCT IDs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { HAVE_CTGOV, describeFixtures, realRecord } from '../support/ctgov';
import { launchFirefox, type FirefoxSession } from './harness';
import { DETECTION_PAGE_MARKS, JOINED_PAGE_FRAMES } from '../support/detection-page';
import { MARKED, addRowLink, marksAsSeen, repointLink } from '../support/marks';

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
  await page.waitForSelector('nctref');
  return page;
}

/** `tag:ID` of every marked element, in document order. */
const markedIds = (target: Page | Frame) => target.$$eval(MARKED, marksAsSeen);

/** The first mark of `id` in the page's text, once there is one (puppeteer has no locator by text). */
async function markOf(page: Page, id: string): Promise<ElementHandle<Element>> {
  for (const deadline = Date.now() + 10_000; ;) {
    const at = (await markedIds(page)).indexOf(`nctref:${id}`);
    const found = at >= 0 ? (await page.$$(MARKED))[at] : undefined;
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`${id} is not marked`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The card's frame: an extension page (moz-extension://…/card.html) inside the page. puppeteer over
 * BiDi may list it as about:blank, so each frame is asked where it is. (Polling, as puppeteer has no
 * frame locator that waits for a frame by its document's address.)
 */
async function cardFrame(page: Page): Promise<Frame> {
  const where = (frame: Frame) => frame.evaluate(() => location.href).catch(() => '');
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame !== page.mainFrame() && /^moz-extension:\/\/[^/]+\/card\.html$/.test(await where(frame)))
        return frame;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The page has no card frame.');
}

/** The card's dialog text, once its title is drawn (a card drawn ahead of its deadline is inert). */
async function cardText(page: Page): Promise<string> {
  const frame = await cardFrame(page);
  const text = await frame.waitForFunction(
    () => {
      const dialog = document.querySelector<HTMLElement>('#app:not([inert]) [role="dialog"]');
      return dialog?.querySelector('.title') ? dialog.innerText : false;
    },
    { timeout: 10_000 },
  );
  return String(await text.jsonValue());
}

const cardOpen = async (page: Page) =>
  (await cardFrame(page)).evaluate(() => !!document.querySelector('#app:not([inert]) [role="dialog"]'));

function recordTitle(id: string): string {
  const record = realRecord(id) as { protocolSection: { identificationModule: { briefTitle: string } } };
  return record.protocolSection.identificationModule.briefTitle;
}

describe(`the Firefox build in Firefox (${describeFixtures()})`, () => {
  it('marks exactly the IDs in text, tables, lists, links and content added later', async () => {
    const page = await open('detection.html');
    await markOf(page, 'NCT00000108');
    expect(await markedIds(page)).toEqual(DETECTION_PAGE_MARKS);
    // Editable content, form fields and scripts are never touched.
    expect(await page.$eval('#editor', (el) => el.innerHTML)).toBe('<p>Draft: NCT00000903</p>');
    await page.close();
  });

  it('marks the only ID of a small or large frame where it runs into the text beside it', async () => {
    // The eager detector reads a small document's text joined (XPath), where these IDs touch their
    // neighbours: it must look closer rather than say "no trial here".
    const page = await firefox.browser.newPage();
    await page.goto(`${firefox.origin}/joined.html`);
    for (const [selector, id] of Object.entries(JOINED_PAGE_FRAMES)) {
      const frame = await (await page.waitForSelector(selector))?.contentFrame();
      if (!frame) throw new Error(`no frame ${selector}`);
      await frame.waitForSelector('nctref', { timeout: 10_000 });
      expect(await markedIds(frame), selector).toEqual([`nctref:${id}`]);
    }
    await page.close();
  });

  it.skipIf(!HAVE_CTGOV)('opens the card on hover with the record’s title and status', async () => {
    const page = await open('card.html');
    await (await markOf(page, 'NCT05147467')).hover();
    const text = await cardText(page);
    expect(text).toContain(recordTitle('NCT05147467'));
    expect(text).toContain('Recruiting');
    expect(text).toContain('Phase 2');
    await page.close();
  });

  it.skipIf(!HAVE_CTGOV)('a page cannot point a mark at another trial', async () => {
    const page = await open('card.html');
    // The page writes another trial's ID on everything marked (the attribute marks used to carry).
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('nctref, a[href]'))
        el.setAttribute('data-nct-id', 'NCT00184067');
    });
    await (await markOf(page, 'NCT05147467')).hover();
    expect(await cardText(page)).toContain(recordTitle('NCT05147467'));
    await page.close();
  });

  it.skipIf(!HAVE_CTGOV)(
    'shows the trial a link points at now, after the page pointed it elsewhere',
    async () => {
      const page = await open('card.html');
      // A framework reusing a row's link for another trial changes only its address.
      await page.evaluate(addRowLink, 'https://clinicaltrials.gov/study/NCT05147467');
      await page.waitForSelector('#row-link[data-nct-link]');
      await page.evaluate(repointLink, 'https://clinicaltrials.gov/study/NCT00184067');
      const link = await page.$('#row-link');
      await link?.hover();
      expect(await cardText(page)).toContain(recordTitle('NCT00184067'));
      await page.close();
    },
  );

  it.skipIf(!HAVE_CTGOV)(
    'opens at once on keyboard focus; Escape closes it and gives focus back',
    async () => {
      const page = await open('card.html');
      await (await markOf(page, 'NCT00184067')).focus();
      expect(await cardText(page)).toContain('Terminated');
      await page.keyboard.press('Escape');
      const frame = await cardFrame(page);
      await frame.waitForFunction(() => !document.querySelector('#app:not([inert]) [role="dialog"]'));
      expect(await cardOpen(page)).toBe(false);
      expect(await page.$$eval(':focus', marksAsSeen)).toEqual(['nctref:NCT00184067']);
      await page.close();
    },
  );

  it.skipIf(!HAVE_CTGOV)('the PDF viewer marks a PDF’s IDs and opens their cards', async () => {
    // A PDF printed by Firefox itself from the article page the Chromium suite uses.
    const maker = await open('article-pdf.html');
    const pdf = Buffer.from(await maker.pdf({ format: 'A4' }));
    await maker.close();
    firefox.serve('/article.pdf', pdf, 'application/pdf');
    // WebDriver may not navigate a tab to an add-on page, but an add-on page may: the welcome page the
    // install opened goes to the viewer.
    // (puppeteer over BiDi may list an add-on page as about:blank, so each page is asked where it is.)
    let page: Page | undefined;
    for (const candidate of await firefox.browser.pages()) {
      const href = await candidate.evaluate(() => location.href).catch(() => '');
      if (href.endsWith('/welcome.html')) page = candidate;
    }
    if (!page) throw new Error('The add-on opened no welcome page to start from.');
    await page.setViewport({ width: 1200, height: 900 });
    const viewer = `${firefox.addonOrigin}/pdf.html?file=${encodeURIComponent(`${firefox.origin}/article.pdf`)}`;
    await page.evaluate((url) => void setTimeout(() => location.assign(url)), viewer);
    await page.waitForFunction(
      () => location.pathname === '/pdf.html' && document.querySelectorAll('.textLayer nctref').length >= 4,
      { timeout: 20_000 },
    );
    // One tab stop per ID (a split ID's other pieces are not), and the marked links.
    const seen = await page.$$eval(
      '#viewerContainer nctref[tabindex="0"], #viewerContainer a[data-nct-link]',
      marksAsSeen,
    );
    const ids = [...new Set(seen.map((mark) => mark.split(':')[1]))];
    expect(ids.sort()).toEqual(['NCT00184067', 'NCT02513394', 'NCT03281889', 'NCT04207047']);
    // The ID printed in two fonts: its first piece is the tab stop, named with the whole ID.
    await page.focus('.textLayer nctref[aria-label="NCT00184067"][tabindex="0"]');
    // The card frame is an add-on page inside an add-on page: same origin, so read it from the viewer
    // (puppeteer does not list frames inside an add-on page).
    const text = await page.waitForFunction(
      () => {
        const host = [...document.documentElement.children].find((el) => el.shadowRoot);
        const frame = host?.shadowRoot?.querySelector('iframe');
        const dialog = frame?.contentDocument?.querySelector<HTMLElement>(
          '#app:not([inert]) [role="dialog"]',
        );
        return dialog?.querySelector('.title') ? dialog.innerText : false;
      },
      { timeout: 10_000 },
    );
    expect(String(await text.jsonValue())).toContain(recordTitle('NCT00184067'));
    await page.close();
  });

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

describe('the Firefox harness', () => {
  it('ends the run when Firefox hangs on quitting: it is killed after a bounded wait', async () => {
    const session = await launchFirefox();
    const firefoxProcess = session.browser.process();
    if (!firefoxProcess?.pid) throw new Error('puppeteer started no Firefox process of its own');
    const exited = new Promise((resolve) => firefoxProcess.once('exit', resolve));
    // A stopped Firefox never answers `browser.close`, as a Firefox stuck in its shutdown does not.
    process.kill(firefoxProcess.pid, 'SIGSTOP');
    expect(await session.close(1_000)).toBe(true);
    await exited;
    expect(firefoxProcess.signalCode).toBe('SIGKILL');
  });
});
