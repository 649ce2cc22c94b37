/**
 * The trial card: what a clinician reads first, in that order (DESIGN.md): is it open, where, for
 * whom, what, who runs it, then the way to the full record. Renders a TrialResult; never raw API JSON.
 * All registry text is rendered as text (Preact escapes it): nothing from the API is ever HTML.
 */
import type { TargetedKeyboardEvent } from 'preact';
import type { CardView } from '@/lib/card/controller';
import { recordUrl } from '@/lib/nct';
import { CardFooter } from './card/CardFooter';
import { CardHeader } from './card/CardHeader';
import { EligibilitySection } from './card/EligibilitySection';
import { LocationsSection, type DistanceContext } from './card/LocationsSection';
import { StatusSection } from './card/StatusSection';
import { AboutSection } from './card/AboutSection';
import { DesignSection } from './card/DesignSection';
import { useState } from 'preact/hooks';
import type { Note } from '@/lib/storage/notes';
import { Announcer } from './card/Announcer';
import { NotesSection, type SaveNote } from './card/NotesSection';
import { phaseFact } from '@/lib/trial/facts';
import { statusLabel } from '@/lib/trial/status';
import type { TrialResult } from '@/lib/messaging';

export interface TrialCardProps {
  view: CardView;
  /** Time the card is drawn (ms since epoch): freshness is judged against it. */
  now: number;
  onClose(): void;
  onTogglePin(): void;
  onRetry(): void;
  onFullView(): void;
  /** Set when the reader has a home location: distances to sites. */
  distance?: DistanceContext;
  /** The reader's note on this trial, if any. */
  note?: Note;
  onSaveNote: SaveNote;
  /** The site the card is on, for "Turn off on …"; the card frame does not know it ("this site"). */
  host?: string;
  onTurnOffSite(): void;
}

/** Keeps Tab inside the card while focus is in it (a dialog); Escape is handled by the controller. */
function trapTab(event: TargetedKeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Tab') return;
  const root = event.currentTarget;
  const focusable = Array.from(
    root.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), summary, input, [tabindex="0"]'),
  ).filter((el) => el.offsetParent !== null || el === root);
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  const active = (root.getRootNode() as ShadowRoot | Document).activeElement;
  if (!first || !last) return;
  if (event.shiftKey && (active === first || active === root)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

export function TrialCard(props: TrialCardProps) {
  const {
    view,
    now,
    onClose,
    onTogglePin,
    onRetry,
    onFullView,
    distance,
    note,
    onSaveNote,
    host,
    onTurnOffSite,
  } = props;
  const [menu, setMenu] = useState(false);
  const { id, result } = view;
  const trial = result?.ok ? result.trial : undefined;
  const name = trial?.briefTitle ? `Trial ${id}: ${trial.briefTitle}` : `Trial ${id}`;
  return (
    <div
      class="card"
      role="dialog"
      aria-label={name}
      aria-busy={result ? undefined : 'true'}
      tabIndex={-1}
      data-state={!result ? 'loading' : result.ok ? 'ready' : `error-${result.error.code}`}
      onKeyDown={trapTab}
    >
      <div class="toolbar">
        <span class="nct">{id}</span>
        <button
          type="button"
          class="icon"
          aria-pressed={view.pinned}
          onClick={onTogglePin}
          title="Keep this card open"
        >
          {view.pinned ? 'Unpin' : 'Pin'}
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
        <button type="button" class="icon" onClick={onClose} aria-label="Close the trial card">
          ×
        </button>
      </div>
      {menu && (
        <p class="site-menu">
          <button type="button" onClick={onTurnOffSite}>
            Turn off on {host || 'this site'}
          </button>
        </p>
      )}
      <Announcer message={announcement(id, result)} />
      {!result && <Loading />}
      {result && !result.ok && (
        <div class="problem" role="alert">
          <p>{result.error.message}</p>
          {result.error.code !== 'not-found' && result.error.code !== 'invalid-id' && (
            <button type="button" onClick={onRetry}>
              Try again
            </button>
          )}
        </div>
      )}
      {result?.ok && trial && (
        <>
          <CardHeader trial={trial} />
          <StatusSection trial={trial} now={now} refreshError={result.refreshError?.message} />
          <DesignSection trial={trial} />
          <EligibilitySection trial={trial} />
          <LocationsSection trial={trial} distance={distance} />
          <AboutSection trial={trial} />
          <NotesSection key={id} note={note} onSave={onSaveNote} />
        </>
      )}
      <CardFooter
        recordUrl={recordUrl(id)}
        fetchedAt={result?.ok ? result.fetchedAt : undefined}
        versionHolder={trial?.versionHolder}
        onFullView={onFullView}
      />
    </div>
  );
}

/** The one line a screen reader hears when the card's content arrives. */
function announcement(id: string, result: TrialResult | undefined): string {
  if (!result) return '';
  if (!result.ok) return result.error.message;
  const { trial } = result;
  const phase = phaseFact(trial.phases);
  return [statusLabel(trial.status.overall).label, phase, trial.briefTitle ?? id].filter(Boolean).join(', ');
}

/** The loading state keeps the card's shape, so nothing jumps when the data arrives. */
function Loading() {
  return (
    <div class="skeleton" aria-label="Loading trial details">
      <span class="bar wide" />
      <span class="bar" />
      <span class="bar" />
      <span class="bar narrow" />
    </div>
  );
}
