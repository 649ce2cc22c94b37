import { describe, expect, it, vi } from 'vitest';
import { describeProblem, looksLikePdf, pdfAddressFrom, viewerUrlFor } from '@/lib/pdf/source';
import { fetchPdf, readPdfFile, type FetchDeps } from '@/pdf/open';

vi.mock('wxt/browser', () => ({ browser: {} }));

const PDF_BYTES = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
const pdfResponse = () => new Response(PDF_BYTES, { headers: { 'content-type': 'application/pdf' } });

function deps(answers: (Response | Error)[], access = false): FetchDeps & { asked: RequestInit[] } {
  const asked: RequestInit[] = [];
  return {
    asked,
    fetch: async (_url, init) => {
      asked.push(init);
      const next = answers.shift();
      if (!next || next instanceof Error) throw next ?? new TypeError('Failed to fetch');
      return next;
    },
    hasAccess: async () => access,
    fileAccess: async () => false,
  };
}

const url = new URL('https://journal.example/articles/trial.pdf');

describe('getting a PDF from the web', () => {
  it('reads it with the reader’s cookies when the extension may read the site', async () => {
    const d = deps([pdfResponse()]);
    const loaded = await fetchPdf(url, d);
    expect(loaded).toMatchObject({ ok: true, name: 'trial.pdf' });
    expect(d.asked).toEqual([{ credentials: 'include' }]);
  });

  it('falls back to an anonymous cross-origin read', async () => {
    const d = deps([new TypeError('CORS'), pdfResponse()]);
    expect(await fetchPdf(url, d)).toMatchObject({ ok: true });
    expect(d.asked).toEqual([{ credentials: 'include' }, { credentials: 'omit' }]);
  });

  it('asks for the site only when neither read works and the site is not allowed', async () => {
    const loaded = await fetchPdf(url, deps([new TypeError('x'), new TypeError('y')], false));
    expect(loaded).toEqual({
      ok: false,
      problem: {
        kind: 'needs-access',
        origin: 'https://journal.example',
        pattern: 'https://journal.example/*',
      },
    });
    if (!loaded.ok)
      expect(describeProblem(loaded.problem)).toContain(
        'permission to read files from https://journal.example',
      );
  });

  it('says the site could not be reached when it is allowed but does not answer', async () => {
    const loaded = await fetchPdf(url, deps([new TypeError('x'), new TypeError('y')], true));
    expect(loaded).toEqual({ ok: false, problem: { kind: 'unreachable', host: 'journal.example' } });
  });

  it.each([
    [new Response('no', { status: 404, statusText: 'Not Found' }), 'There is no PDF at this address'],
    [new Response('busy', { status: 503, statusText: 'Service Unavailable' }), '“503 Service Unavailable”'],
    [
      new Response('<!doctype html><h1>Sign in</h1>', {
        headers: { 'content-type': 'text/html; charset=utf-8' },
      }),
      'did not send a PDF (it sent text/html)',
    ],
  ])('explains an answer that is not a PDF (%#)', async (response, words) => {
    const loaded = await fetchPdf(url, deps([response]));
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(describeProblem(loaded.problem)).toContain(words);
  });

  it('refuses a PDF larger than it opens before reading it', async () => {
    const huge = new Response('x', { headers: { 'content-length': String(300 * 1024 * 1024) } });
    const loaded = await fetchPdf(url, deps([huge]));
    expect(loaded).toEqual({ ok: false, problem: { kind: 'too-big', bytes: 300 * 1024 * 1024 } });
  });

  it('explains the browser’s file switch for a file:// PDF it may not read', async () => {
    const loaded = await fetchPdf(new URL('file:///home/reader/trial.pdf'), deps([]));
    expect(loaded).toEqual({ ok: false, problem: { kind: 'file-access' } });
    if (!loaded.ok) expect(describeProblem(loaded.problem)).toContain('Allow access to file URLs');
  });
});

describe('a PDF from the computer', () => {
  it('opens a PDF file and refuses another kind of file', async () => {
    expect(await readPdfFile(new File([PDF_BYTES], 'a.pdf'))).toMatchObject({ ok: true, name: 'a.pdf' });
    expect(await readPdfFile(new File(['hello'], 'notes.txt', { type: 'text/plain' }))).toEqual({
      ok: false,
      problem: { kind: 'not-pdf', contentType: 'text/plain' },
    });
  });
});

describe('the viewer’s address', () => {
  it.each([
    ['', { kind: 'none' }],
    ['?file=https%3A%2F%2Fjournal.example%2Fa.pdf', { kind: 'web' }],
    ['?file=file%3A%2F%2F%2Ftmp%2Fa.pdf', { kind: 'file' }],
    ['?file=javascript%3Aalert(1)', { kind: 'invalid' }],
    ['?file=not%20a%20url', { kind: 'invalid' }],
    ['?file=', { kind: 'invalid' }],
  ])('%s', (search, expected) => {
    expect(pdfAddressFrom(search)).toMatchObject(expected);
  });

  it('round-trips a PDF address with its own query through ?file=', () => {
    const pdf = 'https://journal.example/pdf?id=12&type=full#page=2';
    const viewer = viewerUrlFor(pdf, 'chrome-extension://abc/pdf.html');
    const address = pdfAddressFrom(new URL(viewer).search);
    expect(address.kind === 'web' && address.url.href).toBe(pdf);
  });

  it('knows a PDF by its header, even after leading bytes', () => {
    expect(looksLikePdf(PDF_BYTES)).toBe(true);
    expect(looksLikePdf(new TextEncoder().encode('\n\n  %PDF-1.4'))).toBe(true);
    expect(looksLikePdf(new TextEncoder().encode('<!doctype html>'))).toBe(false);
  });
});
