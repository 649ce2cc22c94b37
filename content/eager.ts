/**
 * The content script every frame of every page loads (the manifest's). Most pages name no trial, so
 * it does as little as a one-line test would: it watches for an ID or a registry link
 * (lib/scan/detector.ts) without touching the extension API, the webextension-polyfill or WXT's content
 * script context. The rest (content/main.ts: scanner, card frame, chips, settings) is a module of ours
 * loaded with `import()` once something is found, or when our popup or background asks this frame.
 */
import type { browser as Browser } from 'wxt/browser';
import { isTabMessage } from '@/lib/tab-message';
import { createDetector } from '@/lib/scan/detector';
import type { PageScript } from './main';

/**
 * Where the build puts the rest (scripts/build/lazy-content.ts). Web-accessible with a dynamic URL in
 * Chrome (a new one every session), so a page cannot use its address to fingerprint the extension.
 */
export const PAGE_SCRIPT_PATH = '/content-scripts/nct-page.js';

/** What the module at {@link PAGE_SCRIPT_PATH} exports (entrypoints/nct-eager/page.ts). */
export interface PageModule {
  start(): PageScript;
}

/**
 * The browser's own extension API, under its Chrome name (Firefox has it too), touched only when
 * needed: its first touch sets up the bindings in the frame, which costs more than the rest of this
 * script (bench/idle.mjs). No polyfill here: answers go by `sendResponse`, alike in both browsers.
 */
declare const chrome: typeof Browser;

export function startEagerScript(): void {
  let page: Promise<PageScript> | undefined;
  const load = (): Promise<PageScript> => {
    if (!page) {
      // Written as `chrome.runtime.getURL(…)` inside `import()`: the form Firefox's add-on linter
      // accepts for a dynamic import.
      page = import(/* @vite-ignore */ chrome.runtime.getURL(PAGE_SCRIPT_PATH)).then((module: PageModule) =>
        module.start(),
      );
      listen();
    }
    return page;
  };

  const detector = createDetector(document, { onFound: () => void load().catch(() => undefined) });

  // Our popup and commands ask the top frame (frame 0); a context menu asks the frame it was used in,
  // which has found its ID by then. So only the top frame listens from the start: it loads the rest
  // if it is not there yet and answers for a page without trials too.
  let listening = false;
  function listen() {
    if (listening) return;
    listening = true;
    chrome.runtime.onMessage.addListener(
      (message: unknown, sender: { id?: string }, sendResponse: (answer?: unknown) => void) => {
        if (!chrome.runtime?.id || sender.id !== chrome.runtime.id || !isTabMessage(message)) return false;
        detector.stop();
        load().then(
          (script) => sendResponse(script.answer(message)),
          () => sendResponse(undefined),
        );
        return true;
      },
    );
  }
  if (window === window.top) listen();
}
