import { useState } from 'preact/hooks';
import { contactParts } from '@/lib/trial/facts';
import { plural } from '@/lib/trial/words';
import { siteStatusesAreCurrent, statusLabel } from '@/lib/trial/status';
import {
  formatDistance,
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

function SiteLine({
  site,
  km,
  unit,
  current,
}: {
  site: Site;
  km?: number;
  unit?: DistanceUnit;
  current: boolean;
}) {
  const status = site.status ? statusLabel(site.status) : undefined;
  return (
    <li>
      <bdi class="site-name">{site.facility ?? (sitePlace(site) || 'Site')}</bdi>
      {site.facility && sitePlace(site) && (
        <span class="muted">
          {' '}
          · <bdi>{sitePlace(site)}</bdi>
        </span>
      )}
      {km !== undefined && unit && <span class="distance"> · {formatDistance(km, unit)}</span>}
      {status &&
        (current ? (
          <span class={`site-status tone-${status.tone}`}> {status.label}</span>
        ) : (
          // The trial's own status is not current: this is history, in no colour of its own.
          <span class="site-status tone-unknown"> last reported: {status.label.toLowerCase()}</span>
        ))}
    </li>
  );
}

/** Sites whose city, state, country or name contain what the reader typed. */
const matchesPlace = (site: Site, needle: string) =>
  needle === '' ||
  [site.facility, site.city, site.state, site.country, site.zip].some((part) =>
    part?.toLowerCase().includes(needle),
  );

/** A place to measure distances from: one of the trial's own site cities, picked by the reader. */
export interface HomePick {
  lat: number;
  lon: number;
  label: string;
}

/** The trial's site cities with coordinates, once each, in alphabetical order. */
function siteCities(sites: readonly Site[]): HomePick[] {
  const byLabel = new Map<string, HomePick>();
  for (const site of sites) {
    if (!site.geo) continue;
    const label = [sitePlace(site), site.country].filter(Boolean).join(', ');
    if (label && !byLabel.has(label)) byLabel.set(label, { ...site.geo, label });
  }
  return [...byLabel.values()].sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * Without a home location: distances from one of the trial's own site cities (a city the offline
 * list may not have, such as Bethesda). Kept on this computer, like a home set in the settings.
 */
function HomeFromSites({ sites, onSetHome }: { sites: readonly Site[]; onSetHome(pick: HomePick): void }) {
  const cities = siteCities(sites);
  const [chosen, setChosen] = useState(0);
  if (cities.length === 0) return null;
  return (
    <p class="criteria-tools">
      <label class="filter">
        Distances from{' '}
        <select value={chosen} onChange={(event) => setChosen(Number(event.currentTarget.value))}>
          {cities.map((city, i) => (
            <option key={city.label} value={i}>
              {city.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        class="link-button"
        onClick={() => {
          const city = cities[chosen];
          if (city) onSetHome(city);
        }}
      >
        Use as my location
      </button>
    </p>
  );
}

/** From this many sites on, the list has a place filter: 1,148 sites are not read by paging. */
const FILTER_FROM = 20;

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
 * All sites, under "More": open sites first grouped by country, or by distance from the reader's home
 * (open first); a place filter for large trials; the central contact. Under a closed or UNKNOWN
 * overall status, site statuses are what was last reported, never "open".
 */
export function LocationsSection({
  trial,
  distance,
  onSetHome,
}: {
  trial: TrialSummary;
  distance?: DistanceContext;
  /** Sets the reader's location (kept on this computer); without it, no picker is offered. */
  onSetHome?(pick: HomePick): void;
}) {
  const [shown, setShown] = useState(FIRST_SITES);
  const [byDistance, setByDistance] = useState(false);
  const [place, setPlace] = useState('');
  const current = siteStatusesAreCurrent(trial.status.overall);
  const needle = place.trim().toLowerCase();
  const sites = trial.sites.filter((site) => matchesPlace(site, needle));
  const overview = siteOverview(sites, current);
  const contact = trial.centralContacts[0];
  if (trial.sites.length === 0 && !contact) return null;
  const sorted = byDistance && distance ? sortByDistance(sites, distance.home, current) : undefined;
  const ordered = overview.byCountry.flatMap((group) =>
    group.sites.map((site) => ({ site, country: group.country })),
  );
  const count = sorted?.length ?? ordered.length;
  return (
    <section class="locations" aria-label="All sites">
      <h3>All sites</h3>
      {distance && (
        <p class="muted">
          Distances from <bdi>{distance.home.label}</bdi>, as the crow flies.
        </p>
      )}
      {!distance && onSetHome && <HomeFromSites sites={trial.sites} onSetHome={onSetHome} />}
      {trial.sites.length >= FILTER_FROM && (
        <p class="criteria-tools">
          <label class="filter">
            City, state or country{' '}
            <input
              type="search"
              value={place}
              placeholder="e.g. Texas, Lyon"
              onInput={(event) => {
                setPlace(event.currentTarget.value);
                setShown(FIRST_SITES);
              }}
            />
          </label>
          <span class="muted" aria-live="polite">
            {needle ? ` ${plural(sites.length, 'site')} match` : ''}
          </span>
        </p>
      )}
      {sorted && distance ? (
        <ul class="sites">
          {sorted.slice(0, shown).map(({ site, km }, i) => (
            <SiteLine key={i} site={site} km={km} unit={distance.unit} current={current} />
          ))}
        </ul>
      ) : (
        groupByCountry(ordered.slice(0, shown)).map(({ country, sites: group }) => (
          <div key={country}>
            <h4 class="country">{country}</h4>
            <ul class="sites">
              {group.map((site, i) => (
                <SiteLine key={i} site={site} current={current} />
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
        {distance && trial.sites.length > 1 && (
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
