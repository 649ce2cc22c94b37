import { freshness } from '@/lib/trial/dates';
import { isStopped, statusLabel } from '@/lib/trial/status';
import { phaseFact } from '@/lib/trial/facts';
import type { TrialSummary } from '@/lib/trial/summary';

/** Open or not, why it stopped, how current that is, and whether results are posted. */
export function StatusSection({
  trial,
  now,
  refreshError,
}: {
  trial: TrialSummary;
  now: number;
  refreshError?: string;
}) {
  const status = statusLabel(trial.status.overall);
  const phase = phaseFact(trial.phases);
  const fresh = freshness(trial, now);
  return (
    <section class="status" aria-label="Status">
      <p class="badges">
        <span class={`badge tone-${status.tone}`}>{status.label}</span>
        {phase && <span class="badge phase">{phase}</span>}
        {trial.hasResults !== undefined && (
          <span class={`badge ${trial.hasResults ? 'results' : 'no-results'}`}>
            {trial.hasResults ? 'Results posted' : 'No results posted'}
          </span>
        )}
      </p>
      {isStopped(trial.status.overall) && trial.status.whyStopped && (
        <p class="why">Why stopped: {trial.status.whyStopped}</p>
      )}
      {fresh.text && <p class="fresh">Status {fresh.text}</p>}
      {fresh.warning && (
        <p class="warning" role="note">
          {fresh.warning}
        </p>
      )}
      {refreshError && (
        <p class="warning" role="note">
          Showing saved data: {refreshError}
        </p>
      )}
    </section>
  );
}
