import { useState } from 'preact/hooks';
import { firstItems, parseCriteria } from '@/lib/trial/eligibility';
import { ageRange, sexLabel } from '@/lib/trial/format';
import type { TrialSummary } from '@/lib/trial/summary';

const FIRST = 2;

/** Who can take part: the structured limits first, then the first criteria, then all on request. */
export function EligibilitySection({ trial }: { trial: TrialSummary }) {
  const [expanded, setExpanded] = useState(false);
  const e = trial.eligibility;
  const sections = parseCriteria(e.criteria);
  const inclusion = firstItems(sections, 'inclusion', FIRST);
  const exclusion = firstItems(sections, 'exclusion', FIRST);
  const facts = [
    ageRange(e.minimumAge, e.maximumAge),
    sexLabel(e.sex),
    e.healthyVolunteers === undefined
      ? undefined
      : e.healthyVolunteers
        ? 'Accepts healthy volunteers'
        : 'No healthy volunteers',
  ].filter((fact) => fact !== undefined);
  const hasStructure = inclusion.total + exclusion.total > 0;
  return (
    <section class="eligibility" aria-label="Eligibility">
      <h3>Who can take part</h3>
      <p class="facts-line">{facts.join(' · ')}</p>
      {!expanded && hasStructure && (
        <>
          <Preview label="Includes" items={inclusion.items} total={inclusion.total} />
          <Preview label="Excludes" items={exclusion.items} total={exclusion.total} />
        </>
      )}
      {expanded && (
        <div class="all-criteria">
          {sections.map((section, i) => (
            <div key={i}>
              {section.heading && <h4>{section.heading}</h4>}
              <ul>
                {section.items.map((item, j) => (
                  <li key={j}>{item}</li>
                ))}
              </ul>
            </div>
          ))}
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
    </section>
  );
}

function Preview({ label, items, total }: { label: string; items: string[]; total: number }) {
  if (items.length === 0) return null;
  return (
    <div class="preview">
      <h4>
        {label} <span class="muted">({total})</span>
      </h4>
      <ul>
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </div>
  );
}
