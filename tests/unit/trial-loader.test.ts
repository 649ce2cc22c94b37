/**
 * The content script's trial loader: what is asked for in the same moment goes out as one message per
 * priority, never more IDs a message than the background accepts, and errors are not remembered.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTrialLoader } from '@/content/trial-loader';
import { MAX_IDS_PER_REQUEST, trialError, type TrialPriority, type TrialResult } from '@/lib/messaging';
import { parseNctId, type NctId } from '@/lib/nct';

const idsFrom = (from: number, count: number): NctId[] =>
  Array.from({ length: count }, (_, i) => parseNctId(`NCT${String(from + i).padStart(8, '0')}`)).filter(
    (id) => id !== undefined,
  );

describe('the content script’s trial loader', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('splits what a page shows at once into messages the background accepts', async () => {
    const sent: { ids: NctId[]; priority: TrialPriority }[] = [];
    const loader = createTrialLoader(async (ids, priority) => {
      sent.push({ ids, priority });
      return ids.map((id): TrialResult => ({ id, ok: false, error: trialError('not-found', id) }));
    });
    const ids = idsFrom(1, 1200);
    const all = loader.prefetch(ids);
    const hovered = loader.load(idsFrom(5000, 1)[0] as NctId);
    await vi.advanceTimersByTimeAsync(40);
    const answers = await all;
    expect(answers.map((a) => a.id)).toEqual(ids);
    expect((await hovered).ok).toBe(false);
    expect(sent.every((m) => m.ids.length <= MAX_IDS_PER_REQUEST)).toBe(true);
    expect(sent.filter((m) => m.priority === 'prefetch').map((m) => m.ids.length)).toEqual([500, 500, 200]);
    expect(sent.filter((m) => m.priority === 'urgent')).toHaveLength(1);
  });

  it('asks again for an ID whose answer was an error', async () => {
    let calls = 0;
    const loader = createTrialLoader(async (ids) => {
      calls++;
      return ids.map((id): TrialResult => ({ id, ok: false, error: trialError('network', id) }));
    });
    const [id] = idsFrom(7, 1) as [NctId];
    const first = loader.load(id);
    await vi.advanceTimersByTimeAsync(40);
    await first;
    const second = loader.load(id);
    await vi.advanceTimersByTimeAsync(40);
    await second;
    expect(calls).toBe(2);
  });
});
