import '@/components/full-view/index.css';
import '@/components/card/index.css';
import { render } from 'preact';
import { Welcome } from '@/components/welcome/Welcome';
import { sendToBackground, type TrialResult } from '@/lib/messaging';
import { EXAMPLE_ID } from '@/components/welcome/Welcome';

// Wiring only: the first-run page, with the example trial's live card drawn by the same component as
// on web pages (content scripts do not run on extension pages; the page asks the background itself).
const app = document.getElementById('app');
const draw = (result?: TrialResult) => {
  if (app) render(<Welcome result={result} onRetry={() => void load()} />, app);
};
const load = () =>
  sendToBackground({ type: 'getTrials', ids: [EXAMPLE_ID] }).then(
    ([result]) => draw(result),
    () => draw(undefined),
  );
draw();
void load();
