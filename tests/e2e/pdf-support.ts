/**
 * What the PDF viewer's specs need: PDFs printed from our article pages with Chromium's `page.pdf()`,
 * a server for them (with or without cross-origin reads allowed) that logs what is asked of it, the IDs
 * a PDF's own text names (read with pdf.js in Node, independently of the viewer's marking), and the
 * viewer's address.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { findNctIds } from '@/lib/nct';

const PAGES = path.join(import.meta.dirname, 'pages');

/** Prints one of tests/e2e/pages (or the HTML given) to a PDF in the test's own browser. */
export async function printPdf(context: BrowserContext, page: string, format = 'A4'): Promise<Buffer> {
  const html = page.startsWith('<') ? page : readFileSync(path.join(PAGES, page), 'utf8');
  const tab = await context.newPage();
  try {
    await tab.setContent(html);
    return await tab.pdf({ format });
  } finally {
    await tab.close();
  }
}

export interface Served {
  body: Buffer | string;
  type: string;
  status?: number;
}

export interface PdfServer {
  origin: string;
  /** Paths asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves `files` by path; `cors`: whether any origin may read them (an open cross-origin read). */
export async function servePdfs(files: Record<string, Served>, { cors = true } = {}): Promise<PdfServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const name = (req.url ?? '/').split('?')[0] ?? '/';
    requests.push(name);
    if (cors) res.setHeader('access-control-allow-origin', '*');
    const file = files[name];
    res.statusCode = file?.status ?? (file ? 200 : 404);
    res.setHeader('content-type', file?.type ?? 'text/html; charset=utf-8');
    res.end(file?.body ?? '<!doctype html><title>Not found</title><h1>Not found</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The IDs a PDF's text names, read the simplest way: each page's text items joined, a line end read as
 * a space, with the ID grammar of lib/nct.ts. Independent of the viewer's text layer and its marking.
 */
export async function idsInPdfText(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const ids = new Set<string>();
  for (let n = 1; n <= doc.numPages; n++) {
    const { items } = await (await doc.getPage(n)).getTextContent();
    const text = items.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : '')).join('');
    for (const { id } of findNctIds(text)) ids.add(id);
  }
  await doc.loadingTask.destroy();
  return [...ids].sort();
}

export const viewerUrl = (extensionId: string, file?: string) =>
  `chrome-extension://${extensionId}/pdf.html${file === undefined ? '' : `?file=${encodeURIComponent(file)}`}`;
