/**
 * pdf.js, loaded the way its viewer components need: they read the library from `globalThis.pdfjsLib`
 * when their module is evaluated, so the library is set there first and the components are imported
 * after. The worker and its data files ship inside the extension (scripts/build/pdfjs-assets.ts).
 */
import * as pdfjsLib from 'pdfjs-dist';
import { browser } from 'wxt/browser';

/** Where scripts/build/pdfjs-assets.ts puts pdf.js's files. */
const PDFJS_ASSETS = '/pdfjs/';

declare global {
  var pdfjsLib: typeof import('pdfjs-dist') | undefined;
}

export type PdfJs = typeof pdfjsLib;
export type PdfViewerComponents = typeof import('pdfjs-dist/web/pdf_viewer.mjs');

let loaded: Promise<{ lib: PdfJs; viewer: PdfViewerComponents }> | undefined;

export function loadPdfJs(): Promise<{ lib: PdfJs; viewer: PdfViewerComponents }> {
  loaded ??= (async () => {
    globalThis.pdfjsLib = pdfjsLib;
    pdfjsLib.GlobalWorkerOptions.workerSrc = browser.runtime.getURL('/pdfjs/pdf.worker.min.mjs');
    const viewer = await import('pdfjs-dist/web/pdf_viewer.mjs');
    return { lib: pdfjsLib, viewer };
  })();
  return loaded;
}

/** pdf.js's data files, inside the extension: nothing is fetched from elsewhere. */
export function assetUrls(): {
  cMapUrl: string;
  standardFontDataUrl: string;
  wasmUrl: string;
  iccUrl: string;
} {
  const base = new URL(PDFJS_ASSETS, browser.runtime.getURL('/')).href;
  return {
    cMapUrl: `${base}cmaps/`,
    standardFontDataUrl: `${base}standard_fonts/`,
    wasmUrl: `${base}wasm/`,
    iccUrl: `${base}iccs/`,
  };
}
