import { browser } from 'wxt/browser';
import { fetchTrialBatch, withRetries } from '@/lib/ctgov/client';
import { DETAIL_FIELDS } from '@/lib/ctgov/fields';
import { handleMessage } from '@/lib/handle-message';
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
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only our own content scripts and pages; other extensions use onMessageExternal, which we ignore.
    if (sender.id !== browser.runtime.id) return undefined;
    return handleMessage(services, message, sender);
  });
});
