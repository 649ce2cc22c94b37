/**
 * When the card opens, where it stands and when it closes. DOM events in, "show this view" out; the
 * view itself is rendered by whoever passes `render` (Preact, in the content script).
 *
 * Hover timing follows Wikipedia's Page Previews (lib/card/timing.ts); the grace period after the
 * pointer leaves lets it move into the card. Keyboard focus opens it at once. WCAG 1.4.13: it can be dismissed (Escape) without moving the pointer, hovered, and it stays
 * until the pointer or focus leaves it, or the reader closes it.
 */
import { parseNctId, type NctId } from '../nct';
import type { TrialResult } from '../messaging';
import { floatingPositioner, type Positioner } from './position';
import { DEFAULT_TIMING, type CardTiming } from './timing';

export interface CardView {
  id: NctId;
  /** Undefined while loading. */
  result?: TrialResult;
  pinned: boolean;
}

export interface CardUi {
  /** Resolves once the card's host is in the page and can render. */
  ready(): Promise<void>;
  /** Renders the view (or nothing), and returns the card's root element once it is in the page. */
  render(view: CardView | undefined): HTMLElement | undefined;
  /** The element hosting the card (its shadow host): events from inside the card come from it. */
  host(): HTMLElement | undefined;
}

export interface CardControllerOptions {
  doc: Document;
  ui: CardUi;
  /** The trial for an ID (from memory or the background). */
  load(id: NctId): Promise<TrialResult>;
  timing?: Partial<CardTiming>;
  /** Places the card beside its ID; floating-ui by default. */
  position?: Positioner;
}

/** The element standing for a trial: a mark, a marked link, or a link around exactly one mark. */
export function trialAnchor(target: EventTarget | null): HTMLElement | undefined {
  if (!(target instanceof Element)) return undefined;
  const own = target.closest<HTMLElement>('[data-nct-id]');
  if (own) return own;
  const link = target.closest('a[href]');
  const inner = link?.querySelectorAll<HTMLElement>('[data-nct-id]');
  return inner?.length === 1 ? inner[0] : undefined;
}

function anchorId(anchor: HTMLElement): NctId | undefined {
  return parseNctId(anchor.getAttribute('data-nct-id') ?? '');
}

