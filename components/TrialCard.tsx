/**
 * The trial card: at a glance, in one view that does not scroll (DESIGN.md, "the card at a glance"):
 * status, phase and the record link in the header; title; freshness; who; key criteria; where; what.
 * "More" opens the rest below (all criteria, all sites, design, sponsor, quick check, note). Renders a
 * TrialResult; never raw API JSON. All registry text is rendered as text (Preact escapes it).
 */
import type { TargetedKeyboardEvent } from 'preact';
import { useState } from 'preact/hooks';
import type { CardView } from '@/lib/card/controller';
import type { FullViewSection, TrialResult } from '@/lib/messaging';
import type { Note } from '@/lib/storage/notes';
import { phaseFact } from '@/lib/trial/facts';
import { statusLabel } from '@/lib/trial/status';
import { Announcer } from './card/Announcer';
import { CardFooter } from './card/CardFooter';
import { CardTop } from './card/CardTop';
import { Glance } from './card/Glance';
import { More } from './card/More';
import type { DistanceContext, HomePick } from './card/LocationsSection';
import type { NoteDraft, SaveNote } from './card/NotesSection';

export interface TrialCardProps {
  view: CardView;
  /** Time the card is drawn (ms since epoch): freshness is judged against it. */
  now: number;
  onClose(): void;
  onTogglePin(): void;
  onRetry(): void;
  /** Opens the full view, at one of its sections when named. */
  onFullView(section?: FullViewSection): void;
  /** Set when the reader has a home location: distances to sites. */
  distance?: DistanceContext;
  /** The reader's note on this trial, if any. */
  note?: Note;
  onSaveNote: SaveNote;
  /** An unsaved draft of the note, kept by whoever shows the card, so that closing it loses nothing. */
  draft?: NoteDraft;
  onDraft?(draft: NoteDraft | undefined): void;
  /** Sets the reader's location from one of the trial's site cities (kept on this computer). */
  onSetHome?(pick: HomePick): void;
  /** The site the card is on, for "Turn off on …"; the card frame does not know it ("this site"). */
  host?: string;
  onTurnOffSite(): void;
}

/** Keeps Tab inside the card while focus is in it (a dialog); Escape is handled by the controller. */
function trapTab(event: TargetedKeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Tab') return;
  const root = event.currentTarget;
  const focusable = Array.from(
    root.querySelectorAll<HTMLElement>(
      'a[href], button:not([disabled]), summary, input, textarea, [tabindex="0"]',
    ),
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
  const { view, now, onRetry, onFullView, distance, note, onSaveNote } = props;
  const { id, result } = view;
  const trial = result?.ok ? result.trial : undefined;
  // "More": all criteria, all sites, design, sponsor, quick check, the note. A draft in progress opens
  // it on its own: the note editor is there.
  const [more, setMore] = useState(props.draft !== undefined);
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
      <CardTop
        id={id}
        trial={trial}
        pinned={view.pinned}
        host={props.host}
        onTogglePin={props.onTogglePin}
        onClose={props.onClose}
        onTurnOffSite={props.onTurnOffSite}
      />
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
        <Glance
          trial={trial}
          now={now}
          refreshError={result.refreshError?.message}
          distance={distance}
          onFullView={onFullView}
        />
      )}
      <CardFooter
        fetchedAt={result?.ok ? result.fetchedAt : undefined}
        versionHolder={trial?.versionHolder}
        onFullView={onFullView}
      >
        {trial && (
          <button type="button" class="more-button" aria-expanded={more} onClick={() => setMore(!more)}>
            {more ? 'Less' : 'More'}
          </button>
        )}
        {trial && note && !more && <span class="note-flag">You have a note · </span>}
      </CardFooter>
      {trial && more && (
        <More
          trial={trial}
          now={now}
          distance={distance}
          note={note}
          onSaveNote={onSaveNote}
          draft={props.draft}
          onDraft={props.onDraft}
          onSetHome={props.onSetHome}
        />
      )}
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
