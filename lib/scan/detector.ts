/**
 * Whether a page names a trial at all, at the least cost: what every frame of every page runs before
 * anything else of ours loads (most pages name none). One test of the page's text with the ID grammar
 * and one look for registry links; then, while none is found, the page's changes are read in one batch
 * at an idle period, skipping nodes removed since and elements whose text could not hold an ID.
 * `onFound` is called at most once; the scanner (loaded then) takes it from there.
 */
import { hasNctId } from '../nct';

/** Links the scanner marks (lib/scan/scanner.ts): registry records and single-ID searches. */
export const REGISTRY_LINKS = 'a[href*="clinicaltrials.gov" i]';

/** Every spelling of an ID the grammar accepts contains these letters (lib/nct.ts). */
const NCT_LETTERS = /nct/iu;

/** How long a batch of the page's changes may wait for an idle period. */
const BATCH_TIMEOUT_MS = 300;

export interface DetectorOptions {
  onFound(): void;
  /** When to read the page's changes (an idle period by default; tests run it at once). */
  scheduleBatch?(run: () => void): void;
}

export interface Detector {
  stop(): void;
}

const idleBatch = (run: () => void) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: BATCH_TIMEOUT_MS });
  else setTimeout(run, 50);
};

/** Whether a node added to the page may name a trial (text with an ID, or a registry link). */
function mayNameTrial(node: Node): boolean {
  if (!node.isConnected) return false;
  if (node.nodeType === Node.TEXT_NODE) return hasNctId((node as Text).data);
  if (node.nodeType !== Node.ELEMENT_NODE) return false;
  const element = node as Element;
  const text = element.textContent ?? '';
  // An ID may be split across this element and its neighbours ("NCT" + "01234567" added apart):
  // the parent's text is read when this one has the letters but not a whole ID.
  if (NCT_LETTERS.test(text) && (hasNctId(text) || hasNctId(element.parentNode?.textContent ?? '')))
    return true;
  if (element.localName !== 'a' && element.getElementsByTagName('a').length === 0) return false;
  return element.matches(REGISTRY_LINKS) || element.querySelector(REGISTRY_LINKS) !== null;
}

function namesTrial(doc: Document): boolean {
  const root = doc.body ?? doc.documentElement;
  return !!root && (hasNctId(root.textContent ?? '') || root.querySelector(REGISTRY_LINKS) !== null);
}

export function createDetector(doc: Document, options: DetectorOptions): Detector {
  const scheduleBatch = options.scheduleBatch ?? idleBatch;
  let observer: MutationObserver | undefined;
  let pending: MutationRecord[] = [];
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
    pending = [];
  }
  function readBatch() {
    scheduled = false;
    const records = pending;
    pending = [];
    for (const record of records) {
      if (done) return;
      if (record.type === 'characterData') {
        if (record.target.isConnected && hasNctId((record.target as CharacterData).data)) return found();
        continue;
      }
      for (const node of record.addedNodes) if (mayNameTrial(node)) return found();
    }
  }

  if (namesTrial(doc)) {
    // Called after `createDetector` returns, as for a later find.
    queueMicrotask(() => !done && found());
  } else {
    observer = new MutationObserver((records) => {
      for (const record of records) pending.push(record);
      if (scheduled) return;
      scheduled = true;
      scheduleBatch(readBatch);
    });
    observer.observe(doc, { childList: true, subtree: true, characterData: true });
  }
  return { stop };
}
