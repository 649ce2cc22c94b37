/**
 * ClinicalTrials.gov as the extension's service worker sees it in Chromium's E2E tests: `context.route`
 * answers API v2 requests (tests/support/registry-answers.ts: recorded real records, or a small study
 * of our own for IDs without a recording). Every request is logged so tests can count them and check
 * that only NCT IDs were sent.
 */
import type { BrowserContext, Request } from '@playwright/test';
import { answerRegistry, idsOf, type RegistryOptions } from '../support/registry-answers';

export type { RegistryOptions };

export interface RegistryLog {
  requests: Request[];
  /** The IDs asked for, per request. */
  idsPerRequest(): string[][];
}

export async function routeRegistry(
  context: BrowserContext,
  options: RegistryOptions = {},
): Promise<RegistryLog> {
  const requests: Request[] = [];
  await context.route('https://clinicaltrials.gov/**', async (route) => {
    const request = route.request();
    requests.push(request);
    const { status, contentType, body } = answerRegistry(new URL(request.url()), options);
    await route.fulfill({ status, contentType, body });
  });
  return { requests, idsPerRequest: () => requests.map((r) => idsOf(new URL(r.url()))) };
}
