import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '@/content/main';

// Wiring only: the content script's runtime lives in content/.
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  // Frames written by the page itself (srcdoc, about:blank) hold article text too.
  matchAboutBlank: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  // No postMessage naming the extension on every page (fingerprinting); see content/main.ts for the
  // "newer script started" event.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startContentScript(ctx, browser);
  },
});
