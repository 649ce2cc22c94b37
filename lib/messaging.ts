/**
 * The one typed protocol between the extension's parts, both directions:
 * - `BackgroundProtocol`: what content scripts and extension pages ask of the background;
 * - `TabProtocol`: what the popup and the background ask of the content script in a tab.
 * Each entry names its request and its answer, so a sender gets a typed answer and a handler map must
 * answer every request with the right type (the compiler checks both).
 *
 * Types and plain helpers only: the zod validation of what enters the background lives in
 * `messaging.schema.ts`, which only the background imports (content scripts stay small and zod-free).
 */
import { browser } from 'wxt/browser';
import type { NctId } from './nct';
import type { TrialSummary } from './trial/summary';

export type TrialErrorCode =
  'not-found' | 'invalid-id' | 'rate-limited' | 'network' | 'timeout' | 'bad-response';

export interface TrialError {
  code: TrialErrorCode;
  /** A sentence for the person reading the card. */
  message: string;
}

/** One ID's answer: the trial, or why there is none. One failing ID never fails the others. */
export type TrialResult =
  | {
      id: string;
      ok: true;
      trial: TrialSummary;
      /** When the registry gave us this data (ms since epoch). */
      fetchedAt: number;
      /** Set when a refresh failed and this is older cached data (offline, API down). */
      refreshError?: TrialError;
    }
  | { id: string; ok: false; error: TrialError };

export type TrialPriority = 'urgent' | 'list' | 'prefetch';

/** A part of the full view a link may open it at (its element's `id`). */
export type FullViewSection = 'publications';

export interface CacheInfo {
  entries: number;
  bytes: number;
}

/** The answer to `listTrials`: the page's site, whether the extension is off there, its trials in order. */
export interface PageTrials {
  host: string;
  off: boolean;
  ids: NctId[];
  /** The tab is our PDF viewer: `host` is where the PDF came from, and the site switch does not apply. */
  pdf?: boolean;
}

/** Requests to the background worker, each with its answer. */
export interface BackgroundProtocol {
  /**
   * Card data, batched. IDs arrive as written and are checked one by one (`invalid-id`). `priority`:
   * `urgent` (default: a reader is looking now), `list` (the popup's list), `prefetch` (near the viewport).
   */
  getTrials: { request: { ids: string[]; priority?: TrialPriority }; answer: TrialResult[] };
  /** The tab's marks of these IDs left the page: their waiting prefetches are not asked for. */
  dropPrefetches: { request: { ids: string[] }; answer: { dropped: number } };
  /** One trial with everything the full view shows (summary, design, arms). */
  getTrialDetails: { request: { id: string }; answer: TrialResult };
  /** Opens the full view of a trial in a new tab (content scripts cannot open extension pages). */
  openFullView: { request: { id: NctId; section?: FullViewSection }; answer: { opened: boolean } };
  /** A page's top frame reports how many trials it names (the toolbar badge). */
  pageTrials: { request: { count: number }; answer: { shown: boolean } };
  openOptions: { request: object; answer: { opened: boolean } };
  clearCache: { request: object; answer: CacheInfo };
  cacheInfo: { request: object; answer: CacheInfo };
}

/** Requests to the content script of a tab's top frame, each with its answer. */
export interface TabProtocol {
  listTrials: { request: object; answer: PageTrials };
  revealTrial: { request: { id: NctId }; answer: { revealed: boolean } };
  openCard: { request: { id: NctId }; answer: { opened: boolean } };
  /** The card of the focused ID, or of the first one in view. */
  openFocusedCard: { request: object; answer: { opened: boolean } };
  stepTrial: { request: { direction: 1 | -1 }; answer: { revealed: boolean } };
}

/**
 * A tab message for our PDF viewer, when `tabs.sendMessage` got no answer: Firefox hands tab messages to
 * content scripts only, not to an extension page in the tab, so this goes to every extension page and
 * the viewer open in `tabId` answers (the background ignores it).
 */
export interface ViewerRequest {
  type: 'askViewer';
  tabId: number;
  request: TabMessage;
}

/** A protocol: per request type, the request's fields and its answer. */
type Protocol<P> = { [K in keyof P]: { request: object; answer: unknown } };

