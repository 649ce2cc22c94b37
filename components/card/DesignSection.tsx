import { formatRegistryDate } from '@/lib/trial/dates';
import { studyTypeLabel } from '@/lib/trial/words';
import type { TrialSummary } from '@/lib/trial/summary';

/** How the study is designed: type, size, dates (an estimate already behind us says so). */
export function DesignSection({ trial, now }: { trial: TrialSummary; now: number }) {
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
              {start ? `Start ${formatRegistryDate(start, now)}` : ''}
              {start && end ? ' → ' : ''}
              {end
                ? `${completion ? 'completion' : 'primary completion'} ${formatRegistryDate(end, now)}`
                : ''}
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}
