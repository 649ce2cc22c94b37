import { useState } from 'preact/hooks';
import type { TrialSummary } from '@/lib/trial/summary';

/** Title (official title on demand), acronym, and a button that copies the ID. */
export function CardHeader({ trial }: { trial: TrialSummary }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(trial.nctId);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  };
  const showOfficial = trial.officialTitle && trial.officialTitle !== trial.briefTitle;
  return (
    <header class="header">
      <h2 class="title">
        {trial.briefTitle ?? trial.officialTitle ?? 'Untitled in the registry'}
        {trial.acronym && <span class="acronym"> ({trial.acronym})</span>}
      </h2>
      {showOfficial && (
        <details class="official">
          <summary>Official title</summary>
          <p>{trial.officialTitle}</p>
        </details>
      )}
      <button type="button" class="link-button" onClick={() => void copy()}>
        {copied ? 'Copied' : `Copy ${trial.nctId}`}
      </button>
    </header>
  );
}
