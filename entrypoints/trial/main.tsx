import '@/components/page/page.css';
import { render } from 'preact';
import type { NctId } from '@/lib/nct';
import { TrialPage } from '@/components/TrialPage';
import { sendRequest } from '@/lib/messages';
import { loadNotes } from '@/lib/store/notes';

// Wiring only: the full view of the trial named in `?id=`, with its data from the background.
const app = document.getElementById('app');
if (app) {
  render(
    <TrialPage
      rawId={new URLSearchParams(location.search).get('id') ?? ''}
      load={(id) => sendRequest({ type: 'getTrialDetails', id })}
      loadNote={async (id) => (await loadNotes()).byId[id as NctId]}
      now={() => Date.now()}
    />,
    app,
  );
}
