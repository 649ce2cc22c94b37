import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground, type StartedBackground } from '@/background/start';
import type { TrialResult } from '@/lib/messaging';
import { HAVE_CTGOV, realErrorBody, realRecord } from '../support/ctgov';
import { bareStudy, carTStudy, edgeStudies } from '../fixtures/studies';

type Handler = (url: URL) => Response | Promise<Response>;
let handler: Handler;
let requests: URL[];
let started: StartedBackground | undefined;
/** Every back-off the background asked for: the tests never wait in real time. */
let waits: number[];

/** The background as the browser starts it, over fakes; `restart` is a service-worker restart. */
function start(): void {
  started?.stop();
  started = startBackground({
    browser: fakeBrowser,
    fetch: async (input) => {
      const url = new URL(String(input));
      requests.push(url);
      return handler(url);
    },
    now: () => Date.now(),
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
}

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
/** Answers a `filter.ids` request with a bare study for each ID asked, or one study for /studies/{id}. */
const answerEveryId: Handler = (url) => {
  const ids = url.searchParams.get('filter.ids');
  if (ids) return json({ studies: ids.split(',').map(bareStudy) });
  return json(bareStudy(url.pathname.split('/').pop() ?? ''));
};

function idsAsked(): string[][] {
  return requests.map(
    (url) => url.searchParams.get('filter.ids')?.split(',') ?? [url.pathname.split('/').pop() ?? ''],
  );
}

/** Sends a message as one of our own content scripts would, and waits for the background's answer. */
async function ask(
  message: unknown,
  sender: { id?: string } = { id: fakeBrowser.runtime.id },
): Promise<unknown> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined);
  return answers[0];
}

async function getTrials(ids: string[]): Promise<TrialResult[]> {
  return (await ask({ type: 'getTrials', ids })) as TrialResult[];
}

