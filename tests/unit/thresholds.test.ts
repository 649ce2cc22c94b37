import { describe, expect, it } from 'vitest';
import { findThresholds } from '@/lib/trial/thresholds';

/**
 * Real criteria lines from the recorded registry records (and NCT06056921's public record), as the
 * card sees them (markdown escapes undone), with the spans a clinician checks.
 */
const REAL_LINES: [line: string, expected: string[]][] = [
  ['Absolute neutrophil count ≥ 1,500/µL', ['≥ 1,500/µL']],
  ['Platelets ≥ 100,000/ mm3', ['≥ 100,000/ mm3']],
  ['Hemoglobin ≥ 10g/dL', ['≥ 10g/dL']],
  ['Age ≥18 years (or per national guidelines).', ['≥18 years']],
  ['Life expectancy ≥ 12 months.', ['≥ 12 months']],
  ['1. Life expectancy ≥ 3 months', ['≥ 3 months']],
  ['Heart failure (LVEF ≤ 30 %).', ['≤ 30 %']],
  ['Successful acute PCI (residual stenosis < 30%, TIMI flow > 2).', ['< 30%', '> 2']],
  [
    'Active infection (C-reactive protein > 10 mg/dl), or fever, or diarrhoea within the last 4 weeks',
    ['> 10 mg/dl'],
  ],
  ['Impaired kidney function (creatinin > 2,5 mg/dl) at the time of treatment', ['> 2,5 mg/dl']],
  [
    'Significant liver disease (GOT > 2x upper normal value or spontaneous INR > 1,5.',
    ['> 2x upper normal value', '> 1,5'],
  ],
  [
    'Hematopoetic disease (anaemia with Hb< 8.5 mg/dl; thrombocytopenia < 100.000/µl; splenomegaly',
    ['< 8.5 mg/dl', '< 100.000/µl'],
  ],
  [
    'Must have a glucose pattern by Oral Glucose Tolerance Test with fasting blood glucose <126 mg/dl and 2 hour: 140 - 199 mg/dl or >200 mg/dl.',
    ['<126 mg/dl', '140 - 199 mg/dl', '>200 mg/dl'],
  ],
  ['Weight must be stable within 5% for 3 months prior to initiation visit', []],
  [
    'Patients who have received systemic steroids for more than 28 days during the 6 months prior to the study',
    ['more than 28 days'],
  ],
  ['Male or female adults ages 18 to 64 years with Chronic AD', ['18 to 64 years']],
  ['Eczema Area and Severity Index (EASI) score ≥16 at the screening visit and the baseline visit', ['≥16']],
  [
    "Investigator's Global Assessment (IGA) score ≥3 (on the 0-4 IGA scale) at the screening and baseline visits",
    ['≥3'],
  ],
  ['≥10% body surface area (BSA) of AD involvement at the screening and baseline visits', ['≥10%']],
  [
    'Patients needing >10 mg of daily prednisone (including equivalent doses of other steroids) or high dose systemic corticosteroids (≥2 mg/kg) for 14 days',
    ['>10 mg', '≥2 mg/kg'],
  ],
  [
    'Total serum bilirubin ≤ ULN; or total bilirubin ≤ 3.0 × ULN with direct bilirubin within normal range',
    ['≤ 3.0 × ULN'],
  ],
  [
    'Aspartate amino transferase (AST or SGOT) and alanine amino transferase (ALT or SGPT) ≤ 1.5 × institutional ULN.',
    ['≤ 1.5 × institutional ULN'],
  ],
  ['creatinine clearance ≥ 60 mL/min/1.73 m2 for patients with serum creatinine', ['≥ 60 mL/min/1.73 m2']],
  [
    'Participant is male or non-pregnant and non-lactating female at least 18 years of age',
    ['at least 18 years'],
  ],
  [
    'Participant has a total of ≥10 and ≤40 inflammatory lesions (papules, pustules, and nodules) on the face',
    ['≥10', '≤40'],
  ],
  ['Participant has ≤2 nodules on the face', ['≤2']],
  ["Participant has an investigator's global assessment (IGA) score of ≥3", ['≥3']],
  ['Age ≥ 3 years and ≤ 18 years at the time of registration', ['≥ 3 years', '≤ 18 years']],
  ['HGB of > 10 g/L and PLT count > 80 K/uL', ['> 10 g/L', '> 80 K/uL']],
  ['Any prior therapeutic radiation therapy > 500 cGy has been delivered.', ['> 500 cGy']],
  [
    'Experiencing difficulties for >1 month, based on response to the self-reported Chronicity item',
    ['>1 month'],
  ],
  ['Postmenopausal for at least 12 months prior to study;', ['at least 12 months']],
  ['Eastern Cooperative Oncology Group (ECOG) Performance Status ≤ 1 at study entry.', ['≤ 1']],
  [
    'Adequate bone marrow hematological function: absolute neutrophil count (ANC) ≥ 1.5 x 109/L and platelet count ≥ 100 x 109/L and hemoglobin ≥ 9 g/dL.',
    ['≥ 1.5 x 109/L', '≥ 100 x 109/L', '≥ 9 g/dL'],
  ],
  [
    'Adequate renal function: serum creatinine ≤ 1.5 mg/dL OR creatinine clearance ≥ 60 mL/min in males and ≥50 mL/min in females',
    ['≤ 1.5 mg/dL', '≥ 60 mL/min', '≥50 mL/min'],
  ],
  ['Kidney: estimated glomerular filtration rate (Cockcroft-Gault) ≥ 50 mL/min.', ['≥ 50 mL/min']],
  [
    'Patient has a tumor amenable to injection of Toca 511 (ie, ≥ 2 cm and not close to or invading major vessels).',
    ['≥ 2 cm'],
  ],
  [
    'Patient has an ECOG Performance Status score of 0 or 1 (solid tumors) or KPS score ≥ 70 (rHGG).',
    ['0 or 1', '≥ 70'],
  ],
  ['Toxicity of previous antineoplastic therapy has returned to ≤ grade 1 defined by NCI-CTCAE v5.0;', []],
  ['No severe cardiac dysfunction, left ventricular ejection fraction ≥50%;', ['≥50%']],
  ['Urine protein ≤2+ or < 1000mg/24h;', ['≤2', '< 1000mg/24h']],
  ['KPS score≥70;', ['≥70']],
  [
    'Serum creatinine of 2.0 mg/dl or less, total bilirubin of 2.0 mg/dl or less and SGOT/SGPT of 2.5 X institutional norm or less.',
    ['2.0 mg/dl or less', '2.0 mg/dl or less', '2.5 X institutional norm or less'],
  ],
  [
    'Total whte blood cell (WBC) of 3,000 or more with at least 1500 granulocytes, hemoglobin of 9.0 gm/dl or more',
    ['3,000 or more', 'at least 1500', '9.0 gm/dl or more'],
  ],
  ['ECOG 0~1 score;', ['0~1']],
  ['SLEDAI score ≥8 for SLE patients;', ['≥8']],
  ['Renal function: eGFR≥30ML/min/1.73m2;', ['≥30ML/min/1.73m2']],
];

describe('threshold extraction from real criteria', () => {
  it('has at least 40 real lines', () => {
    expect(REAL_LINES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(REAL_LINES)('%s', (line, expected) => {
    const found = findThresholds(line);
    expect(found.map((t) => t.text)).toEqual(expected);
    for (const t of found) expect(line.slice(t.start, t.end)).toBe(t.text);
  });

  it.each([
    ['≥ 1,500/µL', '≥'],
    ['at least 18 years', '≥'],
    ['3,000 or more', '≥'],
    ['2.0 mg/dl or less', '≤'],
    ['more than 28 days', '>'],
    ['< 30%', '<'],
    ['ECOG 0-1', 'range'],
  ])('reads %s as %s', (text, comparator) => {
    expect(findThresholds(text)[0]?.comparator).toBe(comparator);
  });
});
