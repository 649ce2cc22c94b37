/**
 * What each phase of research is for, in our own words, for readers who are not researchers. Used by
 * the full trial view only (kept out of the content script, which has a size budget).
 */

const PHASE_PURPOSE: Record<string, string> = {
  EARLY_PHASE1:
    'Early phase 1 studies give very small doses to a few people, to learn how a new drug behaves in the body before regular phase 1 testing.',
  PHASE1:
    'Phase 1 studies test a new treatment in a small group of people for the first time, mainly to learn about safety, dose and side effects.',
  PHASE2:
    'Phase 2 studies give the treatment to a larger group to see whether it works and to learn more about its safety.',
  PHASE3:
    'Phase 3 studies compare the treatment with standard care or a placebo in large groups, to confirm whether it helps and to watch for side effects.',
  PHASE4:
    'Phase 4 studies follow a treatment after it has been approved, to learn more about its long-term benefits, risks and best use.',
  NA: 'Phases describe the testing of drugs. This study (for example of a device, a procedure or a behaviour) has none.',
};

/** One sentence per phase the study lists; none for observational studies, which list no phase. */
export function phasePurpose(phases: readonly string[]): string[] {
  return phases.map((phase) => PHASE_PURPOSE[phase]).filter((text) => text !== undefined);
}
