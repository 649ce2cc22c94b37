import type { TrialSummary } from '@/lib/trial/summary';
import { AboutSection } from './AboutSection';
import { RecordIdentity } from './RecordIdentity';
import { DesignSection } from './DesignSection';
import { EligibilitySection } from './EligibilitySection';
import type { TrialCardProps } from '../TrialCard';
import { LocationsSection } from './LocationsSection';
import { NotesSection } from './NotesSection';

/** What the first view leaves out, below it on request: the reader's note first, it is theirs. */
export function More(
  props: { trial: TrialSummary } & Pick<
    TrialCardProps,
    'now' | 'distance' | 'note' | 'onSaveNote' | 'draft' | 'onDraft' | 'onSetHome'
  >,
) {
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
