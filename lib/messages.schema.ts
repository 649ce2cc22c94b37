/**
 * zod validation of messages entering the background. Content scripts run beside untrusted pages, so
 * what they send is checked before it is obeyed. Background only.
 */
import { z } from 'zod';
import type { Request } from './messages';

/** A page can name many trials, but a single request for thousands is not a reader's hover. */
export const MAX_IDS_PER_REQUEST = 500;

const requestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('getTrials'),
    // IDs are checked one by one later, so that one malformed ID gets its own `invalid-id` answer.
    ids: z.array(z.string().max(64)).min(1).max(MAX_IDS_PER_REQUEST),
  }),
  z.object({ type: z.literal('getTrialDetails'), id: z.string().max(64) }),
  z.object({ type: z.literal('openFullView'), id: z.string().regex(/^NCT\d{8}$/) }),
  z.object({ type: z.literal('pageTrials'), count: z.number().int().nonnegative().max(100_000) }),
  z.object({ type: z.literal('openOptions') }),
  z.object({ type: z.literal('clearCache') }),
  z.object({ type: z.literal('cacheInfo') }),
]);

export type ParsedRequest = { ok: true; request: Request } | { ok: false; reason: string };

export function parseRequest(message: unknown): ParsedRequest {
  const parsed = requestSchema.safeParse(message);
  if (parsed.success) return { ok: true, request: parsed.data };
  return { ok: false, reason: z.prettifyError(parsed.error) };
}
