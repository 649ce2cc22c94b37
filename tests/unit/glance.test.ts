/**
 * The card's one-line facts: who may take part, and what is tested (the agent under test first and
 * marked, not hidden behind procedures).
 */
import { describe, expect, it } from 'vitest';
import { formatRegistryDate, hasPassed, passedEstimates } from '@/lib/trial/dates';
import { interventionsAtGlance, publicationsAtGlance, whoFacts } from '@/lib/trial/glance';
import { summaryWith } from '../support/summary';

describe('what is tested, at a glance', () => {
  it('puts the drug under test first and marks it, ahead of procedures and background therapy', () => {
    const trial = summaryWith('NCT04267848', {
      arms: [
        { label: 'Arm A (pembrolizumab + chemo)', type: 'EXPERIMENTAL', interventions: [] },
        { label: 'Arm B (chemo)', type: 'ACTIVE_COMPARATOR', interventions: [] },
      ],
      interventions: [
        {
          type: 'PROCEDURE',
          name: 'Biospecimen Collection',
          otherNames: [],
          arms: ['Arm A (pembrolizumab + chemo)', 'Arm B (chemo)'],
        },
        {
          type: 'DRUG',
          name: 'Carboplatin',
          otherNames: [],
          arms: ['Arm A (pembrolizumab + chemo)', 'Arm B (chemo)'],
        },
        {
          type: 'BIOLOGICAL',
          name: 'Pembrolizumab',
          otherNames: [],
          arms: ['Arm A (pembrolizumab + chemo)'],
        },
      ],
    });
    expect(interventionsAtGlance(trial)).toEqual([
      { name: 'Pembrolizumab', experimental: true },
      { name: 'Carboplatin', experimental: false },
      { name: 'Biospecimen Collection', experimental: false },
    ]);
  });

  it('keeps the record order when nothing says which is tested', () => {
    const trial = summaryWith('NCT00000001', {
      interventions: [
        { type: 'DRUG', name: 'A', otherNames: [], arms: [] },
        { type: 'DRUG', name: 'B', otherNames: [], arms: [] },
      ],
    });
    expect(interventionsAtGlance(trial).map((i) => i.name)).toEqual(['A', 'B']);
  });
});

describe('who may take part, in one line', () => {
  it('gives ages in words, sex and healthy volunteers, short on the card', () => {
    const eligibility = {
      ...summaryWith('NCT00000001').eligibility,
      minimumAge: '18 Years',
      maximumAge: '64 Years',
      sex: 'ALL',
      healthyVolunteers: false,
      stdAges: ['ADULT'],
    };
    expect(whoFacts(eligibility, false)).toEqual(['18 to 64 years', 'All sexes', 'No healthy volunteers']);
    expect(whoFacts(eligibility)).toEqual([
      '18 to 64 years (adults)',
      'All sexes',
      'Does not accept healthy volunteers',
    ]);
  });
});

describe('estimated dates already behind us', () => {
  const NOW = Date.parse('2026-11-27T12:00:00Z');
  it('are flagged once their whole month is past, never before', () => {
    expect(hasPassed({ date: '2025-12', estimated: true }, NOW)).toBe(true);
    expect(hasPassed({ date: '2026-11', estimated: true }, NOW)).toBe(false);
    expect(hasPassed({ date: '2026-11-26', estimated: true }, NOW)).toBe(true);
    expect(formatRegistryDate({ date: '2025-12', estimated: true }, NOW)).toBe(
      'Dec 2025 (estimated — passed)',
    );
    expect(formatRegistryDate({ date: '2027-12', estimated: true }, NOW)).toBe('Dec 2027 (estimated)');
    // An actual date is history, not a stale estimate.
    expect(formatRegistryDate({ date: '2025-12', estimated: false }, NOW)).toBe('Dec 2025');
  });

  it('are listed for the card', () => {
    const trial = summaryWith('NCT00000001', {
      dates: {
        start: { date: '2024-01', estimated: false },
        primaryCompletion: { date: '2025-06', estimated: true },
        completion: { date: '2027-01', estimated: true },
      },
    });
    expect(passedEstimates(trial, NOW)).toEqual(['primary completion Jun 2025']);
  });
});

describe('publications, counted', () => {
  it('counts results listed by the sponsor and those found in PubMed, in words', () => {
    expect(publicationsAtGlance([{ kind: 'result' }])).toBe('1 publication of results');
    expect(publicationsAtGlance([{ kind: 'derived' }, { kind: 'derived' }])).toBe('2 in PubMed');
    expect(publicationsAtGlance([{ kind: 'result' }, { kind: 'result' }, { kind: 'derived' }])).toBe(
      '2 publications of results, 1 in PubMed',
    );
    expect(publicationsAtGlance([])).toBeUndefined();
  });
});
