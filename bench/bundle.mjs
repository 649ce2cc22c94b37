// Bundles a module of ours (TypeScript, `@/` imports) for a benchmark: as an IIFE global for a
// browser page, or as an ES module file for Node. `wxt/browser` is replaced by a stub: benchmarks run
// outside an extension and pass their own storage.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = path.resolve(import.meta.dirname, '..');
const browserStub = path.join(root, 'bench/browser-stub.mjs');

async function bundle(entry, format, name) {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@': root, 'wxt/browser': browserStub } },
    build: {
      write: false,
      minify: format === 'iife',
      lib: { entry: path.resolve(root, entry), formats: [format], name },
    },
  });
  const output = (Array.isArray(result) ? result[0] : result).output;
  return output.find((chunk) => chunk.type === 'chunk').code;
}

/** Source of an IIFE that defines `window[name]`, for `page.addScriptTag`. */
export function bundleForPage(entry, name) {
  return bundle(entry, 'iife', name);
}

/** Imports a module of ours in Node. */
export async function importForNode(entry) {
  const code = await bundle(entry, 'es');
  const dir = path.join(root, '.tmp/bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${path.basename(entry).replace(/\W/g, '_')}.mjs`);
  writeFileSync(file, code);
  return import(pathToFileURL(file).href);
}
