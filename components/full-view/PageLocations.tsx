import { contactText } from '@/lib/trial/facts';
import { useState } from 'preact/hooks';
import { plural } from '@/lib/trial/words';
import { recordUrl } from '@/lib/nct';
import { formatPartialDate } from '@/lib/trial/dates';
import { siteStatusesAreCurrent, statusLabel } from '@/lib/trial/status';
import type { TrialSummary } from '@/lib/trial/summary';
import { siteOverview, sitePlace } from '@/lib/trial/locations';

/** Sites listed before "Show more": a 1,000-site trial stays quick to open. */
const PAGE = 100;
/** Sites on paper; the rest are at the record's address. */
const PRINTED_SITES = 5;

/** Every site, grouped by country with open sites first, with status and contacts; central contacts. */
export function PageLocations({ trial }: { trial: TrialSummary }) {
  const [shown, setShown] = useState(PAGE);
  const current = siteStatusesAreCurrent(trial.status.overall);
  const overview = siteOverview(trial.sites, current);
  // On paper: the open sites first (or the first sites), with their phone numbers; the rest by URL.
  const printed = overview.byCountry.flatMap((group) => group.sites).slice(0, PRINTED_SITES);
  if (overview.total === 0 && trial.centralContacts.length === 0) return null;
  let budget = shown;
  return (
    <section aria-labelledby="where-h">
      <h2 id="where-h">Where</h2>
      {overview.total > 0 && (
        <p>
          {plural(overview.total, 'site')} in {plural(overview.countries, 'country', 'countries')}
          {current
            ? overview.openSites > 0 && `, ${overview.openSites.toLocaleString('en')} open to participants`
            : `; site statuses as last reported${trial.status.verified ? ` (verified ${formatPartialDate(trial.status.verified)})` : ''}`}
          .
        </p>
      )}
      {overview.total > 0 && (
        <div class="print-only">
          <ul class="printed-sites">
            {printed.map((site, i) => (
              <li key={i}>
                <strong>{site.facility ?? 'Site'}</strong>
                {sitePlace(site) && <span> · {sitePlace(site)}</span>}
                {site.country && <span> · {site.country}</span>}
                {site.contacts.length > 0 && <span> · {site.contacts.map(contactText).join('; ')}</span>}
              </li>
            ))}
          </ul>
          {overview.total > printed.length && (
            <p>
              All {plural(overview.total, 'site')}: {recordUrl(trial.nctId)}
            </p>
          )}
        </div>
      )}
      {trial.centralContacts.length > 0 && (
        <div class="contacts">
          <h3>Contacts for the study</h3>
          <ul>
            {trial.centralContacts.map((c, i) => (
              <li key={i}>{contactText(c)}</li>
            ))}
          </ul>
        </div>
      )}
      {overview.byCountry.map((group) => {
        if (budget <= 0) return null;
        const sites = group.sites.slice(0, budget);
        budget -= sites.length;
        return (
          <div class="country-group" key={group.country}>
            <h3>
              {group.country} <span class="muted">({plural(group.sites.length, 'site')})</span>
            </h3>
            <ul class="sites">
              {sites.map((site, i) => (
                <li key={i}>
                  <strong>{site.facility ?? 'Site'}</strong>
                  {sitePlace(site) && <span> · {sitePlace(site)}</span>}
                  {site.status && (
                    <span class="muted">
                      {' '}
                      · {current ? '' : 'last reported: '}
                      {statusLabel(site.status).label}
                    </span>
                  )}
                  {site.contacts.length > 0 && (
                    <span class="muted"> · {site.contacts.map(contactText).join('; ')}</span>
                  )}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {overview.total > shown && (
        <button type="button" class="more" onClick={() => setShown(shown + PAGE * 5)}>
          Show more sites ({(overview.total - shown).toLocaleString('en')} more)
        </button>
      )}
    </section>
  );
}
