/**
 * Words for registry values: what the card says for a status, a phase, an age range, a date. Pure.
 * Unknown values (a status the API adds tomorrow) are shown as the registry wrote them, made readable,
 * never hidden or mapped to something else.
 */
import type { RegistryDate, TrialSummary } from './summary';

/** How a status badge is coloured: open to participants, soon open, closed, stopped, unclear. */
export type StatusTone = 'open' | 'soon' | 'closed' | 'stopped' | 'unknown';

const STATUS: Record<string, { label: string; tone: StatusTone }> = {
  RECRUITING: { label: 'Recruiting', tone: 'open' },
  NOT_YET_RECRUITING: { label: 'Not yet recruiting', tone: 'soon' },
  ENROLLING_BY_INVITATION: { label: 'Enrolling by invitation', tone: 'soon' },
  ACTIVE_NOT_RECRUITING: { label: 'Active, not recruiting', tone: 'closed' },
  COMPLETED: { label: 'Completed', tone: 'closed' },
  SUSPENDED: { label: 'Suspended', tone: 'stopped' },
  TERMINATED: { label: 'Terminated', tone: 'stopped' },
  WITHDRAWN: { label: 'Withdrawn', tone: 'stopped' },
  UNKNOWN: { label: 'Unknown status', tone: 'unknown' },
  AVAILABLE: { label: 'Expanded access available', tone: 'open' },
  NO_LONGER_AVAILABLE: { label: 'Expanded access no longer available', tone: 'closed' },
  TEMPORARILY_NOT_AVAILABLE: { label: 'Expanded access temporarily not available', tone: 'stopped' },
  APPROVED_FOR_MARKETING: { label: 'Approved for marketing', tone: 'closed' },
  WITHHELD: { label: 'Withheld', tone: 'unknown' },
};

/** `SOME_NEW_VALUE` → `Some new value`: a value we have no words for, still readable. */
export function humanise(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function statusLabel(status: string | undefined): { label: string; tone: StatusTone } {
  if (!status) return { label: 'Status not given', tone: 'unknown' };
  return STATUS[status] ?? { label: humanise(status), tone: 'unknown' };
}

/** Statuses for which the registry's `whyStopped` explains something. */
export function isStopped(status: string | undefined): boolean {
  return status === 'TERMINATED' || status === 'WITHDRAWN' || status === 'SUSPENDED';
}

const PHASE_NUMBER: Record<string, string> = {
  EARLY_PHASE1: 'Early phase 1',
  PHASE1: '1',
  PHASE2: '2',
  PHASE3: '3',
  PHASE4: '4',
};

/** `['PHASE1','PHASE2']` → `Phase 1/2`; `['NA']` → `Not applicable`; none → undefined. */
export function phaseLabel(phases: readonly string[]): string | undefined {
  if (phases.length === 0) return undefined;
  if (phases.length === 1 && phases[0] === 'NA') return 'Phase: not applicable';
  const numbered = phases.filter((p) => /^PHASE\d$/.test(p)).map((p) => PHASE_NUMBER[p]);
  const others = phases.filter((p) => !/^PHASE\d$/.test(p)).map((p) => PHASE_NUMBER[p] ?? humanise(p));
  const parts = [...others, ...(numbered.length > 0 ? [`Phase ${numbered.join('/')}`] : [])];
  return parts.join(', ');
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

/** A moment (ms since epoch) as a day in the reader's time zone: `26 Nov 2026`, or `26 November 2026`. */
export function formatDay(ms: number, month: 'short' | 'long' = 'short'): string {
  return new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month, year: 'numeric' });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2025-03` → `Mar 2025`; `2025-05-02` → `2 May 2025`; `2025` → `2025`. Anything else as written. */
export function formatPartialDate(value: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return value;
  const [, year, month, day] = m;
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return year ?? value;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

export function formatRegistryDate(date: RegistryDate): string {
  return `${formatPartialDate(date.date)}${date.estimated ? ' (estimated)' : ''}`;
}

/** Start of the month or day a partial date names, as ms since epoch (UTC). */
function partialDateTime(value: string): number | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1));
}

const TWO_YEARS_MS = 2 * 365.25 * 24 * 60 * 60 * 1000;

export interface Freshness {
  /** `verified Mar 2025, updated 2 May 2025`, from what the record gives. */
  text?: string;
  /** Set when the status may no longer be true: UNKNOWN, or not verified for over two years. */
  warning?: string;
}

/** How current the record's status is, in words, with a warning when it may be out of date. */
export function freshness(trial: TrialSummary, now: number): Freshness {
  const { verified, lastUpdatePosted, overall, lastKnown } = trial.status;
  const parts = [
    verified ? `verified ${formatPartialDate(verified)}` : undefined,
    lastUpdatePosted ? `updated ${formatPartialDate(lastUpdatePosted)}` : undefined,
  ].filter((part) => part !== undefined);
  const text = parts.length > 0 ? parts.join(', ') : undefined;
  if (overall === 'UNKNOWN') {
    const before = lastKnown ? ` Last known status: ${statusLabel(lastKnown).label.toLowerCase()}.` : '';
    return { text, warning: `The sponsor has not confirmed this trial's status in over 2 years.${before}` };
  }
  const verifiedAt = verified ? partialDateTime(verified) : undefined;
  if (verifiedAt !== undefined && now - verifiedAt > TWO_YEARS_MS && !isClosed(overall)) {
    return { text, warning: 'Status not verified by the sponsor for over 2 years: it may have changed.' };
  }
  return { text };
}

/** Final statuses: an old verification date says nothing worrying about them. */
function isClosed(status: string | undefined): boolean {
  return status === 'COMPLETED' || status === 'TERMINATED' || status === 'WITHDRAWN';
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}
