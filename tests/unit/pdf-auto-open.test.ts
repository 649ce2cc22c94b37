import { describe, expect, it, vi } from 'vitest';
import {
  isPdfPage,
  startPdfAutoOpen,
  type HeadersReceivedEvent,
  type ResponseDetails,
} from '@/background/pdf-auto-open';

const pdfPage: ResponseDetails = {
  type: 'main_frame',
  method: 'GET',
  tabId: 3,
  url: 'https://journal.example/doi/pdf/10.1000/x',
  statusCode: 200,
  responseHeaders: [{ name: 'Content-Type', value: 'application/pdf; charset=binary' }],
};

describe('which responses are PDFs shown as a page', () => {
  it.each([
    ['a PDF page', pdfPage, true],
    ['a frame’s PDF', { ...pdfPage, type: 'sub_frame' }, false],
    [
      'a download',
      {
        ...pdfPage,
        responseHeaders: [
          ...(pdfPage.responseHeaders ?? []),
          { name: 'content-disposition', value: 'attachment; filename=x.pdf' },
        ],
      },
      false,
    ],
    [
      'shown inline',
      {
        ...pdfPage,
        responseHeaders: [
          ...(pdfPage.responseHeaders ?? []),
          { name: 'Content-Disposition', value: 'inline' },
        ],
      },
      true,
    ],
    ['a web page', { ...pdfPage, responseHeaders: [{ name: 'content-type', value: 'text/html' }] }, false],
    ['an error page', { ...pdfPage, statusCode: 404 }, false],
    ['a form post', { ...pdfPage, method: 'POST' }, false],
    ['not in a tab', { ...pdfPage, tabId: -1 }, false],
    ['a file', { ...pdfPage, url: 'file:///tmp/a.pdf' }, false],
  ])('%s → %s', (_name, details, expected) => {
    expect(isPdfPage(details)).toBe(expected);
  });
});

function fakeEvent() {
  const listeners = new Set<(d: ResponseDetails) => undefined>();
  const event: HeadersReceivedEvent = {
    addListener: vi.fn((listener) => void listeners.add(listener)),
    removeListener: vi.fn((listener) => void listeners.delete(listener)),
  };
  return { event, fire: (d: ResponseDetails) => listeners.forEach((l) => l(d)), count: () => listeners.size };
}

describe('opening PDFs in the viewer automatically', () => {
  it('sends a tab that gets a PDF to the viewer while the setting is on', async () => {
    const { event, fire } = fakeEvent();
    const openInViewer = vi.fn();
    startPdfAutoOpen({
      headersReceived: () => event,
      isOn: async () => true,
      watch: () => () => undefined,
      openInViewer,
    });
    expect(event.addListener).toHaveBeenCalled();
    // The setting is read from storage, a moment later.
    await new Promise((resolve) => setTimeout(resolve, 0));
    fire(pdfPage);
    fire({ ...pdfPage, responseHeaders: [{ name: 'content-type', value: 'text/html' }] });
    expect(openInViewer.mock.calls).toEqual([[3, pdfPage.url]]);
  });

  it('listens at once, then lets go while the setting is off (pages then do not wake the worker)', async () => {
    const { event, count } = fakeEvent();
    let on = false;
    let changed: () => void = () => undefined;
    startPdfAutoOpen({
      headersReceived: () => event,
      isOn: async () => on,
      watch: (cb) => ((changed = cb), () => undefined),
      openInViewer: vi.fn(),
    });
    expect(count()).toBe(1);
    await vi.waitFor(() => expect(count()).toBe(0));
    on = true;
    changed();
    await vi.waitFor(() => expect(count()).toBe(1));
  });

  it('does nothing without the permission (no webRequest)', async () => {
    const openInViewer = vi.fn();
    const stop = startPdfAutoOpen({
      headersReceived: () => undefined,
      isOn: async () => true,
      watch: () => () => undefined,
      openInViewer,
    });
    await Promise.resolve();
    stop.stop();
    expect(openInViewer).not.toHaveBeenCalled();
  });
});
