/**
 * Everything the extension does inside one page, started and stopped as a whole: marking IDs,
 * prefetching the ones near the viewport, status chips, the card (with the reader's notes and
 * distances), and answers to the popup. Stopping puts the page back exactly as it was: the content
 * script stops it when the extension goes away or is turned off on this site.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { createCardController, type CardView } from '@/lib/card/controller';
import { CARD_HOST_TAG } from '@/lib/card/host';
import { createTrialLoader } from '@/lib/card/loader';
import { createPrefetcher } from '@/lib/card/prefetch';
import { sendRequest, type PageRequest, type PageTrials, type TrialResult } from '@/lib/messages';
import { canonicalNctId, type NctId } from '@/lib/nct';
import { MARK_TAG, NCT_ATTR } from '@/lib/scan/mark';
import { createScanner } from '@/lib/scan/scanner';
import { HOME_KEY, UNIT_KEY, loadDistanceSettings } from '@/lib/store/home';
import { loadNotes, saveNote, watchNotes, type NoteBook } from '@/lib/store/notes';
import { setSiteOff, type Settings } from '@/lib/store/settings';
import { statusLabel } from '@/lib/trial/format';
import { unitForLocale } from '@/lib/trial/locations';
import { browser } from 'wxt/browser';
import { removeChips, setChip } from './chip';
import type { DistanceContext } from './card/LocationsSection';
import { TrialCard } from './TrialCard';

export interface PageCards {
  /** Distinct trials on the page, in page order, and the page's site. */
  list(): PageTrials;
  handle(request: PageRequest): unknown;
  /** New settings: delays, chips, prefetch. */
  apply(settings: Settings): void;
  stop(): void;
}

const FLASH_STYLE = 'outline: 3px solid #f9ab00; outline-offset: 2px; transition: outline-color 1.2s;';

