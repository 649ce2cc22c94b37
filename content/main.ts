/**
 * The content script's life in one frame once the page names a trial (loaded then by content/eager.ts):
 * run the page's session unless the reader turned the extension off on this site, follow the settings
 * as they change, answer the popup, and stop cleanly when the extension goes away.
 */
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { TabAnswer, TabMessage } from '@/lib/messaging';
import {
  DEFAULT_SETTINGS,
  isOffOn,
  loadSettings,
  watchSettings,
  type Settings,
} from '@/lib/storage/settings';
import { startSession, type Session } from './session';

/**
 * How often to ask whether the extension is still there. A disabled or reloaded extension sends no
 * event to its old content scripts; `ctx.setInterval` reads `ctx.isValid` before each tick, which
 * notices the missing runtime and fires `onInvalidated`.
 */
const ALIVE_CHECK_MS = 2000;

/** What a frame where the extension is off answers. */
function offAnswer(message: TabMessage): TabAnswer {
  switch (message.type) {
    case 'listTrials':
      return { host: location.host, off: true, ids: [] };
    case 'revealTrial':
    case 'stepTrial':
      return { revealed: false };
    case 'openCard':
    case 'openFocusedCard':
      return { opened: false };
  }
}

/** What the eager content script (content/eager.ts) gets back once this part has loaded. */
export interface PageScript {
  /** The answer to a message from our popup or background, already checked with `isTabMessage`. */
  answer(message: TabMessage): TabAnswer;
}

export function startContentScript(): PageScript {
  // WXT's context: it notices when the extension goes away (the alive check below) and stops us then.
  const ctx = new ContentScriptContext('nct', { noScriptStartedPostMessage: true });
  // WXT stops a content script when a newer copy of it announces itself with this event. Browsers do
  // not inject a newer copy into an open page (an updated extension's old scripts are noticed by the
  // alive check), but any page can dispatch the event, whose name follows from the public extension
  // ID, and so stop us: it is swallowed before WXT's listener on `document` sees it.
  // (The name is WXT's `getUniqueEventName('wxt:content-script-started')`: `<id>:<entrypoint>:<event>`.)
  window.addEventListener(
    `${browser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`,
    (event) => event.stopImmediatePropagation(),
    { capture: true, signal: ctx.signal },
  );
  let session: Session | undefined;
  let settings: Settings = DEFAULT_SETTINGS;
  const sync = () => {
    if (ctx.isInvalid) return;
    if (isOffOn(settings, location.host)) {
      session?.stop();
      session = undefined;
    } else if (session) session.apply(settings);
    else session = startSession(document, settings);
  };
  void loadSettings().then((loaded) => {
    settings = loaded;
    sync();
  });
  const unwatch = watchSettings((changed) => {
    settings = changed;
    sync();
  });

  ctx.onInvalidated(() => {
    unwatch();
    session?.stop();
    session = undefined;
  });
  ctx.setInterval(() => undefined, ALIVE_CHECK_MS);

  return {
    answer(message) {
      if (!session) return offAnswer(message);
      const handler = session.handlers[message.type] as (m: TabMessage) => TabAnswer;
      return handler(message);
    },
  };
}
