// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupPage, type PopupPageProps } from '@/components/popup/PopupPage';
import { looksLikePdfUrl } from '@/lib/pdf/source';

afterEach(cleanup);

function props(overrides: Partial<PopupPageProps>): PopupPageProps {
  return {
    tabId: async () => 5,
    // No content script answers: a browser page, or a PDF in the browser's own viewer.
    askPage: async () => undefined,
    getTrials: async () => [],
    setSiteOff: async () => undefined,
    copy: async () => undefined,
    tabUrl: async () => undefined,
    openInViewer: vi.fn(async () => undefined),
    openViewer: vi.fn(async () => undefined),
    ...overrides,
  };
}

describe('the popup on a tab extensions cannot read', () => {
  it('offers our viewer for a PDF the browser shows itself', async () => {
    const openInViewer = vi.fn(async () => undefined);
    const pdf = 'https://journal.example/doi/pdf/10.1000/x';
    render(<PopupPage {...props({ tabUrl: async () => pdf, openInViewer })} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Open in NCT hover cards viewer' }));
    await waitFor(() => expect(openInViewer).toHaveBeenCalledWith(5, pdf));
  });

  it('elsewhere, says why and how to open a PDF from the computer', async () => {
    const openViewer = vi.fn(async () => undefined);
    render(<PopupPage {...props({ tabUrl: async () => 'chrome://settings/', openViewer })} />);
    expect(await screen.findByText(/can't be read by extensions/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Open in NCT hover cards viewer' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'open a PDF from your computer' }));
    expect(openViewer).toHaveBeenCalled();
  });

  it.each([
    ['https://journal.example/article.pdf', true],
    ['https://journal.example/ARTICLE.PDF', true],
    ['https://www.nejm.org/doi/pdf/10.1056/NEJMoa2000000', true],
    ['file:///home/reader/protocol.pdf', true],
    ['https://journal.example/article.pdf.html', false],
    ['https://journal.example/article', false],
    ['chrome://settings/', false],
    [undefined, false],
  ])('%s looks like a PDF: %s', (address, expected) => {
    expect(looksLikePdfUrl(address)).toBe(expected);
  });
});
