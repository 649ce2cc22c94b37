/**
 * The hover state as a specification: each row is a state, an event, and what must follow. Pure: no
 * DOM, no timers (the DOM adapter's own tests, card-controller.test.ts, run the real timers faked).
 */
import { describe, expect, it } from 'vitest';
import { IDLE, transition, type HoverEvent, type HoverState, type Place } from '@/lib/card/hover-state';
import { DEFAULT_TIMING } from '@/lib/card/timing';

type A = 'a' | 'b';
const at = (anchor: A): Place<A> => ({
  kind: 'anchor',
  anchor,
  id: anchor === 'a' ? 'NCT00000001' : 'NCT00000002',
});
const CARD: Place<A> = { kind: 'card' };
const OTHER: Place<A> = { kind: 'other' };
const NONE: Place<A> = { kind: 'none' };

const idle: HoverState<A> = IDLE;
const pendingA: HoverState<A> = { pending: { anchor: 'a', id: 'NCT00000001' }, hiding: false };
const openA: HoverState<A> = { card: { anchor: 'a', id: 'NCT00000001', pinned: false }, hiding: false };
const hidingA: HoverState<A> = { ...openA, hiding: true };
const pinnedA: HoverState<A> = { card: { anchor: 'a', id: 'NCT00000001', pinned: true }, hiding: false };

const step = (state: HoverState<A>, event: HoverEvent<A>) => transition(state, event, DEFAULT_TIMING);
const effectTypes = (state: HoverState<A>, event: HoverEvent<A>) =>
  step(state, event)[1].map((e) =>
    e.type === 'schedule' || e.type === 'cancel' ? `${e.type}:${e.timer}` : e.type,
  );

describe('hover state: the pointer (Page Previews timing)', () => {
  it('schedules the fetch at 150 ms and the card at 500 ms when the pointer rests on an ID', () => {
    const [state, effects] = step(idle, { type: 'pointerOver', on: at('a') });
    expect(state.pending).toEqual({ anchor: 'a', id: 'NCT00000001' });
    expect(effects).toContainEqual({ type: 'schedule', timer: 'fetch', ms: 150 });
    expect(effects).toContainEqual({ type: 'schedule', timer: 'show', ms: 500 });
  });

  it('asks for the data when the fetch timer fires, and opens when the show timer fires', () => {
    expect(step(pendingA, { type: 'timer', timer: 'fetch' })[1]).toEqual([
      { type: 'load', id: 'NCT00000001' },
    ]);
    const [state, effects] = step(pendingA, { type: 'timer', timer: 'show' });
    expect(state).toEqual(openA);
    expect(effects).toContainEqual({ type: 'open', anchor: 'a', id: 'NCT00000001', focus: false });
  });

  it('opens nothing when the pointer leaves the ID before the card shows', () => {
    const [state, effects] = step(pendingA, { type: 'pointerOut', from: at('a'), to: OTHER });
    expect(state.pending).toBeUndefined();
    expect(effects.map((e) => e.type)).toEqual(['cancel', 'cancel']);
    expect(step(state, { type: 'timer', timer: 'show' })[1]).toEqual([]);
  });

  it.each([
    [
      'leaves the ID for elsewhere',
      openA,
      { type: 'pointerOut', from: at('a'), to: OTHER },
      ['schedule:hide'],
    ],
    [
      'leaves the card for elsewhere',
      openA,
      { type: 'pointerOut', from: CARD, to: OTHER },
      ['schedule:hide'],
    ],
    ['crosses from the ID into the card', openA, { type: 'pointerOut', from: at('a'), to: CARD }, []],
    ['comes back to the card while hiding', hidingA, { type: 'pointerOver', on: CARD }, ['cancel:hide']],
    ['comes back to the ID while hiding', hidingA, { type: 'pointerOver', on: at('a') }, ['cancel:hide']],
    ['leaves a pinned card', pinnedA, { type: 'pointerOut', from: CARD, to: OTHER }, []],
    [
      'leaves a card that has keyboard focus',
      openA,
      { type: 'pointerOut', from: CARD, to: OTHER, focusInCard: true },
      [],
    ],
    ['leaves again while already hiding', hidingA, { type: 'pointerOut', from: CARD, to: OTHER }, []],
  ] as const)('when the pointer %s: %j', (_name, state, event, effects) => {
    expect(effectTypes(state, event)).toEqual(effects);
  });

  it('closes when the hide timer fires (300 ms)', () => {
    const [, scheduled] = step(openA, { type: 'pointerOut', from: CARD, to: OTHER });
    expect(scheduled).toEqual([{ type: 'schedule', timer: 'hide', ms: 300 }]);
    const [state, effects] = step(hidingA, { type: 'timer', timer: 'hide' });
    expect(state).toEqual(idle);
    expect(effects).toContainEqual({ type: 'close', anchor: 'a', restoreFocus: false });
  });

  it('keeps the open card while another ID is pending, then shows one card at a time', () => {
    const [pending] = step(openA, { type: 'pointerOver', on: at('b') });
    expect(pending.card?.anchor).toBe('a');
    const [state, effects] = step(pending, { type: 'timer', timer: 'show' });
    expect(state.card?.anchor).toBe('b');
    expect(effects).toContainEqual({
      type: 'open',
      anchor: 'b',
      id: 'NCT00000002',
      previous: 'a',
      focus: false,
    });
  });

  it('uses the delays it is given (they are settings)', () => {
    const timing = { fetchDelayMs: 0, showDelayMs: 50, hideDelayMs: 1000 };
    expect(transition(idle, { type: 'pointerOver', on: at('a') }, timing)[1]).toContainEqual({
      type: 'schedule',
      timer: 'show',
      ms: 50,
    });
  });
});

