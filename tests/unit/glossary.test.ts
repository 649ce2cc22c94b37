import { describe, expect, it } from 'vitest';
import { GLOSSARY, findTerms } from '@/lib/trial/glossary';

describe('glossary of criteria terms', () => {
  it('explains at least 80 terms, each with a short meaning and a source', () => {
    expect(GLOSSARY.length).toBeGreaterThanOrEqual(80);
    for (const entry of GLOSSARY) {
      expect(entry.forms.length).toBeGreaterThan(0);
      expect(entry.meaning.length).toBeGreaterThan(10);
      expect(entry.meaning.length).toBeLessThan(200);
      expect(entry.source).toMatch(/\S/);
    }
  });

  it('covers the terms the issue names', () => {
    const forms = new Set(GLOSSARY.flatMap((e) => e.forms));
    for (const term of [
      'ECOG',
      'ULN',
      'eGFR',
      'LVEF',
      'DLCO',
      'FVC',
      'HBsAg',
      'HBcAb',
      'GVHD',
      'CAR-T',
      'MMT-8',
    ]) {
      expect(forms.has(term), term).toBe(true);
    }
  });

  it('names each form once', () => {
    const forms = GLOSSARY.flatMap((e) => e.forms.map((f) => (e.anyCase ? f.toLowerCase() : f)));
    expect(new Set(forms).size).toBe(forms.length);
  });

  it.each([
    ['ECOG 0~1 score;', ['ECOG']],
    ['AST and ALT≤3.0 ULN, total bilirubin ≤2.0 ULN;', ['AST', 'ALT', 'ULN', 'ULN']],
    ['Hepatitis B surface antigen (HBsAg) or hepatitis B core antibody (HBcAb) positive', ['HBsAg', 'HBcAb']],
    ['Had previously received CAR-T cell therapy; grade 2 GVHD', ['CAR-T', 'GVHD']],
    ['Lung function: DLCO≥40% predicted value; FVC≥50% expected value', ['DLCO', 'FVC']],
    ['Women of childbearing potential must use contraception', ['childbearing potential']],
    ['Adequate Performance Status', ['Performance Status']],
    ['All patients, all sites', []],
    ['a CTG repeat and vitamin B12', []],
    ['CT scan of the chest', ['CT']],
    ['EASI-75 response', ['EASI']],
  ])('finds the terms in %j', (text, terms) => {
    expect(findTerms(text).map((t) => t.text)).toEqual(terms);
  });
});
