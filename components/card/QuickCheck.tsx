import { useState } from 'preact/hooks';
import { quickCheck, type QuickCheckInput } from '@/lib/trial/quick-check';
import type { TrialSummary } from '@/lib/trial/summary';

/**
 * Age and sex against the trial's structured limits. What is typed stays in this card's memory: it
 * is never stored, never sent, and gone when the card closes.
 */
export function QuickCheck({ eligibility }: { eligibility: TrialSummary['eligibility'] }) {
  const [input, setInput] = useState<QuickCheckInput>({});
  const lines = quickCheck(eligibility, input);
  return (
    <details class="quick-check">
      <summary>Quick check for a patient</summary>
      <div class="quick-inputs">
        <label>
          Age{' '}
          <input
            type="number"
            min={0}
            max={120}
            inputMode="numeric"
            value={input.ageYears ?? ''}
            onInput={(event) => {
              const value = event.currentTarget.valueAsNumber;
              setInput({ ...input, ageYears: Number.isFinite(value) ? value : undefined });
            }}
          />
        </label>
        <label>
          Sex{' '}
          <select
            value={input.sex ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setInput({ ...input, sex: value === 'female' || value === 'male' ? value : undefined });
            }}
          >
            <option value="">–</option>
            <option value="female">Female</option>
            <option value="male">Male</option>
          </select>
        </label>
      </div>
      {lines.length > 0 && (
        <ul class="check-lines" aria-live="polite">
          {lines.map((line) => (
            <li key={line.text} class={`check-${line.outcome}`}>
              {line.outcome === 'meets' ? '✓ ' : line.outcome === 'outside' ? '✗ ' : '? '}
              {line.text}
            </li>
          ))}
        </ul>
      )}
      <p class="muted">
        Only the structured limits are checked, not the criteria above. Only the study site can decide
        eligibility. Nothing typed here is stored or sent.
      </p>
    </details>
  );
}
