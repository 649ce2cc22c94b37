/**
 * Where the viewer's PDF comes from and what went wrong getting it, in words for the reader. Pure:
 * the viewer (pdf/open.ts) does the fetching and reading.
 */
import { z } from '@/lib/zod';

/** The viewer's address for a PDF on the web: `pdf.html?file=<URL-encoded address>`. */
export function viewerUrlFor(pdfUrl: string, viewerPage: string): string {
  return `${viewerPage}?file=${encodeURIComponent(pdfUrl)}`;
}

/**
 * Whether a tab's address is likely a PDF shown by the browser's own viewer (which extensions cannot
 * read): an http(s) or file address whose path ends in `.pdf` or runs through a `/pdf/` folder.
 */
export function looksLikePdfUrl(address: string | undefined): boolean {
  if (!address) return false;
  try {
    const url = new URL(address);
    if (!['http:', 'https:', 'file:'].includes(url.protocol)) return false;
    return /\.pdf$/i.test(url.pathname) || /\/pdf\//i.test(url.pathname);
  } catch {
    return false;
  }
}

/** What `?file=` may name: a web address, or a file on this computer (read only if the browser lets us). */
const fileParam = z
  .string()
  .trim()
  .min(1)
  .transform((value, ctx) => {
    try {
      const url = new URL(value);
      if (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'file:') return url;
    } catch {
      // Reported below.
    }
    ctx.addIssue({ code: 'custom', message: 'not an http(s) or file address' });
    return z.NEVER;
  });

export type PdfAddress =
  | { kind: 'none' }
  | { kind: 'web'; url: URL }
  | { kind: 'file'; url: URL }
  | { kind: 'invalid'; message: string };

/** The PDF the viewer was opened for, from its own address's `?file=`. */
export function pdfAddressFrom(search: string): PdfAddress {
  const raw = new URLSearchParams(search).get('file');
  if (raw === null) return { kind: 'none' };
  const parsed = fileParam.safeParse(raw);
  if (!parsed.success) {
    return {
      kind: 'invalid',
      message: `“${raw.slice(0, 200)}” is not the address of a PDF on the web. Open a PDF from your computer instead.`,
    };
  }
  return parsed.data.protocol === 'file:'
    ? { kind: 'file', url: parsed.data }
    : { kind: 'web', url: parsed.data };
}

/** The origin pattern a permission request names: that site only, never all sites. */
export function originPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

/** Larger PDFs are refused before reading: the whole file is held in memory. */
export const MAX_PDF_BYTES = 200 * 1024 * 1024;

/** Every PDF starts with `%PDF-` within its first kilobyte (the specification allows leading junk). */
export function looksLikePdf(start: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(start.subarray(0, 1024));
  return head.includes('%PDF-');
}

export type PdfProblem =
  | { kind: 'needs-access'; origin: string; pattern: string }
  | { kind: 'unreachable'; host: string }
  | { kind: 'http'; status: number; statusText: string }
  | { kind: 'not-pdf'; contentType: string }
  | { kind: 'too-big'; bytes: number }
  | { kind: 'password'; retry: boolean }
  | { kind: 'damaged' }
  | { kind: 'file-access' }
  | { kind: 'invalid-address'; message: string };

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** One sentence or two for the reader: what happened and what they can do. */
export function describeProblem(problem: PdfProblem): string {
  switch (problem.kind) {
    case 'needs-access':
      return `To open this PDF, the extension needs your permission to read files from ${problem.origin}. It asks for that site only; the PDF stays in your browser.`;
    case 'unreachable':
      return `The PDF could not be downloaded from ${problem.host}: the site could not be reached. Check your connection, or open the PDF from your computer.`;
    case 'http':
      return problem.status === 404
        ? 'There is no PDF at this address: the site answered “404 Not Found”.'
        : `The site answered “${problem.status}${problem.statusText ? ` ${problem.statusText}` : ''}” instead of sending the PDF.`;
    case 'not-pdf':
      return `This address did not send a PDF${problem.contentType ? ` (it sent ${problem.contentType.split(';')[0]})` : ''}: it may be a web page about the article, or a sign-in page. Open the page itself, or download the PDF and open it here.`;
    case 'too-big':
      return `This PDF is ${megabytes(problem.bytes)}, more than the ${megabytes(MAX_PDF_BYTES)} the viewer opens.`;
    case 'password':
      return problem.retry
        ? 'That password did not open the PDF. Try again.'
        : 'This PDF is protected by a password. Enter it to open the PDF; it is used only in this tab.';
    case 'damaged':
      return 'This file could not be read as a PDF: it is damaged or not a PDF.';
    case 'file-access':
      return 'The browser does not let extensions read files on your computer unless you allow it. Choose the PDF with “Open a PDF” below, or turn on “Allow access to file URLs” for NCT hover cards on the browser’s extensions page.';
    case 'invalid-address':
      return problem.message;
  }
}
