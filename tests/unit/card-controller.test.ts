// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCardController, type CardController, type CardView } from '@/lib/card/controller';
import { createScanner } from '@/lib/scan/scanner';
import type { TrialResult } from '@/lib/messaging';
import type { NctId } from '@/lib/nct';

/** A stand-in card UI: records what would be shown, keeps a real host element for focus and events. */
function fakeUi() {
  const host = document.createElement('div');
  host.id = 'host';
  const shadow = host.attachShadow({ mode: 'open' });
  document.body.append(host);
  const views: (CardView | undefined)[] = [];
  return {
    views,
    current: () => views[views.length - 1],
    ui: {
      ready: () => Promise.resolve(),
      host: () => host,
      focus() {
        const dialog = shadow.querySelector<HTMLElement>('[role="dialog"]');
        dialog?.focus();
        return dialog !== null;
      },
      render(view: CardView | undefined) {
        views.push(view);
        shadow.innerHTML = view
          ? `<div role="dialog" tabindex="-1" class="card"><button>x</button></div>`
          : '';
        return shadow.querySelector<HTMLElement>('.card') ?? undefined;
      },
    },
  };
}

/** happy-dom has no layout: placement is the real browser's job (tests/e2e/card.test.ts). */
const noPositioning = () => () => undefined;

let controller: CardController;
let ui: ReturnType<typeof fakeUi>;
let loads: NctId[];

const result = (id: NctId): TrialResult => ({ id, ok: false, error: { code: 'not-found', message: 'none' } });

/** Marks the IDs in `html` as the content script does: only the scanner's own marks are trials. */
async function markPage(html: string): Promise<void> {
  document.body.innerHTML = html;
  const scanner = createScanner(document, { yieldToPage: () => Promise.resolve() });
  await scanner.scan(document.body);
}

beforeEach(async () => {
  await markPage(`
    <p><span id="pa">NCT00000001</span> <span id="pb">NCT00000002</span></p>
    <a id="link" href="https://pubmed.example/1">see NCT00000003</a>
    <button id="other">other</button>`);
  for (const [holder, id] of [
    ['pa', 'a'],
    ['pb', 'b'],
  ] as const) {
    const mark = document.querySelector(`#${holder} nctref`);
    if (mark) mark.id = id;
  }
  vi.useFakeTimers();
  ui = fakeUi();
  loads = [];
  controller = createCardController({
    doc: document,
    ui: ui.ui,
    load: (id) => {
      loads.push(id);
      return Promise.resolve(result(id));
    },
    position: noPositioning,
    // happy-dom's events are all synthetic; the real check is the next test and the hostile-page E2E.
    isTrusted: () => true,
  });
});
afterEach(() => {
  controller.destroy();
  vi.useRealTimers();
});

const el = (id: string) => document.getElementById(id) as HTMLElement;
const over = (target: Element, relatedTarget: Element | null = null) =>
  target.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, relatedTarget }));
const out = (target: Element, relatedTarget: Element | null = null) =>
  target.dispatchEvent(new PointerEvent('pointerout', { bubbles: true, relatedTarget }));

