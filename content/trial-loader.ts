/**
 * The content script's view of the trial data: asks the background, batches what is asked for in
 * the same moment into one message per priority, and remembers answers for the life of the page (the
 * background has the real cache). An error is not remembered, so "Retry" (or a later hover) asks again.
 * A hovered or focused ID is `urgent`; IDs near the viewport are `prefetch`, which the background may
 * put behind other tabs' urgent needs or drop when a page floods it.
 */
import { MAX_IDS_PER_REQUEST, trialError, type TrialPriority, type TrialResult } from '@/lib/messaging';
import type { NctId } from '@/lib/nct';

export type SendGetTrials = (ids: NctId[], priority: TrialPriority) => Promise<TrialResult[]>;

export function createTrialLoader(
  send: SendGetTrials,
  options: { windowMs?: number; onResult?: (result: TrialResult) => void } = {},
) {
  const windowMs = options.windowMs ?? 40;
  const known = new Map<NctId, Promise<TrialResult>>();
  let waiting = new Map<NctId, { resolve: (result: TrialResult) => void; priority: TrialPriority }>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function ask(batch: Map<NctId, (result: TrialResult) => void>, priority: TrialPriority) {
    let results: TrialResult[] = [];
    try {
      results = await send([...batch.keys()], priority);
    } catch {
      // The background could not be reached (extension updated or reloaded under this page).
    }
    const byId = new Map(results.map((r) => [r.id, r]));
    for (const [id, resolve] of batch) {
      const result = byId.get(id) ?? { id, ok: false as const, error: trialError('network', id) };
      if (!result.ok) known.delete(id);
      resolve(result);
      options.onResult?.(result);
    }
  }

  function flush(): void {
    timer = undefined;
    const batch = waiting;
    waiting = new Map();
    const byPriority = new Map<TrialPriority, Map<NctId, (result: TrialResult) => void>>();
    for (const [id, { resolve, priority }] of batch) {
      const group = byPriority.get(priority) ?? new Map();
      group.set(id, resolve);
      byPriority.set(priority, group);
    }
    // The background takes at most MAX_IDS_PER_REQUEST IDs a message (a page may show more at once).
    for (const [priority, group] of byPriority) {
      const entries = [...group];
      for (let at = 0; at < entries.length; at += MAX_IDS_PER_REQUEST)
        void ask(new Map(entries.slice(at, at + MAX_IDS_PER_REQUEST)), priority);
    }
  }

  function load(id: NctId, priority: TrialPriority = 'urgent'): Promise<TrialResult> {
    const existing = known.get(id);
    const pending = waiting.get(id);
    // Hovered while waiting as a prefetch: it goes out as urgent.
    if (pending && priority === 'urgent') pending.priority = 'urgent';
    if (existing) return existing;
    const promise = new Promise<TrialResult>((resolve) => waiting.set(id, { resolve, priority }));
    known.set(id, promise);
    timer ??= setTimeout(flush, windowMs);
    return promise;
  }

  return {
    load,
    /** Asks for several trials ahead of need (IDs near the viewport); settles once all are answered. */
    prefetch(ids: Iterable<NctId>): Promise<TrialResult[]> {
      return Promise.all([...ids].map((id) => load(id, 'prefetch')));
    },
  };
}

export type TrialLoader = ReturnType<typeof createTrialLoader>;
