import { CARD_HOST_TAG } from '@/lib/card/host';
import { createScanner } from '@/lib/scan/scanner';

/**
 * How often to ask whether the extension is still there. A disabled or reloaded extension sends no
 * event to its old content scripts; `ctx.setInterval` reads `ctx.isValid` before each tick, which
 * notices the missing runtime and fires `onInvalidated`.
 */
const ALIVE_CHECK_MS = 2000;

// Wiring only: find and mark IDs in every frame of every page, then follow the page as it changes.
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  // Frames written by the page itself (srcdoc, about:blank) hold article text too.
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    const scanner = createScanner(document, { ownHosts: [CARD_HOST_TAG] });
    const root = document.body ?? document.documentElement;
    void scanner.scan(root);
    scanner.observe(root);
    // Reloaded, updated or disabled extension: leave the page exactly as it was.
    ctx.onInvalidated(() => scanner.destroy());
    ctx.setInterval(() => undefined, ALIVE_CHECK_MS);
  },
});
