/**
 * Plain-language meanings of the abbreviations and terms that fill eligibility criteria. Written by
 * us, short, for a reader who is not a specialist; each entry names the public glossary it was checked
 * against (`source`). Pure data plus a finder.
 *
 * Abbreviations match case-sensitively as whole words (`ALL` the leukaemia must not match "all");
 * abbreviations that mean different things in different trials (PR, SS, DM, PE, OS, IGA) are left out
 * rather than guessed.
 */

export interface GlossaryEntry {
  /** As written in criteria; the first form is the display name. */
  forms: string[];
  meaning: string;
  /** The public glossary the meaning was checked against. */
  source: string;
  /** Match regardless of case (for words and phrases, not abbreviations). */
  anyCase?: boolean;
}

const NCI = 'NCI Dictionary of Cancer Terms (cancer.gov)';
const MEDLINE = 'MedlinePlus, US National Library of Medicine';
const NCIT = 'NCI Thesaurus (ncit.nci.nih.gov)';
const CTGOV = 'ClinicalTrials.gov glossary of common site terms';

export const GLOSSARY: GlossaryEntry[] = [
  {
    forms: ['ECOG'],
    meaning:
      'A 0–5 scale of how well a person manages daily activities; 0 is fully active, higher numbers mean more limited.',
    source: 'ECOG-ACRIN Performance Status scale; ' + NCI,
  },
  {
    forms: ['KPS', 'Karnofsky'],
    meaning:
      'Karnofsky Performance Status: a 0–100 score of how well a person can carry out daily activities; 100 is normal.',
    source: NCI,
  },
  {
    forms: ['ULN'],
    meaning:
      'Upper limit of normal: the highest value of a lab test that is still in the normal range for that laboratory.',
    source: NCIT,
  },
  {
    forms: ['LLN'],
    meaning: 'Lower limit of normal: the lowest value of a lab test that is still in the normal range.',
    source: NCIT,
  },
  {
    forms: ['eGFR'],
    meaning:
      'Estimated glomerular filtration rate: how well the kidneys filter blood, calculated from a blood test.',
    source: MEDLINE,
  },
  {
    forms: ['GFR'],
    meaning:
      'Glomerular filtration rate: how much blood the kidneys filter each minute, a measure of kidney function.',
    source: MEDLINE,
  },
  {
    forms: ['CrCl', 'creatinine clearance'],
    meaning: 'How well the kidneys clear creatinine from the blood, used as a measure of kidney function.',
    source: MEDLINE,
  },
  {
    forms: ['LVEF'],
    meaning:
      "Left ventricular ejection fraction: the share of blood the heart's main chamber pumps out with each beat (normal is about 55–70%).",
    source: MEDLINE,
  },
  {
    forms: ['DLCO'],
    meaning:
      'Diffusing capacity of the lungs for carbon monoxide: how well oxygen passes from the lungs into the blood.',
    source: MEDLINE,
  },
  {
    forms: ['FVC'],
    meaning:
      'Forced vital capacity: the most air a person can breathe out after a deep breath, a lung function measure.',
    source: MEDLINE,
  },
  {
    forms: ['FEV1'],
    meaning:
      'Forced expiratory volume in one second: how much air a person can breathe out in the first second of a forced breath.',
    source: MEDLINE,
  },
  {
    forms: ['HbA1c', 'A1C'],
    meaning: 'A blood test showing average blood sugar over the past two to three months.',
    source: MEDLINE,
  },
  {
    forms: ['ANC'],
    meaning: 'Absolute neutrophil count: the number of neutrophils, white blood cells that fight infection.',
    source: NCI,
  },
  {
    forms: ['WBC'],
    meaning: 'White blood cell count: the number of infection-fighting cells in the blood.',
    source: MEDLINE,
  },
  {
    forms: ['Hb', 'HGB', 'Hgb'],
    meaning: 'Haemoglobin: the protein in red blood cells that carries oxygen; low levels mean anaemia.',
    source: MEDLINE,
  },
  {
    forms: ['PLT'],
    meaning: 'Platelet count: the number of platelets, the blood cells that help blood clot.',
    source: MEDLINE,
  },
  {
    forms: ['INR'],
    meaning:
      'International normalised ratio: a measure of how long blood takes to clot, used to monitor blood thinners.',
    source: MEDLINE,
  },
  {
    forms: ['aPTT', 'PTT'],
    meaning: 'Activated partial thromboplastin time: a blood test of how long blood takes to clot.',
    source: MEDLINE,
  },
  {
    forms: ['AST', 'SGOT'],
    meaning: 'Aspartate aminotransferase: a liver enzyme; high blood levels can mean liver damage.',
    source: MEDLINE,
  },
  {
    forms: ['ALT', 'SGPT'],
    meaning: 'Alanine aminotransferase: a liver enzyme; high blood levels can mean liver damage.',
    source: MEDLINE,
  },
  {
    forms: ['ALP'],
    meaning:
      'Alkaline phosphatase: an enzyme from the liver and bones; high levels can point to liver or bone disease.',
    source: MEDLINE,
  },
  {
    forms: ['LDH'],
    meaning:
      'Lactate dehydrogenase: an enzyme released when cells are damaged; high levels can signal tissue damage or some cancers.',
    source: MEDLINE,
  },
  {
    forms: ['CK', 'CPK'],
    meaning: 'Creatine kinase: a muscle enzyme; high levels can mean muscle damage or inflammation.',
    source: MEDLINE,
  },
  { forms: ['CRP'], meaning: 'C-reactive protein: a blood marker of inflammation.', source: MEDLINE },
  {
    forms: ['ESR'],
    meaning: 'Erythrocyte sedimentation rate: a blood test that indirectly measures inflammation.',
    source: MEDLINE,
  },
  {
    forms: ['TSH'],
    meaning: 'Thyroid-stimulating hormone: a blood test of thyroid function.',
    source: MEDLINE,
  },
  {
    forms: ['hCG', 'β-hCG'],
    meaning: 'Human chorionic gonadotropin: the hormone measured by pregnancy tests.',
    source: MEDLINE,
  },
  {
    forms: ['FSH'],
    meaning: 'Follicle-stimulating hormone: a hormone test used, among other things, to confirm menopause.',
    source: MEDLINE,
  },
  {
    forms: ['HBsAg'],
    meaning: 'Hepatitis B surface antigen: a blood test that shows a current hepatitis B infection.',
    source: MEDLINE,
  },
  {
    forms: ['HBcAb', 'anti-HBc'],
    meaning: 'Hepatitis B core antibody: a blood test showing a past or current hepatitis B infection.',
    source: MEDLINE,
  },
  { forms: ['HBV'], meaning: 'Hepatitis B virus, which infects the liver.', source: MEDLINE },
  { forms: ['HCV'], meaning: 'Hepatitis C virus, which infects the liver.', source: MEDLINE },
  {
    forms: ['HIV'],
    meaning: 'Human immunodeficiency virus, which weakens the immune system and can lead to AIDS.',
    source: MEDLINE,
  },
  {
    forms: ['CMV'],
    meaning:
      'Cytomegalovirus: a common virus that can cause serious illness in people with weak immune systems.',
    source: MEDLINE,
  },
  {
    forms: ['EBV'],
    meaning: 'Epstein–Barr virus: a common virus that causes glandular fever (mononucleosis).',
    source: MEDLINE,
  },
  {
    forms: ['TB'],
    meaning: 'Tuberculosis: a bacterial infection that usually affects the lungs.',
    source: MEDLINE,
  },
  {
    forms: ['GVHD'],
    meaning:
      "Graft-versus-host disease: after a stem cell or bone marrow transplant, the donor's immune cells attack the recipient's body.",
    source: NCI,
  },
  {
    forms: ['CAR-T', 'CAR T'],
    meaning:
      "Chimeric antigen receptor T-cell therapy: a patient's own immune cells are changed in a lab to recognise and attack disease cells, then given back.",
    source: NCI,
  },
  {
    forms: ['HSCT'],
    meaning:
      'Haematopoietic stem cell transplant: replacing blood-forming stem cells, from the patient or a donor.',
    source: NCI,
  },
  {
    forms: ['MMT-8', 'MMT8'],
    meaning:
      'Manual Muscle Testing of 8 muscle groups: a strength score used in myositis; the higher, the stronger.',
    source: NCIT,
  },
  {
    forms: ['SLEDAI', 'SLEDAI-2K'],
    meaning:
      'Systemic Lupus Erythematosus Disease Activity Index: a score of how active lupus is; higher means more active.',
    source: NCIT,
  },
  {
    forms: ['ESSDAI'],
    meaning: "EULAR Sjögren's Syndrome Disease Activity Index: a score of how active Sjögren's disease is.",
    source: NCIT,
  },
  {
    forms: ['mRSS'],
    meaning: 'Modified Rodnan skin score: how thick the skin is in 17 body areas, used in scleroderma.',
    source: NCIT,
  },
  {
    forms: ['BVAS'],
    meaning: 'Birmingham Vasculitis Activity Score: a score of how active vasculitis is.',
    source: NCIT,
  },
  {
    forms: ['EASI'],
    meaning: 'Eczema Area and Severity Index: a 0–72 score of how widespread and severe eczema is.',
    source: NCIT,
  },
  {
    forms: ['BSA'],
    meaning:
      'Body surface area: in skin disease, the share of skin affected; in dosing, body size from height and weight.',
    source: MEDLINE,
  },
  {
    forms: ['BMI'],
    meaning: 'Body mass index: weight in kilograms divided by height in metres squared.',
    source: MEDLINE,
  },
  {
    forms: ['NYHA'],
    meaning:
      'New York Heart Association class I–IV: how much heart failure limits physical activity; IV is the most limited.',
    source: MEDLINE,
  },
  {
    forms: ['QTc'],
    meaning:
      'Corrected QT interval: a measure on the ECG of how long the heart takes to recharge between beats; a long QTc raises the risk of dangerous rhythms.',
    source: MEDLINE,
  },
  {
    forms: ['ECG', 'EKG'],
    meaning: "Electrocardiogram: a recording of the heart's electrical activity.",
    source: MEDLINE,
  },
  {
    forms: ['MRI'],
    meaning: 'Magnetic resonance imaging: detailed body pictures made with magnets and radio waves.',
    source: MEDLINE,
  },
  {
    forms: ['CT'],
    meaning: 'Computed tomography: detailed cross-section X-ray pictures of the body.',
    source: MEDLINE,
  },
  {
    forms: ['PET'],
    meaning:
      'Positron emission tomography: a scan that shows how tissues use a slightly radioactive tracer, often to find cancer.',
    source: MEDLINE,
  },
  {
    forms: ['RECIST'],
    meaning:
      'Response Evaluation Criteria in Solid Tumors: rules for measuring whether tumours shrink, stay the same or grow on scans.',
    source: NCI,
  },
  {
    forms: ['CTCAE', 'NCI-CTCAE'],
    meaning:
      "Common Terminology Criteria for Adverse Events: the NCI's grading of side effects from 1 (mild) to 5 (death).",
    source: NCI,
  },
  {
    forms: ['PD-1'],
    meaning:
      'Programmed death-1: a protein on immune cells that some cancer drugs block to help the immune system attack cancer.',
    source: NCI,
  },
  {
    forms: ['PD-L1'],
    meaning:
      'Programmed death-ligand 1: a protein on some cancer cells; tests for it help choose immunotherapy.',
    source: NCI,
  },
  {
    forms: ['HER2'],
    meaning:
      'Human epidermal growth factor receptor 2: a protein that drives some breast and stomach cancers and can be targeted by drugs.',
    source: NCI,
  },
  { forms: ['CNS'], meaning: 'Central nervous system: the brain and spinal cord.', source: MEDLINE },
  {
    forms: ['ILD'],
    meaning: 'Interstitial lung disease: a group of conditions that scar and stiffen the lungs.',
    source: MEDLINE,
  },
  {
    forms: ['COPD'],
    meaning: 'Chronic obstructive pulmonary disease: long-term lung disease that makes breathing hard.',
    source: MEDLINE,
  },
  {
    forms: ['NSCLC'],
    meaning: 'Non-small cell lung cancer: the most common type of lung cancer.',
    source: NCI,
  },
  { forms: ['SCLC'], meaning: 'Small cell lung cancer: a fast-growing type of lung cancer.', source: NCI },
  {
    forms: ['CLL'],
    meaning: 'Chronic lymphocytic leukaemia: a slow-growing cancer of white blood cells.',
    source: NCI,
  },
  {
    forms: ['SLL'],
    meaning: 'Small lymphocytic lymphoma: the same disease as CLL when it is mainly in the lymph nodes.',
    source: NCI,
  },
  {
    forms: ['AML'],
    meaning: 'Acute myeloid leukaemia: a fast-growing cancer of the blood and bone marrow.',
    source: NCI,
  },
  {
    forms: ['CML'],
    meaning: 'Chronic myeloid leukaemia: a slow-growing cancer of the blood-forming cells.',
    source: NCI,
  },
  {
    forms: ['MDS'],
    meaning: 'Myelodysplastic syndromes: bone marrow disorders in which blood cells do not form properly.',
    source: NCI,
  },
  {
    forms: ['DLBCL'],
    meaning: 'Diffuse large B-cell lymphoma: the most common fast-growing type of non-Hodgkin lymphoma.',
    source: NCI,
  },
  {
    forms: ['SLE'],
    meaning:
      'Systemic lupus erythematosus: an autoimmune disease in which the immune system attacks many organs.',
    source: MEDLINE,
  },
  {
    forms: ['SSc'],
    meaning:
      'Systemic sclerosis (scleroderma): an autoimmune disease that hardens the skin and can affect organs.',
    source: MEDLINE,
  },
  {
    forms: ['ANCA'],
    meaning: 'Anti-neutrophil cytoplasmic antibodies: blood markers found in some forms of vasculitis.',
    source: MEDLINE,
  },
  {
    forms: ['AAV', 'ANCA-AAV'],
    meaning: 'ANCA-associated vasculitis: inflammation of small blood vessels linked to ANCA antibodies.',
    source: NCIT,
  },
  {
    forms: ['GPA'],
    meaning:
      'Granulomatosis with polyangiitis: a form of ANCA-associated vasculitis affecting the nose, lungs and kidneys.',
    source: MEDLINE,
  },
  {
    forms: ['MPA'],
    meaning: 'Microscopic polyangiitis: a form of ANCA-associated vasculitis of small blood vessels.',
    source: NCIT,
  },
  {
    forms: ['EGPA'],
    meaning:
      'Eosinophilic granulomatosis with polyangiitis: a form of vasculitis with asthma and high eosinophil counts.',
    source: NCIT,
  },
  {
    forms: ['IBD'],
    meaning: "Inflammatory bowel disease: Crohn's disease and ulcerative colitis.",
    source: MEDLINE,
  },
  { forms: ['T2DM'], meaning: 'Type 2 diabetes mellitus.', source: MEDLINE },
  {
    forms: ['OGTT'],
    meaning: 'Oral glucose tolerance test: blood sugar measured before and after a sugary drink.',
    source: MEDLINE,
  },
  {
    forms: ['PCI'],
    meaning:
      'Percutaneous coronary intervention: opening a narrowed heart artery with a balloon or stent through a catheter.',
    source: MEDLINE,
  },
  {
    forms: ['TIMI'],
    meaning:
      'Thrombolysis in Myocardial Infarction scores: grades of blood flow in a heart artery (0 none to 3 normal).',
    source: NCIT,
  },
  {
    forms: ['ACS'],
    meaning:
      'Acute coronary syndrome: sudden reduced blood flow to the heart, such as a heart attack or unstable angina.',
    source: MEDLINE,
  },
  { forms: ['MI'], meaning: 'Myocardial infarction: a heart attack.', source: MEDLINE },
  { forms: ['CABG'], meaning: 'Coronary artery bypass graft surgery.', source: MEDLINE },
  {
    forms: ['DVT'],
    meaning: 'Deep vein thrombosis: a blood clot in a deep vein, usually in the leg.',
    source: MEDLINE,
  },
  {
    forms: ['NSAID', 'NSAIDs'],
    meaning: 'Non-steroidal anti-inflammatory drugs, such as ibuprofen.',
    source: MEDLINE,
  },
  { forms: ['IV'], meaning: 'Intravenous: given into a vein.', source: MEDLINE },
  {
    forms: ['IRB'],
    meaning:
      'Institutional review board: an ethics committee that approves and oversees research with people.',
    source: CTGOV,
  },
  {
    forms: ['ICF', 'informed consent'],
    meaning:
      'Informed consent: agreeing in writing to take part after being told the purpose, risks and benefits of a study.',
    source: CTGOV,
  },
  {
    forms: ['WOCBP', 'childbearing potential'],
    meaning:
      'Women of childbearing potential: women who could become pregnant (not past menopause and not surgically sterile).',
    source: NCIT,
  },
  {
    forms: ['washout'],
    meaning:
      'A period without a previous treatment before starting the study treatment, so its effects wear off.',
    source: CTGOV,
    anyCase: true,
  },
  {
    forms: ['AE', 'AEs'],
    meaning:
      'Adverse event: any unwanted health problem during a study, whether or not caused by the treatment.',
    source: CTGOV,
  },
  {
    forms: ['SAE', 'SAEs'],
    meaning:
      'Serious adverse event: an unwanted event that is life-threatening, needs hospital care or causes lasting harm.',
    source: CTGOV,
  },
  {
    forms: ['DLT'],
    meaning: 'Dose-limiting toxicity: a side effect serious enough to stop the dose being raised further.',
    source: NCI,
  },
  {
    forms: ['MTD'],
    meaning: 'Maximum tolerated dose: the highest dose that does not cause unacceptable side effects.',
    source: NCI,
  },
  {
    forms: ['HLA'],
    meaning: 'Human leukocyte antigens: proteins used to match transplant donors and recipients.',
    source: MEDLINE,
  },
  {
    forms: ['CD19'],
    meaning: 'A protein on the surface of B cells, targeted by some CAR-T and antibody treatments.',
    source: NCI,
  },
  {
    forms: ['CD20'],
    meaning: 'A protein on the surface of B cells, targeted by drugs such as rituximab.',
    source: NCI,
  },
  {
    forms: ['Child-Pugh'],
    meaning: 'A score (class A, B or C) of how severe chronic liver disease is; C is the most severe.',
    source: MEDLINE,
  },
  {
    forms: ['performance status'],
    meaning:
      'How well a person can carry out ordinary daily activities, often scored with ECOG or Karnofsky.',
    source: NCI,
    anyCase: true,
  },
  {
    forms: ['measurable disease'],
    meaning: 'A tumour that can be measured accurately on scans, so that its change in size can be followed.',
    source: NCI,
    anyCase: true,
  },
];

