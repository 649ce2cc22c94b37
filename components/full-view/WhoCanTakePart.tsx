import { recordUrl } from '@/lib/nct';
import { healthyVolunteersFact } from '@/lib/trial/facts';
import type { TrialSummary } from '@/lib/trial/summary';
import { ageRange, sexLabel } from '@/lib/trial/words';
import { CriterionText } from '../CriterionText';

/** Who can take part: the structured limits in words, then every criterion as the sponsor wrote it. */
export function WhoCanTakePart({ trial }: { trial: TrialSummary }) {
  const e = trial.eligibility;
  const criteria = e.sections;
  return (
    <section aria-labelledby="who-h">
      <h2 id="who-h">Who can take part</h2>
      <p>
        {[ageRange(e.minimumAge, e.maximumAge), sexLabel(e.sex), healthyVolunteersFact(e.healthyVolunteers)]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {criteria.length > 0 && (
        <div class="criteria">
          <p class="muted">
            The criteria as the sponsor wrote them. Only the study team can confirm eligibility.
          </p>
          <p class="print-only">
            Printed: the first five criteria of each list. All of them: {recordUrl(trial.nctId)}
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
