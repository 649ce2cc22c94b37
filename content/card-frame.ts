/**
 * The card's frame in the page: an extension page (card.html) in an iframe, inside a shadow root on a
 * host element whose own styles are set inline with `!important`, so page CSS can neither hide, move
 * nor restyle it. Created on the first hover intent and reused for every card on the page.
 *
 * What is private (notes, home, distances, the quick check, keys typed) lives in the frame, which is
 * cross-origin to the page: the page cannot read it, whatever it does to the host. The shadow root is
 * open: a closed one would add no privacy (a page can always remove the host, or post to the frame
 * through `window.frames`) and would keep standard test tools out.
 *
 * The content script holds nothing private: the frame reads the reader's notes and home location
 * itself. What crosses between them is in lib/card/frame-protocol.ts; messages from anything but our
 * own frame's window are ignored.
 */
import { browser } from 'wxt/browser';
import type { CardUi, CardView } from '@/lib/card/card-ui';
import type { NctId } from '@/lib/nct';
import { frameMessage, readFromFrame, type FromFrame, type ToFrame } from '@/lib/card/frame-protocol';

/** The card's box: the frame is exactly this size, and the card fills it (≤ 400 × 450, DESIGN.md). */
export const CARD_WIDTH = 400;
export const CARD_HEIGHT = 450;
/** While loading or for an error, the card needs less: its size says nothing private either way. */
const SHORT_HEIGHT = 220;

const HOST_STYLE: [string, string][] = [
  ['all', 'initial'],
  ['display', 'block'],
  ['position', 'static'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['contain', 'none'],
  ['pointer-events', 'auto'],
];

/**
 * Between cards the box is transparent and lets the pointer through, but stays rendered: a frame
 * that is `display: none` (or `visibility: hidden`) is not rendered by the browser until shown, so
 * a card drawn ahead at the hover intent would still be painted only after the show deadline.
 * Rendered, the card is painted ahead and showing it is one change of opacity in the page.
 */
const SHADOW_CSS = `
  .box { position: fixed; top: 0; left: 0; z-index: 2147483647; opacity: 0; pointer-events: none;
         width: ${CARD_WIDTH}px; max-width: calc(100vw - 16px); height: ${CARD_HEIGHT}px;
         border-radius: 10px; box-shadow: none; }
  .box.open { opacity: 1; pointer-events: auto; box-shadow: 0 8px 28px rgb(0 0 0 / 28%); }
  iframe { display: block; width: 100%; height: 100%; border: 0; border-radius: 10px;
           background: transparent; color-scheme: light dark; }
`;

export interface CardFrameActions {
  close(restoreFocus: boolean): void;
  togglePin(): void;
  turnOffSite(): void;
}

export interface CardFrame extends CardUi {
  /** Creates the frame ahead of need (the hover intent) and has it get this trial ready. */
  prepare(id: NctId): void;
  /** Moves focus into the card; false when it is not there yet. */
  focus(): boolean;
  remove(): void;
}

/** A frame between cards is out of the Tab order and of the accessibility tree (its card is inert too). */
function setReachable(frame: HTMLIFrameElement, reachable: boolean): void {
  if (reachable) {
    frame.removeAttribute('tabindex');
    frame.removeAttribute('aria-hidden');
  } else {
    frame.tabIndex = -1;
    frame.setAttribute('aria-hidden', 'true');
  }
}

export function createCardFrame(doc: Document, actions: CardFrameActions): CardFrame {
  let parts: { host: HTMLElement; box: HTMLElement; frame: HTMLIFrameElement } | undefined;
  let ready: Promise<void> | undefined;
  let markReady: () => void = () => undefined;
  let shownId: string | undefined;
  let shownPinned = false;
  /**
   * The origin our frame's document actually has, from its "ready" message (Chrome's dynamic URL,
   * `use_dynamic_url`, resolves to the extension's own origin once loaded). Messages go to that origin
   * only: if the frame were navigated elsewhere, they would go nowhere.
   */
  let frameOrigin: string | undefined;
  /** A trial to get ready as soon as the frame can hear it. */
  let preloadWhenReady: NctId | undefined;

  /** Posts to our frame; false when it cannot hear yet (not loaded), so the caller asks again later. */
  const send = (message: ToFrame): boolean => {
    const target = parts?.frame.contentWindow;
    if (!frameOrigin || !target) return false;
    target.postMessage(frameMessage(message), frameOrigin);
    return true;
  };

  const onMessage = (event: MessageEvent) => {
    if (!parts || event.source !== parts.frame.contentWindow) return;
    const message: FromFrame | undefined = readFromFrame(event.data);
    if (!message) return;
    if (message.type === 'ready') {
      frameOrigin = event.origin;
      markReady();
      if (preloadWhenReady) send({ type: 'preload', id: preloadWhenReady });
      preloadWhenReady = undefined;
    } else if (message.type === 'close') actions.close(message.restoreFocus);
    else if (message.type === 'togglePin') actions.togglePin();
    else actions.turnOffSite();
  };

  function create() {
    const host = doc.createElement('div');
    for (const [name, value] of HOST_STYLE) host.style.setProperty(name, value, 'important');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = SHADOW_CSS;
    const box = doc.createElement('div');
    box.className = 'box';
    const frame = doc.createElement('iframe');
    frame.title = 'Trial card';
    frame.src = browser.runtime.getURL('/card.html');
    setReachable(frame, false);
    box.append(frame);
    shadow.append(style, box);
    ready = new Promise<void>((resolve) => (markReady = resolve));
    window.addEventListener('message', onMessage);
    doc.documentElement.append(host);
    parts = { host, box, frame };
  }

  return {
    prepare(id) {
      if (!parts) create();
      if (frameOrigin) send({ type: 'preload', id });
      else preloadWhenReady = id;
    },
    async ready() {
      if (!parts) create();
      await ready;
    },
    host: () => parts?.host,
    render(view: CardView | undefined) {
      if (!parts) return undefined;
      const { box, frame } = parts;
      if (!view) {
        box.classList.remove('open');
        setReachable(frame, false);
        if (shownId !== undefined) send({ type: 'hide' });
        shownId = undefined;
        return undefined;
      }
      // Remembered only once sent: a render before the frame has loaded is sent again at the next.
      if (
        (shownId !== view.id || shownPinned !== view.pinned) &&
        send({ type: 'show', id: view.id, focus: false, pinned: view.pinned })
      ) {
        shownId = view.id;
        shownPinned = view.pinned;
      }
      // The box's size follows only what anyone can see: loading, an error, or a trial.
      box.style.height = `${view.result?.ok ? CARD_HEIGHT : SHORT_HEIGHT}px`;
      box.classList.add('open');
      setReachable(frame, true);
      return box;
    },
    focus() {
      if (!parts || shownId === undefined) return false;
      parts.frame.focus();
      send({ type: 'focus' });
      return true;
    },
    remove() {
      window.removeEventListener('message', onMessage);
      parts?.host.remove();
      parts = undefined;
      shownId = undefined;
    },
  };
}
