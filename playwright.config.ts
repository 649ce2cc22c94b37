import { defineConfig } from '@playwright/test';

// E2E in Debian's Chromium with the production build (tests/e2e/fixtures.ts launches it; Playwright
// downloads no browser). One test at a time: the machine has two cores and cards have real timings.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // An action waiting for an element that never comes fails while the page is still open, so the
  // failure's error context shows the page (and the card frame) as it was, not a closed context.
  use: { actionTimeout: 15_000 },
  // The JSON report is what `npm test` counts for its totals line.
  reporter: [['list'], ['json', { outputFile: '.tmp/playwright-report.json' }]],
  outputDir: '.tmp/playwright-results',
});
