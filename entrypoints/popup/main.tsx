import '@/components/popup/popup.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupPage } from '@/components/popup/PopupPage';
import { getTrialsInBatches, sendToTab } from '@/lib/messaging';
import { setSiteOff } from '@/lib/storage/settings';
import { viewerUrlFor } from '@/lib/pdf/source';

// Wiring only: the popup for the active tab (or `?tab=<id>`, how tests open it as a page of its own).
const app = document.getElementById('app');
if (app) {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  render(
    <PopupPage
      tabId={async () =>
        Number.isInteger(fromQuery) && fromQuery > 0
          ? fromQuery
          : (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id
      }
      askPage={(tabId, request) => sendToTab(tabId, request)}
      getTrials={getTrialsInBatches}
      setSiteOff={(host, off) => setSiteOff(host, off).then(() => undefined)}
      copy={(text) => navigator.clipboard.writeText(text)}
      tabUrl={async (id) => (await browser.tabs.get(id)).url}
      openInViewer={async (id, pdfUrl) => {
        await browser.tabs.update(id, { url: viewerUrlFor(pdfUrl, browser.runtime.getURL('/pdf.html')) });
        window.close();
      }}
      openViewer={async () => {
        await browser.tabs.create({ url: browser.runtime.getURL('/pdf.html') });
        window.close();
      }}
    />,
    app,
  );
}
