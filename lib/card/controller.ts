/**
 * The card's DOM adapter: browser events in, the hover state's transitions (hover-state.ts, pure) in
 * the middle, effects out (timers, loading, drawing, positioning, focus). What to decide lives in
 * hover-state.ts; this file only knows the DOM: where an event happened, and how to do what was decided.
 * The view itself is rendered by whoever passes `ui` (the content script's card host).
 */
import type { NctId } from '../nct';
import type { CardControllerOptions, CardUi, CardView } from './card-ui';

export type { CardControllerOptions, CardUi, CardView };
import { markedId, trialAnchor } from '../scan/mark';
import { floatingPositioner } from './position';
import {
  IDLE,
  transition,
  type HoverEffect,
  type HoverEvent,
  type HoverState,
  type Place,
  type Timer,
} from './hover-state';
import { DEFAULT_TIMING, type CardTiming } from './timing';

export function createCardController(options: CardControllerOptions) {
  const { doc, ui, load } = options;
  const position = options.position ?? floatingPositioner;
  let timing: CardTiming = { ...DEFAULT_TIMING, ...options.timing };
  const win = doc.defaultView ?? window;
  const isTrusted = options.isTrusted ?? ((event: Event) => event.isTrusted);

  let state: HoverState<HTMLElement> = IDLE;
  /** What the card shows: its trial and, once here, the data (pinned or not is the hover state's). */
  let view: Omit<CardView, 'pinned'> | undefined;
  const currentView = (): CardView | undefined => view && { ...view, pinned: state.card?.pinned ?? false };
  /** Focus was asked for before the card was drawn. */
  let focusWhenDrawn = false;
  /** Focus we are giving back to an ID after closing its card: that focus must not reopen it. */
  let restoringFocusTo: HTMLElement | undefined;
  let stopPositioning: (() => void) | undefined;
  const timers: Record<Timer, number> = { fetch: 0, show: 0, hide: 0 };

  /** True for the card's host and anything inside its shadow root (events may or may not be retargeted). */
  function inCard(target: EventTarget | null): boolean {
    const host = ui.host();
    if (!host || !(target instanceof Node)) return false;
    if (host.contains(target)) return true;
    const root = target.getRootNode();
    return root instanceof ShadowRoot && root.host === host;
  }

  /** Where an event target stands, for the hover state. */
  function place(target: EventTarget | null): Place<HTMLElement> {
    if (target === null) return { kind: 'none' };
    if (inCard(target)) return { kind: 'card' };
    const anchor = trialAnchor(target);
    const id = anchor && markedId(anchor);
    return anchor && id ? { kind: 'anchor', anchor, id } : { kind: 'other' };
  }

  function dispatch(event: HoverEvent<HTMLElement>): void {
    const [next, effects] = transition(state, event, timing);
    state = next;
    for (const effect of effects) run(effect);
  }

  function run(effect: HoverEffect<HTMLElement>): void {
    switch (effect.type) {
      case 'schedule':
        win.clearTimeout(timers[effect.timer]);
        timers[effect.timer] = win.setTimeout(() => {
          timers[effect.timer] = 0;
          dispatch({ type: 'timer', timer: effect.timer });
        }, effect.ms);
        return;
      case 'cancel':
        win.clearTimeout(timers[effect.timer]);
        timers[effect.timer] = 0;
        return;
      case 'load':
        // The first hover intent: the card's frame is made now, so that it is ready at the deadline.
        ui.prepare?.(effect.id);
        void load(effect.id);
        return;
      case 'open':
        effect.previous?.setAttribute('aria-expanded', 'false');
        effect.anchor.setAttribute('aria-expanded', 'true');
        void show(effect.anchor, effect.id, effect.focus);
        return;
      case 'focusCard':
        focusCard();
        return;
      case 'close':
        hide(effect.anchor, effect.restoreFocus);
        return;
      case 'refocusCard':
        win.setTimeout(() => {
          if (view && (doc.activeElement === doc.body || doc.activeElement === null)) focusCard();
        }, 0);
        return;
      case 'redraw':
        draw();
        return;
    }
  }

  function draw(): void {
    const card = ui.render(currentView());
    if (card && focusWhenDrawn) focusWhenDrawn = !ui.focus();
    stopPositioning?.();
    stopPositioning = undefined;
    const anchor = state.card?.anchor;
    if (!card || !anchor || !view) return;
    // The ID scrolled out of sight: a card pointing at nothing is closed, unless pinned.
    stopPositioning = position(anchor, card, () => dispatch({ type: 'anchorHidden' }));
  }

  /** Moves focus into the card, now or, if it is not drawn yet, as soon as it is. */
  function focusCard(): void {
    if (!ui.focus()) focusWhenDrawn = true;
  }

  async function show(anchor: HTMLElement, id: NctId, focus: boolean): Promise<void> {
    view = { id };
    await ui.ready();
    // The reader may have moved on while the card's host was being set up or the data was on its way.
    const current = () => state.card?.anchor === anchor && view?.id === id;
    if (!current()) return;
    draw();
    if (focus) focusCard();
    const result = await load(id);
    if (current() && view && !view.result) {
      view = { ...view, result };
      draw();
    }
  }

  function hide(anchor: HTMLElement, restoreFocus: boolean): void {
    focusWhenDrawn = false;
    view = undefined;
    stopPositioning?.();
    stopPositioning = undefined;
    ui.render(undefined);
    anchor.setAttribute('aria-expanded', 'false');
    if (restoreFocus) {
      restoringFocusTo = anchor;
      anchor.focus({ preventScroll: true });
      restoringFocusTo = undefined;
    }
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      const focusInside = inCard(doc.activeElement) || doc.activeElement === state.card?.anchor;
      dispatch({ type: 'escape', focusInside });
      return;
    }
    // Enter or Space on an ID (a button), or Alt+ArrowDown on an ID or a link naming a trial (the ARIA
    // convention for "open the popup"; Enter on a link must still follow it): the dialog pattern.
    const target = trialAnchor(event.target);
    if (!target) return;
    const openKey = event.altKey && event.key === 'ArrowDown';
    const pressKey =
      (event.key === 'Enter' || event.key === ' ') && target === event.target && target.localName !== 'a';
    if (!openKey && !pressKey) return;
    event.preventDefault();
    const id = markedId(target);
    if (id) dispatch({ type: 'pressOpen', anchor: target, id });
  }

  // Capture phase: the page's own handlers cannot hide these events from the card.
  const listeners = {
    pointerover: (e: PointerEvent) => dispatch({ type: 'pointerOver', on: place(e.target) }),
    pointerout: (e: PointerEvent) =>
      dispatch({
        type: 'pointerOut',
        from: place(e.target),
        to: place(e.relatedTarget),
        focusInCard: inCard(doc.activeElement),
      }),
    pointerdown: (e: PointerEvent) => dispatch({ type: 'pointerDown', on: place(e.target) }),
    focusin: (e: FocusEvent) => {
      // Focus we give back to an ID on close must not reopen its card.
      if (!restoringFocusTo || trialAnchor(e.target) !== restoringFocusTo)
        dispatch({ type: 'focusIn', on: place(e.target) });
    },
    focusout: (e: FocusEvent) => {
      const from = place(e.target);
      if (e.relatedTarget !== null) return dispatch({ type: 'focusOut', from, to: place(e.relatedTarget) });
      // Focus going into a frame (the card's own) or out of the window names no related target:
      // look where it landed once it has.
      win.setTimeout(() => {
        const active = doc.hasFocus() && doc.activeElement !== doc.body ? doc.activeElement : null;
        dispatch({ type: 'focusOut', from, to: place(active) });
      }, 0);
    },
    keydown: onKeyDown,
    // A click on an ID that is not a link opens its card at once, pinned (a link's click follows it).
    click: (e: MouseEvent) => {
      const anchor = trialAnchor(e.target);
      const id = anchor && anchor.localName !== 'a' && !anchor.closest('a') ? markedId(anchor) : undefined;
      if (anchor && id) dispatch({ type: 'clickOpen', anchor, id });
    },
  };
  // Only the reader's own input acts: a page's synthetic events are ignored, whatever they target.
  const entries = (Object.entries(listeners) as [string, EventListener][]).map(
    ([type, listener]): [string, EventListener] => [type, (event) => isTrusted(event) && listener(event)],
  );
  for (const [type, listener] of entries)
    doc.addEventListener(type, listener, { capture: true, passive: type !== 'keydown' });

  return {
    isOpen: () => view !== undefined,
    /** The view on screen, if any. */
    get view(): CardView | undefined {
      return currentView();
    },
    close(options: { restoreFocus?: boolean } = {}): void {
      dispatch({ type: 'close', restoreFocus: options.restoreFocus ?? false });
    },
    /** Keeps the card open until closed (Escape, the close button). */
    togglePin(): void {
      dispatch({ type: 'togglePin' });
    },
    /** New delays (they are settings). */
    setTiming(next: Partial<CardTiming>): void {
      timing = { ...timing, ...next };
    },
    destroy(): void {
      dispatch({ type: 'close', restoreFocus: false });
      for (const [type, listener] of entries) doc.removeEventListener(type, listener, { capture: true });
    },
  };
}

export type CardController = ReturnType<typeof createCardController>;
