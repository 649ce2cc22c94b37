import { browser } from 'wxt/browser';
import { handleMessage } from '@/lib/handle-message';
import { createTrialCache } from '@/lib/store/cache';
import { createTrialService } from '@/lib/trial-service';

// Wiring only: the trial service over the cache, answering the content scripts and extension pages.
export default defineBackground(() => {
  const cache = createTrialCache();
  void cache.dropOtherVersions();
  const service = createTrialService({ cache });
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only our own content scripts and pages; other extensions use onMessageExternal, which we ignore.
    if (sender.id !== browser.runtime.id) return undefined;
    return handleMessage(service, message);
  });
});
