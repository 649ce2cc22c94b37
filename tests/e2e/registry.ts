/**
 * ClinicalTrials.gov as the extension's service worker sees it in E2E tests: `context.route` answers
 * API v2 requests from the recorded real records in ../shared/ctgov, and from a small study of our
 * own for IDs without a recording. Every request is logged so tests can count them and check that
 * only NCT IDs were sent.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Request } from 'playwright-core';
import { CTGOV_DIR } from '../support/ctgov';

export interface RegistryOptions {
  /** IDs the registry does not know (absent from lists, 404 alone). */
  unknown?: string[];
  /** A request that includes any of these IDs fails with this HTTP status, every time. */
  failing?: { ids: string[]; status: number };
}

export interface RegistryLog {
  requests: Request[];
  /** The IDs asked for, per request. */
  idsPerRequest(): string[][];
}

function recordedOrMade(id: string): unknown {
  const file = path.join(CTGOV_DIR, `${id}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  return {
    protocolSection: {
      identificationModule: { nctId: id, briefTitle: `Test trial ${id}` },
      statusModule: { overallStatus: 'RECRUITING', statusVerifiedDate: '2026-10' },
      designModule: { studyType: 'INTERVENTIONAL', phases: ['PHASE2'] },
    },
    hasResults: false,
  };
}

function idsOf(url: URL): string[] {
  const list = url.searchParams.get('filter.ids');
  return list ? list.split(',') : [url.pathname.split('/').pop() ?? ''];
}

export async function routeRegistry(
  context: BrowserContext,
  options: RegistryOptions = {},
): Promise<RegistryLog> {
  const requests: Request[] = [];
  const unknown = new Set(options.unknown ?? []);
  await context.route('https://clinicaltrials.gov/**', async (route) => {
    const request = route.request();
    requests.push(request);
    const url = new URL(request.url());
    const ids = idsOf(url);
    if (options.failing && ids.some((id) => options.failing?.ids.includes(id))) {
      await route.fulfill({
        status: options.failing.status,
        contentType: 'text/plain',
        body: 'Internal Server Error',
      });
      return;
    }
    if (url.searchParams.has('filter.ids')) {
      const studies = ids.filter((id) => !unknown.has(id)).map(recordedOrMade);
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ studies }) });
      return;
    }
    const [id = ''] = ids;
    if (unknown.has(id)) {
      await route.fulfill({ status: 404, contentType: 'text/plain', body: `NCT number ${id} not found` });
      return;
    }
    await route.fulfill({ contentType: 'application/json', body: JSON.stringify(recordedOrMade(id)) });
  });
  return {
    requests,
    idsPerRequest: () => requests.map((r) => idsOf(new URL(r.url()))),
  };
}
