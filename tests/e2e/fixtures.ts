/**
 * The E2E fixtures, in one place (Playwright's pattern for testing an extension): every test gets a
 * fresh Chromium profile with the production build loaded (`context`, `page`, `extensionId`,
 * `serviceWorker`), the local test pages (`server`), and ClinicalTrials.gov played from the recorded
 * real records (`registry`, with `test.use({ registryOptions })` for unknown or failing IDs).
 * A fresh profile per test keeps tests independent: nothing one test stores reaches another.
 * A browser that cannot start is a failure, never a skip: CI must not go green without these tests.
 */
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { HAVE_CTGOV, describeFixtures } from '../support/ctgov';
import type { RegistryOptions } from '../support/registry-answers';
import { launchWithExtension, servePages, type ExtensionBrowser, type PageServer } from './harness';
import { routeRegistry, type RegistryLog } from './registry';

interface TestFixtures {
  registryOptions: RegistryOptions;
  extension: ExtensionBrowser;
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  registry: RegistryLog;
  /** Opens one of tests/e2e/pages at 1280×720 and waits for its first mark. */
  openPage(name: string): Promise<Page>;
}

interface WorkerFixtures {
  server: PageServer;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    async ({}, use) => {
      const server = await servePages();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  registryOptions: [{}, { option: true }],
  extension: async ({}, use) => {
    const extension = await launchWithExtension();
    await use(extension);
    await extension.close();
  },
  context: async ({ extension }, use) => use(extension.context),
  serviceWorker: async ({ extension }, use) => use(extension.serviceWorker),
  extensionId: async ({ extension }, use) => use(extension.extensionId),
  registry: [
    async ({ extension, registryOptions }, use) =>
      use(await routeRegistry(extension.context, registryOptions)),
    // Every test's API requests are answered, whether or not the test looks at the log.
    { auto: true },
  ],
  openPage: async ({ context, server }, use) =>
    use(async (name) => {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${server.origin}/${name}`);
      await page.locator('nctref').first().waitFor();
      return page;
    }),
});

/** Skips a test (by name, with the reason) when the recorded real records are absent. */
export function needsRecords(): void {
  test.skip(!HAVE_CTGOV, describeFixtures());
}

export { expect, describeFixtures, HAVE_CTGOV };
