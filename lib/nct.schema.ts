/**
 * The NCT ID as a zod schema, for every boundary that validates with zod (API answers, messages into
 * the background, note imports). It accepts the canonical form only and yields an `NctId` through the
 * one parser, so no boundary needs a cast.
 */
import { z } from '@/lib/zod';
import { NCT_ID_PATTERN, parseNctId, type NctId } from './nct';

export const NCT_ID_MESSAGE = 'must be an NCT ID (NCT + 8 digits)';

export const nctIdSchema = z
  .string()
  .regex(NCT_ID_PATTERN, NCT_ID_MESSAGE)
  .transform((value, ctx): NctId => {
    const id = parseNctId(value);
    if (id) return id;
    ctx.addIssue({ code: 'custom', message: NCT_ID_MESSAGE });
    return z.NEVER;
  });
