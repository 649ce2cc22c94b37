import { useState } from 'preact/hooks';
import type { TrialSummary } from '@/lib/trial/summary';

/** Under "More": the official title when it differs, and a button that copies the ID. */
export function RecordIdentity({ trial }: { trial: TrialSummary }) {
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
  const official = trial.officialTitle && trial.officialTitle !== trial.briefTitle ? trial.officialTitle : '';
  return (
    <section aria-label="Record">
      {official && (
        <p>
          <span class="label">Official title</span> <bdi>{official}</bdi>
        </p>
      )}
      <p class="muted">
        What the registry says, with its dates. Not medical advice: only the trial site can confirm
        eligibility.
      </p>
      <button type="button" class="link-button" onClick={() => void copy()}>
        {copied ? 'Copied' : `Copy ${trial.nctId}`}
      </button>
    </section>
  );
}
