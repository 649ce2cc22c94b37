/**
 * The content script's view of the trial data: asks the background, batches what is asked for in
 * the same moment into one message, and remembers answers for the life of the page (the background
 * has the real cache). An error is not remembered, so "Retry" asks again.
 */
import { trialError, type TrialResult } from '@/lib/messaging';
import type { NctId } from '@/lib/nct';

export type SendGetTrials = (ids: NctId[]) => Promise<TrialResult[]>;

export function createTrialLoader(
  send: SendGetTrials,
  options: { windowMs?: number; onResult?: (result: TrialResult) => void } = {},
) {
  const windowMs = options.windowMs ?? 40;
  const known = new Map<NctId, Promise<TrialResult>>();
  let waiting = new Map<NctId, (result: TrialResult) => void>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function flush(): Promise<void> {
    timer = undefined;
    const batch = waiting;
    waiting = new Map();
    const ids = [...batch.keys()];
    let results: TrialResult[] = [];
    try {
      results = await send(ids);
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

  function load(id: NctId): Promise<TrialResult> {
    const existing = known.get(id);
    if (existing) return existing;
    const promise = new Promise<TrialResult>((resolve) => waiting.set(id, resolve));
    known.set(id, promise);
    timer ??= setTimeout(() => void flush(), windowMs);
    return promise;
  }

  return {
    load,
    /** Asks for several trials ahead of need (IDs near the viewport). */
    prefetch(ids: Iterable<NctId>): void {
      for (const id of ids) void load(id);
    },
    /** Answers already here, without asking (for the card's first paint). */
    peek(id: NctId): Promise<TrialResult> | undefined {
      return known.get(id);
    },
  };
}

export type TrialLoader = ReturnType<typeof createTrialLoader>;
