import { useState } from 'preact/hooks';
import { recordUrl } from '@/lib/nct';
import { citation, summaryText } from '@/lib/trial/plain-text';
import type { TrialSummary } from '@/lib/trial/summary';

/** Print, copy the summary, copy a citation, open the record. Hidden when printed. */
export function Actions({ trial, fetchedAt, now }: { trial: TrialSummary; fetchedAt: number; now: number }) {
  const [said, setSaid] = useState('');
  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setSaid(`${what} copied to the clipboard.`);
    } catch {
      setSaid(`Could not copy the ${what.toLowerCase()}: the browser did not allow it.`);
    }
  };
  return (
    <div class="actions">
      <button type="button" onClick={() => window.print()}>
        Print
      </button>
      <button type="button" onClick={() => void copy(summaryText(trial, fetchedAt, now), 'Summary')}>
        Copy summary
      </button>
      <button type="button" onClick={() => void copy(citation(trial, now), 'Citation')}>
        Copy citation
      </button>
      <a class="button primary" href={recordUrl(trial.nctId)} target="_blank" rel="noopener noreferrer">
        Open on ClinicalTrials.gov
      </a>
      <span class="said" role="status">
        {said}
      </span>
    </div>
  );
}
