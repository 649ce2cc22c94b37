import { useState } from 'preact/hooks';
import { plural, statusLabel } from '@/lib/trial/format';
import type { Contact, Site, TrialSummary } from '@/lib/trial/summary';
import { siteOverview } from '@/lib/trial/locations';

/** Sites shown before "Show all sites"; the full list is paged so a 1,000-site trial stays quick. */
const FIRST_SITES = 3;
const PAGE = 50;

function place(site: Site): string {
  return [site.city, site.state].filter(Boolean).join(', ');
}

function ContactLine({ contact }: { contact: Contact }) {
  return (
    <p class="contact">
      {contact.name && <span>{contact.name}</span>}
      {contact.phone && <a href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`}>{contact.phone}</a>}
      {contact.email && <a href={`mailto:${contact.email}`}>{contact.email}</a>}
    </p>
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

/** Where: how many sites in how many countries, open sites first, and whom to contact. */
export function LocationsSection({ trial }: { trial: TrialSummary }) {
  const [shown, setShown] = useState(FIRST_SITES);
  const overview = siteOverview(trial.sites);
  const contact = trial.centralContacts[0];
  if (overview.total === 0 && !contact) return null;
  const ordered = overview.byCountry.flatMap((group) =>
    group.sites.map((site) => ({ site, country: group.country })),
  );
  const visible = ordered.slice(0, shown);
  return (
    <section class="locations" aria-label="Locations">
      <h3>Where</h3>
      {overview.total > 0 && (
        <p class="facts-line">
          {plural(overview.total, 'site')} in {plural(overview.countries, 'country', 'countries')}
          {overview.openSites > 0 && ` · ${overview.openSites.toLocaleString('en')} open to participants`}
        </p>
      )}
      {groupByCountry(visible).map(({ country, sites }) => (
        <div key={country}>
          <h4 class="country">{country}</h4>
          <ul class="sites">
            {sites.map((site, i) => (
              <li key={i}>
                <span class="site-name">{site.facility ?? (place(site) || 'Site')}</span>
                {site.facility && place(site) && <span class="muted"> · {place(site)}</span>}
                {site.status && (
                  <span class={`site-status tone-${statusLabel(site.status).tone}`}>
                    {' '}
                    {statusLabel(site.status).label}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {ordered.length > shown && (
        <button
          type="button"
          class="link-button"
          onClick={() => setShown(shown === FIRST_SITES ? PAGE : shown + PAGE)}
        >
          {shown === FIRST_SITES ? 'Show all sites' : 'Show more sites'} (
          {(ordered.length - shown).toLocaleString('en')} more)
        </button>
      )}
      {contact && (
        <div class="central-contact">
          <h4>Contact</h4>
          <ContactLine contact={contact} />
        </div>
      )}
    </section>
  );
}
