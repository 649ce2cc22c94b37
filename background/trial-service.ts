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
  /** Prefetched IDs waiting per tab at most; the oldest are dropped past it. */
  maxPrefetchPerTab?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

type Outcome = { ok: true; summary: TrialSummary; fetchedAt: number } | { ok: false; code: TrialErrorCode };

interface Waiting {
  id: NctId;
  resolve: (outcome: Outcome) => void;
}

/**
 * Who is waiting: `urgent` (a reader looking now), `list` (the popup's whole list) or `prefetch` (IDs
 * near a page's viewport, a guess), and for which tab.
 */
export interface Lane {
  priority: 'urgent' | 'list' | 'prefetch';
  tab: number;
}

const URGENT: Lane = { priority: 'urgent', tab: -1 };

const defaultFetchBatch = (ids: NctId[]) => withRetries(() => fetchTrialBatch(ids));
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createTrialService(options: TrialServiceOptions) {
  const { cache } = options;
  const fetchBatch = options.fetchBatch ?? defaultFetchBatch;
  const windowMs = options.windowMs ?? 30;
  // 50 IDs: 200 IDs on a page cost 4 requests; the URL stays under 1 kB and the answer well under the size bound.
  const maxBatch = options.maxBatch ?? 50;
  const minIntervalMs = options.minIntervalMs ?? 334;
  const maxPrefetchPerTab = options.maxPrefetchPerTab ?? 150;
  const now = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? defaultSleep;

  const inFlight = new Map<NctId, Promise<Outcome>>();
  /** IDs a reader is looking at now (hover, focus, a full view): always asked for first. */
  const urgent: Waiting[] = [];
  /** Everything else, one lane per tab and kind: lanes take turns, so no tab fills the queue for all. */
  const lanes = new Map<string, Waiting[]>();
  let pumping = false;
  let nextStart = 0;
  let stopped = false;
  /** The last refresh of a cached trial failed: its cached answer says so. */
  const refreshFailures = new Map<NctId, TrialErrorCode>();

  /** Waits for the next request's turn: request starts are spaced by `minIntervalMs`. */
  async function takeTurn(): Promise<void> {
    const start = Math.max(now(), nextStart);
    nextStart = start + minIntervalMs;
    const wait = start - now();
    if (wait > 0) await sleep(wait);
  }

  async function runBatch(batch: Waiting[]): Promise<void> {
    const ids = batch.map((item) => item.id);
    let result: BatchResult | undefined;
    let failure: TrialErrorCode = 'network';
    try {
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

  /** The next request's IDs, chosen at its turn: urgent ones first, then one from each lane in turn. */
  function takeBatch(): Waiting[] {
    const batch = urgent.splice(0, maxBatch);
    while (batch.length < maxBatch && lanes.size > 0) {
      for (const [key, lane] of lanes) {
        const item = lane.shift();
        if (item) batch.push(item);
        if (lane.length === 0) lanes.delete(key);
        if (batch.length >= maxBatch) break;
      }
    }
    return batch;
  }

  async function pump(): Promise<void> {
    // A short window first: IDs asked for in the same moment go out as one request.
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    while (!stopped && (urgent.length > 0 || lanes.size > 0)) {
      await takeTurn();
      if (stopped) break;
      const batch = takeBatch();
      if (batch.length > 0) void runBatch(batch);
    }
    pumping = false;
  }

  function enqueue(item: Waiting, lane: Lane): void {
    if (lane.priority === 'urgent') urgent.push(item);
    else {
      const key = `${lane.tab}:${lane.priority}`;
      const queue = lanes.get(key) ?? [];
      queue.push(item);
      lanes.set(key, queue);
      // Prefetches are a guess at what will be read: a tab adding IDs faster than they can be asked
      // for loses its oldest guesses (asked for again if hovered), not other tabs' turns.
      if (lane.priority === 'prefetch' && queue.length > maxPrefetchPerTab) {
        const dropped = queue.shift();
        if (dropped) {
          dropped.resolve({ ok: false, code: 'rate-limited' });
          inFlight.delete(dropped.id);
        }
      }
    }
    if (!pumping && !stopped) {
      pumping = true;
      void pump();
    }
  }

  /** Moves an ID waiting in a lane to the urgent queue (a prefetched ID the reader now hovers). */
  function promote(id: NctId): void {
    for (const [key, lane] of lanes) {
      const at = lane.findIndex((item) => item.id === id);
      if (at < 0) continue;
      const [item] = lane.splice(at, 1);
      if (item) urgent.push(item);
      if (lane.length === 0) lanes.delete(key);
      return;
    }
  }

  /** The API's answer for one ID, batched with the others asked for in the same window. */
  function load(id: NctId, lane: Lane = URGENT): Promise<Outcome> {
    const existing = inFlight.get(id);
    if (existing) {
      if (lane.priority === 'urgent') promote(id);
      return existing;
    }
    const outcome = new Promise<Outcome>((resolve) => enqueue({ id, resolve }, lane));
    inFlight.set(id, outcome);
    void outcome.then(() => {
      if (inFlight.get(id) === outcome) inFlight.delete(id);
    });
    return outcome;
  }

  function refresh(id: NctId, lane: Lane): void {
    // A stale entry is answered at once; its refresh is no one's urgent need.
    void load(id, lane.priority === 'urgent' ? { ...lane, priority: 'list' } : lane).then((outcome) => {
      if (outcome.ok) refreshFailures.delete(id);
      else refreshFailures.set(id, outcome.code);
    });
  }

  return {
    /** One answer per distinct requested ID, in the order asked. */
    async getTrials(rawIds: readonly string[], lane: Lane = URGENT): Promise<TrialResult[]> {
      const requested = [...new Set(rawIds)];
      const ids = [...new Set(requested.map((raw) => parseNctId(raw)).filter((id) => id !== undefined))];
      const cached = await cache.get(ids).catch(() => new Map<NctId, never>());
      const outcomes = new Map<NctId, Promise<Outcome>>();
      for (const id of ids) {
        const hit = cached.get(id);
        if (!hit) {
          outcomes.set(id, load(id, lane));
          continue;
        }
        if (hit.stale) refresh(id, lane);
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

    /**
     * Forgets a tab's waiting prefetches: the given IDs (their marks left the page) or all of them (the
     * tab closed). Those who waited get "not fetched" (`rate-limited`, as for a flood's dropped guesses):
     * no one is shown it, and a later hover asks again. Returns how many were dropped.
     */
    dropPrefetches(tab: number, ids?: readonly NctId[]): number {
      const key = `${tab}:prefetch`;
      const lane = lanes.get(key);
      if (!lane) return 0;
      const gone = ids && new Set(ids);
      const dropped = lane.filter((item) => !gone || gone.has(item.id));
      const kept = lane.filter((item) => gone && !gone.has(item.id));
      if (kept.length > 0) lanes.set(key, kept);
      else lanes.delete(key);
      for (const item of dropped) {
        inFlight.delete(item.id);
        item.resolve({ ok: false, code: 'rate-limited' });
      }
      return dropped.length;
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
      const left = [...urgent.splice(0), ...[...lanes.values()].flat()];
      lanes.clear();
      for (const { resolve } of left) resolve({ ok: false, code: 'network' });
    },
  };
}

export type TrialService = ReturnType<typeof createTrialService>;