export function startPageCards(ctx: ContentScriptContext, doc: Document, settings: Settings): PageCards {
  let current = settings;
  const host = location.host;
  const marks = () => Array.from(doc.querySelectorAll<HTMLElement>(`[${NCT_ATTR}]`));
  // IDs reaching here are canonical (NCT + 8 digits), safe inside an attribute selector.
  const marksOf = (id: string) => Array.from(doc.querySelectorAll<HTMLElement>(`[${NCT_ATTR}="${id}"]`));
  const results = new Map<NctId, TrialResult>();
  let notes: NoteBook = { v: 1, byId: {} };
  let distance: DistanceContext | undefined;

  const updateChips = (id: NctId) => {
    const result = results.get(id);
    if (!current.chips || !result?.ok) return;
    const { label, tone } = statusLabel(result.trial.status.overall);
    for (const mark of marksOf(id))
      if (mark.localName === MARK_TAG) setChip(mark, label, tone, id in notes.byId);
  };

  const loader = createTrialLoader((ids) => sendRequest({ type: 'getTrials', ids }), {
    onResult: (result) => {
      const id = canonicalNctId(result.id);
      if (!id) return;
      results.set(id, result);
      updateChips(id);
    },
  });
  const prefetcher = createPrefetcher((ids) => {
    if (current.prefetch || current.chips) loader.prefetch(ids);
  });

  // The card's shadow root is created once the page has an ID, and added to the page only when a card
  // first opens: pages without IDs never see it.
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

  let reportTimer: ReturnType<typeof setTimeout> | undefined;
  const reportCount = () => {
    if (window !== window.top) return;
    clearTimeout(reportTimer);
    reportTimer = setTimeout(() => {
      void sendRequest({
        type: 'pageTrials',
        count: new Set(marks().map((m) => m.getAttribute(NCT_ATTR))).size,
      }).catch(() => undefined);
    }, 300);
  };

  const scanner = createScanner(doc, {
    ownHosts: [CARD_HOST_TAG],
    onMarked: (elements) => {
      cardUi ??= createCardUi();
      void loadPersonalData();
      prefetcher.observe(elements);
      for (const el of elements) {
        const id = canonicalNctId(el.getAttribute(NCT_ATTR) ?? '');
        if (id && results.has(id)) updateChips(id);
      }
      reportCount();
    },
  });

  const controller = createCardController({
    doc,
    timing: current.delays,
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
              note={notes.byId[view.id]}
              onSaveNote={(note) => void saveNote(view.id, note)}
              host={host}
              onTurnOffSite={() => void setSiteOff(host, true)}
            />
          ) : null,
          container,
        );
        return container.querySelector<HTMLElement>('.card') ?? undefined;
      },
    },
  });

  // The reader's home location and notes: read here, on this computer, never sent; and only once the
  // page has an ID, so that the many pages without one cost no storage reads.
  const readDistance = () =>
    loadDistanceSettings().then(({ home, unit }) => {
      distance = home && { home, unit: unit === 'auto' ? unitForLocale(navigator.language) : unit };
    });
  const onStorage = (changes: Record<string, unknown>) => {
    if (personalData && (HOME_KEY in changes || UNIT_KEY in changes)) void readDistance();
  };
  browser.storage.onChanged.addListener(onStorage);
  const redrawNotes = (book: NoteBook) => {
    notes = book;
    for (const id of results.keys()) updateChips(id);
    controller.redraw();
  };
  let personalData: Promise<unknown> | undefined;
  const loadPersonalData = () =>
    (personalData ??= Promise.all([readDistance(), loadNotes().then(redrawNotes)]));
  const stopWatchingNotes = watchNotes(redrawNotes);

  const root = doc.body ?? doc.documentElement;
  void scanner.scan(root);
  scanner.observe(root);

  /** Scrolls a trial's first mark into view, flashes it and gives it focus. */
  const reveal = (id: string, direction?: 1 | -1): boolean => {
    const all = id ? marksOf(id) : marks();
    const target = direction === undefined ? all[0] : stepFrom(all, direction);
    if (!target) return false;
    target.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const before = target.getAttribute('style') ?? '';
    target.setAttribute('style', `${before}${FLASH_STYLE}`);
    setTimeout(() => target.setAttribute('style', before), 1500);
    target.focus({ preventScroll: true });
    return true;
  };

  return {
    list() {
      const ids = [...new Set(marks().map((m) => m.getAttribute(NCT_ATTR) ?? ''))].filter(Boolean);
      return { host, off: false, ids };
    },
    handle(request) {
      switch (request.type) {
        case 'listTrials':
          return this.list();
        case 'revealTrial':
          return { revealed: reveal(request.id) };
        case 'openCard': {
          const found = reveal(request.id);
          return { opened: found };
        }
        case 'stepTrial':
          return { revealed: reveal('', request.direction) };
        case 'openFocusedCard': {
          const focused = marks().find((m) => m === doc.activeElement || m.contains(doc.activeElement));
          const target = focused ?? stepFrom(marks(), 1);
          target?.blur();
          return { opened: target ? reveal(target.getAttribute(NCT_ATTR) ?? '') : false };
        }
      }
    },
    apply(settings) {
      const chipsWereOn = current.chips;
      current = settings;
      controller.setTiming(settings.delays);
      if (chipsWereOn && !settings.chips) removeChips(doc);
      if (settings.chips) for (const id of results.keys()) updateChips(id);
    },
    stop() {
      clearTimeout(reportTimer);
      controller.destroy();
      prefetcher.destroy();
      removeChips(doc);
      scanner.destroy();
      mounted?.remove();
      browser.storage.onChanged.removeListener(onStorage);
      stopWatchingNotes();
      if (window === window.top) void sendRequest({ type: 'pageTrials', count: 0 }).catch(() => undefined);
    },
  };
}

/** The next (or previous) mark after the one that has focus, or the first in view. */
function stepFrom(all: HTMLElement[], direction: 1 | -1): HTMLElement | undefined {
  if (all.length === 0) return undefined;
  const focused = all.indexOf(document.activeElement as HTMLElement);
  if (focused >= 0) return all[(focused + direction + all.length) % all.length];
  const inView = all.findIndex((el) => el.getBoundingClientRect().top >= 0);
  return all[inView >= 0 ? inView : 0];
}
