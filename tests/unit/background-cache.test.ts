import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useBackground } from '../support/background';

const bg = useBackground();

describe('background: the cache', () => {
  it('answers from the cache, across a service-worker restart', async () => {
    await bg.getTrials(['NCT00000001']);
    bg.start();
    const [again] = await bg.getTrials(['NCT00000001']);
    expect(again).toMatchObject({ ok: true });
    expect(bg.requests).toHaveLength(1);
  });

  it('serves stale data at once and refreshes it behind', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-26T08:00:00Z') });
    const [first] = await bg.getTrials(['NCT00000001']);
    vi.setSystemTime(Date.parse('2026-11-26T21:00:00Z'));
    const [stale] = await bg.getTrials(['NCT00000001']);
    expect(stale).toMatchObject({ ok: true, fetchedAt: first?.ok && first.fetchedAt });
    await vi.waitFor(() => expect(bg.requests).toHaveLength(2));
    await vi.waitFor(async () => {
      const [fresh] = await bg.getTrials(['NCT00000001']);
      // vi.waitFor moves the faked clock on by its polling interval.
      expect(fresh?.ok && fresh.fetchedAt).toBeGreaterThanOrEqual(Date.parse('2026-11-26T21:00:00Z'));
    });
    expect(bg.requests).toHaveLength(2);
  });

  it('offline: serves the cached trial with its age and says the refresh failed', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-26T08:00:00Z') });
    await bg.getTrials(['NCT00000001']);
    vi.setSystemTime(Date.parse('2026-11-27T09:00:00Z'));
    bg.handler = () => {
      throw new TypeError('Failed to fetch');
    };
    await bg.getTrials(['NCT00000001']);
    await vi.waitFor(async () => {
      const [result] = await bg.getTrials(['NCT00000001']);
      expect(result).toMatchObject({
        ok: true,
        fetchedAt: Date.parse('2026-11-26T08:00:00Z'),
        refreshError: { code: 'network' },
      });
    });
  });

  it('forgets entries older than 30 days', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-10-01T08:00:00Z') });
    await bg.getTrials(['NCT00000001']);
    vi.setSystemTime(Date.parse('2026-11-26T08:00:00Z'));
    bg.handler = () => new Response('down', { status: 404 });
    expect(await bg.getTrials(['NCT00000001'])).toMatchObject([{ ok: false, error: { code: 'not-found' } }]);
  });

  it('clears the cache on request and reports its size', async () => {
    await bg.getTrials(['NCT00000001', 'NCT00000002']);
    expect(await bg.ask({ type: 'cacheInfo' })).toMatchObject({ entries: 2 });
    expect(await bg.ask({ type: 'clearCache' })).toEqual({ entries: 0, bytes: 0 });
    await bg.getTrials(['NCT00000001']);
    expect(bg.requests).toHaveLength(2);
  });

  it('drops entries of an older cache version at start-up', async () => {
    await fakeBrowser.storage.local.set({ 'trial:v0:NCT00000001': { old: true }, 'other-setting': 1 });
    bg.start();
    await vi.waitFor(async () =>
      expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual(['other-setting']),
    );
  });
});
