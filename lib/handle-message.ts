/**
 * The background's answer to one message: validated with zod first (content scripts run beside
 * untrusted pages), then routed. A message of the wrong shape is refused with a reason, never obeyed.
 */
import { trialError, type CacheInfo, type Refusal, type ResponseMap, type TrialResult } from './messages';
import { parseRequest } from './messages.schema';
import type { NctId } from './nct';
import type { TrialService } from './trial-service';

export interface Services {
  /** What cards show, batched. */
  trials: TrialService;
  /** What the full view shows, one trial at a time. */
  details: TrialService;
  /** Opens the full view of a trial in a new tab. */
  openFullView(id: NctId): Promise<void>;
  /** Shows a page's trial count on the toolbar button of its tab, if the reader wants it. */
  showCount(tabId: number, count: number): Promise<boolean>;
  openOptions(): Promise<void>;
}

/** Who sent a message: a content script in a tab, or one of our pages. */
export interface MessageSender {
  tab?: { id?: number };
}

function sumInfo(a: CacheInfo, b: CacheInfo): CacheInfo {
  return { entries: a.entries + b.entries, bytes: a.bytes + b.bytes };
}

export async function handleMessage(
  services: Services,
  message: unknown,
  sender: MessageSender = {},
): Promise<ResponseMap[keyof ResponseMap] | Refusal> {
  const parsed = parseRequest(message);
  if (!parsed.ok) return { refused: true, reason: parsed.reason };
  const { request } = parsed;
  switch (request.type) {
    case 'getTrials':
      return services.trials.getTrials(request.ids);
    case 'getTrialDetails': {
      const [result] = await services.details.getTrials([request.id]);
      return (
        result ??
        ({ id: request.id, ok: false, error: trialError('invalid-id', request.id) } satisfies TrialResult)
      );
    }
    case 'openFullView':
      await services.openFullView(request.id as NctId);
      return { opened: true };
    case 'pageTrials': {
      const tabId = sender.tab?.id;
      return { shown: tabId !== undefined && (await services.showCount(tabId, request.count)) };
    }
    case 'openOptions':
      await services.openOptions();
      return { opened: true };
    case 'clearCache':
      await services.details.clearCache();
      return services.trials.clearCache();
    case 'cacheInfo':
      return sumInfo(await services.trials.cacheInfo(), await services.details.cacheInfo());
  }
}
