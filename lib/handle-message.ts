/**
 * The background's answer to one message: validated with zod first (content scripts run beside
 * untrusted pages), then routed to the trial service. A message of the wrong shape is refused with
 * a reason, never obeyed.
 */
import type { Refusal, ResponseMap } from './messages';
import { parseRequest } from './messages.schema';
import type { TrialService } from './trial-service';

export async function handleMessage(
  service: TrialService,
  message: unknown,
): Promise<ResponseMap[keyof ResponseMap] | Refusal> {
  const parsed = parseRequest(message);
  if (!parsed.ok) return { refused: true, reason: parsed.reason };
  const { request } = parsed;
  switch (request.type) {
    case 'getTrials':
      return service.getTrials(request.ids);
    case 'clearCache':
      return service.clearCache();
    case 'cacheInfo':
      return service.cacheInfo();
  }
}
