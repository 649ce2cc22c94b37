/**
 * ClinicalTrials.gov API v2 client: one request for one ID or for a batch of IDs, every answer
 * validated, every failure typed. Retries live here too (`withRetries`); batching and the cache live
 * in the trial service, which calls `fetchTrialBatch`.
 *
 * Facts this relies on (../shared/ctgov/API-FACTS.md): error bodies are plain text, not JSON; a
 * registered-looking but unknown ID is a 404 (single) or simply absent (list); `filter.ids` results
 * are unsorted and also match aliases; the default page size is 10; a 301 from an alias is followed by
 * `fetch`, so the answer's `nctId` can differ from the one asked for.
 */
import { parseNctId, type NctId } from '../nct';
import type { TrialErrorCode } from '../messaging';
import { STUDY_FIELDS } from './fields';
import { batchUrl, studyUrl } from './urls';
import { pagedStudiesSchema, studySchema, type Study } from './schema';

export interface ClientOptions {
  fetch?: typeof fetch;
  /** The `fields` to ask for; the card's by default. */
  fields?: readonly string[];
  /** Per request, in ms. */
  timeoutMs?: number;
  /** Largest body we read, in bytes: anything bigger is refused, not buffered. */
  maxBytes?: number;
  /** Pages of a batch followed at most (a batch fits one page; this bounds a misbehaving server). */
  maxPages?: number;
}

const DEFAULTS = { timeoutMs: 15_000, maxBytes: 16 * 1024 * 1024, maxPages: 5, fields: STUDY_FIELDS };

/** A whole request failed. `retryAfterMs` carries the server's `Retry-After`, when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly code: TrialErrorCode,
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Per requested ID: the study, or a typed error for that ID alone. Missing IDs were not found. */
export type BatchResult = Map<NctId, Study | TrialErrorCode>;

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

async function readBody(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new ApiError('bad-response', `answer too large (${declared} bytes)`, false);
  }
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new ApiError('bad-response', `answer too large (over ${maxBytes} bytes)`, false);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** GET a URL and return its parsed JSON, or throw an ApiError that says what went wrong. */
async function getJson(
  url: string,
  options: Required<ClientOptions>,
  signal?: AbortSignal,
): Promise<unknown> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  let response: Response;
  try {
    response = await options.fetch(url, {
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      headers: { accept: 'application/json' },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
  } catch (error) {
    if (timeout.aborted) throw new ApiError('timeout', 'request timed out', true);
    if (signal?.aborted) throw error;
    throw new ApiError('network', `network error: ${String(error)}`, true);
  }
  if (!response.ok) {
    // Error bodies are plain text; read a little of it for the log, never parse it.
    const detail = (await response.text().catch(() => '')).slice(0, 200);
    const status = response.status;
    if (status === 404) throw new ApiError('not-found', detail || 'not found', false);
    if (status === 400) throw new ApiError('invalid-id', detail || 'bad request', false);
    if (status === 429) {
      throw new ApiError(
        'rate-limited',
        'HTTP 429',
        true,
        parseRetryAfter(response.headers.get('retry-after')),
      );
    }
    if (status >= 500) {
      throw new ApiError(
        'network',
        `HTTP ${status}`,
        true,
        parseRetryAfter(response.headers.get('retry-after')),
      );
    }
    throw new ApiError('bad-response', `HTTP ${status}`, false);
  }
  let text: string;
  try {
    text = await readBody(response, options.maxBytes);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (timeout.aborted) throw new ApiError('timeout', 'answer timed out', true);
    throw new ApiError('network', `answer cut off: ${String(error)}`, true);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('bad-response', 'answer is not JSON', false);
  }
}

/** Assigns each study of an answer to the requested IDs it answers: its own ID and its aliases. */
function assign(result: BatchResult, wanted: ReadonlySet<NctId>, rawStudies: unknown[]): void {
  for (const raw of rawStudies) {
    // The schema rejects only a study without a valid ID; such an entry cannot answer for any ID.
    const parsed = studySchema.safeParse(raw);
    if (!parsed.success) continue;
    const study = parsed.data;
    const identification = study.protocolSection.identificationModule;
    for (const written of [identification.nctId, ...identification.nctIdAliases]) {
      const id = parseNctId(written);
      if (id && wanted.has(id)) result.set(id, study);
    }
  }
}

/**
 * Fetches the studies for a batch of canonical IDs: `/studies/{id}` for one, `filter.ids` for more.
 * Throws an ApiError when the whole request failed; otherwise every ID it could answer is in the map.
 */
export async function fetchTrialBatch(
  ids: readonly NctId[],
  clientOptions: ClientOptions = {},
  signal?: AbortSignal,
): Promise<BatchResult> {
  const options: Required<ClientOptions> = {
    ...DEFAULTS,
    fetch: globalThis.fetch.bind(globalThis),
    ...clientOptions,
  };
  const result: BatchResult = new Map();
  const wanted = new Set(ids);
  if (ids.length === 1) {
    const [id] = ids as [NctId];
    try {
      const body = await getJson(studyUrl(id, options.fields), options, signal);
      assign(result, wanted, [body]);
      // Followed a 301 from an alias: the answer is that trial even if it does not list the alias.
      if (!result.has(id)) {
        const parsed = studySchema.safeParse(body);
        result.set(id, parsed.success ? parsed.data : 'bad-response');
      }
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'not-found' || error.code === 'invalid-id')) {
        result.set(id, error.code);
      } else throw error;
    }
    return result;
  }
  let pageToken: string | undefined;
  for (let page = 0; page < options.maxPages; page++) {
    const body = await getJson(batchUrl(ids, pageToken, options.fields), options, signal);
    const paged = pagedStudiesSchema.safeParse(body);
    if (!paged.success) throw new ApiError('bad-response', 'answer is not a list of studies', false);
    assign(result, wanted, paged.data.studies);
    pageToken = paged.data.nextPageToken;
    if (!pageToken || ids.every((id) => result.has(id))) break;
  }
  return result;
}

export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts?: number;
  /** First back-off; doubles each time, with full jitter. */
  baseDelayMs?: number;
  /** Longest single wait, whatever `Retry-After` says. */
  maxDelayMs?: number;
  /** Give up when the next wait would pass this much time since the first try. */
  budgetMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

const RETRY_DEFAULTS: Required<RetryOptions> = {
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  budgetMs: 25_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: () => Date.now(),
};

/** Runs `task`, retrying retryable ApiErrors (429, 5xx, network, timeout) with back-off and jitter. */
export async function withRetries<T>(task: () => Promise<T>, retryOptions: RetryOptions = {}): Promise<T> {
  const o = { ...RETRY_DEFAULTS, ...retryOptions };
  const started = o.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (!(error instanceof ApiError) || !error.retryable || attempt >= o.attempts) throw error;
      const backoff = o.random() * o.baseDelayMs * 2 ** (attempt - 1);
      const wait = Math.min(o.maxDelayMs, Math.max(error.retryAfterMs ?? 0, backoff));
      if (o.now() - started + wait > o.budgetMs) throw error;
      await o.sleep(wait);
    }
  }
}
