/**
 * The 3–4 criteria a screener would look at first, each labelled Include or Exclude, for the card's
 * first view. Ranked by what decides screening: performance status, lab thresholds, stage and
 * measurable disease, prior therapy, then the key exclusions (pregnancy, active infection, CNS
 * disease). Never shown: the structured age/sex line again, definitions, lead-ins, consent or
 * compliance boilerplate, and the "other criteria may apply" closing note (which instead makes the
 * list partial, as does a "Key … criteria" heading). Pure; the frame runs it on the parsed criteria.
 */
import type { CriteriaSection, Criterion } from './summary';

export type CriterionLabel = 'Include' | 'Exclude';

export interface KeyCriterion {
  label: CriterionLabel;
  /** The criterion as shown: its first line, a leading "No …" turned into an exclusion. */
  item: Criterion;
  /** Where it stands in the full list. */
  section: number;
  index: number;
}

export interface KeyCriteria {
  items: KeyCriterion[];
  /** The registry lists only some criteria ("Key inclusion criteria", "other criteria may apply"). */
  partial: boolean;
}

interface Rank {
  /** Whether a criterion is of this kind. */
  test(item: Criterion): boolean;
  /** How many of this kind the first pass takes. */
  quota: number;
  /** Exclusions of this kind decide more than inclusions ("Prior CDK inhibitor"). */
  excludeFirst?: boolean;
}

const words = (pattern: RegExp) => (item: Criterion) => pattern.test(item.text);

/** Lab words, and abbreviations matched in their own case (`EGFR` the gene is not `eGFR`). */
const LAB_WORDS =
  /\b(neutrophils?|platelets?|ha?emoglobin|creatinine?|clearance|bilirubin|transaminases?|aminotransferases?|albumin|white blood cells?|granulocytes?|ejection fraction|lab(oratory)? (values|parameters)|organ function|(bone marrow|renal|liver|hepatic|hematological) function)\b/i;
const LAB_ABBREVIATIONS =
  /\b(eGFR|GFR|ANC|AST|ALT|INR|HbA1c|WBC|HGB|PLT|Hb|QTc|LVEF|CrCl|SGOT|SGPT|GOT|GPT)\b/;

/** Each kind of criterion, in the order a screener checks them. */
const RANKS: Rank[] = [
  { test: words(/\b(ECOG|Karnofsky|KPS|Lansky|performance status|WHO PS)\b/i), quota: 1 },
  { test: (item) => LAB_WORDS.test(item.text) || LAB_ABBREVIATIONS.test(item.text), quota: 2 },
  {
    test: words(
      /\b(stage|measurable|RECIST|Lugano|histologically|cytologically|pathologically|unresectable|metastatic|advanced)\b/i,
    ),
    quota: 1,
  },
  {
    test: words(
      /\b(prior(?! to\b)|previous(ly)?|received|refractory|relapsed|recurrent|lines? of (therapy|treatment)|failed|naive|inhibitors?|chemotherapy|radiotherapy|transplant(ation)?)\b/i,
    ),
    quota: 1,
    excludeFirst: true,
  },
  {
    test: words(
      /\b(pregnan\w*|breast[- ]?feeding|lactat\w*|nursing|infections?|HIV|hepatitis|HBV|HCV|CNS|central nervous system|brain metastas[ie]s|leptomeningeal)\b/i,
    ),
    quota: 1,
    excludeFirst: true,
  },
  // Any other number to meet (a disease score, a lesion count) before criteria without one.
  { test: (item) => item.marks.some((m) => m.kind === 'threshold'), quota: 1 },
];
const OTHER = RANKS.length;
/** Four fit the card's first view with the rest of it (DESIGN.md asks for 3–5). */
const MAX = 4;
const MIN = 3;

/** "Subjects who meet each of the following criteria are eligible:" — a lead-in, not a criterion. */
const isLeadIn = (text: string) => text.trimEnd().endsWith(':') && !text.includes('\n');

const CLOSING_NOTE =
  /\b(other|additional) (protocol[- ]defined )?(inclusion(\/| and | or )exclusion |inclusion |exclusion |eligibility )?(criteria|requirements) (may )?apply\b|not intended to contain all considerations|not all inclusion\/exclusion criteria are listed/i;

const BOILERPLATE =
  /\binformed (consent|assent)\b|\bconsent (form|document)\b|\bHIPAA\b|\b(willing|willingness|able|ability) (and (willing|able) )?to (comply|follow|cooperate|attend)\b|\bcomply with\b|\b(opinion|judgment|discretion) of the (investigator|researcher)\b|\binvestigator'?s? (opinion|judgment|discretion)\b|\bunacceptable to the investigator\b/i;

