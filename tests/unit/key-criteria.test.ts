/**
 * The card's key criteria: ranked as a screener reads them, labelled Include or Exclude, without
 * boilerplate. First the rules on small written cases, then every real record with criteria, with the
 * picks written down per record ([label, section, item] in the parsed list) after reading each one.
 */
import { describe, expect, it } from 'vitest';
import { studySchema } from '@/lib/ctgov/schema';
import { keyCriteria } from '@/lib/trial/key-criteria';
import { studyToSummary } from '@/lib/trial/study-to-summary';
import type { CriteriaSection } from '@/lib/trial/summary';
import { HAVE_CTGOV, describeFixtures, realStudies } from '../support/ctgov';

const section = (kind: CriteriaSection['kind'], texts: string[], heading?: string): CriteriaSection => ({
  kind,
  heading,
  items: texts.map((text) => ({ text, marks: [] })),
});
const shown = (sections: CriteriaSection[], max?: number) =>
  keyCriteria(sections, max).items.map(({ label, item }) => `${label}: ${item.text}`);

describe('key criteria: the rules', () => {
  it('ranks performance status, labs, stage, prior therapy, then key exclusions', () => {
    const sections = [
      section('inclusion', [
        'Histologically confirmed stage IV NSCLC',
        'Adequate organ function',
        'ECOG performance status 0-1',
      ]),
      section('exclusion', ['Active CNS metastases', 'Prior therapy with a PD-1 inhibitor']),
    ];
    expect(shown(sections, 5)).toEqual([
      'Include: ECOG performance status 0-1',
      'Include: Adequate organ function',
      'Include: Histologically confirmed stage IV NSCLC',
      'Exclude: Prior therapy with a PD-1 inhibitor',
      'Exclude: Active CNS metastases',
    ]);
    // Four by default (what fits the card's first view), with an exclusion among them.
    expect(shown(sections)).toEqual([
      'Include: ECOG performance status 0-1',
      'Include: Adequate organ function',
      'Include: Histologically confirmed stage IV NSCLC',
      'Exclude: Prior therapy with a PD-1 inhibitor',
    ]);
  });

  it('labels a negative written under inclusion as an exclusion, unless it carries a number to meet', () => {
    const negative = section('inclusion', ['No prior neoadjuvant therapy', 'Stage II or III']);
    expect(shown([negative])).toContain('Exclude: Prior neoadjuvant therapy');
    const text = 'No cardiac dysfunction, LVEF ≥ 50%';
    const withNumber: CriteriaSection = {
      kind: 'inclusion',
      items: [{ text, marks: [{ start: text.indexOf('LVEF'), end: text.length, kind: 'threshold' }] }],
    };
    expect(shown([withNumber])).toEqual(['Include: No cardiac dysfunction, LVEF ≥ 50%']);
  });

  it('never shows age or sex again, definitions, lead-ins, consent or compliance', () => {
    const sections = [
      section('inclusion', [
        'Subjects who meet each of the following criteria are eligible:',
        'Age ≥ 18 years',
        'Male or female, 18 years and older.',
        'A female of childbearing potential is defined as a woman who is not postmenopausal',
        'Signed informed consent prior to any study procedure',
        'Willing and able to comply with the protocol',
        'Measurable disease per RECIST 1.1',
      ]),
      section('exclusion', [
        'Any condition that in the opinion of the investigator makes the patient unsuitable',
      ]),
    ];
    expect(shown(sections)).toEqual(['Include: Measurable disease per RECIST 1.1']);
  });

  it('says the list is partial for a "Key" heading or a closing note, which is not a criterion', () => {
    const closing = [
      section('inclusion', ['ECOG 0-1']),
      section('exclusion', ['Pregnancy', 'Other protocol-defined inclusion/exclusion criteria may apply']),
    ];
    expect(keyCriteria(closing).partial).toBe(true);
    expect(shown(closing)).toEqual(['Include: ECOG 0-1', 'Exclude: Pregnancy']);
    expect(keyCriteria([section('inclusion', ['ECOG 0-1'], 'Key Inclusion Criteria')]).partial).toBe(true);
    expect(keyCriteria([section('inclusion', ['ECOG 0-1'], 'Inclusion Criteria')]).partial).toBe(false);
  });

  it('shortens a nested item to its first line, and does not take the EGFR gene for a kidney test', () => {
    const sections = [
      section('inclusion', [
        'Adequate organ function:\n• ANC ≥ 1,500/µL\n• Platelets ≥ 100,000/µL',
        'EGFR exon 19 deletion',
      ]),
    ];
    const items = keyCriteria(sections).items;
    expect(items[0]?.item.text).toBe('Adequate organ function');
    expect(items.map((c) => c.item.text)).toContain('EGFR exon 19 deletion');
  });
});

