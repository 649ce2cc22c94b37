/**
 * Finds and marks NCT IDs in a document: once at start, then incrementally as the page changes.
 *
 * Why it is shaped like this:
 * - A plain TreeWalker over text nodes is the cheapest walk there is (see bench/); the expensive checks
 *   (is this inside a script, an input, an editor?) run only for the rare text nodes that hold an ID.
 * - Work runs in slices of up to a frame ({@link SLICE_MS}) and yields between them, so a 2.5 MB page
 *   with 2,000 IDs never blocks the page for a long task (> 50 ms). Each slice fills its time (walk,
 *   then the wraps of what the walk found): each slice boundary costs CPU (see SLICE_MS).
 * - Mutations are handled by scanning only the nodes that were added or changed, so the cost follows
 *   what the page added, not the size of the page.
 * - Our own DOM changes are taken out of the observer's queue as they happen, so we never rescan what
 *   we just marked.
 */
import { canonicalRecordId, nctIdFromHref, type NctId } from '../nct';
import { MARK_TAG, isMark, markLink, markedId, unmarkAll, unmarkLink, unwrap, wrapMatches } from './mark';
import { PendingChanges, REGISTRY_LINKS, atIdle } from './page-changes';
import { yieldToPage as defaultYield } from './yield';
import { SKIP_TAGS, findHitIn, placementOf, type Hit, type PlacementMemo } from './placement';

export interface ScannerOptions {
  /** Longest uninterrupted piece of work, in milliseconds. */
  sliceMs?: number;
  /** Marks per page at most; IDs past this are left alone (a hostile or giant page). */
  maxMarks?: number;
  /** Tag names (lower case) of our own UI hosts, never scanned. */
  ownHosts?: readonly string[];
  /** Gives the page a turn between slices. */
  yieldToPage?: () => Promise<void>;
  /** Told about every element marked (wrappers and trial links), e.g. to prefetch visible IDs. */
  onMarked?: (elements: HTMLElement[]) => void;
  /**
   * Runs the work the page's changes queued, later (an idle period by default): a page changing
   * thousands of nodes a frame pays for one look at what is still there, not one per change.
   */
  scheduleBatch?: (run: () => void) => void;
}

export interface Scanner {
  /** Scans `root` (and later whatever is added under the observed root). Resolves when idle. */
  scan(root: Node): Promise<void>;
  /** Watches `root` for added or changed content. */
  observe(root: Node): void;
  /** Resolves when every queued piece of work is done. */
  idle(): Promise<void>;
  /** Stops observing and puts the page back as it was. */
  destroy(): void;
  /** How many IDs are currently marked (wrappers, not links). */
  readonly markCount: number;
}

/**
 * IDs wrapped in one slice at most, whatever the clock says: a bound on a slice where wrapping is far
 * slower than the page's wraps so far suggest.
 */
const MAX_IDS_PER_SLICE = 1024;
/**
 * What wrapping one ID is taken to cost (ms) until this page has wrapped enough to tell: about twice
 * what it costs on the bench pages (bench/README.md, "slices that fill their time").
 */
const FIRST_WRAP_MS_PER_ID = 0.01;
/** IDs a slice must have wrapped for its time per ID to be the next slices' estimate. */
const WRAPS_TO_MEASURE = 64;
/** How many text nodes to walk between clock reads (reading the clock per node costs more than the walk). */
const NODES_PER_CLOCK_CHECK = 64;

/** Every spelling of an ID the grammar accepts contains these letters (lib/nct.ts). */
const NCT_LETTERS = /nct/i;

/**
 * The one attribute whose changes the scanner watches: a framework that reuses a link element for
 * another row points it at another trial by changing only its `href`, and a marked link must then stand
 * for the trial it points at now, never the one it pointed at when it was marked.
 */
const LINK_ADDRESS = 'href';

/** From this many nodes added in one change, the change's parent is walked instead (a DOM storm). */
const MANY_ADDED = 256;

/**
 * A slice's time (ms): one frame at 60 Hz, far from a long task (50 ms). Each slice boundary costs
 * CPU: the placements worked out so far are dropped, and after the page's turn the same DOM changes
 * cost more. So fewer, longer slices cost less: the 2.5 MB page takes 2 slices instead of 4 with 8 ms,
 * about 1.4 ms less (bench/README.md, "a slice a frame").
 */