const DEFINITION =
  /^(definitions?\b|(a |an )?[\w\s-]{0,60}\b(is|are) defined as\b|(a |an )?(female|woman|women) of child-?bearing potential (is|are)\b)/i;

/** The structured age/sex line again: "Age ≥ 18 years", "Male or female, 18 and older". */
const AGE_OR_SEX =
  /^((the )?(patients?|participants?|subjects?) (is|are|must be) )?(healthy )?((male|female|males|females|men|women|either sex|both sexes|adults?)\b|ages?d?\b|aged\b|between \d|at least \d+ years|\d+ years|[≥>] ?\d+ years)/i;

/** Written as a negative under inclusion: "No prior treatment for mCRC" reads as an exclusion. */
const NEGATIVE = /^(no|without|absence of|free of)\s+/i;

function isShown(text: string): boolean {
  return !(
    isLeadIn(text) ||
    CLOSING_NOTE.test(text) ||
    BOILERPLATE.test(text) ||
    DEFINITION.test(text) ||
    (AGE_OR_SEX.test(text) && text.length < 100)
  );
}

/** The first line only (nested items are shortened to it), marks cut to match. */
function firstLine(item: Criterion): Criterion {
  const end = item.text.indexOf('\n');
  if (end < 0) return item;
  const text = item.text.slice(0, end).replace(/:\s*$/, '');
  return { text, marks: item.marks.filter((m) => m.end <= text.length) };
}

/** "No prior X" under inclusion → Exclude "Prior X". Not when it carries a number to meet (LVEF ≥ 50%). */
function labelled(
  item: Criterion,
  kind: CriteriaSection['kind'],
): { label: CriterionLabel; item: Criterion } {
  if (kind === 'exclusion') return { label: 'Exclude', item };
  const negative = NEGATIVE.exec(item.text);
  if (!negative || item.marks.some((m) => m.kind === 'threshold')) return { label: 'Include', item };
  const cut = negative[0].length;
  const rest = item.text.slice(cut);
  return {
    label: 'Exclude',
    item: {
      text: rest.charAt(0).toUpperCase() + rest.slice(1),
      marks: item.marks
        .filter((m) => m.start >= cut)
        .map((m) => ({ ...m, start: m.start - cut, end: m.end - cut })),
    },
  };
}

function rankOf(item: Criterion): number {
  const at = RANKS.findIndex((rank) => rank.test(item));
  return at < 0 ? OTHER : at;
}

/** `max`: how many at most (3 or 4: what the card's first view has room for). */
export function keyCriteria(sections: CriteriaSection[], max = MAX): KeyCriteria {
  const partial = sections.some(
    (s) => /\bkey\b/i.test(s.heading ?? '') || s.items.some((item) => CLOSING_NOTE.test(item.text)),
  );
  // With an inclusion heading, an "other" section is a preamble; without one, it is what to meet.
  const hasInclusion = sections.some((s) => s.kind === 'inclusion');
  const candidates = sections.flatMap((section, s) => {
    if (section.kind === 'other' && hasInclusion) return [];
    return section.items.flatMap((original, index) => {
      const shown = firstLine(original);
      if (!isShown(shown.text)) return [];
      const { label, item } = labelled(shown, section.kind);
      return [{ label, item, section: s, index, rank: rankOf(item) }];
    });
  });
  type Candidate = (typeof candidates)[number];
  const labelOrder = (c: Candidate) =>
    (c.label === 'Exclude') === (RANKS[c.rank]?.excludeFirst ?? false) ? 0 : 1;
  const ordered = [...candidates].sort((a, b) => a.rank - b.rank || labelOrder(a) - labelOrder(b));
  const picked = new Set<Candidate>();
  const taken = new Map<number, number>();
  for (const candidate of ordered) {
    const quota = RANKS[candidate.rank]?.quota ?? 0;
    if (picked.size >= max || (taken.get(candidate.rank) ?? 0) >= quota) continue;
    picked.add(candidate);
    taken.set(candidate.rank, (taken.get(candidate.rank) ?? 0) + 1);
  }
  // Too few of the deciding kinds: the next criteria in rank order fill up to the minimum.
  for (const candidate of ordered) if (picked.size < Math.min(MIN, max)) picked.add(candidate);
  // Both sides when the record has both: what a patient must have, and what rules them out.
  for (const label of ['Include', 'Exclude'] as const) {
    const first = ordered.find((c) => c.label === label);
    if (!first || [...picked].some((c) => c.label === label)) continue;
    if (picked.size >= max) picked.delete(ordered.filter((c) => picked.has(c)).at(-1) as Candidate);
    picked.add(first);
  }
  const items = ordered
    .filter((c) => picked.has(c))
    .map(({ label, item, section, index }) => ({ label, item, section, index }));
  return { items, partial };
}
