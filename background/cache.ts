/**
 * The trial cache in `storage.local`: survives service-worker restarts and browser restarts.
 *
 * - One key per trial (`trial:v<version>:<NCT ID>`), so a read or write touches only what it needs,
 *   plus one index key with each entry's time and size, for eviction without reading every entry.
 * - Fresh for 12 hours, then served stale while it is refreshed; gone after 30 days; the oldest
 *   entries go first when the cache passes its size bound (storage.local holds 10 MB in Chrome).
 * - The version is part of every key: a new `TrialSummary` shape bumps it and old entries are
 *   removed at start-up instead of being read as something they are not.
 */
import { isCanonicalNctId, type NctId } from '@/lib/nct';
import type { CacheInfo } from '@/lib/messaging';
import type { TrialSummary } from '@/lib/trial/summary';

/**
 * 2: summaries carry the parsed eligibility criteria. 3: interventions name their arms, and arms come
 * with the card. 4: the card's summaries carry the kinds of the publications of results.
 */
export const CACHE_VERSION = 4;
export const FRESH_MS = 12 * 60 * 60 * 1000;
export const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
export const MAX_BYTES = 4 * 1024 * 1024;

/** Every key any cache namespace writes: `trial:v1:NCT…`, `detail-index:v1` … */
const ANY_CACHE_KEY = /^(trial|detail)(-index)?:v\d+/;

/** Separate caches: what the card shows, and the fuller answers of the full trial view. */
export type CacheNamespace = 'trial' | 'detail';

export interface CacheEntry {
  summary: TrialSummary;
  fetchedAt: number;
}

export interface CachedTrial extends CacheEntry {
  /** Older than FRESH_MS: show it, and refresh it. */
  stale: boolean;
}

/** The slice of `storage.local` we use, so tests and other browsers can stand in for it. */
export interface StorageAreaLike {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** Per cached ID: when it was fetched and its size; stored as a plain object under INDEX_KEY. */
type Index = Map<string, { at: number; bytes: number }>;

export interface CacheOptions {
  namespace?: CacheNamespace;
  area: StorageAreaLike;
  now?: () => number;
  maxBytes?: number;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
const isList = (value: unknown) => Array.isArray(value);

/**
 * Storage is a boundary too: an entry that is not what we wrote is ignored (and fetched again), not
 * trusted. Every part the card reads without a fallback must be there, so that an entry of the right
 * outline but missing fields (an old shape, a hand edit) cannot blank a card.
 */
function isEntry(value: unknown): value is CacheEntry {
  if (!isObject(value) || typeof value.fetchedAt !== 'number' || !isObject(value.summary)) return false;
  const s = value.summary;
  const e = s.eligibility;
  return (
    typeof s.nctId === 'string' &&
    isCanonicalNctId(s.nctId) &&
    isObject(s.status) &&
    isObject(s.dates) &&
    isObject(e) &&
    isList(e.stdAges) &&
    isList(e.sections) &&
    isList(e.terms) &&
    [s.aliases, s.phases, s.conditions, s.keywords, s.interventions, s.arms, s.collaborators, s.sites]
      .concat([s.centralContacts, s.secondaryIds])
      .every(isList)
  );
}

export function createTrialCache(options: CacheOptions) {
  const { area } = options;
  const now = options.now ?? (() => Date.now());
  const maxBytes = options.maxBytes ?? MAX_BYTES;
  const namespace = options.namespace ?? 'trial';
  const ENTRY_PREFIX = `${namespace}:v${CACHE_VERSION}:`;
  const INDEX_KEY = `${namespace}-index:v${CACHE_VERSION}`;
  const ownKey = (key: string) => key.startsWith(`${namespace}:v`) || key.startsWith(`${namespace}-index:v`);
  // Index updates are read-modify-write: run them one after another.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task, task);
    chain = run.catch(() => undefined);
    return run;
  };

