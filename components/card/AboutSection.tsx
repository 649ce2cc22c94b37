import type { TrialSummary } from '@/lib/trial/summary';
import { FactList } from './FactList';

/** What is studied and who runs it. */
export function AboutSection({ trial }: { trial: TrialSummary }) {
  if (trial.conditions.length === 0 && trial.interventions.length === 0 && !trial.sponsor) return null;
  return (
    <section aria-label="About">
      <dl class="facts">
        <FactList label="Conditions" items={trial.conditions} />
        <FactList label="Interventions" items={trial.interventions.map((i) => i.name)} />
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