/** fakeBrowser has no context menus or commands; the background registers both. */
function stubMenusAndCommands() {
  for (const event of [fakeBrowser.contextMenus.onClicked, fakeBrowser.commands.onCommand]) {
    vi.spyOn(event, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(event, 'removeListener').mockImplementation(() => undefined);
  }
  return vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(() => 0);
}

beforeEach(() => {
  fakeBrowser.reset();
  stubMenusAndCommands();
  requests = [];
  waits = [];
  handler = answerEveryId;
  start();
});

afterEach(() => {
  started?.stop();
  started = undefined;
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('background: first install', () => {
  it('creates the two context menu items and opens the welcome page', async () => {
    const create = vi.mocked(fakeBrowser.contextMenus.create);
    const openTab = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    expect(create.mock.calls.map(([item]) => item.title)).toEqual(['Look up trial', 'Open trial card']);
    expect(openTab).toHaveBeenCalledWith({ url: 'chrome-extension://test-extension-id/welcome.html' });
  });

  it('does not open the welcome page on an update', async () => {
    const openTab = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.runtime.onInstalled.trigger({
      reason: 'update',
      previousVersion: '0.0.1',
    });
    expect(openTab).not.toHaveBeenCalled();
  });
});

describe('background: answering getTrials', () => {
  it('answers each ID with its trial, in the order asked', async () => {
    const results = await getTrials(['NCT00000003', 'nct 00000001', 'NCT00000002']);
    expect(results.map((r) => [r.id, r.ok])).toEqual([
      ['NCT00000003', true],
      ['NCT00000001', true],
      ['NCT00000002', true],
    ]);
  });

  it('batches the IDs of one request into one filter.ids request', async () => {
    await getTrials(['NCT00000001', 'NCT00000002', 'NCT00000003']);
    expect(idsAsked()).toEqual([['NCT00000001', 'NCT00000002', 'NCT00000003']]);
  });

  it('merges requests made within a short window', async () => {
    await Promise.all([getTrials(['NCT00000001']), getTrials(['NCT00000002']), getTrials(['NCT00000003'])]);
    expect(idsAsked()).toEqual([['NCT00000001', 'NCT00000002', 'NCT00000003']]);
  });

  it('fetches an ID already on its way only once', async () => {
    await Promise.all([getTrials(['NCT00000001', 'NCT00000002']), getTrials(['NCT00000002', 'NCT00000001'])]);
    expect(idsAsked().flat().sort()).toEqual(['NCT00000001', 'NCT00000002']);
  });

  it('splits 60 IDs into batches of at most 50', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => `NCT${String(i + 1).padStart(8, '0')}`);
    const results = await getTrials(ids);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(idsAsked().map((batch) => batch.length)).toEqual([50, 10]);
  });

  it('answers an invalid ID with its own error and still answers the others', async () => {
    const results = await getTrials(['NCT123', 'NCT00000001']);
    expect(results[0]).toMatchObject({ id: 'NCT123', ok: false, error: { code: 'invalid-id' } });
    expect(results[0]?.ok === false && results[0].error.message).toContain(
      'not a valid ClinicalTrials.gov ID',
    );
    expect(results[1]).toMatchObject({ id: 'NCT00000001', ok: true });
    expect(idsAsked()).toEqual([['NCT00000001']]);
  });

  it('answers an ID missing from a batch answer as not found, without hiding the others', async () => {
    handler = () => json({ studies: [carTStudy()] });
    const results = await getTrials(['NCT06056921', 'NCT99999999']);
    expect(results[0]).toMatchObject({ ok: true, trial: { briefTitle: expect.stringContaining('CAR-T') } });
    expect(results[1]).toMatchObject({
      ok: false,
      error: {
        code: 'not-found',
        message: 'ClinicalTrials.gov has no registered trial with the ID NCT99999999.',
      },
    });
  });

  it.skipIf(!HAVE_CTGOV)('answers a 404 for a single ID as not found (real error body)', async () => {
    handler = () => new Response(realErrorBody('404-studies-NCT99999999.txt'), { status: 404 });
    expect(await getTrials(['NCT99999999'])).toMatchObject([{ ok: false, error: { code: 'not-found' } }]);
  });

  it.skipIf(!HAVE_CTGOV)('answers a 400 for a single ID as invalid (real error body)', async () => {
    handler = () => new Response(realErrorBody('400-studies-04437511-bad-nctId.txt'), { status: 400 });
    expect(await getTrials(['NCT04437511'])).toMatchObject([{ ok: false, error: { code: 'invalid-id' } }]);
  });

  it.skipIf(!HAVE_CTGOV)('maps a real record into the summary the card shows', async () => {
    handler = () => json(realRecord('NCT00184067'));
    const [result] = await getTrials(['NCT00184067']);
    expect(result).toMatchObject({
      ok: true,
      trial: {
        nctId: 'NCT00184067',
        status: { overall: 'TERMINATED', whyStopped: 'Primary PI left institution' },
      },
    });
  });

  it('waits for Retry-After on a 429, then answers', async () => {
    let calls = 0;
    handler = (url) =>
      ++calls === 1
        ? new Response('Too Many Requests', { status: 429, headers: { 'retry-after': '1' } })
        : answerEveryId(url);
    expect(await getTrials(['NCT00000001'])).toMatchObject([{ ok: true }]);
    expect(Math.max(...waits)).toBeGreaterThanOrEqual(1000);
    expect(requests).toHaveLength(2);
  });

  it('retries a 500 and answers when the API recovers', async () => {
    let calls = 0;
    handler = (url) => (++calls === 1 ? new Response('oops', { status: 500 }) : answerEveryId(url));
    expect(await getTrials(['NCT00000001', 'NCT00000002'])).toMatchObject([{ ok: true }, { ok: true }]);
    expect(requests).toHaveLength(2);
  });

  it('gives every ID of a batch a network error when the API stays down', async () => {
    handler = () => new Response('down', { status: 503 });
    const results = await getTrials(['NCT00000001', 'NCT00000002']);
    expect(results).toMatchObject([
      { ok: false, error: { code: 'network' } },
      { ok: false, error: { code: 'network' } },
    ]);
    expect(requests.length).toBeGreaterThan(1);
  });

  it.each([
    ['a truncated body', '{"studies":[{"protocolSection":'],
    ['an HTML page', '<!doctype html><title>Maintenance</title>'],
    ['a body of the wrong shape', '{"studies":"none"}'],
  ])('answers %s as bad-response, once, without retrying', async (_name, body) => {
    handler = () => new Response(body, { status: 200 });
    expect(await getTrials(['NCT00000001', 'NCT00000002'])).toMatchObject([
      { ok: false, error: { code: 'bad-response' } },
      { ok: false, error: { code: 'bad-response' } },
    ]);
    expect(requests).toHaveLength(1);
  });

  it('keeps markup inside a text field as inert text', async () => {
    handler = () => json(edgeStudies.hostileText);
    const [result] = await getTrials(['NCT09000009']);
    expect(result).toMatchObject({
      ok: true,
      trial: { briefTitle: '<img src=x onerror="alert(1)"><script>alert(2)</script>Title' },
    });
  });
});

describe('background: the cache', () => {
  it('answers from the cache, across a service-worker restart', async () => {
    await getTrials(['NCT00000001']);
    start();
    const [again] = await getTrials(['NCT00000001']);
    expect(again).toMatchObject({ ok: true });
    expect(requests).toHaveLength(1);
  });

  it('serves stale data at once and refreshes it behind', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-26T08:00:00Z') });
    const [first] = await getTrials(['NCT00000001']);
    vi.setSystemTime(Date.parse('2026-11-26T21:00:00Z'));
    const [stale] = await getTrials(['NCT00000001']);
    expect(stale).toMatchObject({ ok: true, fetchedAt: first?.ok && first.fetchedAt });
    await vi.waitFor(() => expect(requests).toHaveLength(2));
    await vi.waitFor(async () => {
      const [fresh] = await getTrials(['NCT00000001']);
      // vi.waitFor moves the faked clock on by its polling interval.
      expect(fresh?.ok && fresh.fetchedAt).toBeGreaterThanOrEqual(Date.parse('2026-11-26T21:00:00Z'));
    });
    expect(requests).toHaveLength(2);
  });

  it('offline: serves the cached trial with its age and says the refresh failed', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-26T08:00:00Z') });
    await getTrials(['NCT00000001']);
    vi.setSystemTime(Date.parse('2026-11-27T09:00:00Z'));
    handler = () => {
      throw new TypeError('Failed to fetch');
    };
    await getTrials(['NCT00000001']);
    await vi.waitFor(async () => {
      const [result] = await getTrials(['NCT00000001']);
      expect(result).toMatchObject({
        ok: true,
        fetchedAt: Date.parse('2026-11-26T08:00:00Z'),
        refreshError: { code: 'network' },
      });
    });
  });

  it('forgets entries older than 30 days', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-10-01T08:00:00Z') });
    await getTrials(['NCT00000001']);
    vi.setSystemTime(Date.parse('2026-11-26T08:00:00Z'));
    handler = () => new Response('down', { status: 404 });
    expect(await getTrials(['NCT00000001'])).toMatchObject([{ ok: false, error: { code: 'not-found' } }]);
  });

  it('clears the cache on request and reports its size', async () => {
    await getTrials(['NCT00000001', 'NCT00000002']);
    expect(await ask({ type: 'cacheInfo' })).toMatchObject({ entries: 2 });
    expect(await ask({ type: 'clearCache' })).toEqual({ entries: 0, bytes: 0 });
    await getTrials(['NCT00000001']);
    expect(requests).toHaveLength(2);
  });

  it('drops entries of an older cache version at start-up', async () => {
    await fakeBrowser.storage.local.set({ 'trial:v0:NCT00000001': { old: true }, 'other-setting': 1 });
    start();
    await vi.waitFor(async () =>
      expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual(['other-setting']),
    );
  });
});

describe('background: refusing what it should not obey', () => {
  it.each([
    ['an unknown type', { type: 'deleteEverything' }],
    ['ids that are not a list', { type: 'getTrials', ids: 'NCT00000001' }],
    ['an empty list', { type: 'getTrials', ids: [] }],
    ['too many IDs', { type: 'getTrials', ids: Array.from({ length: 501 }, () => 'NCT00000001') }],
    ['a huge string', { type: 'getTrials', ids: ['NCT'.padEnd(10_000, '0')] }],
    ['not an object', 'getTrials'],
    ['null', null],
  ])('refuses %s', async (_name, message) => {
    expect(await ask(message)).toMatchObject({ refused: true, reason: expect.any(String) });
    expect(requests).toHaveLength(0);
  });

  it('ignores messages from other extensions', async () => {
    expect(await ask({ type: 'getTrials', ids: ['NCT00000001'] }, { id: 'someone-else' })).toBeUndefined();
    expect(requests).toHaveLength(0);
  });
});
