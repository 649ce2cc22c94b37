/**
 * What the card's first view says in one line each: who may take part, and what is tested. Pure.
 */
import { healthyVolunteersFact } from './facts';
import type { TrialSummary } from './summary';
import { ageGroups, ageRange, plural, sexLabel } from './words';

/**
 * Ages in words, sex, healthy volunteers: `18 to 64 years · All sexes · Accepts healthy volunteers`.
 * The registry's age groups (`adults, older adults`) are added when asked (or when there are no
 * limits); without them, the card's short wording (`No healthy volunteers`).
 */
export function whoFacts(eligibility: TrialSummary['eligibility'], withGroups = true): string[] {
  const limits = eligibility.minimumAge !== undefined || eligibility.maximumAge !== undefined;
  const groups = withGroups || !limits ? ageGroups(eligibility.stdAges) : undefined;
  const ages = ageRange(eligibility.minimumAge, eligibility.maximumAge);
  return [
    groups ? `${ages} (${groups})` : ages,
    sexLabel(eligibility.sex),
    healthyVolunteersFact(eligibility.healthyVolunteers, withGroups ? 'full' : 'short'),
  ].filter((fact) => fact !== undefined);
}

/** Intervention types that are an agent given to the patient: shown before procedures and devices. */
const AGENTS = new Set(['DRUG', 'BIOLOGICAL', 'GENETIC', 'COMBINATION_PRODUCT', 'RADIATION']);

export interface InterventionAtGlance {
  name: string;
  /** Given in an experimental arm only: what the trial tests. */
  experimental: boolean;
}

/**
 * The interventions, agents first and among them the experimental arm's, each marked; the record's
 * order otherwise. So the drug under test is not hidden behind "Biospecimen Collection · …".
 */
export function interventionsAtGlance(trial: TrialSummary): InterventionAtGlance[] {
  const experimentalArms = new Set(trial.arms.filter((a) => a.type === 'EXPERIMENTAL').map((a) => a.label));
  // What the experimental arm gets and the other arms do not (background therapy given to all is not
  // what is tested).
  const underTest = (arms: readonly string[]) =>
    arms.some((arm) => experimentalArms.has(arm)) && arms.every((arm) => experimentalArms.has(arm));
  const ranked = trial.interventions.map((i) => ({
    name: i.name,
    experimental: underTest(i.arms ?? []),
    agent: AGENTS.has(i.type ?? ''),
  }));
  const score = (i: (typeof ranked)[number]) => (i.agent ? 0 : 2) + (i.experimental ? 0 : 1);
  return [...ranked]
    .sort((a, b) => score(a) - score(b))
    .map(({ name, experimental }) => ({ name, experimental }));
}

/**
 * The publications of the trial, counted in words for the card: `2 publications of results` (listed by
 * the sponsor), `3 in PubMed` (found there by the trial's ID), or both. Undefined when there are none.
 */
export function publicationsAtGlance(publications: TrialSummary['publications']): string | undefined {
  const results = publications.filter((p) => p.kind === 'result').length;
  const found = publications.filter((p) => p.kind === 'derived').length;
  const parts = [
    results > 0 ? plural(results, 'publication') + ' of results' : undefined,
    found > 0 ? `${found.toLocaleString('en')} in PubMed` : undefined,
  ].filter((part) => part !== undefined);
  return parts.length > 0 ? parts.join(', ') : undefined;
}
