import { studySchema } from '@/lib/ctgov/schema';
import { studyToSummary } from '@/lib/trial/study-to-summary';
import type { TrialSummary } from '@/lib/trial/summary';
import { bareStudy } from '../fixtures/studies';

/** The summary of a study that says nothing but its ID, with `changes` on top (through the real mapping). */
export function summaryWith(nctId: string, changes: Partial<TrialSummary> = {}): TrialSummary {
  return { ...studyToSummary(studySchema.parse(bareStudy(nctId))), ...changes };
}
