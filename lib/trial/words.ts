/**
 * Words for registry values that are not statuses or dates: phases, study types, ages, sex, counts.
 * Pure. A value we have no words for is shown as the registry wrote it, made readable.
 */

/** `SOME_NEW_VALUE` → `Some new value`: a value we have no words for, still readable. */
export function humanise(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const PHASE_NUMBER: Record<string, string> = {
  EARLY_PHASE1: 'Early phase 1',
  PHASE1: '1',
  PHASE2: '2',
  PHASE3: '3',
  PHASE4: '4',
};

/**
 * The phase itself, without the word "Phase" (callers that want a sentence use `phaseFact`):
 * `['PHASE1','PHASE2']` → `1/2`; `['NA']` → `Not applicable`; `['EARLY_PHASE1']` → `Early phase 1`;
 * none → undefined.
 */
export function phaseLabel(phases: readonly string[]): string | undefined {
  if (phases.length === 0) return undefined;
  if (phases.length === 1 && phases[0] === 'NA') return 'Not applicable';
  const numbered = phases.filter((p) => /^PHASE\d$/.test(p)).map((p) => PHASE_NUMBER[p]);
  const others = phases.filter((p) => !/^PHASE\d$/.test(p)).map((p) => PHASE_NUMBER[p] ?? humanise(p));
  return [...others, ...(numbered.length > 0 ? [numbered.join('/')] : [])].join(', ');
}

const STUDY_TYPE: Record<string, string> = {
  INTERVENTIONAL: 'Interventional',
  OBSERVATIONAL: 'Observational',
  EXPANDED_ACCESS: 'Expanded access',
};

export function studyTypeLabel(type: string | undefined): string | undefined {
  return type ? (STUDY_TYPE[type] ?? humanise(type)) : undefined;
}

/** `18 Years` → `18 years`; `1 Month` stays singular. */
function ageWords(age: string): string {
  return age.replace(/^(\d+) (\w+)$/, (_m, n: string, unit: string) => `${n} ${unit.toLowerCase()}`);
}

/** Age limits in words: `18 years and older`, `up to 65 years`, `18 to 65 years`, `any age`. */
export function ageRange(minimum: string | undefined, maximum: string | undefined): string {
  if (minimum && maximum) {
    const min = ageWords(minimum);
    const max = ageWords(maximum);
    const [minN, minUnit] = min.split(' ');
    const [maxN, maxUnit] = max.split(' ');
    return minUnit === maxUnit ? `${minN} to ${maxN} ${maxUnit}` : `${min} to ${max}`;
  }
  if (minimum) return `${ageWords(minimum)} and older`;
  if (maximum) return `up to ${ageWords(maximum)}`;
  return 'no age limit given';
}

const SEX: Record<string, string> = { ALL: 'All sexes', FEMALE: 'Female only', MALE: 'Male only' };

export function sexLabel(sex: string | undefined): string | undefined {
  return sex ? (SEX[sex] ?? humanise(sex)) : undefined;
}

const AGE_GROUP: Record<string, string> = { CHILD: 'children', ADULT: 'adults', OLDER_ADULT: 'older adults' };

/** The registry's age groups in words: `['ADULT','OLDER_ADULT']` → `adults, older adults`. */
export function ageGroups(stdAges: readonly string[]): string | undefined {
  return stdAges.length > 0
    ? stdAges.map((a) => AGE_GROUP[a] ?? humanise(a).toLowerCase()).join(', ')
    : undefined;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}
