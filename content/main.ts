/**
 * The content script's life in one frame: run the page's session unless the reader turned the
 * extension off on this site, follow the settings as they change, answer the popup, and stop cleanly
 * when the extension goes away.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { browser as Browser } from 'wxt/browser';
import { isTabMessage, type TabAnswer, type TabMessage } from '@/lib/messaging';
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

export function startContentScript(ctx: ContentScriptContext, browser: typeof Browser): void {
  // WXT stops a content script when a newer copy of it announces itself with this event. Browsers do
  // not inject a newer copy into an open page (an updated extension's old scripts are noticed by the
  // alive check below), but any page can dispatch the event, whose name follows from the public
  // extension ID, and so stop us: it is swallowed before WXT's listener on `document` sees it.
  // (The name is WXT's `getUniqueEventName('wxt:content-script-started')`: `<id>:<entrypoint>:<event>`.)
  window.addEventListener(
    `${browser.runtime.id}:nct:wxt:content-script-started`,
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

  const onMessage = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id || !isTabMessage(message)) return undefined;
    if (!session) return Promise.resolve(offAnswer(message));
    const handler = session.handlers[message.type] as (m: TabMessage) => TabAnswer;
    return Promise.resolve(handler(message));
  };
  browser.runtime.onMessage.addListener(onMessage);

  ctx.onInvalidated(() => {
    unwatch();
    browser.runtime.onMessage.removeListener(onMessage);
    session?.stop();
    session = undefined;
  });
  ctx.setInterval(() => undefined, ALIVE_CHECK_MS);
}
