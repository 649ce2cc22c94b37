/**
 * When the card opens and closes, as a pure transition function: (state, event) → (state, effects),
 * like the reducer of Wikipedia's Page Previews. No DOM, no timers, no data: the DOM adapter
 * (controller.ts) turns browser events into these events and carries out the effects.
 *
 * The rules (DESIGN.md, timing; WCAG 1.4.13): the data is asked for once the pointer has rested on an
 * ID for `fetchDelayMs`; the card shows `showDelayMs` after the hover began; it stays `hideDelayMs`
 * after the pointer leaves the ID or the card, so the pointer can cross the gap; keyboard focus opens
 * it at once; Escape closes it; a pinned card stays until closed. One card at a time.
 */
import type { NctId } from '../nct';
import type { CardTiming } from './timing';

/** Where an event happened or went: the card, a trial's anchor, somewhere else, or nowhere. */
export type Place<A> =
  { kind: 'card' } | { kind: 'anchor'; anchor: A; id: NctId } | { kind: 'other' } | { kind: 'none' };

export interface HoverState<A> {
  /** The card on screen. */
  card?: { anchor: A; id: NctId; pinned: boolean };
  /** The ID under the pointer whose card is scheduled but not shown yet. */
  pending?: { anchor: A; id: NctId };
  /** The hide timer is running. */
  hiding: boolean;
}

export const IDLE: HoverState<never> = { hiding: false };

export type HoverEvent<A> =
  | { type: 'pointerOver'; on: Place<A> }
  /** `focusInCard`: keyboard focus is in the card, which then stays whatever the pointer does. */
  | { type: 'pointerOut'; from: Place<A>; to: Place<A>; focusInCard?: boolean }
  | { type: 'pointerDown'; on: Place<A> }
  | { type: 'focusIn'; on: Place<A> }
  | { type: 'focusOut'; from: Place<A>; to: Place<A> }
  /** Enter or Space on an ID, Alt+ArrowDown on an ID or a link around one: open and move focus in. */
  | { type: 'pressOpen'; anchor: A; id: NctId }
  /** A click on an ID that is not a link: the reader wants this card, now, and kept open. */
  | { type: 'clickOpen'; anchor: A; id: NctId }
  | { type: 'escape'; focusInside: boolean }
  | { type: 'timer'; timer: Timer }
  /** The ID scrolled out of sight. */
  | { type: 'anchorHidden' }
  | { type: 'togglePin' }
  | { type: 'close'; restoreFocus: boolean };

export type Timer = 'fetch' | 'show' | 'hide';

export type HoverEffect<A> =
  | { type: 'schedule'; timer: Timer; ms: number }
  | { type: 'cancel'; timer: Timer }
  | { type: 'load'; id: NctId }
  | { type: 'open'; anchor: A; id: NctId; previous?: A; focus: boolean }
  | { type: 'focusCard' }
  | { type: 'close'; anchor: A; restoreFocus: boolean }
  /** Focus fell out of the card to nowhere (a control re-rendered away): give it back to the card. */
  | { type: 'refocusCard' }
  | { type: 'redraw' };

export type Transition<A> = [HoverState<A>, HoverEffect<A>[]];

const isAnchor = <A>(place: Place<A>, anchor: A | undefined): boolean =>
  place.kind === 'anchor' && anchor !== undefined && place.anchor === anchor;

function open<A>(state: HoverState<A>, anchor: A, id: NctId, focus: boolean): Transition<A> {
  const previous = state.card?.anchor;
  return [
    { card: { anchor, id, pinned: false }, hiding: false },
    [
      { type: 'cancel', timer: 'show' },
      { type: 'cancel', timer: 'hide' },
      {
        type: 'open',
        anchor,
        id,
        focus,
        ...(previous !== undefined && previous !== anchor ? { previous } : {}),
      },
    ],
  ];
}

function close<A>(state: HoverState<A>, restoreFocus: boolean): Transition<A> {
  const cancels: HoverEffect<A>[] = [
    { type: 'cancel', timer: 'fetch' },
    { type: 'cancel', timer: 'show' },
    { type: 'cancel', timer: 'hide' },
  ];
  if (!state.card) return [{ hiding: false }, cancels];
  return [{ hiding: false }, [...cancels, { type: 'close', anchor: state.card.anchor, restoreFocus }]];
}

function keep<A>(state: HoverState<A>): Transition<A> {
  if (!state.hiding) return [state, []];
  return [{ ...state, hiding: false }, [{ type: 'cancel', timer: 'hide' }]];
}

function scheduleHide<A>(state: HoverState<A>, timing: CardTiming): Transition<A> {
  if (!state.card || state.card.pinned || state.hiding) return [state, []];
  return [{ ...state, hiding: true }, [{ type: 'schedule', timer: 'hide', ms: timing.hideDelayMs }]];
}

