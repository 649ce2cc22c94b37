/**
 * The trial service: what the background answers to "give me these trials".
 *
 * Cache first (fresh for 12 h; older data is answered at once and refreshed behind it), then the
 * API, politely: IDs asked for within a short window go out as one `filter.ids` request of bounded
 * size, an ID already on its way is not asked for twice, requests start at most a few per second,
 * and the client retries 429/5xx with back-off. Every ID gets its own answer.
 */
import { fetchTrialBatch, withRetries, ApiError, type BatchResult } from '@/lib/ctgov/client';
import { trialError, type CacheInfo, type TrialErrorCode, type TrialResult } from '@/lib/messaging';
import { parseNctId, type NctId } from '@/lib/nct';
import type { TrialCache } from './cache';
import { studyToSummary } from '@/lib/trial/study-to-summary';
import type { TrialSummary } from '@/lib/trial/summary';

export interface TrialServiceOptions {
  cache: TrialCache;
  /** Fetches one batch; defaults to the API client with retries. */
  fetchBatch?: (ids: NctId[]) => Promise<BatchResult>;
  /** How long to wait for more IDs before a request goes out. */
  windowMs?: number;
  /** IDs per request at most. */
  maxBatch?: number;
  /** Least time between the starts of two requests (3 a second by default). */
  minIntervalMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

type Outcome = { ok: true; summary: TrialSummary; fetchedAt: number } | { ok: false; code: TrialErrorCode };

const defaultFetchBatch = (ids: NctId[]) => withRetries(() => fetchTrialBatch(ids));
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createTrialService(options: TrialServiceOptions) {
  const { cache } = options;
  const fetchBatch = options.fetchBatch ?? defaultFetchBatch;
  const windowMs = options.windowMs ?? 30;
  // 50 IDs: 200 IDs on a page cost 4 requests; the URL stays under 1 kB and the answer well under the size bound.
  const maxBatch = options.maxBatch ?? 50;
  const minIntervalMs = options.minIntervalMs ?? 334;
  const now = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? defaultSleep;

  const inFlight = new Map<NctId, Promise<Outcome>>();
  const waiting: { id: NctId; resolve: (outcome: Outcome) => void }[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let nextStart = 0;
  let stopped = false;
  /** The last refresh of a cached trial failed: its cached answer says so. */
  const refreshFailures = new Map<NctId, TrialErrorCode>();

  /** Waits for this request's turn: request starts are spaced by `minIntervalMs`. */
  async function takeTurn(): Promise<void> {
    const start = Math.max(now(), nextStart);
    nextStart = start + minIntervalMs;
    const wait = start - now();
    if (wait > 0) await sleep(wait);
  }

  async function runBatch(batch: { id: NctId; resolve: (outcome: Outcome) => void }[]): Promise<void> {
    const ids = batch.map((item) => item.id);
    let result: BatchResult | undefined;
    let failure: TrialErrorCode = 'network';
    try {
      await takeTurn();
      result = await fetchBatch(ids);
    } catch (error) {
      failure = error instanceof ApiError ? error.code : 'network';
    }
    const fetchedAt = now();
    const toCache = new Map<NctId, { summary: TrialSummary; fetchedAt: number }>();
    const outcomes = batch.map(({ id }): Outcome => {
      if (!result) return { ok: false, code: failure };
      const answer = result.get(id);
      if (answer === undefined) return { ok: false, code: 'not-found' };
      if (typeof answer === 'string') return { ok: false, code: answer };
      const summary = studyToSummary(answer);
      toCache.set(id, { summary, fetchedAt });
      return { ok: true, summary, fetchedAt };
    });
    // A full storage area must not turn a good answer into an error.
    await cache.put(toCache).catch(() => undefined);
    batch.forEach((item, i) => item.resolve(outcomes[i] as Outcome));
  }

  function flush(): void {
    if (flushTimer !== undefined) clearTimeout(flushTimer);
    flushTimer = undefined;
    if (stopped) return;
    while (waiting.length > 0) void runBatch(waiting.splice(0, maxBatch));
  }

  /** The API's answer for one ID, batched with the others asked for in the same window. */
  function load(id: NctId): Promise<Outcome> {
    const existing = inFlight.get(id);
    if (existing) return existing;
    const outcome = new Promise<Outcome>((resolve) => {
      waiting.push({ id, resolve });
      if (waiting.length >= maxBatch) flush();
      else flushTimer ??= setTimeout(flush, windowMs);
    });
    inFlight.set(id, outcome);
    void outcome.then(() => inFlight.delete(id));
    return outcome;
  }

  function refresh(id: NctId): void {
    void load(id).then((outcome) => {
      if (outcome.ok) refreshFailures.delete(id);
      else refreshFailures.set(id, outcome.code);
    });
  }

  return {
    /** One answer per distinct requested ID, in the order asked. */
    async getTrials(rawIds: readonly string[]): Promise<TrialResult[]> {
      const requested = [...new Set(rawIds)];
      const ids = [...new Set(requested.map((raw) => parseNctId(raw)).filter((id) => id !== undefined))];
      const cached = await cache.get(ids).catch(() => new Map<NctId, never>());
      const outcomes = new Map<NctId, Promise<Outcome>>();
      for (const id of ids) {
        const hit = cached.get(id);
        if (!hit) {
          outcomes.set(id, load(id));
          continue;
        }
        if (hit.stale) refresh(id);
        outcomes.set(id, Promise.resolve({ ok: true, summary: hit.summary, fetchedAt: hit.fetchedAt }));
      }
      return Promise.all(
        requested.map(async (raw): Promise<TrialResult> => {
          const id = parseNctId(raw);
          const pending = id && outcomes.get(id);
          if (!id || !pending) return { id: raw, ok: false, error: trialError('invalid-id', raw) };
          const outcome = await pending;
          if (!outcome.ok) return { id, ok: false, error: trialError(outcome.code, id) };
          const failed = refreshFailures.get(id);
          return {
            id,
            ok: true,
            trial: outcome.summary,
            fetchedAt: outcome.fetchedAt,
            ...(failed ? { refreshError: trialError(failed, id) } : {}),
          };
        }),
      );
    },

    clearCache(): Promise<CacheInfo> {
      refreshFailures.clear();
      return cache.clear();
    },

    cacheInfo(): Promise<CacheInfo> {
      return cache.info();
    },

    /** No more requests: a stopped background (tests, a reload) leaves nothing running. */
    stop(): void {
      stopped = true;
      if (flushTimer !== undefined) clearTimeout(flushTimer);
      flushTimer = undefined;
      for (const { resolve } of waiting.splice(0)) resolve({ ok: false, code: 'network' });
    },
  };
}

export type TrialService = ReturnType<typeof createTrialService>;
