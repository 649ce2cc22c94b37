import { useState } from 'preact/hooks';
import { recordUrl } from '@/lib/nct';
import { freshness, passedEstimates } from '@/lib/trial/dates';
import { contactParts } from '@/lib/trial/facts';
import type { FullViewSection } from '@/lib/messaging';
import { interventionsAtGlance, publicationsAtGlance, whoFacts } from '@/lib/trial/glance';
import { keyCriteria } from '@/lib/trial/key-criteria';
import { formatDistance, nearestOpenSite, siteOverview, sitePlace } from '@/lib/trial/locations';
import { isStopped, siteStatusesAreCurrent, statusLabel } from '@/lib/trial/status';
import type { Contact, TrialSummary } from '@/lib/trial/summary';
import { plural } from '@/lib/trial/words';
import { formatPartialDate } from '@/lib/trial/dates';
import { CriterionText } from '../CriterionText';
import type { DistanceContext } from './LocationsSection';

/** A title longer than this may not fit in two lines: it gets a "Full title" button. */
const LONG_TITLE = 80;
const SHOWN_INTERVENTIONS = 3;

/**
 * The card's first view, which fits without scrolling (DESIGN.md, "the card at a glance"): title,
 * freshness, who, key criteria, where, what. Everything else is under "More" or in the full view.
 */
export function Glance(props: {
  trial: TrialSummary;
  now: number;
  refreshError?: string;
  distance?: DistanceContext;
  onFullView(section?: FullViewSection): void;
}) {
  const { trial, now } = props;
  const fresh = freshness(trial, now);
  const warnings = cautions(trial, now, fresh.warning !== undefined, props.refreshError);
  return (
    <div class="glance">
      <Title trial={trial} />
      <Freshness trial={trial} text={fresh.text} warnings={warnings} />
      <p class="line who">
        <span class="label">Who</span> {whoFacts(trial.eligibility, false).join(' · ')}
      </p>
      {/* A warning box takes room: one criterion less. */}
      <KeyCriteria trial={trial} limit={warnings.length > 0 ? 3 : 4} />
      <Where trial={trial} distance={props.distance} />
      <What trial={trial} onFullView={props.onFullView} />
    </div>
  );
}

function Title({ trial }: { trial: TrialSummary }) {
  const [full, setFull] = useState(false);
  const title = trial.briefTitle ?? trial.officialTitle ?? 'Untitled in the registry';
  return (
    <div class="title-block">
      <h2 class={full ? 'title' : 'title clamp'}>
        <bdi>{title}</bdi>
        {trial.acronym && (
          <span class="acronym">
            {' '}
            (<bdi>{trial.acronym}</bdi>)
          </span>
        )}
      </h2>
      {title.length > LONG_TITLE && (
        <button type="button" class="link-button small" aria-expanded={full} onClick={() => setFull(!full)}>
          {full ? 'Shorter title' : 'Full title'}
        </button>
      )}
    </div>
  );
}

/** What may make the status out of date, in the card's short words: stale or UNKNOWN, passed estimates, a failed refresh. */
function cautions(trial: TrialSummary, now: number, stale: boolean, refreshError?: string): string[] {
  const passed = passedEstimates(trial, now);
  return [
    stale ? shortWarning(trial) : undefined,
    passed.length > 0 ? `Estimated dates passed: ${passed.join(', ')}.` : undefined,
    refreshError ? `Showing saved data: ${refreshError}` : undefined,
  ].filter((warning) => warning !== undefined);
}

function Freshness({ trial, text, warnings }: { trial: TrialSummary; text?: string; warnings: string[] }) {
  // With a warning, the dates go in its box: one block says how current the status is.
  return (
    <>
      {warnings.length === 0 && text && <p class="line muted clamp-1">Status {text}</p>}
      {warnings.length > 0 && (
        <p class="warning" role="note">
          {text && <>Status {text}. </>}
          {warnings.join(' ')}
        </p>
      )}
      {isStopped(trial.status.overall) && trial.status.whyStopped && (
        <p class="line why clamp-1">
          Why stopped: <bdi>{trial.status.whyStopped}</bdi>
        </p>
      )}
    </>
  );
}

/** The card's short form of the freshness warning: its box already gives the dates. */
function shortWarning(trial: TrialSummary): string {
  const { overall, lastKnown } = trial.status;
  if (overall !== 'UNKNOWN') return 'Not verified for over 2 years: it may have changed.';
  const before = lastKnown ? `; last known: ${statusLabel(lastKnown).label.toLowerCase()}` : '';
  return `Not confirmed by the sponsor for over 2 years${before}.`;
}

