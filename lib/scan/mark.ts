/**
 * The marking contract (DESIGN.md, "Marked IDs in the page"): what a marked ID looks like in the
 * page, how a text node is wrapped, and how marks are taken away again. DOM only.
 *
 * The trial a mark stands for is kept here, in the extension's own map, not in the page: an attribute
 * (DESIGN.md's `data-nct-id`) could be rewritten by the page to make a mark open another trial's card
 * than the one its text or link names, and setting it on each of a page's thousands of marks costs
 * about a tenth of marking them (bench/README.md, "the ID in the extension's own map").
 */
import type { NctId, NctMatch } from '../nct';

/**
 * Our wrapper is an element of its own rather than a `span`: the page's own selectors (`p > span`,
 * `.title span { display: block }`) cannot match it, so marking changes neither layout nor styling.
 * An unknown element is inline, with no semantics of its own.
 *
 * Its name has no hyphen, so it can never be a custom element (DESIGN.md's `nct-ref` could be):
 * - a page cannot define it, so no page code (a constructor, `connectedCallback`) runs inside our own
 *   DOM changes, in the middle of a slice whose placements assume the page is not running;
 * - the browser keeps no bookkeeping for it (an undefined custom element is recorded for a later
 *   upgrade), which cost 3–5% of marking the bench's 2.5 MB page (bench/README.md, "a mark that cannot
 *   be a custom element").
 */
export const MARK_TAG = 'nctref';

/** Set on links we marked, so that clean-up finds them (only those in {@link own} count). */
const LINK_MARK_ATTR = 'data-nct-link';

/**
 * Inline style, never a stylesheet: nothing global is injected into the page. A dotted underline
 * changes no metrics, so nothing moves.
 */
const MARK_STYLE = 'text-decoration: underline dotted; text-underline-offset: 0.18em; cursor: help;';

/**
 * Our own marks and marked links, known by identity, with the trial each stands for: a page can write
 * any attribute on anything (or define an element named like ours), but it cannot put an element into
 * this map or change what it says. Only these count as trials: forged elements open no card, send no
 * request and add nothing to the badge.
 */
const own = new WeakMap<Element, NctId>();

/** One of our own wrappers (not a page element that merely has our tag name). */
export function isMark(node: Node): node is HTMLElement {
  return node.nodeType === 1 && (node as Element).localName === MARK_TAG && own.has(node as Element);
}

/**
 * One prototype per document and kind, cloned for each ID: a clone shares its prototype's attributes,
 * at a fraction of the cost of setting them one by one (measured in bench/, ~2,000 marks a page). Any
 * attribute set on the clone afterwards would copy them all.
 */
const prototypes = new WeakMap<Document, { focusable: HTMLElement; inert: HTMLElement }>();

function createMark(doc: Document, focusable: boolean): HTMLElement {
  let proto = prototypes.get(doc);
  if (!proto) {
    const inert = doc.createElement(MARK_TAG);
    inert.setAttribute('style', MARK_STYLE);
    const withFocus = inert.cloneNode() as HTMLElement;
    // A focusable element needs a role for assistive technology; "button" + haspopup tells a screen
    // reader user that activating it opens the trial card.
    withFocus.setAttribute('tabindex', '0');
    withFocus.setAttribute('role', 'button');
    withFocus.setAttribute('aria-haspopup', 'dialog');
    proto = { focusable: withFocus, inert };
    prototypes.set(doc, proto);
  }
  return (focusable ? proto.focusable : proto.inert).cloneNode() as HTMLElement;
}

/**
 * Wraps each match in `text` in one marker element, text unchanged. `focusable` is false where an
 * ancestor (a link, a button) already gives keyboard access: a mark there adds no second tab stop. `matches` must be in order and
 * belong to `text.data`. Returns the last text node of what `text` became, so that a TreeWalker over
 * text nodes can continue after it without visiting the new wrappers.
 */
