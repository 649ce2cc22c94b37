/**
 * The request URLs the extension sends, and nothing else: zod-free, so that pages that only show a
 * request (the welcome page) do not load the validation code.
 */
import type { NctId } from '../nct';
import { STUDY_FIELDS } from './fields';

export const API_BASE = 'https://clinicaltrials.gov/api/v2';

export function studyUrl(id: NctId, fields: readonly string[] = STUDY_FIELDS): string {
  const params = new URLSearchParams({ fields: fields.join(',') });
  return `${API_BASE}/studies/${id}?${params}`;
}

export function batchUrl(
  ids: readonly NctId[],
  pageToken?: string,
  fields: readonly string[] = STUDY_FIELDS,
): string {
  const params = new URLSearchParams({
    'filter.ids': ids.join(','),
    fields: fields.join(','),
    // The default page size is 10: ask for the whole batch in one page.
    pageSize: String(ids.length),
  });
  if (pageToken) params.set('pageToken', pageToken);
  return `${API_BASE}/studies?${params}`;
}

/**
 * The first request for a set of IDs, exactly as `fetchTrialBatch` sends it: `/studies/{id}` for one
 * ID, a `filter.ids` list for more.
 */
export function requestUrl(ids: readonly NctId[], fields: readonly string[] = STUDY_FIELDS): string {
  const [only] = ids;
  return ids.length === 1 && only ? studyUrl(only, fields) : batchUrl(ids, undefined, fields);
}
