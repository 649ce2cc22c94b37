/**
 * The card controller's contract: what it asks of whoever draws the card (the content script's card
 * frame), and what it is given to run.
 */
import type { TrialResult } from '../messaging';
import type { NctId } from '../nct';
import type { Positioner } from './position';
import type { CardTiming } from './timing';

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

export interface CardControllerOptions {
  doc: Document;
  ui: CardUi;
  /** The trial for an ID (from memory or the background). */
  load(id: NctId): Promise<TrialResult>;
  timing?: Partial<CardTiming>;
  /** Places the card beside its ID; floating-ui by default. */
  position?: Positioner;
  /**
   * Whether an event came from the reader (`event.isTrusted`). A page can dispatch synthetic pointer,
   * focus and key events at our marks: those open nothing. Unit tests, whose events are all synthetic,
   * pass their own.
   */
  isTrusted?: (event: Event) => boolean;
}
