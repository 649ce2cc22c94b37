/**
 * The background worker's runtime: the trial services over their caches, the context menu, the
 * keyboard commands, and the answers to messages. Everything it touches comes in through `deps`, so a
 * test starts it with a fake browser, a fake fetch and an instant clock, and stops it afterwards
 * (nothing keeps running into the next test).
 */
import type { Browser } from 'wxt/browser';
import { fetchTrialBatch, withRetries } from '@/lib/ctgov/client';
import { DETAIL_FIELDS } from '@/lib/ctgov/fields';
import { sendToTab, type FullViewSection } from '@/lib/messaging';
import { isViewerRequest } from '@/lib/tab-message';
import { viewerUrlFor } from '@/lib/pdf/source';
import { migrateNoteBook } from '@/lib/storage/notes';
import { loadSettings, watchSettings } from '@/lib/storage/settings';
import { createTrialCache, type StorageAreaLike } from './cache';
import { answerMessage, backgroundHandlers, type MessageSender } from './handlers';
import { MENU_ITEMS, commandRequest, pdfFromMenuClick, trialFromMenuClick } from './menus';
import { createTrialService } from './trial-service';
import { startPdfAutoOpen, type HeadersReceivedEvent } from './pdf-auto-open';

/** The full view's cache is smaller: one trial at a time, read on demand. */
const DETAIL_CACHE_BYTES = 1024 * 1024;

/** The slice of the extension API the background uses (the real `browser`, or WXT's fakeBrowser). */
type ExtensionApi = Pick<
  typeof import('wxt/browser').browser,
  'runtime' | 'tabs' | 'contextMenus' | 'commands' | 'action' | 'browserAction' | 'storage' | 'permissions'
> & {
  /** Present only once the reader has granted it (for opening PDFs in the viewer automatically). */
  webRequest?: { onHeadersReceived: HeadersReceivedEvent };
};

export interface BackgroundDeps {
  browser: ExtensionApi;
  fetch: typeof fetch;
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realDeps = (browser: ExtensionApi): BackgroundDeps => ({
  browser,
  fetch: (input, init) => globalThis.fetch(input, init),
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
});

export interface StartedBackground {
  /** Removes every listener and stops the services' timers. */
  stop(): void;
}

export function startBackground(deps: BackgroundDeps): StartedBackground {
  const { browser, now, sleep } = deps;
  const area: StorageAreaLike = browser.storage.local;
  const trialCache = createTrialCache({ area, now });
  const detailCache = createTrialCache({ area, now, namespace: 'detail', maxBytes: DETAIL_CACHE_BYTES });
  void migrateNoteBook(area, now()).catch(() => undefined);
  void trialCache.dropOtherVersions();
  void detailCache.dropOtherVersions();
  const retry = { sleep, now };

  const trials = createTrialService({
    cache: trialCache,
    now,
    sleep,
    fetchBatch: (ids) => withRetries(() => fetchTrialBatch(ids, { fetch: deps.fetch }), retry),
  });
  const details = createTrialService({
    cache: detailCache,
    maxBatch: 1,
    now,
    sleep,
    fetchBatch: (ids) =>
      withRetries(() => fetchTrialBatch(ids, { fetch: deps.fetch, fields: DETAIL_FIELDS }), retry),
  });
  const openFullView = async (id: string, section?: FullViewSection) => {
    const at = section ? `#${section}` : '';
    await browser.tabs.create({ url: `${browser.runtime.getURL('/trial.html')}?id=${id}${at}` });
  };
  const ownOrigin = browser.runtime.getURL('/');
  const handlers = backgroundHandlers(
    {
      trials,
      details,
      openFullView,
      async showCount(tabId, count) {
        const { badge } = await loadSettings();
        const text = badge && count > 0 ? String(Math.min(count, 999)) : '';
        await (browser.action ?? browser.browserAction).setBadgeText({ tabId, text });
        return text !== '';
      },
      async openOptions() {
        await browser.runtime.openOptionsPage();
      },
    },
    // Content scripts run beside the page: only our own pages (a real click in the card frame or the
    // popup) may ask for a new tab.
    { ownPage: (url) => url?.startsWith(ownOrigin) === true, now },
  );

  const onInstalled = ({ reason }: { reason: string }) => {
    for (const item of MENU_ITEMS) browser.contextMenus.create(item);
    // First run: the welcome page shows, on a live example, how it works and what it sends where.
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  };
  const onMenuClicked = (info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) => {
    const pdf = pdfFromMenuClick(info);
    if (pdf) {
      const url = viewerUrlFor(pdf, browser.runtime.getURL('/pdf.html'));
      void browser.tabs.create({ url, ...(tab?.index === undefined ? {} : { index: tab.index + 1 }) });
      return;
    }
    const id = trialFromMenuClick(info);
    if (!id) return;
    const opened =
      tab?.id === undefined
        ? Promise.resolve(undefined)
        : sendToTab(tab.id, { type: 'openCard', id }, info.frameId ?? 0);
    // Where the page cannot show a card for it (the ID is in a text field, the page is off limits),
    // the full view opens instead.
    void opened.then((answer) => (answer?.opened ? undefined : openFullView(id)));
  };
  const onCommand = (command: string, tab?: Browser.tabs.Tab) => {
    const request = commandRequest(command);
    if (request && tab?.id !== undefined) void sendToTab(tab.id, request);
  };
  // A closed tab's marks are all gone: its waiting prefetches are not asked for.
  const onTabRemoved = (tabId: number) => void trials.dropPrefetches(tabId);
  const onMessage = (message: unknown, sender: MessageSender & { id?: string }) => {
    // Only our own content scripts and pages; other extensions use onMessageExternal, which we ignore.
    if (sender.id !== browser.runtime.id) return undefined;
    // The popup's question to a PDF viewer tab, heard by every extension page: the viewer answers.
    if (isViewerRequest(message)) return undefined;
    return answerMessage(handlers, message, sender);
  };

  browser.runtime.onInstalled.addListener(onInstalled);
  browser.contextMenus.onClicked.addListener(onMenuClicked);
  browser.commands.onCommand.addListener(onCommand);
  browser.runtime.onMessage.addListener(onMessage);
  browser.tabs.onRemoved.addListener(onTabRemoved);
  const pdfAutoOpen = startPdfAutoOpen({
    headersReceived: () => browser.webRequest?.onHeadersReceived,
    isOn: async () => (await loadSettings()).pdfAutoOpen,
    watch(changed) {
      const unwatch = watchSettings(changed);
      browser.permissions.onAdded.addListener(changed);
      browser.permissions.onRemoved.addListener(changed);
      return () => {
        unwatch();
        browser.permissions.onAdded.removeListener(changed);
        browser.permissions.onRemoved.removeListener(changed);
      };
    },
    openInViewer: (tabId, pdfUrl) =>
      void browser.tabs.update(tabId, { url: viewerUrlFor(pdfUrl, browser.runtime.getURL('/pdf.html')) }),
  });

  return {
    stop() {
      pdfAutoOpen.stop();
      browser.runtime.onInstalled.removeListener(onInstalled);
      browser.contextMenus.onClicked.removeListener(onMenuClicked);
      browser.commands.onCommand.removeListener(onCommand);
      browser.runtime.onMessage.removeListener(onMessage);
      browser.tabs.onRemoved.removeListener(onTabRemoved);
      trials.stop();
      details.stop();
    },
  };
}
