/**
 * Asks for the trials whose IDs come near the viewport, so that a hovered card usually opens with its
 * data already here. IDs far down a long page are not asked for until the reader gets near them: a page
 * with 2,000 IDs costs requests for what is read, not for everything on it.
 */
import type { NctId } from '@/lib/nct';
import { markedId } from '@/lib/scan/mark';

export function createPrefetcher(prefetch: (ids: NctId[]) => void, rootMargin = '200px') {
  const observer = new IntersectionObserver(
    (entries) => {
      const ids: NctId[] = [];
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        const id = markedId(entry.target);
        if (id) ids.push(id);
      }
      if (ids.length > 0) prefetch(ids);
    },
    { rootMargin },
  );
  return {
    observe(elements: Iterable<Element>): void {
      for (const element of elements) observer.observe(element);
    },
    destroy(): void {
      observer.disconnect();
    },
  };
}
