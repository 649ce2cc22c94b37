import '@/components/card/card.css';
import { render } from 'preact';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { TrialCard } from '@/components/TrialCard';
import { createCardController, type CardView } from '@/lib/card/controller';
import { CARD_HOST_TAG } from '@/lib/card/host';
import { createTrialLoader } from '@/lib/card/loader';
import { createPrefetcher } from '@/lib/card/prefetch';
import { sendRequest } from '@/lib/messages';
import { HOME_KEY, UNIT_KEY, loadDistanceSettings } from '@/lib/store/home';
import { unitForLocale } from '@/lib/trial/locations';
import type { DistanceContext } from '@/components/card/LocationsSection';
import { browser } from 'wxt/browser';
import { createScanner } from '@/lib/scan/scanner';

/**
 * How often to ask whether the extension is still there. A disabled or reloaded extension sends no
 * event to its old content scripts; `ctx.setInterval` reads `ctx.isValid` before each tick, which
 * notices the missing runtime and fires `onInvalidated`.
 */
const ALIVE_CHECK_MS = 2000;

// Wiring only: mark IDs in every frame, prefetch the ones near the viewport, show the card on hover
// or focus, and leave the page exactly as it was when the extension goes away.
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  // Frames written by the page itself (srcdoc, about:blank) hold article text too.
  matchAboutBlank: true,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    const loader = createTrialLoader((ids) => sendRequest({ type: 'getTrials', ids }));

    // The reader's home location, if set in the options page: read here, on this computer, never sent.
    let distance: DistanceContext | undefined;
    const readDistance = () =>
      loadDistanceSettings().then(({ home, unit }) => {
        distance = home && { home, unit: unit === 'auto' ? unitForLocale(navigator.language) : unit };
      });
    void readDistance();
    const onStorage = (changes: Record<string, unknown>) => {
      if (HOME_KEY in changes || UNIT_KEY in changes) void readDistance();
    };
    browser.storage.onChanged.addListener(onStorage);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));
    const prefetcher = createPrefetcher((ids) => loader.prefetch(ids));

    // The card's shadow root is created only once the page has an ID, and added to the page only
    // when a card first opens: pages without IDs never see it.
    let cardUi: Promise<ShadowRootContentScriptUi<HTMLElement>> | undefined;
    let mounted: ShadowRootContentScriptUi<HTMLElement> | undefined;
    const createCardUi = () =>
      createShadowRootUi(ctx, {
        name: CARD_HOST_TAG,
        position: 'inline',
        anchor: 'html',
        append: 'last',
        onMount: (container) => container,
        onRemove: (container) => {
          if (container) render(null, container);
        },
      });

    const scanner = createScanner(document, {
      ownHosts: [CARD_HOST_TAG],
      onMarked: (elements) => {
        cardUi ??= createCardUi();
        prefetcher.observe(elements);
      },
    });

    const controller = createCardController({
      doc: document,
      load: (id) => loader.load(id),
      ui: {
        async ready() {
          mounted ??= await (cardUi ??= createCardUi());
          if (!mounted.mounted) mounted.mount();
        },
        host: () => mounted?.shadowHost,
        render(view: CardView | undefined) {
          const container = mounted?.uiContainer;
          if (!container) return undefined;
          render(
            view ? (
              <TrialCard
                view={view}
                now={Date.now()}
                onClose={() => controller.close({ restoreFocus: true })}
                onTogglePin={() => controller.togglePin()}
                onRetry={() => void controller.retry()}
                onFullView={() => void sendRequest({ type: 'openFullView', id: view.id })}
                distance={distance}
              />
            ) : null,
            container,
          );
          return container.querySelector<HTMLElement>('.card') ?? undefined;
        },
      },
    });

    const root = document.body ?? document.documentElement;
    void scanner.scan(root);
    scanner.observe(root);
    ctx.onInvalidated(() => {
      controller.destroy();
      prefetcher.destroy();
      scanner.destroy();
    });
    ctx.setInterval(() => undefined, ALIVE_CHECK_MS);
  },
});
