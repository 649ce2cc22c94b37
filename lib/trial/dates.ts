/**
 * Dates, in one locale, with `Intl`: the days we stamp (when data was fetched, cited), the registry's
 * partial dates (`2025-03`), and how fresh a record's status is. Pure.
 */
import { isFinal, statusLabel } from './status';
import type { RegistryDate, TrialSummary } from './summary';

/** The one locale for dates: day month year, month abbreviated (`26 Nov 2026`). */
export const DATE_LOCALE = 'en-GB';

/** A moment (ms since epoch) as a day in the reader's time zone: `26 Nov 2026`, or `26 November 2026`. */
export function formatDay(ms: number, month: 'short' | 'long' = 'short'): string {
  return new Intl.DateTimeFormat(DATE_LOCALE, { day: 'numeric', month, year: 'numeric' }).format(ms);
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const MONTH_YEAR = new Intl.DateTimeFormat(DATE_LOCALE, { month: 'short', year: 'numeric', timeZone: 'UTC' });
const DAY_MONTH_YEAR = new Intl.DateTimeFormat(DATE_LOCALE, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** Start of the month or day a partial date names, as ms since epoch (UTC). */
export function partialDateTime(value: string): number | undefined {
  const m = PARTIAL_DATE.exec(value);
  if (!m) return undefined;
  const month = Number(m[2] ?? 1);
  if (month < 1 || month > 12) return undefined;
  return Date.UTC(Number(m[1]), month - 1, Number(m[3] ?? 1));
}

/**
 * The registry's dates as written, in words: `2025-03` → `Mar 2025`; `2025-05-02` → `2 May 2025`;
 * `2025` → `2025`. A date is a calendar date, not a moment: formatted in UTC so no time zone moves it.
 * Anything else is shown as written.
 */
export function formatPartialDate(value: string): string {
  const m = PARTIAL_DATE.exec(value);
  const at = partialDateTime(value);
  if (!m || at === undefined) return value;
  if (!m[2]) return m[1] ?? value;
  return (m[3] ? DAY_MONTH_YEAR : MONTH_YEAR).format(at);
}

export function formatRegistryDate(date: RegistryDate, now?: number): string {
  if (date.estimated && now !== undefined && hasPassed(date, now))
    return `${formatPartialDate(date.date)} (estimated — passed)`;
  return `${formatPartialDate(date.date)}${date.estimated ? ' (estimated)' : ''}`;
}

/** An estimated date whose whole period (a month, for `2025-12`) is behind `now`. */
export function hasPassed(date: RegistryDate, now: number): boolean {
  const at = partialDateTime(date.date);
  if (at === undefined) return false;
  const end = new Date(at);
  const parts = date.date.split('-').length;
  if (parts === 1) end.setUTCFullYear(end.getUTCFullYear() + 1);
  else if (parts === 2) end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCDate(end.getUTCDate() + 1);
  return end.getTime() <= now;
}

/**
 * Estimated dates already behind us: the sponsor has not updated them, so the record is out of date
 * there. Each as `completion Dec 2025`.
 */
export function passedEstimates(trial: TrialSummary, now: number): string[] {
  const named: [string, RegistryDate | undefined][] = [
    ['start', trial.dates.start],
    ['primary completion', trial.dates.primaryCompletion],
    ['completion', trial.dates.completion],
  ];
  return named.flatMap(([name, date]) =>
    date?.estimated && hasPassed(date, now) ? [`${name} ${formatPartialDate(date.date)}`] : [],
  );
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
  if (verifiedAt !== undefined && now - verifiedAt > TWO_YEARS_MS && !isFinal(overall)) {
    return { text, warning: 'Status not verified by the sponsor for over 2 years: it may have changed.' };
  }
  return { text };
}

/**
 * How far to trust the status, in a few words for lists (popup, exports): `unknown status` (the sponsor
 * has not confirmed it for over two years), `not verified for over 2 years`, or nothing.
 */
export function statusFlag(trial: TrialSummary, now: number): string | undefined {
  if (trial.status.overall === 'UNKNOWN') return 'unknown status: not confirmed for over 2 years';
  return freshness(trial, now).warning ? 'not verified for over 2 years' : undefined;
}
