import '@/components/page/page.css';
import { render } from 'preact';
import { TrialPage } from '@/components/TrialPage';
import { sendRequest } from '@/lib/messages';

// Wiring only: the full view of the trial named in `?id=`, with its data from the background.
const app = document.getElementById('app');
if (app) {
  render(
    <TrialPage
      rawId={new URLSearchParams(location.search).get('id') ?? ''}
      load={(id) => sendRequest({ type: 'getTrialDetails', id })}
      now={() => Date.now()}
    />,
    app,
  );
}
