/**
 * Asks for the trials whose IDs come near the viewport, so that a hovered card usually opens with its
 * data already here. IDs far down a long page are not asked for until the reader gets near them: a page
 * with 2,000 IDs costs requests for what is read, not for everything on it.
 *
 * A prefetch may wait its turn in the background (a page naming many trials, other tabs first). If
 * every mark of a waiting ID leaves the page meanwhile (a single-page app moved on), the background is
 * told to drop it: no request for what can no longer be hovered.
 */
import type { NctId } from '@/lib/nct';
import { markedId } from '@/lib/scan/mark';

export interface PrefetchOptions {
  /** Asks for these trials ahead of need; settles once they are answered (or dropped). */
  prefetch(ids: NctId[]): Promise<unknown>;
  /** These waiting prefetches' marks are all gone from the page. */
  drop(ids: NctId[]): void;
  rootMargin?: string;
  /** How often waiting prefetches' marks are looked at (only while some wait). */
  checkMs?: number;
}

export function createPrefetcher(options: PrefetchOptions) {
  const checkMs = options.checkMs ?? 250;
  /** Prefetched IDs not answered yet, with the marks that name them. */
  const waiting = new Map<NctId, Set<Element>>();
  let checkTimer: ReturnType<typeof setInterval> | undefined;

  function checkMarks(): void {
    const gone: NctId[] = [];
    for (const [id, marks] of waiting) {
      if ([...marks].some((mark) => mark.isConnected)) continue;
      gone.push(id);
      waiting.delete(id);
    }
    if (gone.length > 0) options.drop(gone);
    if (waiting.size === 0) stopChecking();
  }

  function stopChecking(): void {
    clearInterval(checkTimer);
    checkTimer = undefined;
  }

  function ask(marks: Map<NctId, Element[]>): void {
    const ids = [...marks.keys()].filter((id) => !waiting.has(id));
    for (const [id, elements] of marks) {
      const known = waiting.get(id);
      if (known) for (const element of elements) known.add(element);
    }
    if (ids.length === 0) return;
    for (const id of ids) waiting.set(id, new Set(marks.get(id)));
    checkTimer ??= setInterval(checkMarks, checkMs);
    void options.prefetch(ids).finally(() => {
      for (const id of ids) waiting.delete(id);
      if (waiting.size === 0) stopChecking();
    });
  }

  const observer = new IntersectionObserver(
    (entries) => {
      const marks = new Map<NctId, Element[]>();
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        const id = markedId(entry.target);
        if (id) marks.set(id, [...(marks.get(id) ?? []), entry.target]);
      }
      if (marks.size > 0) ask(marks);
    },
    { rootMargin: options.rootMargin ?? '200px' },
  );
  return {
    observe(elements: Iterable<Element>): void {
      for (const element of elements) {
        observer.observe(element);
        // Another mark of an ID already waiting keeps that prefetch wanted.
        const id = waiting.size > 0 ? markedId(element) : undefined;
        if (id) waiting.get(id)?.add(element);
      }
    },
    destroy(): void {
      observer.disconnect();
      stopChecking();
      waiting.clear();
    },
  };
}
