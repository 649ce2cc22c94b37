/**
 * What the eager detector (detector.ts) and the scanner (scanner.ts) share about reading a page: the
 * quick text test, the registry links, and when a batch of the page's changes is read. Small and
 * import-free, because the eager detector runs in every frame.
 */

/** Every spelling of an ID the grammar accepts contains these letters (lib/nct.ts). */
export const NCT_LETTERS = /nct/i;

/** Links the scanner marks: registry records and single-ID searches (`nctIdFromHref` in lib/nct.ts). */
export const REGISTRY_LINKS = 'a[href*="clinicaltrials.gov" i]';

/** Longest a batch of page changes waits for an idle period before it is looked at anyway. */
const BATCH_TIMEOUT_MS = 300;

/** Runs `run` at the next idle period (or after a short timeout where there is none). */
export function atIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: BATCH_TIMEOUT_MS });
  else setTimeout(run, 50);
}