/** The message for each request type: `{ type, ...request }`. */
export type MessageOf<P extends Protocol<P>> = {
  [K in keyof P & string]: { type: K } & P[K]['request'];
}[keyof P & string];
export type AnswerOf<P extends Protocol<P>, M extends { type: keyof P }> = P[M['type']]['answer'];

/** A handler for every request type of a protocol: the compiler checks that none is missing. */
export type Handlers<P extends Protocol<P>, Context = void> = {
  [K in keyof P & string]: (
    message: { type: K } & P[K]['request'],
    context: Context,
  ) => P[K]['answer'] | Promise<P[K]['answer']>;
};

export type BackgroundMessage = MessageOf<BackgroundProtocol>;
export type TabMessage = MessageOf<TabProtocol>;
export type BackgroundAnswer<M extends BackgroundMessage = BackgroundMessage> = AnswerOf<
  BackgroundProtocol,
  M
>;
export type TabAnswer<M extends TabMessage = TabMessage> = AnswerOf<TabProtocol, M>;

/** A page can name many trials, but a single request for thousands is not a reader's hover. */
export const MAX_IDS_PER_REQUEST = 500;

/** Asks for any number of trials in requests of at most MAX_IDS_PER_REQUEST IDs (the popup's list). */
export async function getTrialsInBatches(ids: readonly string[]): Promise<TrialResult[]> {
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += MAX_IDS_PER_REQUEST)
    batches.push(ids.slice(i, i + MAX_IDS_PER_REQUEST));
  return (
    await Promise.all(batches.map((batch) => sendToBackground({ type: 'getTrials', ids: batch })))
  ).flat();
}

/** What the background answers to a message it refuses (wrong shape, unknown type). */
export interface Refusal {
  refused: true;
  reason: string;
}

const MESSAGES: Record<TrialErrorCode, (id: string) => string> = {
  'not-found': (id) => `ClinicalTrials.gov has no registered trial with the ID ${id}.`,
  'invalid-id': (id) => `“${id}” is not a valid ClinicalTrials.gov ID (NCT followed by 8 digits).`,
  'rate-limited': () => 'ClinicalTrials.gov is limiting requests right now. Try again in a minute.',
  network: () => 'ClinicalTrials.gov could not be reached. Check your connection, or try again later.',
  timeout: () => 'ClinicalTrials.gov took too long to answer. Try again later.',
  'bad-response': () => 'ClinicalTrials.gov sent an answer this extension could not read. Try again later.',
};

export function trialError(code: TrialErrorCode, id: string): TrialError {
  return { code, message: MESSAGES[code](id) };
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && (value as Refusal).refused === true;
}

/**
 * Sends a request to the background and returns its typed answer; a refusal becomes an error. The
 * background checked the request and answers with its handler's type: this is the one place that
 * trusts that.
 */
export async function sendToBackground<M extends BackgroundMessage>(
  message: M,
): Promise<BackgroundAnswer<M>> {
  const answer: unknown = await browser.runtime.sendMessage(message);
  if (isRefusal(answer)) throw new Error(`Background refused the message: ${answer.reason}`);
  return answer as BackgroundAnswer<M>;
}

/**
 * Asks the content script in a tab's top frame (or another frame). Undefined when no content script
 * answers there (a browser page, the built-in PDF viewer, an extension store): callers say so.
 */
export async function sendToTab<M extends TabMessage>(
  tabId: number,
  message: M,
  frameId = 0,
): Promise<TabAnswer<M> | undefined> {
  const answer = (await browser.tabs.sendMessage(tabId, message, { frameId }).catch(() => undefined)) as
    TabAnswer<M> | undefined;
  if (answer !== undefined || frameId !== 0) return answer;
  // No content script answered: the tab may be our PDF viewer. Chrome hands tab messages to extension
  // pages in the tab too; Firefox does not, so the viewer also hears this, sent to every extension page.
  const request: ViewerRequest = { type: 'askViewer', tabId, request: message };
  return (await browser.runtime.sendMessage(request).catch(() => undefined)) as TabAnswer<M> | undefined;
}
