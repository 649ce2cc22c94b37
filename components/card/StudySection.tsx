import { formatRegistryDate, studyTypeLabel } from '@/lib/trial/format';
import type { TrialSummary } from '@/lib/trial/summary';

const MAX_LISTED = 4;

function List({ label, items }: { label: string; items: string[] }) {
  if (items.length === 0) return null;
  const more = items.length - MAX_LISTED;
  return (
    <div class="fact">
      <dt>{label}</dt>
      <dd>
        {items.slice(0, MAX_LISTED).join(' · ')}
        {more > 0 && <span class="muted"> and {more} more</span>}
      </dd>
    </div>
  );
}

/** How the study is designed: type, size, dates. */
export function DesignSection({ trial }: { trial: TrialSummary }) {
  const { start, completion, primaryCompletion } = trial.dates;
  const end = completion ?? primaryCompletion;
  return (
    <section aria-label="Design">
      <dl class="facts">
        {studyTypeLabel(trial.studyType) && (
          <div class="fact">
            <dt>Type</dt>
            <dd>{studyTypeLabel(trial.studyType)}</dd>
          </div>
        )}
        {trial.enrollment && (
          <div class="fact">
            <dt>Enrollment</dt>
            <dd>
              {trial.enrollment.count.toLocaleString('en')}{' '}
              {trial.enrollment.estimated ? '(estimated)' : '(actual)'}
            </dd>
          </div>
        )}
        {(start || end) && (
          <div class="fact">
            <dt>Dates</dt>
            <dd>
              {start ? `Start ${formatRegistryDate(start)}` : ''}
              {start && end ? ' → ' : ''}
              {end ? `${completion ? 'completion' : 'primary completion'} ${formatRegistryDate(end)}` : ''}
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}

/** What is studied and who runs it. */
export function AboutSection({ trial }: { trial: TrialSummary }) {
  if (trial.conditions.length === 0 && trial.interventions.length === 0 && !trial.sponsor) return null;
  return (
    <section aria-label="About">
      <dl class="facts">
        <List label="Conditions" items={trial.conditions} />
        <List label="Interventions" items={trial.interventions.map((i) => i.name)} />
        {trial.sponsor && (
          <div class="fact">
            <dt>Sponsor</dt>
            <dd>
              {trial.sponsor.name}
              {trial.collaborators.length > 0 && (
                <span class="muted"> with {trial.collaborators.slice(0, 2).join(', ')}</span>
              )}
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}
