// The reference the idle-cost benches measure against (issue: idle cost): a minimal extension whose
// content script, in every frame, only tests the page's text for an ID with the same grammar as ours.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Writes the minimal extension to a new temporary folder and returns the folder. */
export function buildMinimalExtension() {
  const dir = mkdtempSync(path.join(tmpdir(), 'nct-minimal-'));
  writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'minimal NCT test',
      version: '1.0',
      content_scripts: [
        {
          matches: ['<all_urls>'],
          all_frames: true,
          match_about_blank: true,
          run_at: 'document_idle',
          js: ['min.js'],
        },
      ],
    }),
  );
  writeFileSync(
    path.join(dir, 'min.js'),
    "globalThis.__nct = /(?<![\\p{L}\\p{N}])nct[ \\-\\u00A0\\u202F\\u2011]?\\d{8}(?!\\p{N})/iu.test(document.body ? document.body.textContent : '');\n",
  );
  return dir;
}
