/**
 * The threat model (DESIGN.md) played by a page: after the reader has a note, a home location and
 * hovers a trial, the page's own script tries to read, hear, forge and drive. It must get nothing
 * private and drive nothing.
 */
import type { Page } from '@playwright/test';
import { describeFixtures, expect, needsRecords, test } from './fixtures';
import { card, cardDocument, mark, setStorage } from './helpers';
import type { RegistryLog } from './registry';

const NOTE = 'Pt J.D. (MRN 4471) 54F, screening Tuesday';
const HOME = 'Denver, Colorado, United States of America';

const seen = (page: Page) =>
  page.evaluate(() => (window as unknown as { __seen: { keys: string[]; messages: string[] } }).__seen);
const collect = (page: Page) =>
  page.evaluate(() => (window as unknown as { __collect(): string }).__collect());
/** The IDs the registry was asked for since `before` (its `idsPerRequest().flat()` then). */
const askedSince = (registry: RegistryLog, before: string[]) =>
  registry
    .idsPerRequest()
    .flat()
    .filter((id) => !before.includes(id));

test.describe(`a hostile page in Chromium (${describeFixtures()})`, () => {
  needsRecords();

  test.beforeEach(async ({ extension }) => {
    await setStorage(extension, {
      'note:NCT05147467': { v: 1, text: NOTE, tags: ['private-tag'], updatedAt: Date.now() },
      home: { v: 1, lat: 39.7392, lon: -104.9903, label: HOME, source: 'place' },
    });
  });

  test('reads no note, home, distance or quick-check value, and hears no key typed in the card', async ({
    openPage,
  }) => {
    const page = await openPage('attacker.html');
    await mark(page, 'NCT05147467').hover();
    await expect(card(page).locator('.title')).toBeVisible();
    // The reader's private things are in the card (the frame has them)…
    await card(page).getByRole('button', { name: 'More' }).click();
    await expect(card(page)).toContainText(NOTE);
    await expect(card(page)).toContainText(HOME);
    // …and the reader types into it: a note, and an age in the quick check.
    await card(page).getByRole('button', { name: 'Edit your note' }).click();
    await card(page).getByLabel('Note', { exact: true }).fill('');
    await card(page).getByLabel('Note', { exact: true }).pressSequentially('secret 42');
    if (!(await card(page).getByLabel('Age').isVisible()))
      await card(page).getByText('Quick check for a patient').click();
    await card(page).getByLabel('Age').pressSequentially('77');

    const everything = await collect(page);
    for (const secret of [NOTE, 'MRN 4471', 'private-tag', HOME, 'Denver', 'secret 42', 'you have a note']) {
      expect(everything).not.toContain(secret);
    }
    // No distance to any site (enough, sorted, to triangulate the reader's home).
    expect(everything).not.toMatch(/\d[\d,.]* (mi|km)\b/);
    const { keys, messages } = await seen(page);
    expect(keys).toEqual([]);
    for (const message of messages) expect(message).not.toMatch(/MRN|Denver|secret|private-tag/);
    // What crossed postMessage is only the frame protocol's public words.
    expect(messages.every((m) => m.includes('nct-card-frame'))).toBe(true);
    await page.close();
  });

  test('cannot open a card with synthetic events or a forged mark, and cannot make requests', async ({
    openPage,
    registry,
  }) => {
    const page = await openPage('attacker.html');
    const before = registry.idsPerRequest().flat();
    await page.evaluate(() => {
      const forged = document.querySelector<HTMLElement>('#forged span');
      const real = document.querySelector<HTMLElement>('nctref');
      for (const target of [forged, real]) {
        if (!target) continue;
        target.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
        target.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
        target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      }
      // Focus moved by script onto the forged element (a real focus event): it is not a trial.
      forged?.focus();
    });
    // The reader's own pointer resting on the forged element: still not a trial.
    await page.locator('#forged span').hover();
    await page.locator('#forged span').press('Enter');
    await page.locator('h1').hover();
    await expect.poll(() => page.locator('iframe[title="Trial card"]').count()).toBe(0);
    expect(askedSince(registry, before)).not.toContain('NCT00184067');
    await page.close();
  });

  test('cannot point a marked ID or a marked link at another trial', async ({ openPage, registry }) => {
    const page = await openPage('attacker.html');
    const real = mark(page, 'NCT05147467');
    await expect(real).toHaveCount(1);
    const before = registry.idsPerRequest().flat();
    // The page writes another trial's ID on everything the extension marked, in the attribute the marks
    // used to carry.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('nctref, a[href]'))
        el.setAttribute('data-nct-id', 'NCT00184067');
    });
    // Each opens the card of the trial it names.
    for (const target of [real, page.locator('#link')]) {
      await target.hover();
      await expect(card(page)).toHaveAttribute('aria-label', /NCT05147467/);
      await page.locator('h1').hover();
      await expect(card(page)).toBeHidden();
    }
    expect(askedSince(registry, before)).not.toContain('NCT00184067');
    await page.close();
  });

  test('cannot write or delete notes, or open tabs, through the card', async ({
    openPage,
    context,
    extension,
  }) => {
    const page = await openPage('attacker.html');
    await mark(page, 'NCT05147467').hover();
    await expect(card(page).locator('.title')).toBeVisible();
    const pagesBefore = context.pages().length;
    // The page can reach the frame's window, but not its document, its buttons or its storage.
    const attempts = await page.evaluate(() => {
      const frame = document.querySelector('div')?.shadowRoot?.querySelector('iframe');
      const results: string[] = [];
      try {
        results.push(String(frame?.contentDocument));
      } catch (error) {
        results.push((error as Error).name);
      }
      frame?.contentWindow?.postMessage(
        { 'nct-card-frame': { type: 'show', id: 'NCT00184067', focus: true } },
        '*',
      );
      frame?.contentWindow?.postMessage({ type: 'saveNote', id: 'NCT05147467', text: 'planted' }, '*');
      frame?.contentWindow?.postMessage({ type: 'openFullView', id: 'NCT05147467' }, '*');
      return results;
    });
    expect(attempts).toEqual(['null']);
    const stored = await extension.serviceWorker.evaluate(async () => {
      type Storage = { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } };
      return (await (globalThis as unknown as Storage).chrome.storage.local.get('note:NCT05147467'))[
        'note:NCT05147467'
      ];
    });
    expect(stored).toMatchObject({ text: NOTE });
    expect(context.pages().length).toBe(pagesBefore);
    expect(await cardDocument(page).evaluate(() => document.body.innerText)).not.toContain('planted');
    await page.close();
  });

  test('a page defining elements named like ours does not stop the cards, and cannot define our marks', async ({
    context,
    server,
  }) => {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const seen = window as unknown as { markDefined?: boolean; markCode: string[] };
      seen.markCode = [];
      // The marks' name has no hyphen, so it is no custom element name: a page cannot have its own
      // code run when a mark is made or inserted.
      try {
        customElements.define(
          'nctref',
          class extends HTMLElement {
            connectedCallback() {
              seen.markCode.push('connected');
            }
          },
        );
        seen.markDefined = true;
      } catch {
        seen.markDefined = false;
      }
      // The chips' name is a custom element name (a chip holds a shadow root): the page's class fails.
      customElements.define(
        'nct-chip',
        class extends HTMLElement {
          constructor() {
            super();
            throw new Error('nct-chip belongs to the page');
          }
          override attachShadow(): ShadowRoot {
            throw new Error('no');
          }
        },
      );
    });
    await page.goto(`${server.origin}/card.html`);
    await mark(page, 'NCT05147467').hover();
    await expect(card(page).locator('.title')).toBeVisible();
    expect(
      await page.evaluate(() => {
        const seen = window as unknown as { markDefined?: boolean; markCode: string[] };
        const marks = [...document.querySelectorAll('nctref')];
        return {
          defined: seen.markDefined,
          code: seen.markCode,
          marks: marks.length > 0 && marks.every((el) => el instanceof HTMLUnknownElement),
        };
      }),
    ).toEqual({ defined: false, code: [], marks: true });
    await page.close();
  });
});

test.describe('a hostile page cannot fingerprint or stop the content script', () => {
  test('no message names the extension, and WXT’s "newer script started" event does not stop it', async ({
    openPage,
    extensionId,
  }) => {
    const page = await openPage('attacker.html');
    const { messages } = await seen(page);
    expect(messages.filter((m) => m.includes(extensionId) || m.includes('wxt'))).toEqual([]);
    // The event name follows from the public extension ID: a page can build it and dispatch it.
    await page.evaluate((id) => {
      const detail = { contentScriptName: 'nct', messageId: 'forged' };
      document.dispatchEvent(new CustomEvent(`${id}:nct:wxt:content-script-started`, { detail }));
      window.dispatchEvent(new CustomEvent(`${id}:nct:wxt:content-script-started`, { detail }));
      document.body.append(
        Object.assign(document.createElement('p'), { id: 'later', textContent: 'NCT00000999' }),
      );
    }, extensionId);
    await expect(page.locator('#later nctref')).toHaveCount(1);
    await page.close();
  });
});
