/**
 * The optional "quick check" in the card: a reader enters an age and a sex (kept in memory only) and
 * sees which of the trial's structured limits they meet. It never says "eligible": the free-text
 * criteria and the study site decide. Pure.
 */
import type { TrialSummary } from './summary';

export interface QuickCheckInput {
  ageYears?: number;
  sex?: 'female' | 'male';
}

export interface CheckLine {
  outcome: 'meets' | 'outside' | 'unknown';
  text: string;
}

const YEARS_PER_UNIT: Record<string, number> = {
  year: 1,
  month: 1 / 12,
  week: 7 / 365.25,
  day: 1 / 365.25,
  hour: 1 / (365.25 * 24),
  minute: 1 / (365.25 * 24 * 60),
};

/** `18 Years` → 18; `6 Months` → 0.5; anything else → undefined (never guessed). */
export function registryAgeInYears(age: string | undefined): number | undefined {
  const m = /^(\d+)\s+(year|month|week|day|hour|minute)s?$/i.exec(age?.trim() ?? '');
  const perUnit = m ? YEARS_PER_UNIT[(m[2] ?? '').toLowerCase()] : undefined;
  return m && perUnit !== undefined ? Number(m[1]) * perUnit : undefined;
}

export function quickCheck(eligibility: TrialSummary['eligibility'], input: QuickCheckInput): CheckLine[] {
  const lines: CheckLine[] = [];
  const { ageYears, sex } = input;
  if (ageYears !== undefined && Number.isFinite(ageYears)) {
    const min = registryAgeInYears(eligibility.minimumAge);
    const max = registryAgeInYears(eligibility.maximumAge);
    if (min !== undefined && ageYears < min) {
      lines.push({
        outcome: 'outside',
        text: `Age ${ageYears}: below the minimum age of ${eligibility.minimumAge?.toLowerCase()}.`,
      });
    } else if (max !== undefined && ageYears > max) {
      lines.push({
        outcome: 'outside',
        text: `Age ${ageYears}: above the maximum age of ${eligibility.maximumAge?.toLowerCase()}.`,
      });
    } else if (min === undefined && max === undefined) {
      lines.push({ outcome: 'unknown', text: `Age ${ageYears}: the record gives no age limits.` });
    } else {
      lines.push({ outcome: 'meets', text: `Age ${ageYears}: within the trial's age limits.` });
    }
  }
  if (sex) {
    const accepted = eligibility.sex;
    if (!accepted)
      lines.push({ outcome: 'unknown', text: 'Sex: the record does not say which sexes it accepts.' });
    else if (accepted === 'ALL' || accepted.toLowerCase() === sex) {
      lines.push({ outcome: 'meets', text: `Sex: ${sex} participants are accepted.` });
    } else {
      lines.push({
        outcome: 'outside',
        text: `Sex: the trial accepts ${accepted.toLowerCase()} participants only.`,
      });
    }
  }
  return lines;
}
