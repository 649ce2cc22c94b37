/**
 * pdf.js's worker and the data it loads at run time (standard fonts, character maps, colour profiles, image decoders
 * in WebAssembly), shipped inside the extension under `pdfjs/` (DESIGN.md, "PDF viewer"): the viewer
 * fetches nothing from anywhere but the PDF's own address and the extension.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { WxtHooks } from 'wxt';
import { WORKER_STRIP, applyStrip } from './strip-unused-unsafe-code';

/** Keep in step with `PDFJS_ASSETS` in pdf/pdfjs.ts. */
const DEST = 'pdfjs';
const FOLDERS = ['standard_fonts', 'cmaps', 'iccs', 'wasm'];

export function pdfjsAssetHooks(): Partial<WxtHooks> {
  return {
    'build:publicAssets': (wxt, files) => {
      const dist = path.resolve(wxt.config.root, 'node_modules/pdfjs-dist');
      const worker = path.join(dist, 'build/pdf.worker.min.mjs');
      files.push({
        contents: applyStrip(readFileSync(worker, 'utf8'), WORKER_STRIP, worker),
        relativeDest: `${DEST}/pdf.worker.min.mjs`,
      });
      for (const folder of FOLDERS) {
        // pdf.js's JavaScript engine for PDF forms' scripts (quickjs) is left out: the viewer runs none.
        for (const name of readdirSync(path.join(dist, folder)).filter((n) => !/quickjs/i.test(n))) {
          files.push({
            absoluteSrc: path.join(dist, folder, name),
            relativeDest: `${DEST}/${folder}/${name}`,
          });
        }
      }
    },
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push(`${DEST}/pdf.worker.min.mjs`);
    },
  };
}
