import { describe, expect, it } from 'vitest';
import { studySchema } from '@/lib/ctgov/schema';
import { studyToSummary } from '@/lib/trial/study-to-summary';
import type { TrialSummary } from '@/lib/trial/summary';
import { HAVE_CTGOV, describeFixtures, realRecord, realStudies, realStudyRows } from '../support/ctgov';
import { carTStudy, edgeStudies } from '../fixtures/studies';

function summarise(raw: unknown): TrialSummary {
  return studyToSummary(studySchema.parse(raw));
}

/** No value anywhere in a summary may be `undefined` or `null` (a missing field is left out). */
function holes(value: unknown, at = 'summary'): string[] {
  if (value === undefined || value === null) return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => holes(v, `${at}[${i}]`));
  if (typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => holes(v, `${at}.${k}`));
  return [];
}

const studies = realStudies();

describe(`mapping real records (${describeFixtures()})`, () => {
  it.skipIf(!HAVE_CTGOV)('found real records to map', () => {
    expect(studies.length).toBeGreaterThanOrEqual(30);
  });

  it.skipIf(!HAVE_CTGOV).each(realStudyRows())(
    '%s (%s) parses and maps with nothing undefined',
    (nctId, _file, raw) => {
      const summary = summarise(raw);
      expect(summary.nctId).toBe(nctId);
      expect(holes(summary)).toEqual([]);
    },
  );

  it.skipIf(!HAVE_CTGOV)('keeps why a terminated trial stopped (NCT00184067)', () => {
    const s = summarise(realRecord('NCT00184067'));
    expect(s.status.overall).toBe('TERMINATED');
    expect(s.status.whyStopped).toBe('Primary PI left institution');
    expect(s.phases).toEqual(['PHASE2']);
  });

  it.skipIf(!HAVE_CTGOV)('keeps the last known status of an UNKNOWN trial (NCT04207047)', () => {
    const s = summarise(realRecord('NCT04207047'));
    expect(s.status.overall).toBe('UNKNOWN');
    expect(s.status.lastKnown).toBe('ACTIVE_NOT_RECRUITING');
    expect(s.eligibility.healthyVolunteers).toBe(true);
  });

  it.skipIf(!HAVE_CTGOV)('gives an observational study no phase (NCT05594173)', () => {
    const s = summarise(realRecord('NCT05594173'));
    expect(s.studyType).toBe('OBSERVATIONAL');
    expect(s.phases).toEqual([]);
    expect(s.hasResults).toBe(true);
  });

  it.skipIf(!HAVE_CTGOV)(
    'keeps every site of a large trial, with and without coordinates (NCT02513394)',
    () => {
      const s = summarise(realRecord('NCT02513394'));
      expect(s.sites).toHaveLength(437);
      expect(s.sites.filter((site) => site.geo)).toHaveLength(435);
      expect(new Set(s.sites.map((site) => site.country)).size).toBe(21);
    },
  );

  it.skipIf(!HAVE_CTGOV)('keeps multi-phase studies and age limits (NCT00711542, NCT06509126)', () => {
    expect(summarise(realRecord('NCT00711542')).phases).toEqual(['PHASE1', 'PHASE2']);
    const s = summarise(realRecord('NCT06509126'));
    expect(s.eligibility.maximumAge).toBe('100 Years');
    expect(s.sites[0]?.status).toBe('RECRUITING');
  });

  it.skipIf(!HAVE_CTGOV)('reads enrollment, dates and contacts as written (NCT05147467)', () => {
    const s = summarise(realRecord('NCT05147467'));
    expect(s.enrollment).toEqual({ count: 75, estimated: true });
    expect(s.dates.start).toEqual({ date: '2021-12-28', estimated: false });
    expect(s.dates.completion).toEqual({ date: '2024-12', estimated: true });
    expect(s.status.verified).toBe('2024-01');
    expect(s.status.lastUpdatePosted).toBe('2024-01-23');
    expect(s.centralContacts).toHaveLength(2);
    expect(s.sites.map((site) => site.status)).toContain('NOT_YET_RECRUITING');
    expect(s.versionHolder).toBe('2025-06-16');
  });

  it.skipIf(!HAVE_CTGOV)('leaves hasResults out when a fields-restricted answer did not include it', () => {
    const restricted = studies.find((s) => s.file === 'fields-NCT06382129.json');
    expect(restricted).toBeDefined();
    expect(summarise(restricted?.raw).hasResults).toBeUndefined();
  });
});

