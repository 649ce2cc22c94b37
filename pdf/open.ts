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

export async function fetchPdf(url: URL): Promise<Loaded> {
  if (url.protocol === 'file:') {
    const allowed = await browser.extension.isAllowedFileSchemeAccess().catch(() => false);
    if (!allowed) return { ok: false, problem: { kind: 'file-access' } };
  }
  const granted = url.protocol === 'file:' || (await hasAccess(url));
  let response: Response;
  try {
    // With the site's permission, its cookies go too (a journal the reader is signed in to); without
    // it, only an open cross-origin read can work.
    response = await fetch(url.href, { credentials: granted ? 'include' : 'omit' });
  } catch {
    if (url.protocol === 'file:') return { ok: false, problem: { kind: 'file-access' } };
    return {
      ok: false,
      problem: granted
        ? { kind: 'unreachable', host: url.host }
        : { kind: 'needs-access', origin: url.origin, pattern: originPattern(url) },
    };
  }
  if (!response.ok && url.protocol !== 'file:') {
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