export function createCardController(options: CardControllerOptions) {
  const { doc, ui, load } = options;
  const position = options.position ?? floatingPositioner;
  let timing: CardTiming = { ...DEFAULT_TIMING, ...options.timing };
  const win = doc.defaultView ?? window;

  let anchor: HTMLElement | undefined;
  let view: CardView | undefined;
  /** The ID under the pointer whose card is scheduled but not shown yet. */
  let pendingAnchor: HTMLElement | undefined;
  /** Focus was asked for before the card was drawn. */
  let focusWhenDrawn = false;
  /** Focus we are giving back to an ID after closing its card: that focus must not reopen it. */
  let restoringFocusTo: HTMLElement | undefined;
  let stopPositioning: (() => void) | undefined;
  const timers = { fetch: 0, show: 0, hide: 0 };

  function clear(name: keyof typeof timers): void {
    win.clearTimeout(timers[name]);
    timers[name] = 0;
  }

  function isOpen(): boolean {
    return view !== undefined;
  }

  /** True for the card's host and anything inside its shadow root (events may or may not be retargeted). */
  function inCard(target: EventTarget | null): boolean {
    const host = ui.host();
    if (!host || !(target instanceof Node)) return false;
    if (host.contains(target)) return true;
    const root = target.getRootNode();
    return root instanceof ShadowRoot && root.host === host;
  }

  function draw(): void {
    const card = ui.render(view);
    if (card && focusWhenDrawn) {
      focusWhenDrawn = false;
      card.focus();
    }
    stopPositioning?.();
    stopPositioning = undefined;
    if (!card || !anchor || !view) return;
    // The ID scrolled out of sight: a card pointing at nothing is closed, unless pinned.
    stopPositioning = position(anchor, card, () => {
      if (view && !view.pinned) close();
    });
  }

  /** Moves focus into the card, now or, if it is not drawn yet, as soon as it is. */
  function focusCard(): void {
    const dialog = ui.host()?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
    if (dialog) dialog.focus();
    else focusWhenDrawn = true;
  }

  async function open(target: HTMLElement, id: NctId, options: { focus?: boolean } = {}): Promise<void> {
    clear('show');
    clear('hide');
    anchor?.setAttribute('aria-expanded', 'false');
    anchor = target;
    anchor.setAttribute('aria-expanded', 'true');
    view = { id, pinned: false };
    await ui.ready();
    // The reader may have moved on while the card's host was being set up or the data was on its way.
    const current = () => anchor === target && view?.id === id;
    if (!current()) return;
    draw();
    if (options.focus) focusCard();
    const result = await load(id);
    if (current() && view && !view.result) {
      view = { ...view, result };
      draw();
    }
  }

  function close(options: { restoreFocus?: boolean } = {}): void {
    clear('fetch');
    clear('show');
    clear('hide');
    focusWhenDrawn = false;
    if (!view) return;
    const previous = anchor;
    view = undefined;
    anchor = undefined;
    stopPositioning?.();
    stopPositioning = undefined;
    ui.render(undefined);
    previous?.setAttribute('aria-expanded', 'false');
    if (options.restoreFocus && previous) {
      restoringFocusTo = previous;
      previous.focus({ preventScroll: true });
      restoringFocusTo = undefined;
    }
  }

  function scheduleHide(): void {
    if (!view || view.pinned || timers.hide) return;
    timers.hide = win.setTimeout(() => {
      timers.hide = 0;
      close();
    }, timing.hideDelayMs);
  }

  function onPointerOver(event: PointerEvent): void {
    if (inCard(event.target)) {
      clear('hide');
      return;
    }
    const target = trialAnchor(event.target);
    if (!target) return;
    if (target === anchor) {
      clear('hide');
      return;
    }
    const id = anchorId(target);
    if (!id) return;
    clear('fetch');
    clear('show');
    const hoverStart = Date.now();
    timers.fetch = win.setTimeout(() => {
      timers.fetch = 0;
      void load(id);
    }, timing.fetchDelayMs);
    timers.show = win.setTimeout(
      () => {
        timers.show = 0;
        void open(target, id);
      },
      Math.max(0, timing.showDelayMs - (Date.now() - hoverStart)),
    );
    pendingAnchor = target;
  }

  function onPointerOut(event: PointerEvent): void {
    const to = event.relatedTarget;
    if (pendingAnchor && trialAnchor(event.target) === pendingAnchor && trialAnchor(to) !== pendingAnchor) {
      // Left before the card showed: nothing opens (a fetch already sent still fills the cache).
      clear('fetch');
      clear('show');
      pendingAnchor = undefined;
    }
    if (!view) return;
    const leavingCard = inCard(event.target) && !inCard(to);
    const leavingAnchor = trialAnchor(event.target) === anchor && trialAnchor(to) !== anchor && !inCard(to);
    if (leavingCard || leavingAnchor) scheduleHide();
  }

  function onFocusIn(event: FocusEvent): void {
    if (inCard(event.target)) {
      clear('hide');
      return;
    }
    const target = trialAnchor(event.target);
    if (target && target === restoringFocusTo) return;
    if (!target) {
      if (view && !view.pinned) close();
      return;
    }
    const id = anchorId(target);
    if (id && target !== anchor) void open(target, id);
  }

  function onFocusOut(event: FocusEvent): void {
    if (!view || view.pinned) return;
    const to = event.relatedTarget;
    // Focus moving between the ID and its card keeps the card; leaving both closes it.
    if (inCard(to) || (to instanceof Element && trialAnchor(to) === anchor)) return;
    if (!inCard(event.target) && trialAnchor(event.target) !== anchor) return;
    if (to === null && inCard(event.target)) {
      // Focus went nowhere: the focused control was re-rendered away (a section expanding) or the
      // window lost focus. Neither means "close": keep the card, and give focus back to it.
      win.setTimeout(() => {
        if (view && (doc.activeElement === doc.body || doc.activeElement === null)) focusCard();
      }, 0);
      return;
    }
    close();
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && view) {
      const focusWasInside = inCard(doc.activeElement) || doc.activeElement === anchor;
      close({ restoreFocus: focusWasInside });
      return;
    }
    // Enter or Space on an ID (a button), or Alt+ArrowDown on an ID or a link naming a trial (the ARIA
    // convention for "open the popup"; Enter on a link must still follow it), opens the card and moves
    // focus into it: the dialog pattern.
    const target = trialAnchor(event.target);
    if (!target) return;
    const openKey = event.altKey && event.key === 'ArrowDown';
    const pressKey =
      (event.key === 'Enter' || event.key === ' ') && target === event.target && target.localName !== 'a';
    if (!openKey && !pressKey) return;
    event.preventDefault();
    const id = anchorId(target);
    if (!id) return;
    if (target === anchor && view) focusCard();
    else void open(target, id, { focus: true });
  }

  function onPointerDown(event: PointerEvent): void {
    if (!view || view.pinned || inCard(event.target)) return;
    if (trialAnchor(event.target) === anchor) return;
    close();
  }

  const listeners: [string, EventListener][] = [
    ['pointerover', onPointerOver as EventListener],
    ['pointerout', onPointerOut as EventListener],
    ['focusin', onFocusIn as EventListener],
    ['focusout', onFocusOut as EventListener],
    ['keydown', onKeyDown as EventListener],
    ['pointerdown', onPointerDown as EventListener],
  ];
  for (const [type, listener] of listeners)
    doc.addEventListener(type, listener, { capture: true, passive: type !== 'keydown' });

  return {
    isOpen,
    /** The view on screen, if any. */
    get view(): CardView | undefined {
      return view;
    },
    close,
    /** Keeps the card open until closed (Escape, the close button). */
    togglePin(): void {
      if (!view) return;
      view = { ...view, pinned: !view.pinned };
      clear('hide');
      draw();
    },
    /** New delays (they are settings). */
    setTiming(next: Partial<CardTiming>): void {
      timing = { ...timing, ...next };
    },
    /** Draws the open card again (something it shows, such as a note, changed). */
    redraw(): void {
      if (view) draw();
    },
    /** Asks again after an error. */
    async retry(): Promise<void> {
      if (!view || !anchor) return;
      const { id } = view;
      view = { id, pinned: view.pinned };
      draw();
      const result = await load(id);
      if (view?.id === id) {
        view = { ...view, result };
        draw();
      }
    },
    destroy(): void {
      close();
      for (const [type, listener] of listeners) doc.removeEventListener(type, listener, { capture: true });
    },
  };
}

export type CardController = ReturnType<typeof createCardController>;
