import '@/components/page/page.css';
import { render } from 'preact';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startPageCards } from '@/components/page-cards';
import { Welcome } from '@/components/welcome/Welcome';
import { loadSettings } from '@/lib/store/settings';

// Wiring only: the first-run page, with the real cards working on its own example paragraph
// (content scripts do not run on extension pages, so the page starts them itself).
const app = document.getElementById('app');
if (app) {
  render(<Welcome />, app);
  void loadSettings().then((settings) => startPageCards(new ContentScriptContext('nct'), document, settings));
}
