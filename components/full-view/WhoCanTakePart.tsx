import { recordUrl } from '@/lib/nct';
import { healthyVolunteersFact } from '@/lib/trial/facts';
import type { TrialSummary } from '@/lib/trial/summary';
import { keyCriteria } from '@/lib/trial/key-criteria';
import { ageRange, plural, sexLabel } from '@/lib/trial/words';
import { CriterionText } from '../CriterionText';

/**
 * Who can take part: the structured limits in words, the key criteria labelled, then every criterion
 * as the sponsor wrote it (on screen; on paper, its address).
 */
export function WhoCanTakePart({ trial }: { trial: TrialSummary }) {
  const e = trial.eligibility;
  const criteria = e.sections;
  const key = keyCriteria(criteria, 5);
  const total = criteria.reduce((n, section) => n + section.items.length, 0);
  return (
    <section aria-labelledby="who-h">
      <h2 id="who-h">Who can take part</h2>
      <p>
        {[ageRange(e.minimumAge, e.maximumAge), sexLabel(e.sex), healthyVolunteersFact(e.healthyVolunteers)]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {key.items.length > 0 && (
        <div class="key-criteria-page">
          <h3>Key criteria</h3>
          <p class="muted">
            Picked by this extension as a screener would read them
            {key.partial ? '; the registry lists only some criteria, others may apply' : ''}.
          </p>
          <ul>
            {key.items.map(({ label, item }, i) => (
              <li key={i}>
                <strong>{label}:</strong> <CriterionText item={item} terms={e.terms} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {criteria.length > 0 && (
        <p class="print-only">
          All {plural(total, 'criterion', 'criteria')} as the sponsor wrote them: {recordUrl(trial.nctId)}
        </p>
      )}
      {criteria.length > 0 && (
        <div class="criteria">
          <h3>All criteria</h3>
          <p class="muted">
            The criteria as the sponsor wrote them. Only the study team can confirm eligibility.
          </p>
          {criteria.map((section, i) => (
            <div key={i}>
              {section.heading && <h3>{section.heading}</h3>}
              <ul>
                {section.items.map((item, j) => (
                  <li key={j}>
                    <CriterionText item={item} terms={e.terms} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
