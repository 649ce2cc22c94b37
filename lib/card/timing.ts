/**
 * When the card opens and closes, from Wikipedia's Page Previews (A/B tested): the data is asked for
 * once the pointer has rested on an ID for 150 ms, the card shows no earlier than 500 ms after the hover
 * began, and it stays 300 ms after the pointer leaves. The reader can change them (settings); these are
 * the defaults, in one place. A module of its own so that the settings pages need not load the card.
 */
export interface CardTiming {
  /** Pointer rest before the data is requested. */
  fetchDelayMs: number;
  /** Earliest the card shows after the hover began. */
  showDelayMs: number;
  /** How long the card stays after the pointer left the ID or the card. */
  hideDelayMs: number;
}

export const DEFAULT_TIMING: CardTiming = { fetchDelayMs: 150, showDelayMs: 500, hideDelayMs: 300 };