export function wrapMatches(
  text: Text,
  matches: readonly NctMatch[],
  focusable: boolean,
  created?: HTMLElement[],
): Node {
  const doc = text.ownerDocument;
  let last: Node = text;
  // From the end backwards: offsets earlier in the node stay valid while later parts are split off.
  // Split only where there is text on that side: an ID at the start of `text` is wrapped in `text`
  // itself, so the node a framework made and holds (`<td>{trial.id}</td>`) is the one in the mark, and
  // its later update of that node is seen there; no empty text node is made or left beside a mark.
  for (let i = matches.length - 1; i >= 0; i--) {
    const match = matches[i];
    if (!match) continue;
    const idText = match.start > 0 ? text.splitText(match.start) : text;
    const idLength = match.end - match.start;
    const after = idText.length > idLength ? idText.splitText(idLength) : undefined;
    const mark = createMark(doc, focusable);
    idText.replaceWith(mark);
    mark.append(idText);
    own.set(mark, match.id);
    created?.push(mark);
    // A walker placed on the ID's own text continues after the mark, never inside it.
    if (i === matches.length - 1) last = after ?? idText;
  }
  return last;
}

/** Marks a link that points at a trial record, without touching its text or its `href`. */
export function markLink(link: HTMLAnchorElement, id: NctId): void {
  link.setAttribute(LINK_MARK_ATTR, '');
  // Enter follows the link, as always; a screen reader announces the key that opens the card instead.
  if (!link.hasAttribute(SHORTCUT_ATTR)) {
    link.setAttribute(SHORTCUT_ATTR, LINK_SHORTCUT);
    ownShortcuts.add(link);
  }
  own.set(link, id);
}

const SHORTCUT_ATTR = 'aria-keyshortcuts';
const LINK_SHORTCUT = 'Alt+ArrowDown';
/** Links whose key shortcut we added (a page's own is never touched, nor removed). */
const ownShortcuts = new WeakSet<Element>();

/** Puts the page back as it was: wrappers replaced by their text, link attributes removed. */
export function unmarkAll(root: ParentNode): void {
  for (const mark of Array.from(root.querySelectorAll(MARK_TAG))) if (own.has(mark)) unwrap(mark);
  for (const link of Array.from(root.querySelectorAll(`[${LINK_MARK_ATTR}]`))) unmarkLink(link);
}

/** Takes our mark off one link (a link we did not mark is left alone), its attributes as they were. */
export function unmarkLink(link: Element): void {
  if (!own.has(link)) return;
  own.delete(link);
  link.removeAttribute(LINK_MARK_ATTR);
  if (ownShortcuts.has(link)) link.removeAttribute(SHORTCUT_ATTR);
  ownShortcuts.delete(link);
}

/** Replaces one wrapper with its text, merging it back into the neighbouring text. */
export function unwrap(mark: Element): void {
  own.delete(mark);
  const parent = mark.parentNode;
  if (!parent) return;
  // Only the text goes back: anything we added inside the mark (a status chip) goes with it.
  mark.replaceWith(...Array.from(mark.childNodes).filter((node) => node.nodeType === Node.TEXT_NODE));
  parent.normalize();
}

/** The one reader of a mark's trial: the canonical ID of our mark or marked link, else undefined. */
export function markedId(el: Element): NctId | undefined {
  return own.get(el);
}

/** Every marked element under `root` (marks and marked links), in document order; of one trial if `id`. */
export function marksIn(root: ParentNode, id?: NctId): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(`${MARK_TAG}, [${LINK_MARK_ATTR}]`)).filter((el) => {
    const marked = own.get(el);
    return marked !== undefined && (id === undefined || marked === id);
  });
}

/** The element standing for a trial: a mark, a marked link, or a link around exactly one mark. */
export function trialAnchor(target: EventTarget | null): HTMLElement | undefined {
  if (!(target instanceof Element)) return undefined;
  for (let el: Element | null = target; el; el = el.parentElement) {
    if (own.has(el)) return el as HTMLElement;
  }
  const link = target.closest('a[href]');
  const inner = link ? marksIn(link) : [];
  return inner.length === 1 ? inner[0] : undefined;
}
