// A fresh headless Chromium profile with our production build loaded, for the benches that open the
// extension's pages or cards. Closing it removes the profile.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const EXTENSION = path.resolve(import.meta.dirname, '../.output/chrome-mv3');

export async function launchWithExtension(executablePath, options = {}) {
  const profile = mkdtempSync(path.join(tmpdir(), 'nct-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    ...options,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
