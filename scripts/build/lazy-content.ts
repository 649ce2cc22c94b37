/**
 * The content script in two parts (content/eager.ts). Lists the eager part (the unlisted script
 * entrypoints/nct-eager, `nct-eager.js`) as the manifest's content script, and builds the part that
 * loads only once a page names a trial (entrypoints/nct-eager/page.ts → `content-scripts/nct-page.js`)
 * as an ES module the eager part imports, web-accessible with a dynamic URL.
 *
 * WXT builds content scripts as one IIFE each and has no built-in way to split them (wxt-dev/wxt#357);
 * this follows WXT's "ESM content script UI" example: after WXT's build, Vite builds the module with
 * the eager script's own Vite config (same plugins, aliases, `import.meta.env`, browser target).
 */
import path from 'node:path';
import { build, type InlineConfig } from 'vite';
import type { WxtHooks } from 'wxt';

const EAGER_SCRIPT = 'nct-eager';
const ENTRY = 'entrypoints/nct-eager/page.ts';
/** Keep in step with `PAGE_SCRIPT_PATH` in content/eager.ts. */
const OUTPUT = 'content-scripts/nct-page.js';

export function lazyContentHooks(): Partial<WxtHooks> {
  let contentConfig: InlineConfig | undefined;
  return {
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((e) => e.name === EAGER_SCRIPT && e.type === 'unlisted-script'))
        contentConfig = config;
    },
    'build:done': async (wxt) => {
      if (!contentConfig) throw new Error(`lazy-content: no Vite config seen for "${EAGER_SCRIPT}"`);
      await build({
        ...contentConfig,
        // WXT's IIFE wrapper is for the eager script itself, not for a module.
        plugins: (contentConfig.plugins ?? []).filter(
          (plugin) => !(plugin && 'name' in plugin && plugin.name === 'wxt:iife-anonymous'),
        ),
        build: {
          ...contentConfig.build,
          outDir: wxt.config.outDir,
          emptyOutDir: false,
          lib: { entry: path.resolve(wxt.config.root, ENTRY), formats: ['es'], fileName: 'nct-page' },
          // WXT sets both (Vite 8 reads `rolldownOptions`); both are replaced, or the module would be
          // written over the content script.
          rollupOptions: { output: { entryFileNames: OUTPUT } },
          rolldownOptions: { output: { entryFileNames: OUTPUT } },
        },
      });
    },
    // So `browser.runtime.getURL` accepts the path (WXT types the extension's public paths).
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push(OUTPUT);
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      // The eager script, in every frame (frames written by the page itself, srcdoc and about:blank,
      // hold article text too), once the page is parsed.
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        {
          matches: ['<all_urls>'],
          all_frames: true,
          match_about_blank: true,
          run_at: 'document_idle',
          js: [`${EAGER_SCRIPT}.js`],
        },
      ];
      manifest.web_accessible_resources ??= [];
      // A dynamic URL (Chrome): a new address every session, useless for fingerprinting.
      (manifest.web_accessible_resources as unknown[]).push({
        resources: [OUTPUT],
        matches: ['<all_urls>'],
        use_dynamic_url: true,
      });
    },
  };
}
