import { formatRegistryDate } from '@/lib/trial/dates';
import { studyTypeLabel } from '@/lib/trial/words';
import type { TrialSummary } from '@/lib/trial/summary';

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
