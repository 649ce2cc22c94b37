import { contactText } from '@/lib/trial/facts';
import { useState } from 'preact/hooks';
import { plural } from '@/lib/trial/words';
import { statusLabel } from '@/lib/trial/status';
import type { TrialSummary } from '@/lib/trial/summary';
import { siteOverview, sitePlace } from '@/lib/trial/locations';

/** Sites listed before "Show more": a 1,000-site trial stays quick to open and to print. */
const PAGE = 100;

/** Every site, grouped by country with open sites first, with status and contacts; central contacts. */
export function PageLocations({ trial }: { trial: TrialSummary }) {
  const [shown, setShown] = useState(PAGE);
  const overview = siteOverview(trial.sites);
  if (overview.total === 0 && trial.centralContacts.length === 0) return null;
  let budget = shown;
  return (
    <section aria-labelledby="where-h">
      <h2 id="where-h">Where</h2>
      {overview.total > 0 && (
        <p>
          {plural(overview.total, 'site')} in {plural(overview.countries, 'country', 'countries')}
          {overview.openSites > 0 && `, ${overview.openSites.toLocaleString('en')} open to participants`}.
        </p>
      )}
      {overview.total > 5 && (
        <p class="print-only">
          Printed: the first sites of the first four countries. All sites are on ClinicalTrials.gov.
        </p>
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
                  {site.status && <span class="muted"> · {statusLabel(site.status).label}</span>}
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
