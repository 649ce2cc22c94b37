/**
 * The background's answer to each request of the protocol, after zod has checked its shape
 * (`lib/messaging.schema.ts`): content scripts run beside untrusted pages, so a message of the wrong
 * shape is refused with a reason, never obeyed.
 */
import {
  trialError,
  type BackgroundAnswer,
  type CacheInfo,
  type Handlers,
  type Refusal,
} from '@/lib/messaging';
import type { BackgroundProtocol, FullViewSection } from '@/lib/messaging';
import { parseBackgroundMessage } from '@/lib/messaging.schema';
import { parseNctId, type NctId } from '@/lib/nct';
import type { TrialService } from './trial-service';

export interface Services {
  /** What cards show, batched. */
  trials: TrialService;
  /** What the full view shows, one trial at a time. */
  details: TrialService;
  /** Opens the full view of a trial in a new tab. */
  openFullView(id: NctId, section?: FullViewSection): Promise<void>;
  /** Shows a page's trial count on the toolbar button of its tab, if the reader wants it. */
  showCount(tabId: number, count: number): Promise<boolean>;
  openOptions(): Promise<void>;
}

/** Who sent a message: a content script in a tab, or one of our pages (`url` is the sender's document). */
export interface MessageSender {
  tab?: { id?: number };
  url?: string;
}

/** Extension tabs a tab may open per minute: a reader clicks a few; a page driving us would flood. */
export const TABS_PER_MINUTE = 5;

function sumInfo(a: CacheInfo, b: CacheInfo): CacheInfo {
  return { entries: a.entries + b.entries, bytes: a.bytes + b.bytes };
}

export function backgroundHandlers(
  services: Services,
  context: { ownPage(url: string | undefined): boolean; now(): number },
): Handlers<BackgroundProtocol, MessageSender> {
  const opened = new Map<number, number[]>();
  /** A full view opens only for a click in one of our own pages (the card frame, the popup), a few a minute per tab. */
  const mayOpenTab = (sender: MessageSender): boolean => {
    if (!context.ownPage(sender.url)) return false;
    const key = sender.tab?.id ?? -1;
    const now = context.now();
    const recent = (opened.get(key) ?? []).filter((at) => now - at < 60_000);
    if (recent.length >= TABS_PER_MINUTE) return false;
    opened.set(key, [...recent, now]);
    return true;
  };
  return {
    // The reader's own look first; a page's prefetch waits in its tab's lane (no tab fills the queue).
    getTrials: ({ ids, priority }, sender) =>
      services.trials.getTrials(ids, { priority: priority ?? 'urgent', tab: sender.tab?.id ?? -1 }),
    dropPrefetches({ ids }, sender) {
      const tab = sender.tab?.id;
      const valid = ids.map((raw) => parseNctId(raw)).filter((id) => id !== undefined);
      return { dropped: tab === undefined ? 0 : services.trials.dropPrefetches(tab, valid) };
    },
    async getTrialDetails({ id }) {
      const [result] = await services.details.getTrials([id]);
      return result ?? { id, ok: false, error: trialError('invalid-id', id) };
    },
    async openFullView({ id, section }, sender) {
      if (!mayOpenTab(sender)) return { opened: false };
      await services.openFullView(id, section);
      return { opened: true };
    },
    async pageTrials({ count }, sender) {
      const tabId = sender.tab?.id;
      return { shown: tabId !== undefined && (await services.showCount(tabId, count)) };
    },
    async openOptions() {
      await services.openOptions();
      return { opened: true };
    },
    async clearCache() {
      await services.details.clearCache();
      return services.trials.clearCache();
    },
    async cacheInfo() {
      return sumInfo(await services.trials.cacheInfo(), await services.details.cacheInfo());
    },
  };
}

/** Checks a message, then routes it to its handler; a malformed one gets a refusal. */
export async function answerMessage(
  handlers: Handlers<BackgroundProtocol, MessageSender>,
  message: unknown,
  sender: MessageSender = {},
): Promise<BackgroundAnswer | Refusal> {
  const parsed = parseBackgroundMessage(message);
  if (!parsed.ok) return { refused: true, reason: parsed.reason };
  const request = parsed.message;
  // One dispatch point: the handler map is keyed by the message's own type.
  const handler = handlers[request.type] as (
    m: typeof request,
    s: MessageSender,
  ) => Promise<BackgroundAnswer>;
  return handler(request, sender);
}
