/**
 * The optional "open PDFs in the viewer automatically": a tab whose page turns out to be a PDF (a
 * top-level answer of type `application/pdf` that is not a download) is sent to the extension's viewer
 * for the same address. It needs `webRequest` and every site, which the reader grants when turning it on
 * (components/options/GeneralSettings.tsx); without them nothing here runs. The listener is added at
 * once when the worker starts (so the browser can wake the worker for it) and taken away again while the
 * setting is off, so that pages opened then do not wake the worker at all.
 */
export interface ResponseDetails {
  type: string;
  method: string;
  tabId: number;
  url: string;
  statusCode: number;
  responseHeaders?: { name: string; value?: string }[];
}

/** Whether a response is a PDF shown as a page (not a frame's, not a download, not an error). */
export function isPdfPage(details: ResponseDetails): boolean {
  if (details.type !== 'main_frame' || details.method !== 'GET' || details.tabId < 0) return false;
  if (!/^https?:/i.test(details.url) || details.statusCode < 200 || details.statusCode >= 300) return false;
  const header = (name: string) =>
    details.responseHeaders?.find((h) => h.name.toLowerCase() === name)?.value?.toLowerCase() ?? '';
  const type = header('content-type').split(';')[0]?.trim();
  return type === 'application/pdf' && !header('content-disposition').startsWith('attachment');
}

/** Returns nothing: the response goes on unchanged (the tab is sent to the viewer after). */
type Listener = (details: ResponseDetails) => undefined;

/** The part of `webRequest.onHeadersReceived` used here. */
export interface HeadersReceivedEvent {
  addListener(
    listener: Listener,
    filter: { urls: string[]; types: 'main_frame'[] },
    extra: 'responseHeaders'[],
  ): void;
  removeListener(listener: Listener): void;
}

export interface PdfAutoOpenDeps {
  /** The event, when the reader has granted `webRequest` (undefined otherwise). */
  headersReceived(): HeadersReceivedEvent | undefined;
  /** Whether the setting is on now. */
  isOn(): Promise<boolean>;
  /** Calls back when the setting or the granted permissions change. */
  watch(changed: () => void): () => void;
  /** Sends the tab to the viewer for `pdfUrl`. */
  openInViewer(tabId: number, pdfUrl: string): void;
}

export function startPdfAutoOpen(deps: PdfAutoOpenDeps): { stop(): void } {
  let on = false;
  let added: HeadersReceivedEvent | undefined;
  const listener: Listener = (details) => {
    if (on && isPdfPage(details)) deps.openInViewer(details.tabId, details.url);
    return undefined;
  };
  const add = () => {
    const event = deps.headersReceived();
    if (!event || added) return;
    event.addListener(listener, { urls: ['http://*/*', 'https://*/*'], types: ['main_frame'] }, [
      'responseHeaders',
    ]);
    added = event;
  };
  const remove = () => {
    added?.removeListener(listener);
    added = undefined;
  };
  const sync = async () => {
    on = await deps.isOn().catch(() => false);
    if (on) add();
    else remove();
  };
  add();
  void sync();
  const unwatch = deps.watch(() => void sync());
  return {
    stop() {
      unwatch();
      remove();
    },
  };
}
