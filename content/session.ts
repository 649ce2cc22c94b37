/**
 * Everything the extension does inside one page, started and stopped as a whole: marking IDs,
 * prefetching the ones near the viewport, status chips, the card, the badge, and answers to the popup.
 * Stopping puts the page back exactly as it was: the content script stops it when the extension goes
 * away or is turned off on this site.
 */
import { createCardController } from '@/lib/card/controller';
import { sendToBackground, type Handlers, type TabProtocol, type TrialResult } from '@/lib/messaging';
import { parseNctId, type NctId } from '@/lib/nct';
import { markedId } from '@/lib/scan/mark';
import { createScanner } from '@/lib/scan/scanner';
import { setSiteOff, type Settings } from '@/lib/storage/settings';
import { startBadge } from './badge';
import { createCardFrame } from './card-frame';
import { startChips } from './chips';
import { openFocused, reveal, trialsOnPage } from './navigation';
import { createPrefetcher } from './prefetch';
import { createTrialLoader } from './trial-loader';

export interface Session {
  /** Answers to the popup and the background (menus, commands). */
  handlers: Handlers<TabProtocol>;
  /** New settings: delays, chips, prefetch. */
  apply(settings: Settings): void;
  /** The trials named changed other than by marking (the PDF viewer's index): update the badge. */
  trialsChanged(): void;
  stop(): void;
}

/** What finds and marks IDs for a session, told about each element it marks. */
export interface Marker {
  /** Puts the page back as it was. */
  destroy(): void;
}

export interface SessionOptions {
  /** The site the popup names (the page's own by default; the PDF viewer names the PDF's). */
  host?: string;
  /**
   * Starts what marks IDs: the page scanner by default. The PDF viewer marks its text layers as
   * pdf.js draws them (pdf/text-layer-marks.ts).
   */
  startMarker?(onMarked: (elements: HTMLElement[]) => void): Marker;
  /**
   * The distinct trials the page names, for the popup and the badge: its marks by default. The PDF
   * viewer names every trial in the PDF, drawn or not.
   */
  listTrials?(): NctId[];
}

export function startSession(doc: Document, settings: Settings, options: SessionOptions = {}): Session {
  let current = settings;
  const host = options.host ?? location.host;
  const results = new Map<NctId, TrialResult>();

  const chips = startChips({ doc, result: (id) => results.get(id) }, settings.chips);
  const loader = createTrialLoader(
    (ids, priority) => sendToBackground({ type: 'getTrials', ids, priority }),
    {
      onResult: (result) => {
        const id = parseNctId(result.id);
        if (!id) return;
        results.set(id, result);
        chips.update(id);
      },
    },
  );
  const prefetcher = createPrefetcher({
    prefetch: async (ids) => {
      if (current.prefetch || current.chips) await loader.prefetch(ids);
    },
    drop: (ids) => void sendToBackground({ type: 'dropPrefetches', ids }).catch(() => undefined),
  });
  const listTrials = options.listTrials ?? (() => trialsOnPage(doc));
  const badge = startBadge(listTrials);

  // The card is an extension page in a frame: it reads notes and the home location itself.
  const cardFrame = createCardFrame(doc, {
    close: (restoreFocus) => controller.close({ restoreFocus }),
    togglePin: () => controller.togglePin(),
    // The site is this frame's own: the card frame cannot name it, and the page cannot forge it.
    turnOffSite: () => void setSiteOff(host, true).catch(() => undefined),
  });
  const controller = createCardController({
    doc,
    timing: current.delays,
    load: (id) => loader.load(id),
    ui: cardFrame,
  });

  const onMarked = (elements: HTMLElement[]) => {
    const ids = elements.map(markedId).filter((id) => id !== undefined);
    prefetcher.observe(elements);
    for (const id of ids) if (results.has(id)) chips.update(id);
    badge.report();
  };
  const marker = (options.startMarker ?? ((marked) => scanPage(doc, marked)))(onMarked);

  return {
    handlers: {
      listTrials: () => ({ host, off: false, ids: listTrials() }),
      revealTrial: ({ id }) => ({ revealed: reveal(doc, id) }),
      openCard: ({ id }) => ({ opened: reveal(doc, id) }),
      stepTrial: ({ direction }) => ({ revealed: reveal(doc, undefined, direction) }),
      openFocusedCard: () => ({ opened: openFocused(doc) }),
    },
    apply(settings) {
      current = settings;
      controller.setTiming(settings.delays);
      chips.set(settings.chips, results.keys());
    },
    trialsChanged: () => badge.report(),
    stop() {
      controller.destroy();
      prefetcher.destroy();
      chips.stop();
      marker.destroy();
      cardFrame.remove();
      badge.stop();
    },
  };
}

/** The page scanner, over the whole page and what it adds later. */
function scanPage(doc: Document, onMarked: (elements: HTMLElement[]) => void): Marker {
  const scanner = createScanner(doc, { onMarked });
  const root = doc.body ?? doc.documentElement;
  void scanner.scan(root);
  scanner.observe(root);
  return scanner;
}
