import { describe, expect, it } from 'vitest';
import { studySchema } from '@/lib/ctgov/schema';
import { studyToSummary } from '@/lib/trial/study-to-summary';
import { citation, summaryText } from '@/lib/trial/plain-text';
import { HAVE_CTGOV, realRecord } from '../support/ctgov';
import { carTStudy } from '../fixtures/studies';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const summarise = (raw: unknown) => studyToSummary(studySchema.parse(raw));

describe('plain-text summary', () => {
  it('lists the facts a reader takes to an appointment, with the record URL and the data date', () => {
    const text = summaryText(summarise(carTStudy()), NOW, NOW);
    expect(text.split('\n').slice(0, 2)).toEqual([
      'Safety and Efficacy of CD19 Targeted CAR-T Therapy for Refractory Autoimmune Disease',
      'NCT06056921',
    ]);
    for (const line of [
      'Status: Recruiting',
      'Phase: 1',
      'Enrollment: 24 (estimated)',
      'Ages: 18 years and older',
      'Key criteria (picked by NCT hover cards; all of them: https://clinicaltrials.gov/study/NCT06056921):',
      '  - Include: ECOG 0~1 score;',
      '  - Exclude: Had previously received CAR T cell therapy;',
      'Sites: 1 site in 1 country',
      'Full record: https://clinicaltrials.gov/study/NCT06056921',
      'Data from ClinicalTrials.gov as of 26 Nov 2026. Not medical advice: ask your doctor.',
    ]) {
      expect(text.split('\n')).toContain(line);
    }
    expect(text).not.toMatch(/undefined/);
    // The age line is not a criterion to repeat, and "key" means picked, not the first three.
    expect(text).not.toContain('≥18 years old, male or female');
  });
});

describe('citation', () => {
  it('ends each part with exactly one period', () => {
    const trial = summarise(carTStudy());
    const cited = citation({ ...trial, sponsor: { name: 'Acme Inc.' }, briefTitle: 'Does it work?' }, NOW);
    expect(cited.startsWith('Acme Inc. Does it work? In: ClinicalTrials.gov')).toBe(true);
  });

  it.skipIf(!HAVE_CTGOV)('follows the NLM form for a ClinicalTrials.gov record (NCT05147467)', () => {
    expect(citation(summarise(realRecord('NCT05147467')), NOW)).toBe(
      'Ascentage Pharma Group Inc. Study of APG-2575 in Patients With Relapsed/Refractory CLL/SLL. ' +
        'In: ClinicalTrials.gov [Internet]. Bethesda (MD): National Library of Medicine (US). 2000- [cited 26 Nov 2026]. ' +
        'Record first posted 7 Dec 2021, last updated 23 Jan 2024. ' +
        'Available from: https://clinicaltrials.gov/study/NCT05147467 NLM Identifier: NCT05147467.',
    );
  });
});
