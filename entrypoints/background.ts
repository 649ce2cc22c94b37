import { browser } from 'wxt/browser';
import { fetchTrialBatch, withRetries } from '@/lib/ctgov/client';
import { DETAIL_FIELDS } from '@/lib/ctgov/fields';
import { handleMessage } from '@/lib/handle-message';
import { MENU_ITEMS, commandRequest, trialFromMenuClick } from '@/lib/menus';
import { createTrialCache } from '@/lib/store/cache';
import { loadSettings } from '@/lib/store/settings';
import { createTrialService } from '@/lib/trial-service';

/** The full view's cache is smaller: one trial at a time, read on demand. */
const DETAIL_CACHE_BYTES = 1024 * 1024;

// Wiring only: the trial services over their caches, answering the content scripts and extension pages.
export default defineBackground(() => {
  const trialCache = createTrialCache();
  const detailCache = createTrialCache({ namespace: 'detail', maxBytes: DETAIL_CACHE_BYTES });
  void trialCache.dropOtherVersions();
  void detailCache.dropOtherVersions();
  const services = {
    trials: createTrialService({ cache: trialCache }),
    details: createTrialService({
      cache: detailCache,
      maxBatch: 1,
      fetchBatch: (ids) => withRetries(() => fetchTrialBatch(ids, { fields: DETAIL_FIELDS })),
    }),
    async openFullView(id: string) {
      await browser.tabs.create({ url: `${browser.runtime.getURL('/trial.html')}?id=${id}` });
    },
    async showCount(tabId: number, count: number) {
      const { badge } = await loadSettings();
      const text = badge && count > 0 ? String(Math.min(count, 999)) : '';
      await (browser.action ?? browser.browserAction).setBadgeText({ tabId, text });
      return text !== '';
    },
    async openOptions() {
      await browser.runtime.openOptionsPage();
    },
  };

  browser.runtime.onInstalled.addListener(({ reason }) => {
    for (const item of MENU_ITEMS) browser.contextMenus.create(item);
    // First run: the welcome page shows, on a live example, how it works and what it sends where.
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const id = trialFromMenuClick(info);
    if (!id) return;
    const opened =
      tab?.id === undefined
        ? Promise.resolve(false)
        : browser.tabs
            .sendMessage(tab.id, { type: 'openCard', id }, { frameId: info.frameId ?? 0 })
            .then((answer: unknown) => (answer as { opened?: boolean } | undefined)?.opened === true)
            .catch(() => false);
    // Where the page cannot show a card for it (the ID is in a text field, the page is off limits),
    // the full view opens instead.
    void opened.then((ok) => (ok ? undefined : services.openFullView(id)));
  });
  browser.commands.onCommand.addListener((command, tab) => {
    const request = commandRequest(command);
    if (request && tab?.id !== undefined) {
      void browser.tabs.sendMessage(tab.id, request, { frameId: 0 }).catch(() => undefined);
    }
  });

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only our own content scripts and pages; other extensions use onMessageExternal, which we ignore.
    if (sender.id !== browser.runtime.id) return undefined;
    return handleMessage(services, message, sender);
  });
});