async function advance(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

describe('card timing (Page Previews)', () => {
  it('asks for the data after 150 ms of rest and shows the card at 500 ms', async () => {
    over(el('a'));
    await advance(149);
    expect(loads).toEqual([]);
    await advance(1);
    expect(loads).toEqual(['NCT00000001']);
    await advance(349);
    expect(controller.isOpen()).toBe(false);
    await advance(1);
    expect(controller.view?.id).toBe('NCT00000001');
  });

  it('does nothing when the pointer only passes over an ID', async () => {
    over(el('a'));
    await advance(100);
    out(el('a'), el('other'));
    await advance(1000);
    expect(loads).toEqual([]);
    expect(controller.isOpen()).toBe(false);
  });

  it('stays 300 ms after the pointer leaves, and stays if the pointer reaches the card', async () => {
    over(el('a'));
    await advance(500);
    out(el('a'), ui.ui.host());
    over(ui.ui.host());
    await advance(1000);
    expect(controller.isOpen()).toBe(true);
    out(ui.ui.host(), el('other'));
    await advance(299);
    expect(controller.isOpen()).toBe(true);
    await advance(1);
    expect(controller.isOpen()).toBe(false);
  });

  it('shows one card at a time', async () => {
    over(el('a'));
    await advance(500);
    over(el('b'), el('a'));
    await advance(500);
    expect(controller.view?.id).toBe('NCT00000002');
    expect(el('a').getAttribute('aria-expanded')).toBe('false');
    expect(el('b').getAttribute('aria-expanded')).toBe('true');
  });

  it('accepts other delays (they are settings)', async () => {
    controller.destroy();
    controller = createCardController({
      doc: document,
      ui: ui.ui,
      load: (id) => Promise.resolve(result(id)),
      timing: { showDelayMs: 1000 },
      position: noPositioning,
      isTrusted: () => true,
    });
    over(el('a'));
    await advance(999);
    expect(controller.isOpen()).toBe(false);
    await advance(1);
    expect(controller.isOpen()).toBe(true);
  });
});

describe('card keyboard', () => {
  it('opens at once on focus and closes when focus leaves both ID and card', async () => {
    el('a').focus();
    await advance(0);
    expect(controller.view?.id).toBe('NCT00000001');
    el('other').focus();
    await advance(0);
    expect(controller.isOpen()).toBe(false);
  });

  it('closes on Escape and gives focus back to the ID without reopening', async () => {
    el('a').focus();
    await advance(0);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await advance(0);
    expect(controller.isOpen()).toBe(false);
    expect(document.activeElement).toBe(el('a'));
  });

  it('moves focus into the card on Enter on an ID, and on Alt+ArrowDown on a link around one', async () => {
    // happy-dom does not track focus inside shadow roots: watch focus() calls on the dialog instead.
    const focus = vi.spyOn(HTMLElement.prototype, 'focus');
    const focusedInCard = () => {
      const hit = focus.mock.contexts.some((el) => (el as HTMLElement).getAttribute('role') === 'dialog');
      focus.mockClear();
      return hit;
    };
    el('a').focus();
    el('a').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await advance(0);
    expect(focusedInCard()).toBe(true);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await advance(0);
    el('link').focus();
    await advance(0);
    el('link').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await advance(0);
    expect(focusedInCard()).toBe(false);
    el('link').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true }));
    await advance(0);
    expect(controller.view?.id).toBe('NCT00000003');
    expect(focusedInCard()).toBe(true);
  });

  it('opens the card of a focused link around an ID', async () => {
    el('link').focus();
    await advance(0);
    expect(controller.view?.id).toBe('NCT00000003');
  });

  it('keeps a pinned card when focus and pointer leave', async () => {
    el('a').focus();
    await advance(0);
    controller.togglePin();
    el('other').focus();
    el('other').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    await advance(1000);
    expect(controller.view?.pinned).toBe(true);
  });
});

describe('only the reader acts', () => {
  it('opens nothing for synthetic events (a page dispatching them at our marks)', async () => {
    controller.destroy();
    controller = createCardController({
      doc: document,
      ui: ui.ui,
      load: () => Promise.resolve(result('NCT00000001')),
      position: noPositioning,
    });
    over(el('a'));
    el('a').dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    el('a').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await advance(1000);
    expect(controller.isOpen()).toBe(false);
  });
});

describe('card focus', () => {
  it('stays open when a focused control inside it is re-rendered away', async () => {
    el('a').focus();
    await advance(0);
    const host = ui.ui.host();
    host.dispatchEvent(new FocusEvent('focusout', { bubbles: true, relatedTarget: null }));
    await advance(10);
    expect(controller.isOpen()).toBe(true);
  });
});
