/**
 * A trial as plain text: the "Copy summary" of the full view (the same facts its print-out shows),
 * and a citation. Pure: the caller passes the dates.
 */
import { contactText, healthyVolunteersFact } from './facts';
import { recordUrl } from '../nct';
import { keyCriteria } from './key-criteria';
import { ageRange, phaseLabel, plural, sexLabel, studyTypeLabel } from './words';
import { formatDay, formatPartialDate, formatRegistryDate, freshness } from './dates';
import { statusLabel } from './status';
import type { TrialSummary } from './summary';
import { siteOverview } from './locations';

/** The facts a reader takes to an appointment, one per line, as the registry states them. */
export function summaryText(trial: TrialSummary, fetchedAt: number, now: number): string {
  const lines: string[] = [];
  const add = (label: string, value: string | undefined) => {
    if (value) lines.push(`${label}: ${value}`);
  };
  lines.push(trial.briefTitle ?? trial.officialTitle ?? trial.nctId);
  lines.push(`${trial.nctId}${trial.acronym ? ` (${trial.acronym})` : ''}`);
  lines.push('');
  add('Status', statusLabel(trial.status.overall).label);
  add('Why stopped', trial.status.whyStopped);
  add('Status checked', freshness(trial, now).text);
  add('Phase', phaseLabel(trial.phases));
  add('Study type', studyTypeLabel(trial.studyType));
  if (trial.enrollment) {
    add(
      'Enrollment',
      `${trial.enrollment.count.toLocaleString('en')} (${trial.enrollment.estimated ? 'estimated' : 'actual'})`,
    );
  }
  add('Start', trial.dates.start && formatRegistryDate(trial.dates.start, now));
  add('Completion', trial.dates.completion && formatRegistryDate(trial.dates.completion, now));
  add('Sponsor', trial.sponsor?.name);
  add('Conditions', trial.conditions.join('; '));
  add('Interventions', trial.interventions.map((i) => i.name).join('; '));
  const e = trial.eligibility;
  add('Ages', ageRange(e.minimumAge, e.maximumAge));
  add('Sex', sexLabel(e.sex));
  const volunteers = healthyVolunteersFact(e.healthyVolunteers);
  if (volunteers) lines.push(volunteers);
  const sections = e.sections;
  // The card's pick, labelled as such: the registry's full list is at the record's address.
  const key = keyCriteria(sections);
  if (key.items.length > 0)
    lines.push(
      `Key criteria (picked by NCT hover cards${key.partial ? '; the registry lists only some' : ''}; all of them: ${recordUrl(trial.nctId)}):`,
      ...key.items.map(({ label, item }) => `  - ${label}: ${item.text.replace(/\n/g, ' ')}`),
    );
  const sites = siteOverview(trial.sites);
  if (sites.total > 0) {
    add('Sites', `${plural(sites.total, 'site')} in ${plural(sites.countries, 'country', 'countries')}`);
  }
  const contact = trial.centralContacts[0];
  if (contact) add('Contact', contactText(contact));
  if (trial.hasResults !== undefined)
    add('Results', trial.hasResults ? 'posted on ClinicalTrials.gov' : 'not posted');
  lines.push('');
  lines.push(`Full record: ${recordUrl(trial.nctId)}`);
  lines.push(
    `Data from ClinicalTrials.gov as of ${formatDay(fetchedAt)}. Not medical advice: ask your doctor.`,
  );
  return lines.join('\n');
}

/**
 * A citation in the form the US National Library of Medicine recommends for ClinicalTrials.gov
 * records (Citing Medicine, "databases"): responsible party, title, the database, its publisher, the
 * date cited, the URL and the identifier; with the record's own first-posted and last-update dates.
 */
export function citation(trial: TrialSummary, accessed: number): string {
  const title = trial.briefTitle ?? trial.officialTitle ?? 'Untitled';
  /** Ends a citation element with one period, whether or not the registry text already has one. */
  const sentence = (part: string) => (/[.!?]$/.test(part) ? `${part} ` : `${part}. `);
  const who = trial.sponsor?.name ? sentence(trial.sponsor.name) : '';
  const dates = [
    trial.status.firstPosted ? `first posted ${formatPartialDate(trial.status.firstPosted)}` : undefined,
    trial.status.lastUpdatePosted
      ? `last updated ${formatPartialDate(trial.status.lastUpdatePosted)}`
      : undefined,
  ].filter(Boolean);
  return (
    `${who}${sentence(`${title}${trial.acronym ? ` (${trial.acronym})` : ''}`)}` +
    `In: ClinicalTrials.gov [Internet]. Bethesda (MD): National Library of Medicine (US). 2000- ` +
    `[cited ${formatDay(accessed)}]. ${dates.length > 0 ? `Record ${dates.join(', ')}. ` : ''}` +
    `Available from: ${recordUrl(trial.nctId)} NLM Identifier: ${trial.nctId}.`
  );
}
