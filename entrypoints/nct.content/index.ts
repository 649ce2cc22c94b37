import { createScanner } from '@/lib/scan/scanner';
import { CARD_HOST_TAG } from '@/lib/card/host';

// Wiring only: find and mark IDs in every frame of every page, then follow the page as it changes.
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    const scanner = createScanner(document, { ownHosts: [CARD_HOST_TAG] });
    const root = document.body ?? document.documentElement;
    void scanner.scan(root);
    scanner.observe(root);
    // Reloaded, updated or disabled extension: leave the page exactly as it was.
    ctx.onInvalidated(() => scanner.destroy());
  },
});
