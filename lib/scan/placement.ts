/**
 * Where an ID may be marked, decided from a text node's ancestors: never in code, form fields,
 * editable content, non-HTML content or our own UI; not as a second tab stop inside a link or button;
 * not twice inside a trial link that already names the trial. Runs only for text that holds an ID.
 */
import { findNctIds, type NctId, type NctMatch } from '../nct';
import { MARK_TAG, markedId } from './mark';

/** Where an ID must never be marked: code, form fields, non-HTML content, our own marks. */
export const SKIP_TAGS = [
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'svg',
  'math',
  'title',
  MARK_TAG,
];
/** Ancestors that already give keyboard access: a mark inside one adds no second tab stop. */
const INTERACTIVE_TAGS = new Set(['button', 'summary', 'label']);
const INTERACTIVE_ROLES = new Set(['link', 'button']);

interface Placement {
  /** The text may be marked here. */
  markable: boolean;
  /** A mark here is its own tab stop (no interactive ancestor). */
  focusable: boolean;
  /** The ID of the trial link we sit in, if any. */
  linkId: NctId | null;
}

/** Where nothing above says otherwise: the document's root has no ancestor. */
const ANYWHERE: Placement = { markable: true, focusable: true, linkId: null };

/**
 * Placements already worked out, per element, for one slice of the scanner's work (the page cannot
 * change the DOM in the middle of a slice; our own link marking clears it). Text nodes with IDs share
 * most of their ancestors, so each ancestor is read once, not once per ID.
 */
export type PlacementMemo = Map<Element, Placement>;

/**
 * What the ancestors of a text node say about marking it, in one walk up the tree (stopping at an
 * ancestor in `memo`). Runs only for text that holds an ID; one walk costs far less than several
 * `closest()` selector matches.
 */
export function placementOf(parent: Element, skipTags: ReadonlySet<string>, memo?: PlacementMemo): Placement {
  const path = unknownAncestors;
  let above: Placement | undefined;
  for (let el: Element | null = parent; el && !(above = memo?.get(el)); el = el.parentElement) path.push(el);
  above ??= ANYWHERE;
  // Down from the highest element not yet known: each one's placement is what is above it, narrowed
  // by itself.
  for (let i = path.length - 1; i >= 0; i--) {
    const below = path[i] as Element;
    above = narrowedBy(below, above, skipTags);
    memo?.set(below, above);
  }
  path.length = 0;
  return above;
}

/**
 * The elements between a text node and its nearest known ancestor: one array for every call (they
 * never nest), since a page with thousands of IDs would otherwise allocate one per ID.
 */
const unknownAncestors: Element[] = [];

/** The placement of text directly inside `el`, given the placement of text where `el` stands. */
function narrowedBy(el: Element, above: Placement, skipTags: ReadonlySet<string>): Placement {
  if (!above.markable) return above;
  const tag = el.localName;
  // Most elements around text have no attribute at all: one call then answers the three attribute rules.
  const attributed = el.hasAttributes();
  const editable = attributed ? el.getAttribute('contenteditable') : null;
  if (skipTags.has(tag) || (editable !== null && editable !== 'false'))
    return { markable: false, focusable: above.focusable, linkId: above.linkId };
  if (attributed && tag === 'a' && el.hasAttribute('href'))
    return { markable: true, focusable: false, linkId: markedId(el) ?? above.linkId };
  if (INTERACTIVE_TAGS.has(tag) || (attributed && INTERACTIVE_ROLES.has(el.getAttribute('role') ?? '')))
    return above.focusable ? { markable: true, focusable: false, linkId: above.linkId } : above;
  return above;
}

/** An ID-bearing text node found by the walk, to be wrapped at the end of the slice. */
export interface Hit {
  text: Text;
  /** The text's length when it was read: a text wrapped since is shorter (or inside our mark). */
  length: number;
  matches: readonly NctMatch[];
  focusable: boolean;
}

/** The IDs in `text` that may be marked where it stands, or undefined when there are none. */
export function findHitIn(text: Text, skipTags: ReadonlySet<string>, memo?: PlacementMemo): Hit | undefined {
  const data = text.data;
  const matches = findNctIds(data);
  if (matches.length === 0) return undefined;
  // Read only for text that holds an ID: one DOM read for each of a page's thousands of text nodes adds
  // up (bench/README.md, "walk against wrap").
  const parent = text.parentElement;
  if (!parent) return undefined;
  const where = placementOf(parent, skipTags, memo);
  if (!where.markable) return undefined;
  // A trial link we marked already names its trial; its own text naming the same trial is not a
  // second mark.
  const markable = where.linkId ? matches.filter((m) => m.id !== where.linkId) : matches;
  return markable.length > 0
    ? { text, length: data.length, matches: markable, focusable: where.focusable }
    : undefined;
}
