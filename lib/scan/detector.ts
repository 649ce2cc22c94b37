/**
 * Whether a page names a trial at all, at the least cost: what every frame of every page runs before
 * anything else of ours loads (most pages name none). One look for registry links and one walk of the
 * page's text nodes; then, while none is found, the page's changes are read in one batch
 * at an idle period (the nodes added, or the parent of many), skipping nodes removed since.
 * `onFound` is called at most once; the scanner (loaded then) takes it from there.
 */
import { hasNctId, idSignIn } from '../nct';
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
  const isText = node.nodeType === Node.TEXT_NODE;
  if (!isText && node.nodeType !== Node.ELEMENT_NODE) return false;
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
 * The first look at the page: its text nodes one by one (building `body.textContent` of a 2.5 MB page
 * costs several times more than walking it), each with one regex call (`idSignIn`); an ID
 * split across elements (`<b>NCT</b>06056921`) is seen in the text of the grandparent of a node that
 * ends with its first piece.
 *
 * Everything is asked of the document itself, never of `document.body`: the first element a content
 * script touches in a frame makes the browser build the element interfaces (`Element`,
 * `HTMLElement`) for our isolated world, which costs more than the rest of this look on a small frame
 * (bench/README.md, "Idle cost: the first element touched"). So the walk also reads the head's
 * text (a title, inline scripts): at worst an ID there loads the scanner, which skips it.
 */
function namesTrial(doc: Document): boolean {
  if (doc.querySelector(REGISTRY_LINKS)) return true;
  const walker = doc.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const sign = idSignIn((node as Text).data);
    if (sign === 'id') return true;
    if (sign === 'split' && hasNctId(node.parentNode?.parentNode?.textContent ?? '')) return true;
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
