/**
 * What crosses `window.postMessage` between the content script and the card frame (card.html). The
 * page sees every such message and can send its own, so only public, harmless things cross: which
 * trial to show (an ID the page wrote anyway), "hide", "take focus", and from the frame "close",
 * "pin", "turn off on this site". Nothing private ever goes out, and each side checks what comes in:
 * the content script accepts only messages whose source is its own frame's window; the frame, which
 * cannot tell the page from the content script (both are its parent), treats every command as
 * untrusted and can only be made to show a public card.
 */
import { parseNctId, type NctId } from '../nct';

/** Every message of ours carries this key, so the page's own messages are told apart cheaply. */
export const FRAME_KEY = 'nct-card-frame';

export type ToFrame =
  /** The hover intent (150 ms): get this trial ready, show nothing yet. */
  | { type: 'preload'; id: NctId }
  /** `pinned`: the card is kept open (a click on its ID, or its pin button). */
  | { type: 'show'; id: NctId; focus: boolean; pinned: boolean }
  | { type: 'hide' }
  | { type: 'focus' };

export type FromFrame =
  | { type: 'ready' }
  /** Escape or the close button; `restoreFocus` when focus was in the card. */
  | { type: 'close'; restoreFocus: boolean }
  | { type: 'togglePin' }
  | { type: 'turnOffSite' };

export function frameMessage<T extends ToFrame | FromFrame>(message: T): { [FRAME_KEY]: T } {
  return { [FRAME_KEY]: message };
}

function unwrap(data: unknown): Record<string, unknown> | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const inner = (data as Record<string, unknown>)[FRAME_KEY];
  return typeof inner === 'object' && inner !== null ? (inner as Record<string, unknown>) : undefined;
}

/** A command for the frame, checked field by field; anything else is undefined. */
export function readToFrame(data: unknown): ToFrame | undefined {
  const m = unwrap(data);
  if (!m) return undefined;
  if (m.type === 'hide' || m.type === 'focus') return { type: m.type };
  if ((m.type !== 'show' && m.type !== 'preload') || typeof m.id !== 'string') return undefined;
  const id = parseNctId(m.id);
  if (!id || id !== m.id) return undefined;
  return m.type === 'preload'
    ? { type: 'preload', id }
    : { type: 'show', id, focus: m.focus === true, pinned: m.pinned === true };
}

/** A message from the frame, checked field by field; anything else is undefined. */
export function readFromFrame(data: unknown): FromFrame | undefined {
  const m = unwrap(data);
  if (!m) return undefined;
  switch (m.type) {
    case 'ready':
    case 'togglePin':
    case 'turnOffSite':
      return { type: m.type };
    case 'close':
      return { type: 'close', restoreFocus: m.restoreFocus === true };
    default:
      return undefined;
  }
}
