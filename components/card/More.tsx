import type { Note } from '@/lib/storage/notes';
import type { TrialSummary } from '@/lib/trial/summary';
import { AboutSection } from './AboutSection';
import { RecordIdentity } from './RecordIdentity';
import { DesignSection } from './DesignSection';
import { EligibilitySection } from './EligibilitySection';
import { LocationsSection, type DistanceContext, type HomePick } from './LocationsSection';
import { NotesSection, type NoteDraft, type SaveNote } from './NotesSection';

/** What the first view leaves out, below it on request: the reader's note first, it is theirs. */
export function More(props: {
  trial: TrialSummary;
  now: number;
  distance?: DistanceContext;
  note?: Note;
  onSaveNote: SaveNote;
  draft?: NoteDraft;
  onDraft?(draft: NoteDraft | undefined): void;
  onSetHome?(pick: HomePick): void;
}) {
  const { trial } = props;
  return (
    <div class="more">
      <NotesSection
        key={trial.nctId}
        note={props.note}
        onSave={props.onSaveNote}
        draft={props.draft}
        onDraft={props.onDraft}
      />
      <EligibilitySection trial={trial} />
      <LocationsSection trial={trial} distance={props.distance} onSetHome={props.onSetHome} />
      <DesignSection trial={trial} now={props.now} />
      <AboutSection trial={trial} />
      <RecordIdentity trial={trial} />
    </div>
  );
}
