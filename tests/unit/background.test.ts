import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HAVE_CTGOV, realErrorBody, realRecord } from '../support/ctgov';
import { answerEveryId, json, useBackground } from '../support/background';
import { carTStudy, edgeStudies } from '../fixtures/studies';

const bg = useBackground();

describe('background: first install', () => {
  it('creates the three context menu items and opens the welcome page', async () => {
    const create = vi.mocked(fakeBrowser.contextMenus.create);
    const openTab = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    expect(create.mock.calls.map(([item]) => item.title)).toEqual([
      'Look up trial',
      'Open trial card',
      'Open PDF in NCT hover cards viewer',
    ]);
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

describe('background: the context menu on a link to a PDF', () => {
  it('opens the PDF in the viewer, in a new tab beside the page', async () => {
    const openTab = vi.spyOn(fakeBrowser.tabs, 'create');
    const pdf = 'https://journal.example/doi/pdf/10.1000/x?download=1&lang=en';
    // The fake browser has no menus: the background's listener is called as the browser would.
    const [onClicked] = vi.mocked(fakeBrowser.contextMenus.onClicked.addListener).mock.calls[0] ?? [];
    onClicked?.(
      { menuItemId: 'nct-open-pdf', linkUrl: pdf, editable: false, pageUrl: 'https://journal.example/' },
      {
        id: 7,
        index: 3,
        highlighted: true,
        active: true,
        pinned: false,
        incognito: false,
        windowId: 1,
        frozen: false,
        lastAccessed: 0,
        discarded: false,
        autoDiscardable: true,
        groupId: -1,
        selected: true,
      },
    );
    expect(openTab).toHaveBeenCalledWith({
      url: `chrome-extension://test-extension-id/pdf.html?file=${encodeURIComponent(pdf)}`,
      index: 4,
    });
  });
});

describe('background: answering getTrials', () => {
  it('answers each ID with its trial, in the order asked', async () => {
    const results = await bg.getTrials(['NCT00000003', 'nct 00000001', 'NCT00000002']);
    expect(results.map((r) => [r.id, r.ok])).toEqual([
      ['NCT00000003', true],
      ['NCT00000001', true],
      ['NCT00000002', true],
    ]);
  });

  it('batches the IDs of one request into one filter.ids request', async () => {
    await bg.getTrials(['NCT00000001', 'NCT00000002', 'NCT00000003']);
    expect(bg.idsAsked()).toEqual([['NCT00000001', 'NCT00000002', 'NCT00000003']]);
  });

  it('merges requests made within a short window', async () => {
    await Promise.all([
      bg.getTrials(['NCT00000001']),
      bg.getTrials(['NCT00000002']),
      bg.getTrials(['NCT00000003']),
    ]);
    expect(bg.idsAsked()).toEqual([['NCT00000001', 'NCT00000002', 'NCT00000003']]);
  });

  it('fetches an ID already on its way only once', async () => {
    await Promise.all([
      bg.getTrials(['NCT00000001', 'NCT00000002']),
      bg.getTrials(['NCT00000002', 'NCT00000001']),
    ]);
    expect(bg.idsAsked().flat().sort()).toEqual(['NCT00000001', 'NCT00000002']);
  });

  it('splits 60 IDs into batches of at most 50', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => `NCT${String(i + 1).padStart(8, '0')}`);
    const results = await bg.getTrials(ids);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(bg.idsAsked().map((batch) => batch.length)).toEqual([50, 10]);
  });

  it('answers an invalid ID with its own error and still answers the others', async () => {
    const results = await bg.getTrials(['NCT123', 'NCT00000001']);
    expect(results[0]).toMatchObject({ id: 'NCT123', ok: false, error: { code: 'invalid-id' } });
    expect(results[0]?.ok === false && results[0].error.message).toContain(
      'not a valid ClinicalTrials.gov ID',
    );
    expect(results[1]).toMatchObject({ id: 'NCT00000001', ok: true });
    expect(bg.idsAsked()).toEqual([['NCT00000001']]);
  });

  it('answers an ID missing from a batch answer as not found, without hiding the others', async () => {
    bg.handler = () => json({ studies: [carTStudy()] });
    const results = await bg.getTrials(['NCT06056921', 'NCT99999999']);
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
    bg.handler = () => new Response(realErrorBody('404-studies-NCT99999999.txt'), { status: 404 });
    expect(await bg.getTrials(['NCT99999999'])).toMatchObject([{ ok: false, error: { code: 'not-found' } }]);
  });

  it.skipIf(!HAVE_CTGOV)('answers a 400 for a single ID as invalid (real error body)', async () => {
    bg.handler = () => new Response(realErrorBody('400-studies-04437511-bad-nctId.txt'), { status: 400 });
    expect(await bg.getTrials(['NCT04437511'])).toMatchObject([{ ok: false, error: { code: 'invalid-id' } }]);
  });

  it.skipIf(!HAVE_CTGOV)('maps a real record into the summary the card shows', async () => {
    bg.handler = () => json(realRecord('NCT00184067'));
    const [result] = await bg.getTrials(['NCT00184067']);
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
    bg.handler = (url) =>
      ++calls === 1
        ? new Response('Too Many Requests', { status: 429, headers: { 'retry-after': '1' } })
        : answerEveryId(url);
    expect(await bg.getTrials(['NCT00000001'])).toMatchObject([{ ok: true }]);
    expect(Math.max(...bg.waits)).toBeGreaterThanOrEqual(1000);
    expect(bg.requests).toHaveLength(2);
  });

  it('retries a 500 and answers when the API recovers', async () => {
    let calls = 0;
    bg.handler = (url) => (++calls === 1 ? new Response('oops', { status: 500 }) : answerEveryId(url));
    expect(await bg.getTrials(['NCT00000001', 'NCT00000002'])).toMatchObject([{ ok: true }, { ok: true }]);
    expect(bg.requests).toHaveLength(2);
  });

  it('gives every ID of a batch a network error when the API stays down', async () => {
    bg.handler = () => new Response('down', { status: 503 });
    const results = await bg.getTrials(['NCT00000001', 'NCT00000002']);
    expect(results).toMatchObject([
      { ok: false, error: { code: 'network' } },
      { ok: false, error: { code: 'network' } },
    ]);
    expect(bg.requests.length).toBeGreaterThan(1);
  });

  it.each([
    ['a truncated body', '{"studies":[{"protocolSection":'],
    ['an HTML page', '<!doctype html><title>Maintenance</title>'],
    ['a body of the wrong shape', '{"studies":"none"}'],
  ])('answers %s as bad-response, once, without retrying', async (_name, body) => {
    bg.handler = () => new Response(body, { status: 200 });
    expect(await bg.getTrials(['NCT00000001', 'NCT00000002'])).toMatchObject([
      { ok: false, error: { code: 'bad-response' } },
      { ok: false, error: { code: 'bad-response' } },
    ]);
    expect(bg.requests).toHaveLength(1);
  });

  it('keeps markup inside a text field as inert text', async () => {
    bg.handler = () => json(edgeStudies.hostileText);
    const [result] = await bg.getTrials(['NCT09000009']);
    expect(result).toMatchObject({
      ok: true,
      trial: { briefTitle: '<img src=x onerror="alert(1)"><script>alert(2)</script>Title' },
    });
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
    expect(await bg.ask(message)).toMatchObject({ refused: true, reason: expect.any(String) });
    expect(bg.requests).toHaveLength(0);
  });

  it('ignores messages from other extensions', async () => {
    expect(await bg.ask({ type: 'getTrials', ids: ['NCT00000001'] }, { id: 'someone-else' })).toBeUndefined();
    expect(bg.requests).toHaveLength(0);
  });
});

describe('background: opening extension tabs', () => {
  const card = {
    id: fakeBrowser.runtime.id,
    url: 'chrome-extension://test-extension-id/card.html',
    tab: { id: 7 },
  };
  const page = { id: fakeBrowser.runtime.id, url: 'https://attacker.example/', tab: { id: 7 } };
  const open = (sender: object) => bg.ask({ type: 'openFullView', id: 'NCT05147467' }, sender);

  it('opens the full view for our own card frame, not for a content script beside a page', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await open(page)).toEqual({ opened: false });
    expect(create).not.toHaveBeenCalled();
    expect(await open(card)).toEqual({ opened: true });
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('opens the full view at its publications when asked; any other section is refused', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const at = (section: string) => bg.ask({ type: 'openFullView', id: 'NCT05147467', section }, card);
    expect(await at('publications')).toEqual({ opened: true });
    expect(create.mock.calls[0]?.[0].url).toMatch(/\/trial\.html\?id=NCT05147467#publications$/);
    expect(await at('javascript:alert(1)')).toMatchObject({ refused: true });
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('opens at most a few tabs a minute for one tab', async () => {
    vi.spyOn(fakeBrowser.tabs, 'create');
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await open(card));
    expect(answers.filter((a) => (a as { opened: boolean }).opened)).toHaveLength(5);
  });
});

describe('background: fairness between tabs', () => {
  const ids = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => `NCT${String(from + i).padStart(8, '0')}`);
  const fromTab = (tab: number) => ({ id: fakeBrowser.runtime.id, tab: { id: tab } });

  it('asks for a hovered ID before another tab’s flood of prefetches', async () => {
    const flood = [0, 1, 2, 3].map((k) =>
      bg.ask({ type: 'getTrials', ids: ids(10_000 + k * 500, 500), priority: 'prefetch' }, fromTab(1)),
    );
    const hovered = bg.ask({ type: 'getTrials', ids: ['NCT00000042'] }, fromTab(2));
    expect(await hovered).toMatchObject([{ id: 'NCT00000042', ok: true }]);
    expect(bg.idsAsked()[0]?.[0]).toBe('NCT00000042');
    await Promise.all(flood);
  });

  it('bounds one tab’s waiting prefetches; the oldest are dropped, not asked for', async () => {
    const answers = (await bg.ask(
      { type: 'getTrials', ids: ids(20_000, 500), priority: 'prefetch' },
      fromTab(1),
    )) as { ok: boolean; error?: { code: string } }[];
    const asked = bg.idsAsked().flat();
    expect(asked.length).toBeLessThanOrEqual(150);
    expect(answers.filter((a) => a.ok)).toHaveLength(asked.length);
    expect(answers.filter((a) => !a.ok).every((a) => a.error?.code === 'rate-limited')).toBe(true);
  });

  it('drops a tab’s waiting prefetches whose marks left the page, and only that tab’s', async () => {
    const release = bg.holdTurns();
    const tabOne = ids(50_000, 120);
    const asked = bg.ask({ type: 'getTrials', ids: tabOne, priority: 'prefetch' }, fromTab(1));
    // The first 50 go out at once; the other 70 wait for their turn.
    await vi.waitFor(() => expect(bg.idsAsked()).toHaveLength(1));
    const gone = tabOne.slice(100);
    expect(await bg.ask({ type: 'dropPrefetches', ids: gone }, fromTab(2))).toEqual({ dropped: 0 });
    expect(await bg.ask({ type: 'dropPrefetches', ids: gone }, fromTab(1))).toEqual({ dropped: 20 });
    release();
    const answers = (await asked) as { id: string; ok: boolean; error?: { code: string } }[];
    expect(bg.idsAsked().flat().sort()).toEqual(tabOne.slice(0, 100));
    expect(answers.filter((a) => !a.ok).map((a) => [a.id, a.error?.code])).toEqual(
      gone.map((id) => [id, 'rate-limited']),
    );
  });

  it('drops a closed tab’s waiting prefetches', async () => {
    const release = bg.holdTurns();
    const asked = bg.ask({ type: 'getTrials', ids: ids(60_000, 120), priority: 'prefetch' }, fromTab(3));
    await vi.waitFor(() => expect(bg.idsAsked()).toHaveLength(1));
    await fakeBrowser.tabs.onRemoved.trigger(3, { windowId: 1, isWindowClosing: false });
    release();
    const answers = (await asked) as { ok: boolean }[];
    expect(bg.idsAsked().flat()).toHaveLength(50);
    expect(answers.filter((a) => a.ok)).toHaveLength(50);
  });

  it('refuses a malformed drop request, and ignores one from outside a tab', async () => {
    expect(await bg.ask({ type: 'dropPrefetches', ids: [] }, fromTab(1))).toMatchObject({ refused: true });
    expect(await bg.ask({ type: 'dropPrefetches', ids: ['NCT00000001'] })).toEqual({ dropped: 0 });
  });

  it('gives prefetching tabs turns within each request', async () => {
    await Promise.all([
      bg.ask({ type: 'getTrials', ids: ids(30_000, 100), priority: 'prefetch' }, fromTab(1)),
      bg.ask({ type: 'getTrials', ids: ids(40_000, 100), priority: 'prefetch' }, fromTab(2)),
    ]);
    const first = bg.idsAsked()[0] ?? [];
    expect(first.filter((id) => id.startsWith('NCT0003')).length).toBe(25);
    expect(first.filter((id) => id.startsWith('NCT0004')).length).toBe(25);
  });
});
