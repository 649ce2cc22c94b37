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
const SEPARATORS = ' -\u00A0\u202F\u2011';
/** The separators as a regex class, for the grammar. */
const SEPARATOR = `[${SEPARATORS.replace('-', '\\-')}]`;

/**
 * Whether a character code is one of {@link SEPARATORS} (tests check the two agree). Written out rather
 * than a `Set` built from them: this module loads in every frame of every page (the eager detector), and
 * what it builds when it loads, each frame pays (bench/README.md, "Idle cost: what a frame pays").
 */
function isSeparatorCode(code: number): boolean {
  return code === 0x20 || code === 0x2d || code === 0xa0 || code === 0x202f || code === 0x2011;
}

/**
 * A regex built on first use, then kept. Building one from its source when the module loads would cost
 * every frame of every page (above), most of which never ask it.
 */
function lazyRegExp(source: string, flags: string): () => RegExp {
  let regex: RegExp | undefined;
  return () => (regex ??= new RegExp(source, flags));
}

/**
 * The grammar as one regex (its source, for the flags `iu`), and the definition of what is an ID in
 * text. Not an ID when a letter or digit stands directly before `NCT` (`XNCT01234567`, other
 * registries' prefixes) or a digit directly after the eight digits (`NCT123456789`). A letter after
 * the digits is allowed: it is how IDs end up glued to words in extracted PDF text ("NCT01234567and").
 *
 * Searching text with it is slow, so {@link findNctIds} searches with {@link idDigits} (the ASCII part
 * of the grammar, found from the digits) and decides the rest by character codes; tests check that
 * both find the same.
 */
export const NCT_IN_TEXT_SOURCE = `(?<![\\p{L}\\p{N}])nct${SEPARATOR}?(\\d{8})(?!\\p{N})`;

/**
 * The grammar tried at one position only (sticky): only text with a non-ASCII neighbour asks it, and
 * building a regex with Unicode classes costs 0.3–0.6 ms (in Node).
 */
const grammarAt = lazyRegExp(NCT_IN_TEXT_SOURCE, 'iuy');

/**
 * Where an ID's eight digits stand: `nct` in any case and at most one separator before them, no
 * ASCII digit after. The letters are a lookbehind, so the search itself looks for the digits: V8
 * finds these as fast as any run of eight digits (where the eighth character is no digit it skips
 * eight at a time), while a search that starts with `nct` in any case reads every character. Unlike
 * a plain `\d{8}`, it leaves no candidate to our code on text without IDs (dates, phone numbers,
 * other registries' numbers, `NCT` + nine digits); that code runs cold in every frame, at about
 * 0.3 µs a candidate (bench/README.md, "the letters asked of the regex"). Only `test` and
 * `lastIndex` are used: no match object is made. What this ASCII regex cannot say (the neighbour
 * before `nct`, neighbours outside ASCII) is decided by {@link idWithDigitsAt}.
 */
const idDigits = lazyRegExp(`(?<=nct${SEPARATOR}?)\\d{8}(?!\\d)`, 'gi');

/**
 * `NCT` + 8 digits: shorter text holds no ID. Checked before any search: most of a page's text nodes
 * are white space or a word or two.
 */
const MIN_ID_LENGTH = 11;

/**
 * The ID whose eight digits {@link idDigits} found at `digitsAt` in `text`, if the rest of the
 * grammar agrees: no ASCII letter or digit before `nct`, decided by character code (`code | 0x20` is an
 * ASCII letter's lower case, and some other code for anything else; out of range, `charCodeAt` is
 * NaN: no neighbour). Where a neighbour is not ASCII (rare) the grammar itself decides
 * ({@link grammarAt}).
 */