  async function readIndex(): Promise<Index> {
    const stored = (await area.get(INDEX_KEY))[INDEX_KEY];
    if (typeof stored !== 'object' || stored === null) return new Map();
    return new Map(
      Object.entries(stored as Record<string, unknown>).filter(
        (pair): pair is [string, { at: number; bytes: number }] =>
          typeof (pair[1] as { at?: unknown }).at === 'number' &&
          typeof (pair[1] as { bytes?: unknown }).bytes === 'number',
      ),
    );
  }

  return {
    /** Cached trials for these IDs; expired or unreadable entries are left out (and removed). */
    async get(ids: readonly NctId[]): Promise<Map<NctId, CachedTrial>> {
      const found = new Map<NctId, CachedTrial>();
      if (ids.length === 0) return found;
      const stored = await area.get(ids.map((id) => ENTRY_PREFIX + id));
      const expired: NctId[] = [];
      for (const id of ids) {
        const value = stored[ENTRY_PREFIX + id];
        if (value === undefined) continue;
        if (!isEntry(value) || now() - value.fetchedAt > MAX_AGE_MS) {
          expired.push(id);
          continue;
        }
        found.set(id, { ...value, stale: now() - value.fetchedAt > FRESH_MS });
      }
      if (expired.length > 0) await this.remove(expired);
      return found;
    },

    /** Stores trials under the IDs they were asked for, then keeps the cache within its bound. */
    put(entries: ReadonlyMap<NctId, CacheEntry>): Promise<void> {
      return serial(async () => {
        if (entries.size === 0) return;
        const index = await readIndex();
        const items: Record<string, unknown> = {};
        for (const [id, entry] of entries) {
          items[ENTRY_PREFIX + id] = entry;
          index.set(id, { at: entry.fetchedAt, bytes: JSON.stringify(entry).length });
        }
        const evicted = evict(index, now(), maxBytes);
        await area.set({ ...items, [INDEX_KEY]: Object.fromEntries(index) });
        if (evicted.length > 0) await area.remove(evicted.map((id) => ENTRY_PREFIX + id));
      });
    },

    remove(ids: readonly NctId[]): Promise<void> {
      return serial(async () => {
        const index = await readIndex();
        for (const id of ids) index.delete(id);
        await area.set({ [INDEX_KEY]: Object.fromEntries(index) });
        await area.remove(ids.map((id) => ENTRY_PREFIX + id));
      });
    },

    info(): Promise<CacheInfo> {
      return serial(async () => {
        const entries = [...(await readIndex()).values()];
        return { entries: entries.length, bytes: entries.reduce((sum, e) => sum + e.bytes, 0) };
      });
    },

    /** Empties this cache (every version), leaving other storage alone. */
    clear(): Promise<CacheInfo> {
      return serial(async () => {
        const keys = Object.keys(await area.get(null)).filter(
          (key) => ANY_CACHE_KEY.test(key) && ownKey(key),
        );
        await area.remove(keys);
        return { entries: 0, bytes: 0 };
      });
    },

    /** At start-up: drops entries written by other cache versions. */
    dropOtherVersions(): Promise<void> {
      return serial(async () => {
        const keys = Object.keys(await area.get(null)).filter(
          (key) =>
            ANY_CACHE_KEY.test(key) && ownKey(key) && !key.startsWith(ENTRY_PREFIX) && key !== INDEX_KEY,
        );
        if (keys.length > 0) await area.remove(keys);
      });
    },
  };
}

export type TrialCache = ReturnType<typeof createTrialCache>;

/** Removes expired entries, then the oldest until the total fits; returns the IDs removed. */
function evict(index: Index, now: number, maxBytes: number): string[] {
  const removed: string[] = [];
  for (const [id, meta] of index) {
    if (now - meta.at > MAX_AGE_MS) removed.push(id);
  }
  for (const id of removed) index.delete(id);
  let total = [...index.values()].reduce((sum, meta) => sum + meta.bytes, 0);
  for (const [id, meta] of [...index].sort((a, b) => a[1].at - b[1].at)) {
    if (total <= maxBytes) break;
    total -= meta.bytes;
    removed.push(id);
    index.delete(id);
  }
  return removed;
}
