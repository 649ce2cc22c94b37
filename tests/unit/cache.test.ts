import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { NctId } from '@/lib/nct';
import { createTrialCache, CACHE_VERSION, FRESH_MS, MAX_AGE_MS, type CacheEntry } from '@/background/cache';
import { summaryWith } from '../support/summary';

function entry(nctId: NctId, fetchedAt: number, padding = 0): CacheEntry {
  return { summary: summaryWith(nctId, { briefTitle: 'x'.repeat(padding) }), fetchedAt };
}

let clock = 1_000_000_000_000;
beforeEach(() => {
  fakeBrowser.reset();
  clock = 1_000_000_000_000;
});
const cache = (maxBytes?: number) =>
  createTrialCache({ area: fakeBrowser.storage.local, now: () => clock, maxBytes });

describe('trial cache', () => {
  it('gives back what it stored, fresh', async () => {
    const c = cache();
    await c.put(new Map([['NCT00000001', entry('NCT00000001', clock)]]));
    const got = await c.get(['NCT00000001', 'NCT00000002']);
    expect([...got.keys()]).toEqual(['NCT00000001']);
    expect(got.get('NCT00000001')?.stale).toBe(false);
  });

  it('marks entries older than 12 hours as stale, and drops those older than 30 days', async () => {
    const c = cache();
    await c.put(
      new Map([
        ['NCT00000001', entry('NCT00000001', clock - FRESH_MS - 1)],
        ['NCT00000002', entry('NCT00000002', clock - MAX_AGE_MS - 1)],
      ]),
    );
    const got = await c.get(['NCT00000001', 'NCT00000002']);
    expect(got.get('NCT00000001')?.stale).toBe(true);
    expect(got.has('NCT00000002')).toBe(false);
    expect(await c.info()).toMatchObject({ entries: 1 });
  });

  it('evicts the oldest entries when it passes its size bound', async () => {
    const c = cache(3000);
    for (let i = 1; i <= 5; i++) {
      clock += 1000;
      const id: NctId = `NCT0000000${i}`;
      await c.put(new Map([[id, entry(id, clock, 800)]]));
    }
    const size = JSON.stringify(entry('NCT00000001', clock, 800)).length;
    const kept = Math.floor(3000 / size);
    expect(kept).toBeGreaterThanOrEqual(1);
    expect(kept).toBeLessThan(5);
    const info = await c.info();
    expect(info).toEqual({ entries: kept, bytes: kept * size });
    const ids: NctId[] = ['NCT00000001', 'NCT00000002', 'NCT00000003', 'NCT00000004', 'NCT00000005'];
    const got = await c.get(ids);
    // The newest survive, the oldest went first.
    expect([...got.keys()]).toEqual(ids.slice(5 - kept));
  });

  it('ignores an entry that is not what it wrote', async () => {
    await fakeBrowser.storage.local.set({
      'trial:v1:NCT00000001': { summary: 'junk', fetchedAt: 'yesterday' },
    });
    expect((await cache().get(['NCT00000001'])).size).toBe(0);
  });

  it('clears every cache key and nothing else', async () => {
    const c = cache();
    await c.put(new Map([['NCT00000001', entry('NCT00000001', clock)]]));
    await fakeBrowser.storage.local.set({ 'trial:v0:NCT00000009': {}, settings: { on: true } });
    await c.clear();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ settings: { on: true } });
  });
});

describe('the cache: what is stored is checked', () => {
  it('treats an entry of the right outline but missing fields as absent (fetched again), not as a trial', async () => {
    const id = 'NCT00000007';
    const partial = { fetchedAt: clock, summary: { nctId: id, status: {} } };
    await fakeBrowser.storage.local.set({ [`trial:v${CACHE_VERSION}:${id}`]: partial });
    expect((await cache().get([id])).has(id)).toBe(false);
    await cache().put(new Map([[id, entry(id, clock)]]));
    expect((await cache().get([id])).get(id)?.summary.nctId).toBe(id);
  });
});
