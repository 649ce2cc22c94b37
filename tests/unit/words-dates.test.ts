import { describe, expect, it } from 'vitest';
import { ageGroups, ageRange, phaseLabel, sexLabel, studyTypeLabel } from '@/lib/trial/words';
import { formatDay, formatPartialDate, formatRegistryDate, freshness } from '@/lib/trial/dates';
import { statusLabel } from '@/lib/trial/status';
import { contactParts, contactText, healthyVolunteersFact, phaseFact } from '@/lib/trial/facts';
import type { TrialSummary } from '@/lib/trial/summary';
import { summaryWith } from '../support/summary';

describe('status words', () => {
  it.each([
    ['RECRUITING', 'Recruiting', 'open'],
    ['NOT_YET_RECRUITING', 'Not yet recruiting', 'soon'],
    ['ENROLLING_BY_INVITATION', 'Enrolling by invitation', 'soon'],
    ['ACTIVE_NOT_RECRUITING', 'Active, not recruiting', 'closed'],
    ['COMPLETED', 'Completed', 'closed'],
    ['TERMINATED', 'Terminated', 'stopped'],
    ['WITHDRAWN', 'Withdrawn', 'stopped'],
    ['SUSPENDED', 'Suspended', 'stopped'],
    ['UNKNOWN', 'Unknown status', 'unknown'],
    ['AVAILABLE', 'Expanded access available', 'open'],
    ['PAUSED_FOR_REVIEW', 'Paused for review', 'unknown'],
    [undefined, 'Status not given', 'unknown'],
  ])('%s → %s (%s)', (status, label, tone) => {
    expect(statusLabel(status)).toEqual({ label, tone });
  });
});

describe('phase words', () => {
  it.each([
    [['PHASE1'], '1', 'Phase 1'],
    [['PHASE1', 'PHASE2'], '1/2', 'Phase 1/2'],
    [['PHASE2', 'PHASE3'], '2/3', 'Phase 2/3'],
    [['EARLY_PHASE1'], 'Early phase 1', 'Early phase 1'],
    [['NA'], 'Not applicable', 'Phase: not applicable'],
    [['PHASE_9X'], 'Phase 9x', 'Phase 9x'],
    [[], undefined, undefined],
  ])('%j → label %j, fact %j', (phases, label, fact) => {
    expect(phaseLabel(phases)).toBe(label);
    expect(phaseFact(phases)).toBe(fact);
  });

  it.each([
    ['INTERVENTIONAL', 'Interventional'],
    ['OBSERVATIONAL', 'Observational'],
    ['EXPANDED_ACCESS', 'Expanded access'],
    [undefined, undefined],
  ])('study type %j → %j', (type, label) => {
    expect(studyTypeLabel(type)).toBe(label);
  });
});

describe('age and sex words', () => {
  it.each([
    ['18 Years', undefined, '18 years and older'],
    [undefined, '65 Years', 'up to 65 years'],
    ['18 Years', '65 Years', '18 to 65 years'],
    ['3 Months', '17 Years', '3 months to 17 years'],
    ['1 Year', '100 Years', '1 year to 100 years'],
    [undefined, undefined, 'no age limit given'],
  ])('%j – %j → %s', (min, max, words) => {
    expect(ageRange(min, max)).toBe(words);
  });

  it.each([
    ['ALL', 'All sexes'],
    ['FEMALE', 'Female only'],
    ['MALE', 'Male only'],
    [undefined, undefined],
  ])('sex %j → %j', (sex, words) => {
    expect(sexLabel(sex)).toBe(words);
  });
});

describe('age groups', () => {
  it.each([
    [['ADULT', 'OLDER_ADULT'], 'adults, older adults'],
    [['CHILD'], 'children'],
    [[], undefined],
  ])('%j → %j', (groups, words) => {
    expect(ageGroups(groups)).toBe(words);
  });
});

describe('dates', () => {
  it.each([
    ['2025-03', 'Mar 2025'],
    ['2025-05-02', '2 May 2025'],
    ['2025', '2025'],
    ['soon', 'soon'],
  ])('%s → %s', (value, words) => {
    expect(formatPartialDate(value)).toBe(words);
  });

  it('writes a moment as a day, short or long', () => {
    const noon = Date.parse('2026-11-26T12:00:00Z');
    expect(formatDay(noon)).toBe('26 Nov 2026');
    expect(formatDay(noon, 'long')).toBe('26 November 2026');
  });

  it('says when a date is an estimate', () => {
    expect(formatRegistryDate({ date: '2027-12', estimated: true })).toBe('Dec 2027 (estimated)');
    expect(formatRegistryDate({ date: '2021-12-28', estimated: false })).toBe('28 Dec 2021');
  });
});

function trialWithStatus(status: TrialSummary['status']): TrialSummary {
  return summaryWith('NCT00000001', { status });
}

describe('freshness', () => {
  const now = Date.parse('2026-11-26T12:00:00Z');

  it('says when the status was verified and the record updated', () => {
    const f = freshness(
      trialWithStatus({ overall: 'RECRUITING', verified: '2026-03', lastUpdatePosted: '2026-05-02' }),
      now,
    );
    expect(f).toEqual({ text: 'verified Mar 2026, updated 2 May 2026' });
  });

  it('warns when a recruiting trial has not been verified for over two years', () => {
    const f = freshness(trialWithStatus({ overall: 'RECRUITING', verified: '2024-01' }), now);
    expect(f.warning).toMatch(/not verified .* over 2 years/);
  });

  it('does not warn about an old verification of a completed trial', () => {
    expect(
      freshness(trialWithStatus({ overall: 'COMPLETED', verified: '2019-01' }), now).warning,
    ).toBeUndefined();
  });

  it('warns for UNKNOWN status and gives the last known one', () => {
    const f = freshness(trialWithStatus({ overall: 'UNKNOWN', lastKnown: 'ACTIVE_NOT_RECRUITING' }), now);
    expect(f.warning).toContain('Last known status: active, not recruiting.');
    expect(f.text).toBeUndefined();
  });
});

describe('facts: one wording each', () => {
  it.each([
    [true, 'Accepts healthy volunteers'],
    [false, 'Does not accept healthy volunteers'],
    [undefined, undefined],
  ])('healthy volunteers %j → %j', (accepts, text) => {
    expect(healthyVolunteersFact(accepts)).toBe(text);
  });

  it('links a contact by its number and address only', () => {
    expect(
      contactParts({
        name: 'Study desk',
        phone: '+1 (555) 010-0199 ext. 2',
        email: 'desk@site.org?cc=x@evil.test&body=hi',
      }),
    ).toEqual({
      name: 'Study desk',
      phone: '+1 (555) 010-0199 ext. 2',
      phoneHref: 'tel:+155501001992',
      email: 'desk@site.org',
      emailHref: 'mailto:desk@site.org',
    });
    expect(contactParts({ email: 'javascript:alert(1)' }).emailHref).toBeUndefined();
    expect(contactText({ name: 'A', phone: '1', email: 'a@b.org' })).toBe('A · 1 · a@b.org');
  });
});
