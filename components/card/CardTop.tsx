import { useState } from 'preact/hooks';
import { recordUrl, type NctId } from '@/lib/nct';
import { phaseFact } from '@/lib/trial/facts';
import { statusLabel } from '@/lib/trial/status';
import type { TrialSummary } from '@/lib/trial/summary';

/**
 * The card's header: the record link (the first stop when tabbing into the card), pin, site
 * settings, close; then the coloured status badge, the phase and the ID.
 */
export function CardTop(props: {
  id: NctId;
  trial?: TrialSummary;
  pinned: boolean;
  host?: string;
  onTogglePin(): void;
  onClose(): void;
  onTurnOffSite(): void;
}) {
  const { id, trial, pinned } = props;
  const [menu, setMenu] = useState(false);
  const status = trial && statusLabel(trial.status.overall);
  // A study without phases (observational, device, behavioural: `NA`) gets no phase badge.
  const phase = trial && trial.phases.some((p) => p !== 'NA') ? phaseFact(trial.phases) : undefined;
  return (
    <div class="top">
      <div class="toolbar">
        <a class="open" href={recordUrl(id)} target="_blank" rel="noopener noreferrer">
          Open on ClinicalTrials.gov
        </a>
        <button
          type="button"
          class="icon pin"
          aria-pressed={pinned}
          onClick={props.onTogglePin}
          title="Keep this card open"
        >
          {pinned ? 'Unpin' : 'Pin'}
        </button>
        <button
          type="button"
          class="icon"
          aria-expanded={menu}
          aria-label="Settings for this site"
          title="Settings for this site"
          onClick={() => setMenu(!menu)}
        >
          ⚙
        </button>
        <button type="button" class="icon" onClick={props.onClose} aria-label="Close the trial card">
          ×
        </button>
      </div>
      {menu && (
        <p class="site-menu">
          <button type="button" onClick={props.onTurnOffSite}>
            Turn off on {props.host || 'this site'}
          </button>
        </p>
      )}
      {status && (
        <p class="badges">
          <span class={`badge tone-${status.tone}`}>{status.label}</span>
          {phase && <span class="badge phase">{phase}</span>}
          <span class="nct">{id}</span>
        </p>
      )}
    </div>
  );
}
