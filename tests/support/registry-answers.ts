/**
 * ClinicalTrials.gov API v2 as the E2E tests play it, independent of the browser: the recorded real
 * records in ../shared/ctgov answer for their IDs, a small study of our own for IDs without a
 * recording. Chromium's tests answer with it through `context.route`; Firefox's through a local HTTPS
 * server (tests/firefox/harness.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CTGOV_DIR } from './ctgov';
import { projectFields } from './project-fields';

export interface RegistryOptions {
  /** IDs the registry does not know (absent from lists, 404 alone). */
  unknown?: string[];
  /** A request that includes any of these IDs fails with this HTTP status, every time. */
  failing?: { ids: string[]; status: number };
  /** Studies of our own, answered for their IDs instead of a recording. */
  studies?: Record<string, unknown>;
}

export interface RegistryAnswer {
  status: number;
  contentType: string;
  body: string;
}

export function recordedOrMade(id: string): unknown {
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

/** The IDs a request asks for: its `filter.ids` list, or the one in `/studies/{id}`. */
export function idsOf(url: URL): string[] {
  const list = url.searchParams.get('filter.ids');
  return list ? list.split(',') : [url.pathname.split('/').pop() ?? ''];
}

export function answerRegistry(url: URL, options: RegistryOptions = {}): RegistryAnswer {
  const ids = idsOf(url);
  const unknown = new Set(options.unknown ?? []);
  const json = (body: unknown): RegistryAnswer => ({
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify(body),
  });
  if (options.failing && ids.some((id) => options.failing?.ids.includes(id))) {
    return { status: options.failing.status, contentType: 'text/plain', body: 'Internal Server Error' };
  }
  const fields = url.searchParams.get('fields')?.split(',');
  const study = (id: string) => {
    const full = options.studies?.[id] ?? recordedOrMade(id);
    return fields ? projectFields(full, fields) : full;
  };
  if (url.searchParams.has('filter.ids')) {
    return json({ studies: ids.filter((id) => !unknown.has(id)).map(study) });
  }
  const [id = ''] = ids;
  if (unknown.has(id)) return { status: 404, contentType: 'text/plain', body: `NCT number ${id} not found` };
  return json(study(id));
}