describe('hover state: clicks, focus and keys', () => {
  it.each([
    ['a click outside closes an open card', openA, { type: 'pointerDown', on: OTHER }, 'close'],
    ['a click outside keeps a pinned card', pinnedA, { type: 'pointerDown', on: OTHER }, undefined],
    ['a click in the card keeps it', openA, { type: 'pointerDown', on: CARD }, undefined],
    ['focus on an ID opens its card at once', idle, { type: 'focusIn', on: at('a') }, 'open'],
    ['focus elsewhere closes the card', openA, { type: 'focusIn', on: OTHER }, 'close'],
    [
      'focus moving from the ID into the card keeps it',
      openA,
      { type: 'focusOut', from: at('a'), to: CARD },
      undefined,
    ],
    ['focus leaving both closes it', openA, { type: 'focusOut', from: CARD, to: OTHER }, 'close'],
    [
      'focus lost to nowhere from inside gives it back',
      openA,
      { type: 'focusOut', from: CARD, to: NONE },
      'refocusCard',
    ],
    ['focus leaving a pinned card keeps it', pinnedA, { type: 'focusOut', from: CARD, to: OTHER }, undefined],
    [
      'Enter on the open card’s ID moves focus in',
      openA,
      { type: 'pressOpen', anchor: 'a', id: 'NCT00000001' },
      'focusCard',
    ],
    ['the ID scrolling away closes the card', openA, { type: 'anchorHidden' }, 'close'],
    ['the ID scrolling away keeps a pinned card', pinnedA, { type: 'anchorHidden' }, undefined],
  ] as const)('%s', (_name, state, event, last) => {
    expect(step(state, event)[1].at(-1)?.type).toBe(last);
  });

  it('Enter on another ID opens its card with focus in it', () => {
    expect(step(idle, { type: 'pressOpen', anchor: 'b', id: 'NCT00000002' })[1]).toContainEqual({
      type: 'open',
      anchor: 'b',
      id: 'NCT00000002',
      focus: true,
    });
  });

  it('Escape closes, giving focus back to the ID only when focus was in the card or on the ID', () => {
    expect(step(openA, { type: 'escape', focusInside: true })[1]).toContainEqual({
      type: 'close',
      anchor: 'a',
      restoreFocus: true,
    });
    expect(step(pinnedA, { type: 'escape', focusInside: false })[1]).toContainEqual({
      type: 'close',
      anchor: 'a',
      restoreFocus: false,
    });
    expect(step(idle, { type: 'escape', focusInside: false })).toEqual([idle, []]);
  });

  it('pinning stops a running hide and redraws; unpinning lets it close again', () => {
    const [pinned, effects] = step(hidingA, { type: 'togglePin' });
    expect(pinned).toEqual(pinnedA);
    expect(effects.map((e) => e.type)).toEqual(['cancel', 'redraw']);
    expect(step(pinned, { type: 'togglePin' })[0]).toEqual(openA);
  });
});

describe('hover state: a click on an ID that is not a link', () => {
  it('opens its card at once, pinned, whatever was pending', () => {
    const [state, effects] = step(pendingA, { type: 'clickOpen', anchor: 'a', id: 'NCT00000001' });
    expect(state.card).toEqual({ anchor: 'a', id: 'NCT00000001', pinned: true });
    expect(state.pending).toBeUndefined();
    expect(effects).toContainEqual({ type: 'open', anchor: 'a', id: 'NCT00000001', focus: false });
    // Pinned: the pointer leaving does not close it.
    expect(step(state, { type: 'pointerOut', from: at('a'), to: OTHER })[1]).toEqual([]);
  });

  it('pins a card already open for it, and changes nothing once pinned', () => {
    const [state, effects] = step(hidingA, { type: 'clickOpen', anchor: 'a', id: 'NCT00000001' });
    expect(state.card?.pinned).toBe(true);
    expect(effects.map((e) => e.type)).toEqual(['cancel', 'redraw']);
    expect(step(pinnedA, { type: 'clickOpen', anchor: 'a', id: 'NCT00000001' })[1]).toEqual([]);
  });
});
