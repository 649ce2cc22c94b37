/**
 * The background worker as the unit tests start it: over WXT's fakeBrowser, with a fetch that answers
 * from a handler the test sets and records every URL, and a sleep that records each back-off instead
 * of waiting. `start()` again is a service-worker restart. Each test file calls `useBackground()`.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground, type StartedBackground } from '@/background/start';
import type { TrialResult } from '@/lib/messaging';
import { bareStudy } from '../fixtures/studies';

export type Handler = (url: URL) => Response | Promise<Response>;

export const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });

/** Answers a `filter.ids` request with a bare study for each ID asked, or one study for /studies/{id}. */
export const answerEveryId: Handler = (url) => {
  const ids = url.searchParams.get('filter.ids');
  if (ids) return json({ studies: ids.split(',').map(bareStudy) });
  return json(bareStudy(url.pathname.split('/').pop() ?? ''));
};

export interface BackgroundUnderTest {
  /** How the fake registry answers; `answerEveryId` at the start of each test. */
  handler: Handler;
  /** Every URL fetched. */
  requests: URL[];
  /** Every back-off the background asked for: the tests never wait in real time. */
  waits: number[];
  /** Holds every back-off until the returned function is called: requests after the first wait. */
  holdTurns(): () => void;
  /** (Re)starts the background: a service-worker restart. */
  start(): void;
  /** Sends a message as one of our own content scripts would, and waits for the background's answer. */
  ask(message: unknown, sender?: { id?: string }): Promise<unknown>;
  getTrials(ids: string[]): Promise<TrialResult[]>;
  /** The IDs of each request, in order. */
  idsAsked(): string[][];
}

/** fakeBrowser has no context menus or commands; the background registers both. */
function stubMenusAndCommands() {
  for (const event of [
    fakeBrowser.contextMenus.onClicked,
    fakeBrowser.commands.onCommand,
    fakeBrowser.webRequest.onHeadersReceived,
    fakeBrowser.permissions.onAdded,
    fakeBrowser.permissions.onRemoved,
  ]) {
    vi.spyOn(event, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(event, 'removeListener').mockImplementation(() => undefined);
  }
  vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(() => 0);
}

export function useBackground(): BackgroundUnderTest {
  let started: StartedBackground | undefined;
  let held: Promise<void> | undefined;
  const bg: BackgroundUnderTest = {
    handler: answerEveryId,
    requests: [],
    waits: [],
    start() {
      started?.stop();
      started = startBackground({
        browser: fakeBrowser,
        fetch: async (input) => {
          const url = new URL(String(input));
          bg.requests.push(url);
          return bg.handler(url);
        },
        now: () => Date.now(),
        sleep: async (ms) => {
          bg.waits.push(ms);
          await held;
        },
      });
    },
    holdTurns() {
      let release: () => void = () => undefined;
      held = new Promise((resolve) => (release = resolve));
      return () => {
        held = undefined;
        release();
      };
    },
    async ask(message, sender = { id: fakeBrowser.runtime.id }) {
      const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined);
      return answers[0];
    },
    async getTrials(ids) {
      return (await bg.ask({ type: 'getTrials', ids })) as TrialResult[];
    },
    idsAsked: () =>
      bg.requests.map(
        (url) => url.searchParams.get('filter.ids')?.split(',') ?? [url.pathname.split('/').pop() ?? ''],
      ),
  };
  beforeEach(() => {
    fakeBrowser.reset();
    stubMenusAndCommands();
    bg.requests.length = 0;
    bg.waits.length = 0;
    bg.handler = answerEveryId;
    held = undefined;
    bg.start();
  });
  afterEach(() => {
    started?.stop();
    started = undefined;
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
  return bg;
}
