/**
 * The NCT ID grammar: how ClinicalTrials.gov identifiers are written in running text and in links.
 * Pure: no DOM, no extension APIs.
 *
 * Canonical form: upper-case `NCT` followed by exactly eight ASCII digits (the registry's own format,
 * `maxChars: 11`). In text we also accept what authors actually type: any case, and one space,
 * hyphen or non-breaking space between `NCT` and the digits.
 */

/** A canonical NCT ID, e.g. `NCT06056921`. From a string, only {@link parseNctId} makes one. */
export type NctId = `NCT${string}`;

export interface NctMatch {
  /** Canonical ID (upper case, no separator). */
  id: NctId;
  /** Offset of the first character of the match in the searched text. */
  start: number;
  /** Offset just past the last character of the match. */
  end: number;
}

/**
 * Separators seen between the prefix and the digits in the wild: space, hyphen, non-breaking
 * space (U+00A0), narrow no-break space (U+202F) and non-breaking hyphen (U+2011).
 */
const SEPARATOR = '[ \\-\\u00A0\\u202F\\u2011]';

/**
 * Not an ID when a letter or digit stands directly before `NCT` (`XNCT01234567`, other registries'
 * prefixes) or a digit directly after the eight digits (`NCT123456789`). A letter after the digits is
 * allowed: it is how IDs end up glued to words in extracted PDF text ("NCT01234567and").
 */
const ID_IN_TEXT = new RegExp(`(?<![\\p{L}\\p{N}])nct${SEPARATOR}?(\\d{8})(?!\\p{N})`, 'giu');

/** The canonical form, whole string: the one pattern every check (zod schemas included) uses. */
export const NCT_ID_PATTERN = /^NCT\d{8}$/;

/** True for a canonical ID (`NCT` + 8 digits, upper case, nothing else). */
export function isCanonicalNctId(value: string): boolean {
  return NCT_ID_PATTERN.test(value);
}

/**
 * The one parser from a string to an {@link NctId}: the canonical form of one written ID
 * (`nct 01234567` → `NCT01234567`), or `undefined` when the whole string is not exactly one ID.
 */
export function parseNctId(value: string): NctId | undefined {
  const trimmed = value.trim();
  ID_IN_TEXT.lastIndex = 0;
  const match = ID_IN_TEXT.exec(trimmed);
  if (!match || match.index !== 0 || match[0].length !== trimmed.length) return undefined;
  return `NCT${match[1]}`;
}

/**
 * The grammar with ASCII boundaries: a quick first test. The full grammar's Unicode classes (`\p{L}`
 * under case folding) take milliseconds to compile, and the eager detector runs in a fresh script in
 * every frame: on a page whose text has no ID (look-alikes such as `XNCT01234567` included) it is
 * never compiled.
 */
const ID_LIKE = new RegExp(`(?<![a-z0-9])nct${SEPARATOR}?\\d{8}(?!\\d)`, 'i');

/** The first piece of an ID split across nodes ends its node: `NCT`, `NCT 0605`. */
const ID_SPLIT_START = new RegExp(`nct${SEPARATOR}?\\d{0,7}\\s*$`, 'i');

/**
 * Both quick tests in one pass: an ID-like run (group 1 unset) or, at the very end, the first piece of
 * an ID split across nodes (group 1 set). One regex call per text node: on a page of thousands of text
 * nodes, the calls cost more than the searching.
 */
const ID_OR_SPLIT_START = new RegExp(`(?<![a-z0-9])nct${SEPARATOR}?(?:\\d{8}(?!\\d)|(\\d{0,7})\\s*$)`, 'i');

/**
 * What one text node says about the page naming a trial: `'id'` when it names one, `'split'` when it
 * ends with the first piece of an ID that may continue in the next node (`<b>NCT</b>06056921`; the
 * caller reads the surrounding text), else undefined.
 */
export function idSignIn(text: string): 'id' | 'split' | undefined {
  const found = ID_OR_SPLIT_START.exec(text);
  if (!found) return undefined;
  if (found[1] !== undefined) return 'split';
  if (hasNctId(text)) return 'id';
  // ASCII-like but not an ID under the full grammar (a letter of another script before it): the node
  // may still end with a piece.
  return ID_SPLIT_START.test(text) ? 'split' : undefined;
}

/** Whether `text` names at least one ID: the eager detector's test, before anything else loads. */
export function hasNctId(text: string): boolean {
  if (!ID_LIKE.test(text)) return false;
  ID_IN_TEXT.lastIndex = 0;
  return ID_IN_TEXT.test(text);
}

/** What {@link findNctIds} answers for text without an ID: one shared empty list, nothing allocated. */
const NO_MATCHES: readonly NctMatch[] = Object.freeze([]);

/**
 * Every ID written in `text`, in order, with its position. The scanner asks this of every text node
 * of a page, most of which name no trial: those get the shared empty list.
 */
export function findNctIds(text: string): readonly NctMatch[] {
  ID_IN_TEXT.lastIndex = 0;
  let m = ID_IN_TEXT.exec(text);
  if (!m) return NO_MATCHES;
  const found: NctMatch[] = [];
  for (; m; m = ID_IN_TEXT.exec(text)) {
    found.push({ id: `NCT${m[1]}`, start: m.index, end: m.index + m[0].length });
  }
  return found;
}

const REGISTRY_HOST = /(^|\.)clinicaltrials\.gov$/i;
/** Record pages: `/study/NCT…`, `/ct2/show/NCT…`, `/show/NCT…`, `/ct2/show/record/NCT…`. */
const RECORD_PATH = /^\/(?:study|(?:ct2\/)?show(?:\/record)?)\/([^/?#]+)\/?$/i;
/** Search parameters whose value, when it is exactly one ID, names that single trial. */
const ID_PARAMS = ['term', 'id'] as const;

/**
 * The trial a link points at, when `href` is a ClinicalTrials.gov record or a search for exactly one
 * NCT ID (`/search?term=NCT…`, `/ct2/results?term=NCT…`). Condition or free-text searches
 * (`?cond=…`, `?term=cancer`) name no single trial and give `undefined`.
 */
export function nctIdFromHref(href: string): NctId | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (!REGISTRY_HOST.test(url.hostname)) return undefined;
  const path = RECORD_PATH.exec(url.pathname);
  if (path?.[1]) return parseNctId(decodeURIComponent(path[1]));
  for (const name of ID_PARAMS) {
    const value = url.searchParams.get(name);
    if (value) {
      const id = parseNctId(value);
      if (id) return id;
    }
  }
  return undefined;
}

/** The public record page for a trial: the one link the card's "Open" button uses. */
export function recordUrl(id: NctId): string {
  return `https://clinicaltrials.gov/study/${id}`;
}