function idWithDigitsAt(text: string, digitsAt: number): NctMatch | undefined {
  const start = digitsAt - (isSeparatorCode(text.charCodeAt(digitsAt - 1)) ? 4 : 3);
  const end = digitsAt + 8;
  const before = text.charCodeAt(start - 1);
  if ((before >= 0x30 && before <= 0x39) || ((before | 0x20) >= 0x61 && (before | 0x20) <= 0x7a))
    return undefined;
  // A letter or numeral of another script before the ID, or a numeral after it, is not an ID.
  if (before > 0x7f || text.charCodeAt(end) > 0x7f) {
    const grammar = grammarAt();
    grammar.lastIndex = start;
    if (!grammar.test(text)) return undefined;
  }
  return { id: `NCT${text.slice(digitsAt, end)}`, start, end };
}

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
  const [match, ...more] = findNctIds(trimmed);
  if (!match || more.length > 0 || match.start !== 0 || match.end !== trimmed.length) return undefined;
  return match.id;
}

/**
 * The first piece of an ID split across nodes, at the end of a text (trailing white space left out):
 * `NCT`, `NCT 0605` (`<b>NCT</b>06056921`).
 */
const pieceAtEnd = lazyRegExp(`(?<![a-z0-9])nct${SEPARATOR}?\\d{0,7}$`, 'i');
/** The longest first piece, with the character before it: `xNCT 0605678`. */
const LONGEST_PIECE = 12;

const SPACE = /\s/;

/**
 * Whether `text` ends with the first piece of an ID that may continue in the next node. Character codes
 * first, and no new string (`trimEnd` on every node cost the eager detector more than its search for
 * IDs); the regex only for a text that ends like a piece.
 */
export function endsWithIdPiece(text: string): boolean {
  let end = text.length;
  let last = text.charCodeAt(end - 1);
  // Trailing white space as `\s` knows it: ASCII by code, anything else asked of the regex.
  while (last === 0x20 || (last >= 0x09 && last <= 0x0d) || (last > 0x7f && SPACE.test(text.charAt(end - 1))))
    last = text.charCodeAt(--end - 1);
  // A piece ends with the `t` of `nct`, a separator or a digit.
  if ((last | 0x20) !== 0x74 && !(last >= 0x30 && last <= 0x39) && !isSeparatorCode(last)) return false;
  return pieceAtEnd().test(text.slice(Math.max(0, end - LONGEST_PIECE), end));
}

/**
 * Whether `text` starts the way the rest of an ID goes on after its first piece ({@link endsWithIdPiece}):
 * with a digit or a separator (`<b>NCT</b>06056921`, `NCT<b>-06056921</b>`).
 */
export function continuesIdPiece(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first <= REST_OF_ID_MAX_ASCII)
    return (first >= 0x30 && first <= 0x39) || first === 0x20 || first === 0x2d;
  return first > 0x7f && isSeparatorCode(first);
}

/**
 * No text whose first character is ASCII and above this (`9`: letters, most punctuation) goes on like
 * the rest of an ID ({@link continuesIdPiece}). A caller asking it of thousands of texts tests this first
 * and makes no call for most of them: in the eager detector's walk of a large page, the call alone cost
 * 4–7% of the walk (bench/README.md, "Detection: a split ID looked for where it goes on").
 */
export const REST_OF_ID_MAX_ASCII = 0x39;

/** An ID's letters and digits anywhere, whatever stands beside them: see {@link idSignInJoinedText}. */
const idDigitsAnywhere = lazyRegExp(`(?<=nct${SEPARATOR}?)\\d{8}`, 'gi');

/**
 * What the text of many nodes joined end to end says (a document's text, as the browser joins it):
 * - `'id'`: it names an ID, its neighbours included. Now and then the letters of one were split oddly
 *   across nodes (`N<b>CT06056921</b>`), which no node names: the caller looks further for nothing.
 * - `'maybe'`: it holds an ID's letters and digits next to a letter or digit, which may come from the
 *   node before or after (`<td>NCT06056921</td><td>2019</td>` reads `NCT060569212019`): only the nodes
 *   one by one can tell.
 * - undefined: no node names an ID, alone or split across nodes: the letters and digits of any such ID
 *   stand together in the joined text.
 */
