/**
 * A build step that removes two library code paths this extension never takes and that `web-ext lint`
 * rightly flags, so the Firefox build lints with zero warnings:
 * - zod's `allowsEval` probe (`new Function("")`): we configure zod `jitless` (lib/zod.ts), so the probe
 *   is never needed; it now answers "no eval" outright.
 * - Preact's `dangerouslySetInnerHTML` write (`el.innerHTML = props.__html`): no component of ours
 *   passes that prop (ESLint forbids it), so the branch is dead.
 * - pdf.js (the PDF viewer): its translations' markup overlay (`template.innerHTML`; we load no
 *   translations, and text is enough), the scripting sandbox it imports for PDF forms' JavaScript (we
 *   run none), the "fake worker" it imports on the page when a real worker cannot start (ours always
 *   can: it ships with the extension), and, in the worker, the JavaScript stand-ins it imports for
 *   image decoders when WebAssembly is missing (extension pages have it). Without them, such a PDF
 *   fails with an error the viewer puts into words, instead of code being loaded by address.
 * Each replacement must match exactly once, or the build fails: a library update cannot quietly bring
 * the code back, or make this step a silent no-op.
 */
import type { Plugin } from 'vite';

interface Strip {
  file: RegExp;
  find: RegExp;
  replace: string;
}

const NOT_HERE = (what: string) => `Promise.reject(new Error("${what} is not part of this extension"))`;

const STRIPS: Strip[] = [
  {
    file: /node_modules\/zod\/v4\/core\/util\.js$/,
    find: /const F = Function;\s*new F\(""\);\s*return true;/,
    replace: 'return false;',
  },
  {
    file: /node_modules\/preact\/dist\/preact\.mjs$/,
    find: /\|\|\((\w+)\.innerHTML=(\w+)\.__html\)/,
    replace: '||void 0',
  },
  {
    file: /node_modules\/pdfjs-dist\/web\/pdf_viewer\.mjs$/,
    find: /templateElement\.innerHTML = value;/,
    replace: 'templateElement.textContent = value;',
  },
  {
    file: /node_modules\/pdfjs-dist\/web\/pdf_viewer\.mjs$/,
    find: /import\(\s*\/\*webpackIgnore: true\*\/\s*\/\*@vite-ignore\*\/\s*sandboxBundleSrc\)/,
    replace: NOT_HERE('The scripting sandbox'),
  },
  {
    file: /node_modules\/pdfjs-dist\/build\/pdf\.mjs$/,
    find: /import\(\s*\/\*webpackIgnore: true\*\/\s*\/\*@vite-ignore\*\/\s*this\.workerSrc\)/,
    replace: NOT_HERE('A worker on the page'),
  },
];

/** For pdf.js's worker, copied as it is (scripts/build/pdfjs-assets.ts) rather than bundled. */
export const WORKER_STRIP: Strip = {
  file: /pdf\.worker\.min\.mjs$/,
  find: /import\(\s*\/\*webpackIgnore: true\*\/\s*\/\*@vite-ignore\*\/\s*`\$\{WasmImage\.#\w+\}\$\{this\._noWasmFilename\}`\)/,
  replace: NOT_HERE('A decoder without WebAssembly'),
};

export function stripUnusedUnsafeCode(): Plugin {
  return {
    name: 'nct:strip-unused-unsafe-code',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      const strips = STRIPS.filter((s) => s.file.test(file));
      if (strips.length === 0) return undefined;
      return { code: strips.reduce((text, strip) => applyStrip(text, strip, id), code), map: null };
    },
  };
}

/** Replaces the one match of `strip.find`, or fails the build (none, or more than one). */
export function applyStrip(code: string, strip: Strip, id: string): string {
  const matches = code.match(new RegExp(strip.find.source, 'g')) ?? [];
  if (matches.length !== 1) {
    throw new Error(
      `strip-unused-unsafe-code: expected one match of ${strip.find} in ${id}, found ${matches.length}`,
    );
  }
  return code.replace(strip.find, strip.replace);
}