const SLICE_MS = 16;

/**
 * The trial a link points at. Its address as written is read first: a registry link is nearly always
 * written out whole, and that spares resolving it against the page's address (`link.href`) for each
 * of a page's registry links.
 */
function linkedTrial(link: HTMLAnchorElement): NctId | undefined {
  return canonicalRecordId(link.getAttribute('href') ?? '') ?? nctIdFromHref(link.href);
}

export function createScanner(doc: Document, options: ScannerOptions = {}): Scanner {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const maxMarks = options.maxMarks ?? 5000;
  const yieldToPage = options.yieldToPage ?? defaultYield;
  const skipTags = new Set([...SKIP_TAGS, ...(options.ownHosts ?? [])]);
  /** Placements read in the current slice (cleared when a slice ends or we mark a link). */
  const placements: PlacementMemo = new Map();
  const findHit = (text: Text) => findHitIn(text, skipTags, placements);

  const scheduleBatch = options.scheduleBatch ?? atIdle;
  /** Nodes to look at, from `head` on (an index, not `shift()`: a storm queues thousands). */
  const queue: Node[] = [];
  let head = 0;
  /** Roots a caller asked to scan (the page itself), walked without the text pre-test. */
  const asked = new WeakSet<Node>();
  /** The page's changes waiting for their batch. */
  let batch: Promise<void> | undefined;
  let walk: { root: Node; walker: TreeWalker } | undefined;
  let marks = 0;
  /** Whether this slice took a text from the queue: it may be found twice (see wrappedSinceFound). */
  let sliceTookText = false;
  /** What wrapping an ID has cost on this page (ms), so that a slice leaves room for its wraps. */
  let wrapMsPerId = FIRST_WRAP_MS_PER_ID;
  let running: Promise<void> | undefined;
  let observer: MutationObserver | undefined;
  let destroyed = false;

  /** Runs a DOM change of ours, keeping the page's pending mutations but dropping the ones we cause. */
  function quietly(change: () => void): void {
    if (observer) takeRecords(observer.takeRecords());
    change();
    observer?.takeRecords();
  }

  function capReached(): boolean {
    if (marks < maxMarks) return false;
    // Pages that replace content (infinite scroll) remove marks; count what is really there.
    marks = doc.querySelectorAll(MARK_TAG).length;
    return marks >= maxMarks;
  }

  /**
   * Wraps the hits of one slice, last first (as the plain splitText wrap does: nothing found earlier
   * moves). Returns the node a walker standing on `walkerAt` should continue from.
   */
  function wrapHits(hits: Hit[], walkerAt: Node | null): Node | null {
    let resume = walkerAt;
    const created: HTMLElement[] = [];
    const started = performance.now();
    const marksBefore = marks;
    quietly(() => {
      for (let i = hits.length - 1; i >= 0; i--) {
        const hit = hits[i];
        if (!hit || (sliceTookText && wrappedSinceFound(hit))) continue;
        const room = maxMarks - marks;
        if (room <= 0) break;
        const matches = hit.matches.length > room ? hit.matches.slice(0, room) : hit.matches;
        const last = wrapMatches(hit.text, matches, hit.focusable, created);
        if (hit.text === walkerAt) resume = last;
        marks += matches.length;
      }
    });
    sliceTookText = false;
    const made = marks - marksBefore;
    if (made >= WRAPS_TO_MEASURE) wrapMsPerId = (performance.now() - started) / made;
    hits.length = 0;
    if (created.length > 0) options.onMarked?.(created);
    return resume;
  }

  /**
   * A text the page changed inside content it added in the same batch is queued twice (as a changed
   * text and inside the added element), so found twice: once one hit is wrapped, the text is shorter or
   * inside our mark, and the other hit's offsets no longer hold. (Not a set of wrapped texts: hashing
   * each of a page's thousands of text nodes costs about a millisecond, bench/README.md.)
   */
  function wrappedSinceFound(hit: Hit): boolean {
    const parent = hit.text.parentNode;
    return hit.text.length !== hit.length || (parent !== null && isMark(parent));
  }

  /** Marks the registry links in `root` (and `root` itself), all at once. */
  function markLinks(root: Element): void {
    const candidates = Array.from(root.querySelectorAll<HTMLAnchorElement>(REGISTRY_LINKS));
    if (root.localName === 'a') candidates.unshift(root as HTMLAnchorElement);
    const found: [HTMLAnchorElement, NctId][] = [];
    for (const link of candidates) {
      // Already ours (asked of our own map: no attribute the page can write makes us skip a link).
      if (markedId(link)) continue;
      const id = linkedTrial(link);
      if (id && placementOf(link, skipTags, placements).markable) found.push([link, id]);
    }
    if (found.length === 0) return;
    quietly(() => found.forEach(([link, id]) => markLink(link, id)));
    // Text inside these links now sits in trial links, which the placements worked out so far do not say.
    placements.clear();
    options.onMarked?.(found.map(([link]) => link));
  }

  /** Works through the queue until the deadline. Returns true when there is nothing left to do. */
  function runSlice(deadline: number): boolean {
    const hits: Hit[] = [];
    try {
      return walkUntil(deadline, hits);
    } finally {
      // The page may change anything before the next slice.
      placements.clear();
      const at = walk?.walker.currentNode ?? null;
      const resume = wrapHits(hits, at);
      if (walk && resume && resume !== at) walk.walker.currentNode = resume;
    }
  }

  function walkUntil(deadline: number, hits: Hit[]): boolean {
    /** IDs found in this slice: they are wrapped at its end, within its time. */
    let ids = 0;
    let sinceClockCheck = 0;
    /**
     * Takes a text node's hit, if any, and reads the clock when {@link NODES_PER_CLOCK_CHECK} nodes have
     * been counted; true when the slice ends here. The walk counts each node itself and calls this only
     * for a hit or a clock read: a call for each of a large page's text nodes cost about 1% of its scan
     * (bench/README.md, "a link's address as written").
     */
    const full = (hit: Hit | undefined): boolean => {
      if (hit) {
        hits.push(hit);
        ids += hit.matches.length;
        if (ids >= MAX_IDS_PER_SLICE) return true;
      }
      if (sinceClockCheck < NODES_PER_CLOCK_CHECK) return false;
      sinceClockCheck = 0;
      // Time is up once the wraps of what was found would fill what is left of the slice.
      return performance.now() + ids * wrapMsPerId >= deadline;
    };
    for (;;) {
      if (destroyed || capReached()) {
        clearQueue();
        walk = undefined;
        return true;
      }
      if (!walk) {
        const next = queue[head++];
        if (!next) {
          clearQueue();
          return true;
        }
        if (!next.isConnected || (next.parentNode && isMark(next.parentNode))) continue;
        if (next.nodeType === Node.TEXT_NODE) {
          sliceTookText = true;
          const hit = findHit(next as Text);
          if ((++sinceClockCheck >= NODES_PER_CLOCK_CHECK || hit) && full(hit)) return false;
          continue;
        }
        if (next.nodeType !== Node.ELEMENT_NODE && next.nodeType !== Node.DOCUMENT_NODE) continue;
        const element =
          next.nodeType === Node.DOCUMENT_NODE ? (next as Document).documentElement : (next as Element);
        if (!element || isMark(element)) continue;
        // Cheap tests first: most added content has no link and no ID.
        const firstLook = asked.has(next);
        if (firstLook || element.localName === 'a' || element.getElementsByTagName('a').length > 0)
          markLinks(element);
        // (Not for a page's first scan: its walk finds the same at about the cost of reading the text.)
        if (!firstLook && !NCT_LETTERS.test(element.textContent ?? '')) continue;
        walk = { root: element, walker: doc.createTreeWalker(element, NodeFilter.SHOW_TEXT) };
      }
      const { walker, root } = walk;
      // The page may have removed the node we stopped at; the rest of the root is then walked afresh
      // (already marked IDs are skipped, so nothing is marked twice).
      if (!root.isConnected) {
        walk = undefined;
        continue;
      }
      if (!root.contains(walker.currentNode)) walker.currentNode = root;
      for (let node = walker.nextNode(); ; node = walker.nextNode()) {
        if (!node) {
          walk = undefined;
          break;
        }
        const hit = findHit(node as Text);
        if ((++sinceClockCheck >= NODES_PER_CLOCK_CHECK || hit) && full(hit)) return false;
      }
    }
  }

  async function drain(): Promise<void> {
    // Start on a later microtask: the caller (often a MutationObserver callback) finishes first.
    await Promise.resolve();
    readPending();
    while (!runSlice(performance.now() + sliceMs)) {
      await yieldToPage();
      readPending();
    }
  }

  function clearQueue(): void {
    queue.length = 0;
    head = 0;
  }

  function pump(): Promise<void> {
    running ??= drain().finally(() => {
      running = undefined;
      // Work queued while the last slice was finishing would otherwise wait for the next mutation.
      if ((queue.length > head || hasPending()) && !destroyed) void pump();
    });
    return running;
  }

  /** Looks at the page's changes in one batch, later: by then a storm's nodes are mostly gone. */
  function pumpLater(): void {
    batch ??= new Promise<void>((resolve) =>
      scheduleBatch(() => {
        batch = undefined;
        void pump().then(resolve, resolve);
      }),
    );
  }

  function enqueue(node: Node): void {
    if (destroyed || doc.designMode === 'on') return;
    queue.push(node);
  }

  const changes = new PendingChanges(MANY_ADDED);
  /**
   * Links whose address the page changed since the last batch (kept here, not in PendingChanges: the
   * eager detector shares that class, runs in every frame and never watches attributes).
   */
  const changedLinks = new Set<Element>();
  const takeRecords = (records: MutationRecord[]) => {
    for (const record of records)
      if (record.type === 'attributes' && (record.target as Element).localName === 'a')
        changedLinks.add(record.target as Element);
    changes.take(records);
  };
  const hasPending = () => changedLinks.size > 0 || !changes.isEmpty;

  function readPending(): void {
    // Links first: what a link names decides how its text is marked (a row whose link and text the page
    // changed together).
    for (const link of changedLinks) if (link.isConnected) lookAgainAtLink(link as HTMLAnchorElement);
    changedLinks.clear();
    changes.read(
      (text) => {
        const parent = text.parentNode;
        // The page rewrote the text of a marked ID (a framework updating a text node in place): the
        // mark no longer tells the truth, so take it away and look at the new text.
        if (parent && isMark(parent)) {
          const container = parent.parentNode;
          quietly(() => unwrap(parent));
          if (container) enqueue(container);
        } else {
          enqueue(text);
        }
        return false;
      },
      (added) => {
        if (!isMark(added)) enqueue(added);
        return false;
      },
    );
  }

  /**
   * A link the page pointed elsewhere (a framework reusing the element for another row). Unless it
   * still names the trial we marked it for, our mark on it and in it may no longer be true: both go, and
   * the link is looked at afresh (marked for what it names now, if anything). A link that named no trial
   * and names none now, with no mark inside, needs nothing: a page that rewrites many links' addresses
   * (tracking redirects, a rotating banner) costs one address read each.
   */
  function lookAgainAtLink(link: HTMLAnchorElement): void {
    const id = markedId(link);
    const now = linkedTrial(link);
    if (id ? id === now : !now && !link.querySelector(MARK_TAG)) return;
    quietly(() => {
      unmarkLink(link);
      unmarkAll(link);
    });
    enqueue(link);
  }

  return {
    get markCount() {
      return marks;
    },
    scan(root) {
      asked.add(root);
      enqueue(root);
      return pump();
    },
    observe(root) {
      if (destroyed) return;
      observer = new MutationObserver((records) => {
        takeRecords(records);
        pumpLater();
      });
      observer.observe(root, {
        childList: true,
        subtree: true,
        characterData: true,
        attributeFilter: [LINK_ADDRESS],
      });
    },
    async idle() {
      await batch;
      await running;
    },
    destroy() {
      destroyed = true;
      observer?.disconnect();
      observer = undefined;
      changes.clear();
      changedLinks.clear();
      clearQueue();
      walk = undefined;
      if (doc.body) unmarkAll(doc.body);
      marks = 0;
    },
  };
}
