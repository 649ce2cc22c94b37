/**
 * What the card controller asks of whoever draws the card (the content script's card host): the
 * view to draw, and the element hosting it.
 */
import type { TrialResult } from '../messaging';
import type { NctId } from '../nct';

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
  /** Moves focus into the drawn card; false when there is none to focus yet. */
  focus(): boolean;
  /** Gets the card for this trial ready ahead of need (the hover intent), if that costs something. */
  prepare?(id: NctId): void;
}
