/**
 * Whether a page names a trial at all, at the least cost: what every frame of every page runs before
 * anything else of ours loads (most pages name none). One look for registry links and one at the
 * page's text (joined by the browser in a small document, node by node in a large one); then, while
 * none is found, the page's changes are read in one batch at an idle period (the nodes added, or the
 * parent of many), skipping nodes removed since.
 * `onFound` is called at most once; the scanner (loaded then) takes it from there.
 */
import {
  REST_OF_ID_MAX_ASCII,
  continuesIdPiece,
  endsWithIdPiece,
  hasNctId,
  idSignInJoinedText,
} from '../nct';
import { PendingChanges, REGISTRY_LINKS, atIdle } from './page-changes';

export interface DetectorOptions {
  onFound(): void;
  /** When to read the page's changes (an idle period by default; tests run it at once). */
  scheduleBatch?(run: () => void): void;
}

export interface Detector {
  stop(): void;
}

/** The longest piece of an ID: `NCT 01234567`. */
const PIECE = 12;

/**
 * Whether a node added or changed may name a trial (text with an ID, or a registry link). An ID split
 * between it and a neighbour (`NCT` + `06056921` added apart) is seen by joining the ends of their texts:
 * only the ends, so that rows added one by one to a long table do not each read the whole table.
 */
function mayNameTrial(node: Node): boolean {
  if (!node.isConnected) return false;
  // 3 and 1: `Node.TEXT_NODE` and `Node.ELEMENT_NODE` (the interface is not asked, as below).
  const isText = node.nodeType === 3;
  if (!isText && node.nodeType !== 1) return false;
  const text = node.textContent ?? '';
  if (hasNctId(text)) return true;
  const before = (node.previousSibling?.textContent ?? '').slice(-PIECE);
  const after = (node.nextSibling?.textContent ?? '').slice(0, PIECE);
  if (hasNctId(before + text.slice(0, PIECE)) || hasNctId(text.slice(-PIECE) + after)) return true;
  if (isText) return false;
  const element = node as Element;
  if (element.localName !== 'a' && element.getElementsByTagName('a').length === 0) return false;
  return element.matches(REGISTRY_LINKS) || element.querySelector(REGISTRY_LINKS) !== null;
}

/**
 * Up to this many elements, the first look reads the document's text joined by the browser, in one
 * call. Most frames are small (ads, widgets, embeds), and there the walk's first TreeWalker and text
 * nodes make the browser build their interfaces for our isolated world, which costs more than the
 * joined text (bench/README.md, "Idle cost: what a frame pays"). In a larger document the walk goes
 * first: it stops at the first ID, and in a long text one look-alike (`NCT123456789`) would leave the
 * walk to do anyway. (The bench's 2.5 MB page has 8,688 elements.)
 */
export const JOINED_TEXT_MAX_ELEMENTS = 1500;

/**
 * The first look at the page. Everything is asked of the document itself, never of `document.body`:
 * the first element a content script touches in a frame makes the browser build the element interfaces
 * (`Element`, `HTMLElement`) for our isolated world, which costs more than the rest of this look on a
 * small frame (bench/README.md, "Idle cost: the first element touched"). So it also reads the head's
 * text (a title, inline scripts): at worst an ID there loads the scanner, which skips it.
 */
function namesTrial(doc: Document): boolean {
  if (doc.querySelector(REGISTRY_LINKS)) return true;
  // `item` answers null without making an element when the document has no more elements than that.
  if (doc.getElementsByTagName('*').item(JOINED_TEXT_MAX_ELEMENTS) === null) {
    const sign = idSignInJoinedText(joinedText(doc));
    if (sign !== 'maybe') return sign === 'id';
  }
  return walkNamesTrial(doc);
}

/**
 * The document's text as XPath's string value of the root: every text node's, in document order,
 * joined by the browser without handing us a node. (2 is `XPathResult.STRING_TYPE`: asking the
 * interface for it would build the interface in our world.)
 */
function joinedText(doc: Document): string {
  return doc.evaluate('string(/)', doc, null, 2, null).stringValue;
}

/**
 * The text nodes one by one (building the text of a 2.5 MB page costs about what walking it does, and
 * the walk stops at the first ID), each with one regex call.
 *
 * An ID split across elements (`<b>NCT</b>06056921`) goes on in the next text node with its digits or
 * its separator. Only a node that starts so makes the walk ask whether the node before it ends with an
 * ID's first piece, and then read the text of that node's grandparent, where the two meet. Asking every
 * node how it ends cost the bench's 2.5 MB page without IDs about a tenth of its look: one node in nine
 * ends like a piece (a word ending in `t`, a number) and ran a regex (bench/README.md, "Detection: a
 * split ID looked for where it goes on"). Nothing is lost: the rest of an ID after its first piece
 * starts with a digit or a separator.
 */
function walkNamesTrial(doc: Document): boolean {
  // 4 is `NodeFilter.SHOW_TEXT` (as above, the interface is not asked).
  const walker = doc.createTreeWalker(doc, 4);
  /** The last text node that was not empty: an empty one (a framework's placeholder) joins nothing. */
  let before: Text | undefined;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const text = node.data;
    if (hasNctId(text)) return true;
    // Most nodes start with a letter: the quick test spares them the call (REST_OF_ID_MAX_ASCII).
    const first = text.charCodeAt(0);
    if (
      before &&
      (first <= REST_OF_ID_MAX_ASCII || first > 0x7f) &&
      continuesIdPiece(text) &&
      endsWithIdPiece(before.data) &&
      hasNctId(before.parentNode?.parentNode?.textContent ?? '')
    )
      return true;
    if (text.length > 0) before = node;
  }
  return false;
}

/**
 * From this many nodes added in one change, the change's parent is read instead of each node: a page
 * that adds thousands at a time (a DOM storm) would otherwise keep them all alive until the batch.
 */
const MANY_ADDED = 16;

export function createDetector(doc: Document, options: DetectorOptions): Detector {
  const scheduleBatch = options.scheduleBatch ?? atIdle;
  let observer: MutationObserver | undefined;
  const pending = new PendingChanges(MANY_ADDED);
  let scheduled = false;
  let done = false;

  const found = () => {
    stop();
    options.onFound();
  };
  function stop() {
    done = true;
    observer?.disconnect();
    observer = undefined;
    pending.clear();
  }
  function readBatch() {
    scheduled = false;
    let named = false;
    const look = (node: Node) => (named = !done && mayNameTrial(node));
    pending.read(look, look);
    if (named) found();
  }

  if (namesTrial(doc)) {
    // Called after `createDetector` returns, as for a later find.
    queueMicrotask(() => !done && found());
  } else {
    observer = new MutationObserver((records) => {
      pending.take(records);
      if (scheduled || pending.isEmpty) return;
      scheduled = true;
      scheduleBatch(readBatch);
    });
    observer.observe(doc, { childList: true, subtree: true, characterData: true });
  }
  return { stop };
}
