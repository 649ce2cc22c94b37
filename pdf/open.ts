/**
 * Gets a PDF's bytes for the viewer: from the web (with the reader's permission for that one site, or
 * without when the site allows cross-origin reads), or from a file the reader chose. Every failure is
 * a {@link PdfProblem} the page puts into words. The bytes go to pdf.js in this tab and nowhere else.
 */
import { browser } from 'wxt/browser';
import { MAX_PDF_BYTES, looksLikePdf, originPattern, type PdfProblem } from '@/lib/pdf/source';

export type Loaded = { ok: true; data: Uint8Array; name: string } | { ok: false; problem: PdfProblem };

/** Whether the reader has let the extension read this site (an optional host permission). */
export async function hasAccess(url: URL): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern(url)] }).catch(() => false);
}

/** Asks the reader for this site only; must run in the click that asked for it. */
export async function requestAccess(url: URL): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(url)] }).catch(() => false);
}

const nameOf = (url: URL) => decodeURIComponent(url.pathname.split('/').pop() || url.hostname);

async function readBody(response: Response): Promise<Loaded> {
  const contentType = response.headers.get('content-type') ?? '';
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_PDF_BYTES) return { ok: false, problem: { kind: 'too-big', bytes: length } };
  const data = new Uint8Array(await response.arrayBuffer());
  if (data.byteLength > MAX_PDF_BYTES)
    return { ok: false, problem: { kind: 'too-big', bytes: data.byteLength } };
  if (!looksLikePdf(data)) return { ok: false, problem: { kind: 'not-pdf', contentType } };
  return { ok: true, data, name: '' };
}

/** What fetching needs from the browser (tests pass their own). */
export interface FetchDeps {
  fetch(url: string, init: RequestInit): Promise<Response>;
  hasAccess(url: URL): Promise<boolean>;
  fileAccess(): Promise<boolean>;
}

const browserDeps: FetchDeps = {
  fetch: (url, init) => fetch(url, init),
  hasAccess,
  fileAccess: () => browser.extension.isAllowedFileSchemeAccess().catch(() => false),
};

export async function fetchPdf(url: URL, deps: FetchDeps = browserDeps): Promise<Loaded> {
  const isFile = url.protocol === 'file:';
  if (isFile && !(await deps.fileAccess())) return { ok: false, problem: { kind: 'file-access' } };
  // First with the reader's cookies for the site (a journal they are signed in to), which needs the
  // extension's access to the site; then as an anonymous cross-origin read, which works where the
  // site allows any origin to read it. Only the PDF's own address is ever asked.
  const attempt = (credentials: RequestCredentials) =>
    deps.fetch(url.href, { credentials }).catch(() => undefined);
  const response = (await attempt('include')) ?? (isFile ? undefined : await attempt('omit'));
  if (!response) {
    if (isFile) return { ok: false, problem: { kind: 'file-access' } };
    const granted = await deps.hasAccess(url);
    return {
      ok: false,
      problem: granted
        ? { kind: 'unreachable', host: url.host }
        : { kind: 'needs-access', origin: url.origin, pattern: originPattern(url) },
    };
  }
  if (!response.ok && !isFile) {
    return { ok: false, problem: { kind: 'http', status: response.status, statusText: response.statusText } };
  }
  const loaded = await readBody(response).catch((): Loaded => ({
    ok: false,
    problem: { kind: 'unreachable', host: url.host },
  }));
  return loaded.ok ? { ...loaded, name: nameOf(url) } : loaded;
}

export async function readPdfFile(file: File): Promise<Loaded> {
  if (file.size > MAX_PDF_BYTES) return { ok: false, problem: { kind: 'too-big', bytes: file.size } };
  const data = new Uint8Array(await file.arrayBuffer());
  if (!looksLikePdf(data)) return { ok: false, problem: { kind: 'not-pdf', contentType: file.type } };
  return { ok: true, data, name: file.name };
}
