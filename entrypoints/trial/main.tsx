import '@/components/full-view/index.css';
import { render } from 'preact';
import { TrialPage } from '@/components/TrialPage';
import { sendToBackground } from '@/lib/messaging';
import { loadNote } from '@/lib/storage/notes';

// Wiring only: the full view of the trial named in `?id=`, with its data from the background.
const app = document.getElementById('app');
if (app) {
  render(
    <TrialPage
      rawId={new URLSearchParams(location.search).get('id') ?? ''}
      load={(id) => sendToBackground({ type: 'getTrialDetails', id })}
      loadNote={loadNote}
      now={() => Date.now()}
    />,
    app,
  );
}
