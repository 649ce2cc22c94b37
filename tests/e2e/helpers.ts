/**
 * What the E2E specs share: where screenshots go, how to find the card and a mark, how to open the
 * popup for a tab, and how to put items into the extension's storage. One place, so that a change to
 * how the card is hosted is one change here.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Locator, Page } from '@playwright/test';
import type { ExtensionBrowser, PageServer } from './harness';
import { MARKED, writtenAs } from '../support/marks';

/** Screenshots for docs/ are written here by the specs. */
export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../.tmp/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

/** The card's frame (an extension page) in the page. */
export const cardFrame = (page: Page) => page.frameLocator('iframe[title="Trial card"]');

/**
 * The open card's dialog, inside its frame. A card drawn ahead of its show deadline is in the frame
 * too, but inert (and transparent in the page): it is not the open card.
 */
export const card = (page: Page) => cardFrame(page).locator('#app:not([inert]) [role="dialog"]');

const findCardDocument = (page: Page) =>
  page.frames().find((f) => f.url().startsWith('chrome-extension://') && f.url().endsWith('/card.html'));

/** The card frame's document (an extension page), to evaluate in. */
export function cardDocument(page: Page): Frame {
  const frame = findCardDocument(page);
  if (!frame) throw new Error('The page has no card frame yet.');
  return frame;
}

/** True when keyboard focus is inside the card's dialog (in its frame, which has the page's focus). */
export async function focusInCard(page: Page): Promise<boolean> {
  const frame = findCardDocument(page);
  if (!frame) return false;
  const hostFocused = await page.evaluate(
    () => document.activeElement?.shadowRoot?.activeElement?.localName === 'iframe',
  );
  const inside = await frame.evaluate(
    () =>
      document.hasFocus() && !!document.querySelector('[role="dialog"]')?.contains(document.activeElement),
  );
  return hostFocused && inside;
}

/** The mark of a trial in the text of a page (or of a part of it), found by how its text writes the ID. */
export const mark = (page: Page | Locator, id: string) =>
  page.locator('nctref').filter({ hasText: writtenAs(id) });

/** A registry link the extension marked, to the record of `id`. */
export const markedLink = (page: Page | Locator, id: string) =>
  page.locator(`a[data-nct-link][href*="${id}"]`);

/**
 * The popup, opened as its own extension page for the tab of `page`. The extension has no "tabs"
 * permission (so it cannot read tab addresses): the page is brought to the front and the active tab
 * is asked for, as the real popup does.
 */
export async function openPopup(extension: ExtensionBrowser, page: Page): Promise<Page> {
  await page.bringToFront();
  const tabId = await extension.serviceWorker.evaluate(async () => {
    type Tabs = { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } };
    return (
      await (globalThis as unknown as Tabs).chrome.tabs.query({ active: true, lastFocusedWindow: true })
    )[0]?.id;
  });
  const popup = await extension.context.newPage();
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${tabId}`);
  await popup.locator('h1').waitFor();
  return popup;
}

/** Writes items into the extension's storage.local, as the extension itself would. */
export function setStorage(extension: ExtensionBrowser, values: Record<string, unknown>): Promise<void> {
  return extension.serviceWorker.evaluate(async (items) => {
    type Storage = { chrome: { storage: { local: { set(v: object): Promise<void> } } } };
    await (globalThis as unknown as Storage).chrome.storage.local.set(items);
  }, values);
}

/** Opens one of tests/e2e/pages in a browser of the test's own (the fixture's `openPage` is the usual way). */
export async function openPageIn(
  extension: ExtensionBrowser,
  server: PageServer,
  name: string,
): Promise<Page> {
  const page = await extension.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${server.origin}/${name}`);
  await page.locator(MARKED).first().waitFor();
  return page;
}
