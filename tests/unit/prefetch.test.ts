// @vitest-environment happy-dom
/**
 * The content script's prefetcher: IDs coming into view are asked for; a waiting prefetch whose marks
 * have all left the page is dropped (the background is told), one with a mark still there is not.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPrefetcher } from '@/content/prefetch';
import { markLink } from '@/lib/scan/mark';
import { parseNctId, type NctId } from '@/lib/nct';

/** An IntersectionObserver the test drives: `enter(elements)` reports them in view. */
let observers: { callback: IntersectionObserverCallback; watched: Set<Element> }[] = [];
class FakeObserver {
  private readonly entry: (typeof observers)[number];
  constructor(callback: IntersectionObserverCallback) {
    this.entry = { callback, watched: new Set() };
    observers.push(this.entry);
  }
  observe(el: Element) {
    this.entry.watched.add(el);
  }
  unobserve(el: Element) {
    this.entry.watched.delete(el);
  }
  disconnect() {
    this.entry.watched.clear();
  }
}
function enter(elements: Element[]) {
  for (const { callback, watched } of observers) {
    const entries = elements
      .filter((el) => watched.has(el))
      .map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry);
    callback(entries, {} as IntersectionObserver);
  }
}

function markFor(raw: string): HTMLAnchorElement {
  const id = parseNctId(raw);
  if (!id) throw new Error(raw);
  const link = document.createElement('a');
  link.textContent = id;
  markLink(link, id);
  document.body.append(link);
  return link;
}

describe('prefetching what comes into view', () => {
  beforeEach(() => {
    observers = [];
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  function setUp() {
    let answer: () => void = () => undefined;
    const asked: NctId[][] = [];
    const dropped: NctId[][] = [];
    const prefetcher = createPrefetcher({
      prefetch: (ids) => {
        asked.push(ids);
        return new Promise<void>((resolve) => (answer = resolve));
      },
      drop: (ids) => dropped.push(ids),
      checkMs: 100,
    });
    return { prefetcher, asked, dropped, answer: () => answer() };
  }

  it('asks for the IDs in view, once each', () => {
    const { prefetcher, asked } = setUp();
    const marks = [markFor('NCT00000001'), markFor('NCT00000002'), markFor('NCT00000001')];
    prefetcher.observe(marks);
    enter(marks);
    expect(asked).toEqual([['NCT00000001', 'NCT00000002']]);
  });

  it('drops a waiting prefetch once every mark of its ID has left the page', async () => {
    const { prefetcher, asked, dropped } = setUp();
    const [a, b, c] = [markFor('NCT00000001'), markFor('NCT00000002'), markFor('NCT00000002')];
    prefetcher.observe([a, b]);
    enter([a, b]);
    // A second mark of NCT00000002 appears elsewhere (not yet in view): that trial is still wanted.
    prefetcher.observe([c]);
    a.remove();
    b.remove();
    await vi.advanceTimersByTimeAsync(100);
    expect(asked).toEqual([['NCT00000001', 'NCT00000002']]);
    expect(dropped).toEqual([['NCT00000001']]);
    c.remove();
    await vi.advanceTimersByTimeAsync(100);
    expect(dropped).toEqual([['NCT00000001'], ['NCT00000002']]);
  });

  it('stops looking once the prefetches are answered, and drops nothing answered', async () => {
    const { prefetcher, dropped, answer } = setUp();
    const a = markFor('NCT00000003');
    prefetcher.observe([a]);
    enter([a]);
    answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(0);
    a.remove();
    await vi.advanceTimersByTimeAsync(500);
    expect(dropped).toEqual([]);
  });
});
