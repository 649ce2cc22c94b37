/**
 * The registry's statuses, in one place: their words, their tone (how badges and chips are coloured),
 * and the rules that depend on them. Unknown values (a status the API adds tomorrow) are shown as the
 * registry wrote them, made readable, never mapped to something else. Pure.
 */
import { humanise } from './words';

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

export function statusLabel(status: string | undefined): { label: string; tone: StatusTone } {
  if (!status) return { label: 'Status not given', tone: 'unknown' };
  return STATUS[status] ?? { label: humanise(status), tone: 'unknown' };
}

/** Statuses for which the registry's `whyStopped` explains something. */
export function isStopped(status: string | undefined): boolean {
  return status === 'TERMINATED' || status === 'WITHDRAWN' || status === 'SUSPENDED';
}

/** Final statuses: an old verification date says nothing worrying about them. */
export function isFinal(status: string | undefined): boolean {
  return status === 'COMPLETED' || status === 'TERMINATED' || status === 'WITHDRAWN';
}

/** Site statuses that mean a person could still join there. */
const OPEN_SITE = new Set(['RECRUITING', 'NOT_YET_RECRUITING', 'ENROLLING_BY_INVITATION', 'AVAILABLE']);

export function isOpenSiteStatus(status: string | undefined): boolean {
  return OPEN_SITE.has(status ?? '');
}

/**
 * Overall statuses under which the sites' own statuses are current. Under any other (UNKNOWN,
 * completed, terminated, withdrawn, suspended), a site's "Recruiting" is only what was last reported:
 * never counted as open, never offered as the nearest open site.
 */
const SITES_CURRENT = new Set([
  'RECRUITING',
  'NOT_YET_RECRUITING',
  'ENROLLING_BY_INVITATION',
  'ACTIVE_NOT_RECRUITING',
  'AVAILABLE',
]);

export function siteStatusesAreCurrent(overall: string | undefined): boolean {
  return SITES_CURRENT.has(overall ?? '');
}