describe('mapping our own edge records', () => {
  it('maps NCT06056921 as the registry describes it', () => {
    const s = summarise(carTStudy());
    expect(s).toMatchObject({
      nctId: 'NCT06056921',
      phases: ['PHASE1'],
      studyType: 'INTERVENTIONAL',
      enrollment: { count: 24, estimated: true },
      sponsor: { name: 'Chongqing Precision Biotech Co., Ltd', class: 'INDUSTRY' },
      hasResults: false,
    });
  });

  it('keeps expanded-access status and type', () => {
    const s = summarise(edgeStudies.expandedAccess);
    expect(s.status.overall).toBe('AVAILABLE');
    expect(s.studyType).toBe('EXPANDED_ACCESS');
  });

  it.each([
    ['suspended', edgeStudies.suspended, 'SUSPENDED', 'Sponsor decision pending safety review'],
    ['withdrawn', edgeStudies.withdrawn, 'WITHDRAWN', 'No participants enrolled'],
  ])('keeps a %s study and why', (_name, raw, status, why) => {
    const s = summarise(raw);
    expect(s.status.overall).toBe(status);
    expect(s.status.whyStopped).toBe(why);
  });

  it('keeps an actual enrollment of zero (not read as missing)', () => {
    expect(summarise(edgeStudies.withdrawn).enrollment).toEqual({ count: 0, estimated: false });
  });

  it('keeps aliases', () => {
    expect(summarise(edgeStudies.alias).aliases).toEqual(['NCT09000005']);
  });

  it('maps a study with no locations and one with no modules at all', () => {
    expect(summarise(edgeStudies.noLocations).sites).toEqual([]);
    const bare = summarise(edgeStudies.missingModules);
    expect(bare).toEqual({
      nctId: 'NCT09000007',
      aliases: [],
      status: {},
      phases: [],
      conditions: [],
      keywords: [],
      interventions: [],
      arms: [],
      collaborators: [],
      dates: {},
      eligibility: { stdAges: [], sections: [], terms: [] },
      sites: [],
      centralContacts: [],
      secondaryIds: [],
      publications: [],
    });
  });

  it('drops fields of the wrong type and keeps the rest', () => {
    const s = summarise(edgeStudies.wrongTypes);
    expect(s.briefTitle).toBeUndefined();
    expect(s.acronym).toBeUndefined();
    expect(s.status.overall).toBe('RECRUITING');
    expect(s.dates.start).toBeUndefined();
    expect(s.phases).toEqual([]);
    expect(s.enrollment).toBeUndefined();
    expect(s.eligibility.healthyVolunteers).toBeUndefined();
    expect(s.eligibility.minimumAge).toBe('18 Years');
    expect(s.hasResults).toBeUndefined();
    expect(s.sites).toEqual([{ city: 'Oslo', country: 'Norway', contacts: [] }, { contacts: [] }]);
  });

  it('keeps markup in text fields as the literal text it is', () => {
    const s = summarise(edgeStudies.hostileText);
    expect(s.briefTitle).toBe('<img src=x onerror="alert(1)"><script>alert(2)</script>Title');
  });

  it('keeps an enum value it does not know', () => {
    expect(summarise(edgeStudies.futureStatus).status.overall).toBe('PAUSED_FOR_REVIEW');
  });

  it.each([
    ['no nctId', { protocolSection: { identificationModule: {} } }],
    ['a malformed nctId', { protocolSection: { identificationModule: { nctId: 'NCT123' } } }],
    ['no protocolSection', { hasResults: true }],
    ['not an object', 'NCT06056921'],
  ])('rejects a study with %s', (_name, raw) => {
    expect(studySchema.safeParse(raw).success).toBe(false);
  });
});

describe('publications', () => {
  it.skipIf(!HAVE_CTGOV)('keeps the PubMed IDs ClinicalTrials.gov found for PALLAS (NCT02513394)', () => {
    const trial = studyToSummary(studySchema.parse(realRecord('NCT02513394')));
    expect(trial.publications.map((p) => [p.kind, p.pmid])).toEqual([
      ['derived', '34995105'],
      ['derived', '34874182'],
      ['derived', '33460574'],
      ['derived', '30032196'],
    ]);
  });

  it('keeps results and found publications, with a PubMed ID only when it is digits', () => {
    const raw = carTStudy() as { protocolSection: Record<string, unknown> };
    raw.protocolSection.referencesModule = {
      references: [
        { pmid: '12345678', type: 'RESULT', citation: 'Doe J. It worked. Lancet. 2026.' },
        { pmid: '23456789', type: 'BACKGROUND' },
        { type: 'RESULT', citation: 'No PubMed ID' },
        { pmid: 'javascript:alert(1)', type: 'RESULT' },
        { pmid: '34567890', type: 'DERIVED' },
      ],
    };
    expect(studyToSummary(studySchema.parse(raw)).publications).toEqual([
      { pmid: '12345678', kind: 'result', citation: 'Doe J. It worked. Lancet. 2026.' },
      { kind: 'result', citation: 'No PubMed ID' },
      { kind: 'result' },
      { pmid: '34567890', kind: 'derived' },
    ]);
  });

  it("counts them from the card's answer, which carries only each reference's kind", () => {
    const raw = carTStudy() as { protocolSection: Record<string, unknown> };
    raw.protocolSection.referencesModule = {
      references: [{ type: 'RESULT' }, { type: 'BACKGROUND' }, { type: 'DERIVED' }, { type: 'RESULT' }, {}],
    };
    expect(studyToSummary(studySchema.parse(raw)).publications).toEqual([
      { kind: 'result' },
      { kind: 'derived' },
      { kind: 'result' },
    ]);
  });
});
