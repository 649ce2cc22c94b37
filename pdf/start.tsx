/**
 * The PDF viewer page's runtime: pdf.js in the page (pdf/viewer.ts), the same session as on web pages
 * (content/session.ts: card, prefetch, chips, badge), with marks made on each text layer pdf.js draws
 * instead of by the page scanner, and answers to the popup for this tab.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PdfViewerPage } from '@/components/pdf/PdfViewerPage';
import { startSession, type Session } from '@/content/session';
import type { TabAnswer } from '@/lib/messaging';
import { pdfAddressFrom } from '@/lib/pdf/source';
import { unmarkAll } from '@/lib/scan/mark';
import { isViewerRequest } from '@/lib/tab-message';
import { loadSettings, watchSettings } from '@/lib/storage/settings';
import { fetchPdf, readPdfFile, requestAccess } from './open';
import { createPdfViewer } from './viewer';

/** The popup's site line for a PDF: where it came from. */
const LOCAL_FILE = 'a file on this computer';

export async function startPdfViewerPage(app: HTMLElement): Promise<void> {
  const address = pdfAddressFrom(location.search);
  const host = address.kind === 'web' ? address.url.host : LOCAL_FILE;
  const settings = await loadSettings();
  let marked: (elements: HTMLElement[]) => void = () => undefined;
  const session: Session = startSession(document, settings, {
    host,
    startMarker(onMarked) {
      marked = onMarked;
      return { destroy: () => unmarkAll(document.body) };
    },
  });
  watchSettings((changed) => session.apply(changed));
  answerPopup(session, host);

  render(
    <PdfViewerPage
      address={address}
      createViewer={(container, events) =>
        createPdfViewer(container, { ...events, onMarked: (els) => marked(els) })
      }
      fetchPdf={fetchPdf}
      readFile={readPdfFile}
      requestAccess={requestAccess}
    />,
    app,
  );
}

/**
 * The popup asks a tab's content script with `tabs.sendMessage`, which never reaches an extension page:
 * for a viewer tab it sends the same request to every extension page, and the viewer in that tab
 * answers (the background leaves these to us).
 */
function answerPopup(session: Session, host: string): void {
  const ownTab = browser.tabs.getCurrent().then((tab) => tab?.id);
  browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id || !isViewerRequest(message)) return undefined;
    return ownTab.then((tabId): Promise<TabAnswer> | undefined => {
      if (tabId !== message.tabId) return undefined;
      const request = message.request;
      if (request.type === 'listTrials') {
        const answer = session.handlers.listTrials(request, undefined);
        return Promise.resolve(answer).then((page) => ({ ...page, host, pdf: true }));
      }
      const handler = session.handlers[request.type] as (m: typeof request) => TabAnswer;
      return Promise.resolve(handler(request));
    });
  });
}
