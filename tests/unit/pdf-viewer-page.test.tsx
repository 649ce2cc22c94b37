// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PdfViewerPage, type PdfViewerPageProps } from '@/components/pdf/PdfViewerPage';
import { pdfAddressFrom } from '@/lib/pdf/source';
import type { Loaded } from '@/pdf/open';
import type { PdfViewer } from '@/pdf/viewer';

afterEach(cleanup);

const PDF: Loaded = { ok: true, data: new TextEncoder().encode('%PDF-1.7'), name: 'trial.pdf' };
const NEEDS_ACCESS: Loaded = {
  ok: false,
  problem: { kind: 'needs-access', origin: 'https://journal.example', pattern: 'https://journal.example/*' },
};

/** A stand-in for pdf.js's viewer: opens anything, with an outline of one chapter. */
function fakeViewer(open: PdfViewer['open'] = async () => fakePdf): PdfViewer {
  return {
    open,
    goToPage: vi.fn(),
    goToDestination: vi.fn(),
    zoom: vi.fn(),
    zoomBy: vi.fn(),
    find: vi.fn(),
    closeFind: vi.fn(),
    destroy: async () => undefined,
  };
}
// The page reads only the outline of the document it is given (the index reads the rest, elsewhere).
const fakePdf = {
  getOutline: async () => [{ title: 'Methods', dest: 'methods', items: [] }],
} as unknown as PDFDocumentProxy;

function props(overrides: Partial<PdfViewerPageProps>): PdfViewerPageProps {
  return {
    address: pdfAddressFrom('?file=https%3A%2F%2Fjournal.example%2Ftrial.pdf'),
    createViewer: async () => fakeViewer(),
    fetchPdf: async () => PDF,
    readFile: async () => PDF,
    requestAccess: async () => true,
    ...overrides,
  };
}

describe('the PDF viewer page', () => {
  it('asks for the one site on a click, then opens the PDF', async () => {
    const fetchPdf = vi
      .fn<PdfViewerPageProps['fetchPdf']>()
      .mockResolvedValueOnce(NEEDS_ACCESS)
      .mockResolvedValue(PDF);
    const requestAccess = vi.fn(async (_url: URL) => true);
    const onOpened = vi.fn();
    render(<PdfViewerPage {...props({ fetchPdf, requestAccess, onOpened })} />);
    const allow = await screen.findByRole('button', { name: 'Allow reading PDFs from journal.example' });
    expect(screen.getByRole('alert').textContent).toContain('It asks for that site only');
    expect(requestAccess).not.toHaveBeenCalled();
    fireEvent.click(allow);
    await waitFor(() => expect(onOpened).toHaveBeenCalledWith(fakePdf));
    expect(requestAccess.mock.calls[0]?.[0]).toBeInstanceOf(URL);
    expect(fetchPdf).toHaveBeenCalledTimes(2);
    // Opened: the outline of the PDF, its title, and no notice left.
    await screen.findByRole('button', { name: 'Methods' });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.title).toBe('trial.pdf · NCT hover cards');
  });

  it('stays on the message when the reader refuses', async () => {
    const fetchPdf = vi.fn(async () => NEEDS_ACCESS);
    render(<PdfViewerPage {...props({ fetchPdf, requestAccess: async () => false })} />);
    fireEvent.click(await screen.findByRole('button', { name: /Allow reading PDFs/ }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('needs your permission'));
    expect(fetchPdf).toHaveBeenCalledTimes(1);
  });

  it('says a damaged PDF is damaged, and offers the file input', async () => {
    const viewer = fakeViewer(async () => {
      throw { kind: 'damaged', detail: 'Invalid PDF structure.' };
    });
    render(<PdfViewerPage {...props({ createViewer: async () => viewer })} />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('damaged or not a PDF'));
    expect(screen.getByLabelText('Open a PDF from your computer')).toBeTruthy();
  });

  it('without a PDF, invites the reader to open or drop one', () => {
    render(<PdfViewerPage {...props({ address: { kind: 'none' } })} />);
    expect(screen.getByRole('heading', { name: 'NCT hover cards PDF viewer' })).toBeTruthy();
    expect(screen.getByText('Or drop a PDF anywhere on this page.')).toBeTruthy();
  });
});
