/**
 * The one typed contract between the content script, the extension pages and the background worker.
 * Types and plain helpers only: the zod validation of what arrives lives in `messages.schema.ts`,
 * which only the background imports (content scripts stay small and zod-free).
 */
import { browser } from 'wxt/browser';
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

export interface CacheInfo {
  entries: number;
  bytes: number;
}

export type Request =
  | { type: 'getTrials'; ids: string[] }
  /** One trial with everything the full view shows (summary, design, arms). */
  | { type: 'getTrialDetails'; id: string }
  /** Opens the full view of a trial in a new tab (content scripts cannot open extension pages). */
  | { type: 'openFullView'; id: string }
  /** A page's top frame reports how many trials it names (the toolbar badge). */
  | { type: 'pageTrials'; count: number }
  | { type: 'openOptions' }
  | { type: 'clearCache' }
  | { type: 'cacheInfo' };

export interface ResponseMap {
  getTrials: TrialResult[];
  getTrialDetails: TrialResult;
  openFullView: { opened: boolean };
  pageTrials: { shown: boolean };
  openOptions: { opened: boolean };
  clearCache: CacheInfo;
  cacheInfo: CacheInfo;
}

export type Response<R extends Request> = ResponseMap[R['type']];

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

/** Sends a request to the background and returns its typed answer; a refusal becomes an error. */
export async function sendRequest<R extends Request>(request: R): Promise<Response<R>> {
  const answer: unknown = await browser.runtime.sendMessage(request);
  if (isRefusal(answer)) throw new Error(`Background refused the message: ${answer.reason}`);
  return answer as Response<R>;
}

/** What the popup (or the background, for menus and commands) asks of the content script in a tab. */
export type PageRequest =
  | { type: 'listTrials' }
  | { type: 'revealTrial'; id: string }
  | { type: 'openCard'; id: string }
  /** The card of the focused ID, or of the first one in view. */
  | { type: 'openFocusedCard' }
  | { type: 'stepTrial'; direction: 1 | -1 };

/** The answer to `listTrials`: the page's site, whether the extension is off there, its trials in order. */
export interface PageTrials {
  host: string;
  off: boolean;
  ids: string[];
}

/** Checked by hand in the content script (no zod there): anything else is ignored. */
export function isPageRequest(message: unknown): message is PageRequest {
  const m = message as (Partial<PageRequest> & { id?: unknown; direction?: unknown }) | null;
  if (!m || typeof m !== 'object') return false;
  switch (m.type) {
    case 'listTrials':
    case 'openFocusedCard':
      return true;
    case 'revealTrial':
    case 'openCard':
      return typeof m.id === 'string' && /^NCT\d{8}$/.test(m.id);
    case 'stepTrial':
      return m.direction === 1 || m.direction === -1;
    default:
      return false;
  }
}
