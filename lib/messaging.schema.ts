/**
 * zod validation of messages entering the background. Content scripts run beside untrusted pages, so
 * what they send is checked before it is obeyed. Background only.
 */
import { z } from '@/lib/zod';
import { MAX_IDS_PER_REQUEST, type BackgroundMessage } from './messaging';
import { nctIdSchema } from './nct.schema';

const backgroundMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('getTrials'),
    // IDs are checked one by one later, so that one malformed ID gets its own `invalid-id` answer.
    ids: z.array(z.string().max(64)).min(1).max(MAX_IDS_PER_REQUEST),
    priority: z.enum(['urgent', 'list', 'prefetch']).optional(),
  }),
  z.object({
    type: z.literal('dropPrefetches'),
    ids: z.array(z.string().max(64)).min(1).max(MAX_IDS_PER_REQUEST),
  }),
  z.object({ type: z.literal('getTrialDetails'), id: z.string().max(64) }),
  z.object({
    type: z.literal('openFullView'),
    id: nctIdSchema,
    section: z.literal('publications').optional(),
  }),
  z.object({ type: z.literal('pageTrials'), count: z.number().int().nonnegative().max(100_000) }),
  z.object({ type: z.literal('openOptions') }),
  z.object({ type: z.literal('clearCache') }),
  z.object({ type: z.literal('cacheInfo') }),
]);

// The schema and the protocol type must describe the same messages.
type Parsed = z.infer<typeof backgroundMessageSchema>;
const _sameShape: [Parsed] extends [BackgroundMessage] ? true : never = true;
void _sameShape;

export type ParsedMessage = { ok: true; message: BackgroundMessage } | { ok: false; reason: string };

export function parseBackgroundMessage(message: unknown): ParsedMessage {
  const parsed = backgroundMessageSchema.safeParse(message);
  if (parsed.success) return { ok: true, message: parsed.data };
  return { ok: false, reason: z.prettifyError(parsed.error) };
}
