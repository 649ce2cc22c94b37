import { healthyVolunteersFact } from '@/lib/trial/facts';
import { useState } from 'preact/hooks';
import { firstItems, thresholdItems } from '@/lib/trial/criteria-view';
import { ageGroups, ageRange, sexLabel } from '@/lib/trial/words';
import type { Criterion, TrialSummary } from '@/lib/trial/summary';
import { CriterionText } from '../CriterionText';
import { QuickCheck } from './QuickCheck';

const FIRST = 2;
const HIGHLIGHTS = 4;

const itemId = (nctId: string, section: number, index: number) => `${nctId}-criterion-${section}-${index}`;

/**
 * Who can take part: the structured limits, the first criteria, the criteria with numbers to check
 * (each linking to its place in the full list), all criteria with a filter, and a quick check.
 */
export function EligibilitySection({ trial }: { trial: TrialSummary }) {
  const [expanded, setExpanded] = useState(false);
  const [filter, setFilter] = useState('');
  const e = trial.eligibility;
  const { sections, terms } = e;
  const inclusion = firstItems(sections, 'inclusion', FIRST);
  const exclusion = firstItems(sections, 'exclusion', FIRST);
  const numbers = thresholdItems(sections);
  const groups = ageGroups(e.stdAges);
  const facts = [
    groups ? `${ageRange(e.minimumAge, e.maximumAge)} (${groups})` : ageRange(e.minimumAge, e.maximumAge),
    sexLabel(e.sex),
    healthyVolunteersFact(e.healthyVolunteers),
  ].filter((fact) => fact !== undefined);

  /** Opens the full list at one criterion and moves focus there. */
  const showInList = (section: number, index: number) => {
    setFilter('');
    setExpanded(true);
    requestAnimationFrame(() => {
      const root = document.querySelector('nct-card')?.shadowRoot ?? document;
      const target = root.getElementById(itemId(trial.nctId, section, index));
      target?.focus();
      target?.scrollIntoView({ block: 'nearest' });
    });
  };

  const needle = filter.trim().toLowerCase();
  const matches = (item: Criterion) => needle === '' || item.text.toLowerCase().includes(needle);
  const total = sections.reduce((n, s) => n + s.items.length, 0);
  const shown = sections.reduce((n, s) => n + s.items.filter(matches).length, 0);

  return (
    <section class="eligibility" aria-label="Eligibility">
      <h3>Who can take part</h3>
      <p class="facts-line">{facts.join(' · ')}</p>
      {e.genderBased && e.genderDescription && <p class="facts-line">Gender: {e.genderDescription}</p>}
      {!expanded && (
        <>
          <Preview label="Includes" items={inclusion.items} total={inclusion.total} terms={terms} />
          <Preview label="Excludes" items={exclusion.items} total={exclusion.total} terms={terms} />
          {numbers.length > 0 && (
            <div class="highlights">
              <h4>
                Numbers to check <span class="muted">({numbers.length})</span>
              </h4>
              <ul>
                {numbers.slice(0, HIGHLIGHTS).map(({ item, section, index }) => (
                  <li key={`${section}-${index}`}>
                    <CriterionText item={item} terms={terms} />{' '}
                    <button type="button" class="link-button" onClick={() => showInList(section, index)}>
                      in the list
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
      {expanded && (
        <div class="all-criteria">
          <label class="filter">
            Filter criteria{' '}
            <input
              type="search"
              value={filter}
              placeholder="e.g. pregnan, HIV"
              onInput={(event) => setFilter(event.currentTarget.value)}
            />
          </label>
          <p class="muted" aria-live="polite">
            {needle ? `${shown} of ${total} criteria match` : `${total} criteria`}
          </p>
          {sections.map((section, s) => {
            const visible = section.items.map((item, i) => ({ item, i })).filter(({ item }) => matches(item));
            if (visible.length === 0 && (needle || !section.heading)) return null;
            return (
              <div key={s}>
                {section.heading && <h4>{section.heading}</h4>}
                <ul>
                  {visible.map(({ item, i }) => (
                    <li key={i} id={itemId(trial.nctId, s, i)} tabIndex={-1}>
                      <CriterionText item={item} terms={terms} />
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </div>
      )}
      {sections.length > 0 && (
        <button
          type="button"
          class="link-button"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'Show fewer criteria' : 'Show all criteria'}
        </button>
      )}
      <QuickCheck eligibility={e} />
    </section>
  );
}

function Preview({
  label,
  items,
  total,
  terms,
}: {
  label: string;
  items: Criterion[];
  total: number;
  terms: TrialSummary['eligibility']['terms'];
}) {
  if (items.length === 0) return null;
  return (
    <div class="preview">
      <h4>
        {label} <span class="muted">({total})</span>
      </h4>
      <ul>
        {items.map((item, i) => (
          <li key={i}>
            <CriterionText item={item} terms={terms} />
          </li>
        ))}
      </ul>
    </div>
  );
}