export interface TermMatch {
  entry: GlossaryEntry;
  /** The text as written. */
  text: string;
  start: number;
  end: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byForm = new Map<string, GlossaryEntry>();
const anyCaseForm = new Map<string, GlossaryEntry>();
for (const entry of GLOSSARY) {
  for (const form of entry.forms)
    (entry.anyCase ? anyCaseForm : byForm).set(entry.anyCase ? form.toLowerCase() : form, entry);
}
const longestFirst = (forms: Iterable<string>) =>
  [...forms]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
/** Whole words only: not inside another word, and not glued to letters or digits on either side. */
const EXACT = new RegExp(`(?<![\\p{L}\\p{N}-])(${longestFirst(byForm.keys())})(?![\\p{L}\\p{N}])`, 'gu');
const ANY_CASE = new RegExp(
  `(?<![\\p{L}\\p{N}])(${longestFirst(anyCaseForm.keys())})(?![\\p{L}\\p{N}])`,
  'giu',
);

/** The glossary terms in a text, in order, without overlaps. */
export function findTerms(text: string): TermMatch[] {
  const found: TermMatch[] = [];
  for (const [re, lookup] of [
    [EXACT, (t: string) => byForm.get(t)],
    [ANY_CASE, (t: string) => anyCaseForm.get(t.toLowerCase())],
  ] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const entry = lookup(m[0]);
      const start = m.index;
      const end = start + m[0].length;
      if (entry && !found.some((f) => start < f.end && end > f.start))
        found.push({ entry, text: m[0], start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
