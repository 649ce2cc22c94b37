/**
 * What the eager detector (detector.ts) and the scanner (scanner.ts) share about reading a page: the
 * registry links, and when a batch of the page's changes is read. Small and import-free, because the
 * eager detector runs in every frame.
 */

/** Links the scanner marks: registry records and single-ID searches (`nctIdFromHref` in lib/nct.ts). */
export const REGISTRY_LINKS = 'a[href*="clinicaltrials.gov" i]';

/** Longest a batch of page changes waits for an idle period before it is looked at anyway. */
const BATCH_TIMEOUT_MS = 300;

/** Runs `run` at the next idle period (or after a short timeout where there is none). */
export function atIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: BATCH_TIMEOUT_MS });
  else setTimeout(run, 50);
}

/**
 * The page's changes since the last batch, kept as the nodes to look at then: not the mutation records,
 * which would keep alive everything a DOM storm adds and removes until the batch. Of a change that adds
 * more than `manyAdded` nodes at once, its parent is kept instead.
 */
export class PendingChanges {
  private readonly changedTexts = new Set<Node>();
  private readonly addedNodes = new Set<Node>();

  constructor(private readonly manyAdded: number) {}

  take(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') this.changedTexts.add(record.target);
      else if (record.addedNodes.length > this.manyAdded) this.addedNodes.add(record.target);
      else for (const added of record.addedNodes) this.addedNodes.add(added);
    }
  }

  get isEmpty(): boolean {
    return this.changedTexts.size === 0 && this.addedNodes.size === 0;
  }

  /**
   * Hands over what changed, texts first, and forgets it. Nodes the page has removed again since need
   * no look and are skipped. A callback returning true stops the reading (the rest is dropped).
   */
  read(onText: (text: Node) => boolean, onAdded: (node: Node) => boolean): void {
    try {
      for (const text of this.changedTexts) if (text.isConnected && onText(text)) return;
      for (const node of this.addedNodes) if (node.isConnected && onAdded(node)) return;
    } finally {
      this.clear();
    }
  }

  clear(): void {
    this.changedTexts.clear();
    this.addedNodes.clear();
  }
}