/** Per real record: whether the registry's list is partial, and the picks in the order shown. */
const EXPECTED: Record<string, { partial: boolean; picks: [string, number, number][] }> = {
  // ECOG performance status of 0 / Serum creatinine of 2.0 mg/d / Total whte blood cell (WBC)  / Have a prior history of uvei
  NCT00184067: {
    partial: false,
    picks: [
      ['Include', 0, 3],
      ['Include', 0, 1],
      ['Include', 0, 2],
      ['Exclude', 1, 6],
    ],
  },
  // Heart failure (LVEF ≤ 30 %). / Impaired kidney function (cr / Previous progenitor cell the / Successful acute PCI (residu
  NCT00711542: {
    partial: false,
    picks: [
      ['Exclude', 1, 2],
      ['Exclude', 1, 9],
      ['Exclude', 1, 19],
      ['Include', 0, 2],
    ],
  },
  // Patients who are status-post / Patients who have received s / Must have a glucose pattern
  NCT00763412: {
    partial: false,
    picks: [
      ['Exclude', 1, 2],
      ['Exclude', 1, 3],
      ['Include', 0, 2],
    ],
  },
  // Prior treatment with dupilum / Chronic or acute infection r / Male or female adults ages 1
  NCT02210780: {
    partial: true,
    picks: [
      ['Exclude', 1, 0],
      ['Exclude', 1, 6],
      ['Include', 0, 0],
    ],
  },
  // ECOG performance status 0-1. / Absolute neutrophil count ≥  / Platelets ≥ 100,000/ mm3 / Patients with Stage I or IV
  NCT02513394: {
    partial: false,
    picks: [
      ['Include', 0, 7],
      ['Include', 0, 15],
      ['Include', 0, 16],
      ['Exclude', 1, 2],
    ],
  },
  // Participant is pregnant, nur / If the participant is a woma / Participant has a total of ≥
  NCT03064438: {
    partial: false,
    picks: [
      ['Exclude', 1, 0],
      ['Include', 0, 5],
      ['Include', 0, 2],
    ],
  },
  // HGB of > 10 g/L and PLT coun / Histologically proven malign / Any prior therapeutic radiat / Pregnant females are exclude
  NCT03281889: {
    partial: false,
    picks: [
      ['Include', 0, 4],
      ['Include', 0, 1],
      ['Exclude', 1, 0],
      ['Exclude', 1, 3],
    ],
  },
  // Received PRIDE intervention  / Enrolled as a student in Gra / Experiencing elevated mental
  NCT03630471: {
    partial: false,
    picks: [
      ['Exclude', 4, 3],
      ['Include', 1, 0],
      ['Include', 1, 1],
    ],
  },
  // Eastern Cooperative Oncology / Meet various hematological,  / Histologically confirmed gra / Toxicity not yet recovered f
  NCT03934567: {
    partial: false,
    picks: [
      ['Include', 0, 5],
      ['Include', 0, 6],
      ['Include', 0, 1],
      ['Exclude', 1, 2],
    ],
  },
  // Poorly controlled medical co / Subjects who are pregnant, n / Presence of an active skin c / Subjects of childbearing pot
  NCT04207047: {
    partial: false,
    picks: [
      ['Exclude', 1, 0],
      ['Exclude', 1, 2],
      ['Exclude', 1, 7],
      ['Include', 0, 6],
    ],
  },
  // Eastern Cooperative Oncology / Pathologically confirmed CLL / Prior history of allogeneic  / Invasive NHL transformation
  NCT05147467: {
    partial: false,
    picks: [
      ['Include', 0, 5],
      ['Include', 0, 2],
      ['Exclude', 1, 1],
      ['Exclude', 1, 4],
    ],
  },
  // prior history of swallowing, / history of surgery to the sp / Type 1 Diabetes
  NCT05594173: {
    partial: false,
    picks: [
      ['Exclude', 1, 0],
      ['Exclude', 1, 1],
      ['Exclude', 1, 2],
    ],
  },
  // Eastern Cooperative Oncology / Adequate bone marrow hematol / Adequate liver function: tot / Prior treatments (chemothera
  NCT06509126: {
    partial: false,
    picks: [
      ['Include', 0, 7],
      ['Include', 0, 10],
      ['Include', 0, 11],
      ['Exclude', 0, 5],
    ],
  },
  // Patient has an ECOG Performa / Patient has adequate organ f / Patient has an advanced mali / Patient received chemotherap
  NCT02576665: {
    partial: false,
    picks: [
      ['Include', 0, 10],
      ['Include', 0, 5],
      ['Include', 0, 2],
      ['Exclude', 1, 2],
    ],
  },
  // ECOG 0 or 1; / No severe cardiac dysfunctio / The organ function level mus / Previous histological or cyt
  NCT06382129: {
    partial: false,
    picks: [
      ['Include', 0, 6],
      ['Include', 0, 8],
      ['Include', 0, 9],
      ['Exclude', 1, 0],
    ],
  },
  // KPS score≥70; / Pathologically confirmed non / received standard third-gene / Pregnant or lactating women
  NCT06604689: {
    partial: false,
    picks: [
      ['Include', 0, 4],
      ['Include', 0, 0],
      ['Include', 0, 7],
      ['Exclude', 1, 1],
    ],
  },
};

describe(`key criteria on every real record with criteria (${describeFixtures()})`, () => {
  const records = new Map<string, unknown>();
  for (const { nctId, raw } of realStudies()) {
    const parsed = studySchema.safeParse(raw);
    if (
      parsed.success &&
      parsed.data.protocolSection.eligibilityModule?.eligibilityCriteria &&
      !records.has(nctId)
    )
      records.set(nctId, parsed.data);
  }

  it.skipIf(!HAVE_CTGOV)('has written-down picks for every record with criteria', () => {
    expect([...records.keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.skipIf(!HAVE_CTGOV).each(Object.entries(EXPECTED))('%s', (nctId, expected) => {
    const study = studySchema.parse(records.get(nctId));
    const key = keyCriteria(studyToSummary(study).eligibility.sections);
    expect(key.partial).toBe(expected.partial);
    expect(key.items.map((c) => [c.label, c.section, c.index])).toEqual(expected.picks);
    expect(key.items.length).toBeLessThanOrEqual(4);
  });
});