export function transition<A>(state: HoverState<A>, event: HoverEvent<A>, timing: CardTiming): Transition<A> {
  const { card } = state;
  switch (event.type) {
    case 'pointerOver': {
      const { on } = event;
      if (on.kind === 'card') return keep(state);
      if (on.kind !== 'anchor') return [state, []];
      if (isAnchor(on, card?.anchor)) return keep(state);
      // A new ID under the pointer: its card is scheduled; the open one (if any) stays meanwhile.
      return [
        { ...state, pending: { anchor: on.anchor, id: on.id } },
        [
          { type: 'cancel', timer: 'fetch' },
          { type: 'cancel', timer: 'show' },
          { type: 'schedule', timer: 'fetch', ms: timing.fetchDelayMs },
          { type: 'schedule', timer: 'show', ms: timing.showDelayMs },
        ],
      ];
    }
    case 'pointerOut': {
      const { from, to } = event;
      let next = state;
      const effects: HoverEffect<A>[] = [];
      if (state.pending && isAnchor(from, state.pending.anchor) && !isAnchor(to, state.pending.anchor)) {
        // Left before the card showed: nothing opens (a fetch already sent still fills the cache).
        next = { ...state, pending: undefined };
        effects.push({ type: 'cancel', timer: 'fetch' }, { type: 'cancel', timer: 'show' });
      }
      if (!card) return [next, effects];
      const leavingCard = from.kind === 'card' && to.kind !== 'card';
      const leavingAnchor = isAnchor(from, card.anchor) && !isAnchor(to, card.anchor) && to.kind !== 'card';
      if ((!leavingCard && !leavingAnchor) || event.focusInCard) return [next, effects];
      const [hidden, hideEffects] = scheduleHide(next, timing);
      return [hidden, [...effects, ...hideEffects]];
    }
    case 'pointerDown': {
      const { on } = event;
      if (!card || card.pinned || on.kind === 'card' || isAnchor(on, card.anchor)) return [state, []];
      return close(state, false);
    }
    case 'focusIn': {
      const { on } = event;
      if (on.kind === 'card') return keep(state);
      if (on.kind !== 'anchor') return card && !card.pinned ? close(state, false) : [state, []];
      return isAnchor(on, card?.anchor) ? [state, []] : open(state, on.anchor, on.id, false);
    }
    case 'focusOut': {
      const { from, to } = event;
      if (!card || card.pinned) return [state, []];
      // Focus moving between the ID and its card keeps the card; leaving both closes it.
      if (to.kind === 'card' || isAnchor(to, card.anchor)) return [state, []];
      if (from.kind !== 'card' && !isAnchor(from, card.anchor)) return [state, []];
      // Focus went nowhere: the focused control was re-rendered away, or the window lost focus.
      // Neither means "close": keep the card and give focus back to it.
      if (to.kind === 'none' && from.kind === 'card') return [state, [{ type: 'refocusCard' }]];
      return close(state, false);
    }
    case 'pressOpen':
      if (card && card.anchor === event.anchor) return [state, [{ type: 'focusCard' }]];
      return open(state, event.anchor, event.id, true);
    case 'clickOpen': {
      if (card && card.anchor === event.anchor) {
        if (card.pinned) return [state, []];
        return [
          { ...state, card: { ...card, pinned: true }, hiding: false },
          [{ type: 'cancel', timer: 'hide' }, { type: 'redraw' }],
        ];
      }
      const [opened, effects] = open({ ...state, pending: undefined }, event.anchor, event.id, false);
      const pinned = opened.card && { ...opened.card, pinned: true };
      return [{ ...opened, card: pinned }, [{ type: 'cancel', timer: 'fetch' }, ...effects]];
    }
    case 'escape':
      return card ? close(state, event.focusInside) : [state, []];
    case 'timer': {
      if (event.timer === 'hide')
        return state.hiding ? close({ ...state, hiding: false }, false) : [state, []];
      const { pending } = state;
      if (!pending) return [state, []];
      if (event.timer === 'fetch') return [state, [{ type: 'load', id: pending.id }]];
      return open({ ...state, pending: undefined }, pending.anchor, pending.id, false);
    }
    case 'anchorHidden':
      return card && !card.pinned ? close(state, false) : [state, []];
    case 'togglePin':
      if (!card) return [state, []];
      return [
        { ...state, card: { ...card, pinned: !card.pinned }, hiding: false },
        [{ type: 'cancel', timer: 'hide' }, { type: 'redraw' }],
      ];
    case 'close':
      return close(state, event.restoreFocus);
  }
}
