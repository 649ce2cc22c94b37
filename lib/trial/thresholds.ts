/**
 * The numbers a clinician checks in eligibility criteria: a comparator, a value, a unit
 * (`eGFR ≥ 30 mL/min/1.73m²`, `ECOG 0–1`, `platelets ≥ 100,000/mm3`, `2.0 mg/dl or less`,
 * `at least 5 years`). Pure. The item's own wording is never changed: a threshold is a span of it,
 * for the card to emphasise.
 */

export interface Threshold {
  /** The span as written, e.g. `≥ 1,500/µL` or `2.0 mg/dl or less`. */
  text: string;
  start: number;
  end: number;
  /** ≥ ≤ > < = or "range" (`0 or 1`, `18 to 64 years`). */
  comparator: '≥' | '≤' | '>' | '<' | '=' | 'range';
}

const NUMBER = String.raw`\d+(?:[.,]\d+)*`;
/** `× 10^9/L`, `x 10⁹`, and `x 109/L` (a superscript lost in copying). */
const TIMES_TEN = String.raw`(?:\s*[x×*]\s*10(?:\^\d+|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d)?)`;
const UNIT = [
  String.raw`%`,
  String.raw`(?:x|×|times)\s*(?:the\s+)?(?:institutional\s+)?(?:ULN|upper limit of normal|institutional norm|upper normal value)`,
  String.raw`(?:mL|ml)\s*\/\s*min(?:\s*\/\s*1[.,]73\s*m(?:2|²))?`,
  String.raw`(?:mg|g|gm|µg|ug|mcg|ng|pg|mmol|µmol|umol|mol|U|IU|mU|mEq|K|cells|G)\s*\/\s*(?:dL|dl|L|l|mL|ml|µL|uL|μL|mm3|mm³|kg|24\s*h|day|m2|m²)`,
  String.raw`\/\s*(?:µL|uL|μL|mm3|mm³|L|l|cu mm|mL)`,
  String.raw`kg\s*\/\s*m(?:2|²)`,
  String.raw`(?:mg|g|kg|cm|mm|mV|mmHg|cGy|Gy|bpm|msec|ms)\b`,
  String.raw`(?:years?|months?|weeks?|days?|hours?|leads?)\b`,
].join('|');
const MEASURE = `${NUMBER}${TIMES_TEN}?(?:\\s*(?:${UNIT}))?`;

const SYMBOL: Record<string, Threshold['comparator']> = {
  '≥': '≥',
  '>=': '≥',
  '=>': '≥',
  '≧': '≥',
  '≤': '≤',
  '<=': '≤',
  '=<': '≤',
  '≦': '≤',
  '>': '>',
  '<': '<',
  '=': '=',
};
const WORDS_BEFORE: Record<string, Threshold['comparator']> = {
  'at least': '≥',
  'no less than': '≥',
  'not less than': '≥',
  'minimum of': '≥',
  'more than': '>',
  'greater than': '>',
  above: '>',
  exceeding: '>',
  over: '>',
  'no more than': '≤',
  'not more than': '≤',
  'up to': '≤',
  'maximum of': '≤',
  'less than': '<',
  'fewer than': '<',
  below: '<',
  under: '<',
};
const WORDS_AFTER: Record<string, Threshold['comparator']> = {
  'or more': '≥',
  'or greater': '≥',
  'or higher': '≥',
  'or above': '≥',
  'or less': '≤',
  'or lower': '≤',
  'or fewer': '≤',
  'or below': '≤',
};

const alternatives = (words: Record<string, unknown>) =>
  Object.keys(words)
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');

const PATTERNS: { re: RegExp; comparator: (m: RegExpExecArray) => Threshold['comparator'] }[] = [
  // `≥ 1,500/µL`, `\> 10 mg/dl`, `≤ 1.5 × ULN`
  {
    // Units are written in any case by sponsors (`30ML/min`, `100.000/µl`).
    re: new RegExp(`(${alternatives(SYMBOL)})\\s*${MEASURE}`, 'gi'),
    comparator: (m) => SYMBOL[m[1] ?? ''] ?? '=',
  },
  // `at least 12 months`, `more than 28 days`
  {
    re: new RegExp(`\\b(${alternatives(WORDS_BEFORE)})\\s+${MEASURE}`, 'gi'),
    comparator: (m) => WORDS_BEFORE[(m[1] ?? '').toLowerCase()] ?? '=',
  },
  // `2.0 mg/dl or less`, `3,000 or more`
  {
    re: new RegExp(`${MEASURE}\\s+(${alternatives(WORDS_AFTER)})\\b`, 'gi'),
    comparator: (m) => WORDS_AFTER[(m[1] ?? '').toLowerCase()] ?? '=',
  },
  // Ranges: of a scale (`ECOG 0-1`, `ECOG 0~1`, `score of 0 or 1`) or with a unit (`18 to 64 years`).
  {
    re: new RegExp(
      `\\b(?:ECOG|KPS|Karnofsky|performance status|score)\\b[^\\d\\n]{0,25}?(\\d+\\s*(?:-|–|~|to|or)\\s*\\d+)` +
        `|\\b(${NUMBER}\\s*(?:-|–|to)\\s*${NUMBER}\\s*(?:${UNIT}))`,
      'gi',
    ),
    comparator: () => 'range',
  },
];

/** Every threshold in one criterion, in order, without overlaps. */
export function findThresholds(text: string): Threshold[] {
  const found: Threshold[] = [];
  for (const { re, comparator } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      let start = m.index;
      let span = m[0];
      const isRange = comparator(m) === 'range';
      // For a scale range, emphasise the numbers, not the scale's name before them.
      const rangeNumbers = m[1] ?? m[2];
      if (isRange && rangeNumbers) {
        start = m.index + m[0].lastIndexOf(rangeNumbers);
        span = rangeNumbers;
      }
      const trimmed = span.replace(/\s+$/, '');
      const end = start + trimmed.length;
      if (found.some((t) => start < t.end && end > t.start)) continue;
      found.push({ text: trimmed, start, end, comparator: comparator(m) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