function KeyCriteria({ trial, limit }: { trial: TrialSummary; limit: number }) {
  const key = keyCriteria(trial.eligibility.sections, limit);
  if (key.items.length === 0) return null;
  return (
    <div class="key-criteria">
      <h3 class="visually-hidden">Key criteria</h3>
      {key.partial && <p class="line muted">Key criteria: the registry lists only some; others may apply.</p>}
      <ul>
        {key.items.map(({ label, item }, i) => (
          <li key={i} class="clamp-2">
            <span class={`criterion-label ${label === 'Include' ? 'include' : 'exclude'}`}>{label}:</span>{' '}
            <CriterionText item={item} terms={trial.eligibility.terms} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function ContactBrief({ contact }: { contact: Contact }) {
  const { name, phone, phoneHref, email, emailHref } = contactParts(contact);
  return (
    <>
      {name && <bdi>{name}</bdi>}
      {phone && <> {phoneHref ? <a href={phoneHref}>{phone}</a> : phone}</>}
      {!phone && email && <> {emailHref ? <a href={emailHref}>{email}</a> : email}</>}
    </>
  );
}

function Where({ trial, distance }: { trial: TrialSummary; distance?: DistanceContext }) {
  const current = siteStatusesAreCurrent(trial.status.overall);
  const overview = siteOverview(trial.sites, current);
  const contact = trial.centralContacts[0];
  if (overview.total === 0) {
    return (
      <p class="line where">
        <span class="label">Where</span> No sites listed yet
        {contact ? (
          <>
            {' '}
            · Contact: <ContactBrief contact={contact} />
          </>
        ) : (
          trial.sponsor && (
            <>
              {' '}
              · Sponsor: <bdi>{trial.sponsor.name}</bdi>
            </>
          )
        )}
      </p>
    );
  }
  const nearest = current && distance ? nearestOpenSite(trial.sites, distance.home) : undefined;
  const nearestContact = nearest?.site.contacts[0];
  const verified = trial.status.verified && formatPartialDate(trial.status.verified);
  return (
    <>
      <p class="line where">
        <span class="label">Where</span> {plural(overview.total, 'site')} in{' '}
        {plural(overview.countries, 'country', 'countries')}
        {current
          ? overview.openSites > 0 && ` · ${overview.openSites.toLocaleString('en')} open`
          : ` · last reported${verified ? ` ${verified}` : ''}`}
      </p>
      {nearest && distance && (
        <p class="line nearest">
          Nearest open site: <bdi>{nearest.site.facility ?? sitePlace(nearest.site)}</bdi>
          {nearest.site.facility && sitePlace(nearest.site) && (
            <>
              , <bdi>{sitePlace(nearest.site)}</bdi>
            </>
          )}{' '}
          ({formatDistance(nearest.km, distance.unit)})
          {nearestContact && (
            <>
              {' '}
              · <ContactBrief contact={nearestContact} />
            </>
          )}
        </p>
      )}
    </>
  );
}

function What({ trial, onFullView }: { trial: TrialSummary; onFullView(section?: FullViewSection): void }) {
  const interventions = interventionsAtGlance(trial);
  const marked = interventions.some((i) => !i.experimental);
  const shown = interventions.slice(0, SHOWN_INTERVENTIONS);
  const more = interventions.length - shown.length;
  const publications = publicationsAtGlance(trial.publications);
  if (interventions.length === 0 && trial.hasResults === undefined && !publications) return null;
  return (
    <p class="line what clamp-2">
      <span class="label">What</span>{' '}
      {shown.map((i, n) => (
        <span key={n}>
          {n > 0 && ' · '}
          <bdi>{i.name}</bdi>
          {marked && i.experimental && <span class="under-test"> (experimental arm)</span>}
        </span>
      ))}
      {more > 0 && <span class="muted"> and {more} more</span>}
      {trial.hasResults !== undefined && (
        <>
          {interventions.length > 0 && ' · '}
          {trial.hasResults ? (
            <a href={`${recordUrl(trial.nctId)}?tab=results`} target="_blank" rel="noopener noreferrer">
              Results posted
            </a>
          ) : (
            <span class="muted">No results posted</span>
          )}
        </>
      )}
      {publications && (
        <>
          {' · '}
          {/* The full view lists them, each a PubMed link. */}
          <button type="button" class="link-button" onClick={() => onFullView('publications')}>
            {publications}
          </button>
        </>
      )}
      {trial.conditions.length > 0 && (
        <span class="muted">
          {' '}
          — for <bdi>{trial.conditions.slice(0, 2).join(', ')}</bdi>
        </span>
      )}
    </p>
  );
}