export function idSignInJoinedText(text: string): 'id' | 'maybe' | undefined {
  const anywhere = idDigitsAnywhere();
  anywhere.lastIndex = 0;
  let maybe = false;
  while (anywhere.test(text)) {
    const digitsAt = anywhere.lastIndex - 8;
    const after = text.charCodeAt(digitsAt + 8);
    if (!(after >= 0x30 && after <= 0x39) && idWithDigitsAt(text, digitsAt)) return 'id';
    maybe = true;
  }
  return maybe ? 'maybe' : undefined;
}

/** Whether `text` names at least one ID: the eager detector's test, before anything else loads. */
export function hasNctId(text: string): boolean {
  if (text.length < MIN_ID_LENGTH) return false;
  const digits = idDigits();
  digits.lastIndex = 0;
  while (digits.test(text)) if (idWithDigitsAt(text, digits.lastIndex - 8)) return true;
  return false;
}

/** What {@link findNctIds} answers for text without an ID: one shared empty list, nothing allocated. */
const NO_MATCHES: readonly NctMatch[] = Object.freeze([]);

/**
 * Every ID written in `text`, in order, with its position. The scanner asks this of every text node
 * of a page, most of which name no trial: those get the shared empty list.
 */
export function findNctIds(text: string): readonly NctMatch[] {
  if (text.length < MIN_ID_LENGTH) return NO_MATCHES;
  let found: NctMatch[] | undefined;
  const digits = idDigits();
  digits.lastIndex = 0;
  while (digits.test(text)) {
    const match = idWithDigitsAt(text, digits.lastIndex - 8);
    if (match) (found ??= []).push(match);
  }
  return found ?? NO_MATCHES;
}

const REGISTRY_HOST = /(^|\.)clinicaltrials\.gov$/i;
/** Where record pages are: `/study/NCT…`, `/ct2/show/NCT…`, `/show/NCT…`, `/ct2/show/record/NCT…`. */
const RECORD_DIRS = '\\/(?:study|(?:ct2\\/)?show(?:\\/record)?)\\/';
// The regexes below are marked pure so that a bundle without links (the eager detector, which runs in
// every frame) leaves them out rather than building them.
/** A record page's path, its last segment the ID (any way it is written, percent-encoded or not). */
const RECORD_PATH = /* @__PURE__ */ new RegExp(`^${RECORD_DIRS}([^/?#]+)\\/?$`, 'i');
/**
 * The usual registry link, as a link's `href` gives it (the browser's serialisation: scheme and host in
 * lower case), naming its record by the canonical ID: read without parsing the URL, which costs a few
 * microseconds a link (bench/README.md). Anything else (a user name or another case in the host,
 * another spelling of the ID, a search) goes the long way, which decides the same for these.
 */
const CANONICAL_RECORD_URL = /* @__PURE__ */ new RegExp(
  `^https?:\\/\\/(?:[a-z0-9-]+\\.)*clinicaltrials\\.gov(?::\\d+)?${RECORD_DIRS}(NCT\\d{8})\\/?(?:[?#]|$)`,
);
/**
 * The trial of an address written the usual way ({@link CANONICAL_RECORD_URL}), else undefined (which
 * says nothing: {@link nctIdFromHref} decides the rest). What this finds in an address as written in a
 * page, the browser's resolved form of it names too: it is absolute, its scheme and host already in
 * lower case, with nothing that resolving changes.
 */
export function canonicalRecordId(href: string): NctId | undefined {
  return CANONICAL_RECORD_URL.exec(href)?.[1] as NctId | undefined;
}

/** Search parameters whose value, when it is exactly one ID, names that single trial. */
const ID_PARAMS = ['term', 'id'] as const;

/**
 * The trial a link points at, when `href` is a ClinicalTrials.gov record or a search for exactly one
 * NCT ID (`/search?term=NCT…`, `/ct2/results?term=NCT…`). Condition or free-text searches
 * (`?cond=…`, `?term=cancer`) name no single trial and give `undefined`.
 */
export function nctIdFromHref(href: string): NctId | undefined {
  const canonical = canonicalRecordId(href);
  if (canonical) return canonical;
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
