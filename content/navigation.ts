/**
 * Moving the reader to a trial on the page: the popup's "Show on page", the next/previous commands,
 * and "open the card of the focused ID". Plain DOM.
 */
import type { NctId } from '@/lib/nct';
import { markedId, marksIn } from '@/lib/scan/mark';

const FLASH_STYLE = 'outline: 3px solid #f9ab00; outline-offset: 2px; transition: outline-color 1.2s;';
const FLASH_MS = 1500;

/** Scrolls a trial's first mark (or the next/previous one) into view, flashes it and focuses it. */
export function reveal(doc: Document, id: NctId | undefined, direction?: 1 | -1): boolean {
  const all = marksIn(doc, id);
  const target = direction === undefined ? all[0] : stepFrom(doc, all, direction);
  if (!target) return false;
  target.scrollIntoView({ block: 'center', behavior: 'smooth' });
  const before = target.getAttribute('style') ?? '';
  target.setAttribute('style', `${before}${FLASH_STYLE}`);
  setTimeout(() => target.setAttribute('style', before), FLASH_MS);
  target.focus({ preventScroll: true });
  return true;
}

/** The focused mark's card, or the first one in view: focusing a mark opens its card. */
export function openFocused(doc: Document): boolean {
  const all = marksIn(doc);
  const active = doc.activeElement;
  const focused = all.find((m) => m === active || (active !== null && m.contains(active)));
  const target = focused ?? stepFrom(doc, all, 1);
  // Blur first: focus arriving again is what opens the card.
  target?.blur();
  const id = target && markedId(target);
  return id ? reveal(doc, id) : false;
}

/** The next (or previous) mark after the one that has focus, or the first in view. */
function stepFrom(doc: Document, all: HTMLElement[], direction: 1 | -1): HTMLElement | undefined {
  if (all.length === 0) return undefined;
  const focused = all.findIndex((el) => el === doc.activeElement);
  if (focused >= 0) return all[(focused + direction + all.length) % all.length];
  const inView = all.findIndex((el) => el.getBoundingClientRect().top >= 0);
  return all[inView >= 0 ? inView : 0];
}

/** Distinct trials in page order. */
export function trialsOnPage(doc: Document): NctId[] {
  const ids = new Set<NctId>();
  for (const mark of marksIn(doc)) {
    const id = markedId(mark);
    if (id) ids.add(id);
  }
  return [...ids];
}
