import { describe, expect, it } from 'vitest';
import { eligibilityView, parseCriteria, unescapeMarkdown } from '@/lib/trial/eligibility';
import { HAVE_CTGOV, describeFixtures, realStudies, realStudyRows } from '../support/ctgov';

/** The words of a text, list markers (`*`, `1.`, `a)`) aside: they are structure, not content. */
function words(text: string): string[] {
  const content = text
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[*\-+•]|\d{1,3}[.)]|[a-z][.)])\s+/, ''))
    .join('\n');
  return unescapeMarkdown(content).match(/[\p{L}\p{N}]+/gu) ?? [];
}

describe('eligibility criteria: structure', () => {
  it('splits inclusion and exclusion lists with nested items kept under their parent', () => {
    const text = [
      'Inclusion Criteria:',
      '',
      '* Age \\>= 18 years',
      '* One of:',
      '  * SLE',
      '  * Sjogren',
      '',
      'Exclusion Criteria:',
      '',
      '1. Pregnancy',
      '2. HIV infection',
    ].join('\n');
    expect(parseCriteria(text)).toEqual([
      {
        kind: 'inclusion',
        heading: 'Inclusion Criteria',
        items: ['Age >= 18 years', 'One of:\n• SLE\n• Sjogren'],
      },
      { kind: 'exclusion', heading: 'Exclusion Criteria', items: ['Pregnancy', 'HIV infection'] },
    ]);
  });

  it.each([
    ['**Key Inclusion Criteria:**', 'inclusion'],
    ['## Exclusion criteria', 'exclusion'],
    ['EXCLUSION CRITERIA:', 'exclusion'],
    ['Inclusion criteria for healthy volunteers:', 'inclusion'],
    ['For parent participants:', 'other'],
  ])('reads %j as a %s heading', (line, kind) => {
    expect(parseCriteria(`${line}\n* item`)[0]?.kind).toBe(kind);
  });

  it('keeps text without any structure whole, as one section', () => {
    const text = 'Adults with lupus who have failed two prior therapies and can attend monthly visits.';
    expect(parseCriteria(text)).toEqual([{ kind: 'other', items: [text] }]);
  });

  it('gives sub-groups under an exclusion heading the exclusion kind', () => {
    const sections = parseCriteria(
      'Exclusion criteria:\n\nFor adolescents:\n\n* smoking\n\nFor parents:\n\n* none',
    );
    expect(sections.map((s) => [s.kind, s.heading, s.items.length])).toEqual([
      ['exclusion', 'Exclusion criteria', 0],
      ['exclusion', 'For adolescents', 1],
      ['exclusion', 'For parents', 1],
    ]);
  });

  it('marks thresholds and glossary terms in each criterion, and keeps the meanings of the terms used', () => {
    const { sections, terms } = eligibilityView(
      'Inclusion Criteria:\n\n1. ECOG 0\\~1 score;\n2. Renal function: eGFR≥30ML/min/1.73m2;\n\nExclusion Criteria:\n\n1. GVHD, or ECOG 3',
    );
    const marked = sections.map((s) =>
      s.items.map((item) => item.marks.map((m) => `${m.kind}:${item.text.slice(m.start, m.end)}`)),
    );
    expect(marked).toEqual([
      [
        ['term:ECOG', 'threshold:0~1'],
        ['term:eGFR', 'threshold:≥30ML/min/1.73m2'],
      ],
      [['term:GVHD', 'term:ECOG']],
    ]);
    expect(terms.map((t) => t.form)).toEqual(['ECOG', 'eGFR', 'GVHD']);
  });

  it('undoes markdown escapes only', () => {
    expect(unescapeMarkdown('\\>= 18, ECOG 0\\~1, \\[see\\], a\\b')).toBe('>= 18, ECOG 0~1, [see], a\\b');
  });
});

const withCriteria = realStudies().filter(
  (s) =>
    typeof (s.raw as { protocolSection?: { eligibilityModule?: { eligibilityCriteria?: unknown } } })
      .protocolSection?.eligibilityModule?.eligibilityCriteria === 'string',
);
const criteriaOf = (raw: unknown) =>
  (raw as { protocolSection: { eligibilityModule: { eligibilityCriteria: string } } }).protocolSection
    .eligibilityModule.eligibilityCriteria;

describe(`eligibility criteria of real records (${describeFixtures()})`, () => {
  it
    .skipIf(!HAVE_CTGOV)
    .each(HAVE_CTGOV ? withCriteria.map((s) => [s.nctId, s.file, s.raw] as const) : realStudyRows())(
    '%s (%s): nothing lost, inclusion and exclusion found where written',
    (_id, _file, raw) => {
      const text = criteriaOf(raw);
      const sections = parseCriteria(text);
      const parsedWords = sections.flatMap((s) => [...words(s.heading ?? ''), ...s.items.flatMap(words)]);
      expect(parsedWords).toEqual(words(text));
      if (/inclusion criteria/i.test(text)) expect(sections.some((s) => s.kind === 'inclusion')).toBe(true);
      if (/exclusion criteria/i.test(text)) expect(sections.some((s) => s.kind === 'exclusion')).toBe(true);
    },
  );
});
