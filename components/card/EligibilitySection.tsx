import { useState } from 'preact/hooks';
import type { Criterion, TrialSummary } from '@/lib/trial/summary';
import { CriterionText } from '../CriterionText';
import { QuickCheck } from './QuickCheck';

/**
 * All criteria, under "More": as the registry lists them, with a filter, the glossary's meanings on
 * request, and the quick check. The first view's key criteria are a pick from these.
 */
export function EligibilitySection({ trial }: { trial: TrialSummary }) {
  const [filter, setFilter] = useState('');
  const [explain, setExplain] = useState(false);
  const e = trial.eligibility;
  const { sections, terms } = e;
  const needle = filter.trim().toLowerCase();
  const matches = (item: Criterion) => needle === '' || item.text.toLowerCase().includes(needle);
  const total = sections.reduce((n, s) => n + s.items.length, 0);
  const shown = sections.reduce((n, s) => n + s.items.filter(matches).length, 0);

  return (
    <section class="eligibility" aria-label="All criteria">
      <h3>All criteria</h3>
      {e.genderBased && e.genderDescription && (
        <p class="facts-line">
          Gender: <bdi>{e.genderDescription}</bdi>
        </p>
      )}
      {total === 0 ? (
        <p class="muted">The record lists no criteria.</p>
      ) : (
        <div class="all-criteria">
          <p class="criteria-tools">
            <label class="filter">
              Filter{' '}
              <input
                type="search"
                value={filter}
                placeholder="e.g. pregnan, HIV"
                onInput={(event) => setFilter(event.currentTarget.value)}
              />
            </label>
            {terms.length > 0 && (
              <button
                type="button"
                class="link-button"
                aria-pressed={explain}
                onClick={() => setExplain(!explain)}
              >
                Explain medical terms
              </button>
            )}
          </p>
          <p class="muted" aria-live="polite">
            {needle ? `${shown} of ${total} criteria match` : `${total} criteria`}
          </p>
          {sections.map((section, s) => {
            const visible = section.items.filter(matches);
            if (visible.length === 0 && (needle || !section.heading)) return null;
            return (
              <div key={s}>
                {section.heading && <h4>{section.heading}</h4>}
                <ul>
                  {visible.map((item, i) => (
                    <li key={i}>
                      <CriterionText item={item} terms={terms} explain={explain} />
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </div>
      )}
      <QuickCheck eligibility={e} />
    </section>
  );
}
