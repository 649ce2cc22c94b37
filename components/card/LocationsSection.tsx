import { useState } from 'preact/hooks';
import { contactParts } from '@/lib/trial/facts';
import { plural } from '@/lib/trial/words';
import { statusLabel } from '@/lib/trial/status';
import {
  formatDistance,
  nearestOpenSite,
  siteOverview,
  sitePlace,
  sortByDistance,
  type DistanceUnit,
  type Place,
} from '@/lib/trial/locations';
import type { Contact, Site, TrialSummary } from '@/lib/trial/summary';

/** Sites shown before "Show all sites"; the full list is paged so a 1,000-site trial stays quick. */
const FIRST_SITES = 3;
const PAGE = 50;

/** The reader's home (from the options page, kept on their computer) and their distance unit. */
export interface DistanceContext {
  home: Place & { label: string };
  unit: DistanceUnit;
}

function ContactLine({ contact }: { contact: Contact }) {
  const { name, phone, phoneHref, email, emailHref } = contactParts(contact);
  return (
    <p class="contact">
      {name && <span>{name}</span>}
      {phone && (phoneHref ? <a href={phoneHref}>{phone}</a> : <span>{phone}</span>)}
      {email && (emailHref ? <a href={emailHref}>{email}</a> : <span>{email}</span>)}
    </p>
  );
}

function SiteLine({ site, km, unit }: { site: Site; km?: number; unit?: DistanceUnit }) {
  const status = site.status ? statusLabel(site.status) : undefined;
  return (
    <li>
      <span class="site-name">{site.facility ?? (sitePlace(site) || 'Site')}</span>
      {site.facility && sitePlace(site) && <span class="muted"> · {sitePlace(site)}</span>}
      {km !== undefined && unit && <span class="distance"> · {formatDistance(km, unit)}</span>}
      {status && <span class={`site-status tone-${status.tone}`}> {status.label}</span>}
    </li>
  );
}

/** Consecutive sites of one country under one heading (the list is already ordered by country). */
function groupByCountry(items: { site: Site; country: string }[]): { country: string; sites: Site[] }[] {
  const groups: { country: string; sites: Site[] }[] = [];
  for (const { site, country } of items) {
    const last = groups[groups.length - 1];
    if (last?.country === country) last.sites.push(site);
    else groups.push({ country, sites: [site] });
  }
  return groups;
}

/**
 * Where: how many sites in how many countries, open sites first grouped by country, and whom to
 * contact; with a home location, the nearest open site and a list sorted by distance on request.
 */
export function LocationsSection({ trial, distance }: { trial: TrialSummary; distance?: DistanceContext }) {
  const [shown, setShown] = useState(FIRST_SITES);
  const [byDistance, setByDistance] = useState(false);
  const overview = siteOverview(trial.sites);
  const contact = trial.centralContacts[0];
  if (overview.total === 0 && !contact) return null;
  const nearest = distance && nearestOpenSite(trial.sites, distance.home);
  const sorted = byDistance && distance ? sortByDistance(trial.sites, distance.home) : undefined;
  const ordered = overview.byCountry.flatMap((group) =>
    group.sites.map((site) => ({ site, country: group.country })),
  );
  const count = sorted?.length ?? ordered.length;
  return (
    <section class="locations" aria-label="Locations">
      <h3>Where</h3>
      {overview.total > 0 && (
        <p class="facts-line">
          {plural(overview.total, 'site')} in {plural(overview.countries, 'country', 'countries')}
          {overview.openSites > 0 && ` · ${overview.openSites.toLocaleString('en')} open to participants`}
        </p>
      )}
      {nearest && distance && (
        <p class="nearest">
          Nearest open site: <strong>{nearest.site.facility ?? sitePlace(nearest.site)}</strong>
          {nearest.site.facility && sitePlace(nearest.site) && `, ${sitePlace(nearest.site)}`} —{' '}
          {formatDistance(nearest.km, distance.unit)} from {distance.home.label}
        </p>
      )}
      {sorted && distance ? (
        <ul class="sites">
          {sorted.slice(0, shown).map(({ site, km }, i) => (
            <SiteLine key={i} site={site} km={km} unit={distance.unit} />
          ))}
        </ul>
      ) : (
        groupByCountry(ordered.slice(0, shown)).map(({ country, sites }) => (
          <div key={country}>
            <h4 class="country">{country}</h4>
            <ul class="sites">
              {sites.map((site, i) => (
                <SiteLine key={i} site={site} />
              ))}
            </ul>
          </div>
        ))
      )}
      <p class="site-actions">
        {count > shown && (
          <button
            type="button"
            class="link-button"
            onClick={() => setShown(shown === FIRST_SITES ? PAGE : shown + PAGE)}
          >
            {shown === FIRST_SITES ? 'Show all sites' : 'Show more sites'} (
            {(count - shown).toLocaleString('en')} more)
          </button>
        )}
        {distance && overview.total > 1 && (
          <button
            type="button"
            class="link-button"
            aria-pressed={byDistance}
            onClick={() => setByDistance(!byDistance)}
          >
            {byDistance ? 'Group by country' : 'Sort by distance'}
          </button>
        )}
      </p>
      {contact && (
        <div class="central-contact">
          <h4>Contact</h4>
          <ContactLine contact={contact} />
        </div>
      )}
    </section>
  );
}
