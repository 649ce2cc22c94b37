import '@/components/card/card.css';
import { browser } from 'wxt/browser';
import { isPageRequest, type PageTrials } from '@/lib/messages';
import { DEFAULT_SETTINGS, isOffOn, loadSettings, watchSettings, type Settings } from '@/lib/store/settings';
import { startPageCards, type PageCards } from '@/components/page-cards';

/**
 * How often to ask whether the extension is still there. A disabled or reloaded extension sends no
 * event to its old content scripts; `ctx.setInterval` reads `ctx.isValid` before each tick, which
 * notices the missing runtime and fires `onInvalidated`.
 */
const ALIVE_CHECK_MS = 2000;

// Wiring only: run the page's trial cards unless the reader turned the extension off on this site,
// follow the settings as they change, and answer the popup.
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  // Frames written by the page itself (srcdoc, about:blank) hold article text too.
  matchAboutBlank: true,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    let cards: PageCards | undefined;
    let settings: Settings = DEFAULT_SETTINGS;
    const sync = () => {
      if (ctx.isInvalid) return;
      const off = isOffOn(settings, location.host);
      if (off) {
        cards?.stop();
        cards = undefined;
      } else if (cards) cards.apply(settings);
      else cards = startPageCards(ctx, document, settings);
    };
    void loadSettings().then((loaded) => {
      settings = loaded;
      sync();
    });
    const unwatch = watchSettings((changed) => {
      settings = changed;
      sync();
    });

    const onMessage = (message: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id || !isPageRequest(message)) return undefined;
      if (!cards) {
        const answer: PageTrials = { host: location.host, off: true, ids: [] };
        return Promise.resolve(message.type === 'listTrials' ? answer : { off: true });
      }
      return Promise.resolve(cards.handle(message));
    };
    browser.runtime.onMessage.addListener(onMessage);

    ctx.onInvalidated(() => {
      unwatch();
      browser.runtime.onMessage.removeListener(onMessage);
      cards?.stop();
      cards = undefined;
    });
    ctx.setInterval(() => undefined, ALIVE_CHECK_MS);
  },
});
