import { describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ApiError, fetchTrialBatch, type ClientOptions } from '@/lib/ctgov/client';
import { batchUrl, requestUrl, studyUrl } from '@/lib/ctgov/urls';
import { DETAIL_FIELDS, STUDY_FIELDS } from '@/lib/ctgov/fields';
import { projectFields } from '../support/project-fields';
import type { Study } from '@/lib/ctgov/schema';
import {
  HAVE_CTGOV,
  describeFixtures,
  realErrorBody,
  realListAnswer,
  realRecord,
  realSpecText,
} from '../support/ctgov';
import { carTStudy, edgeStudies } from '../fixtures/studies';

type Handler = (url: URL) => Response | Promise<Response>;

/** A fetch that answers from `handler` and records every URL asked for. */
function stubFetch(handler: Handler) {
  const urls: URL[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    urls.push(url);
    if (init?.signal?.aborted) throw init.signal.reason;
    return handler(url);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, urls };
}

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json' },
    ...init,
  });
const text = (body: string, status: number, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain', ...headers } });

function titleOf(answer: Study | string | undefined): string | undefined {
  return typeof answer === 'object' ? answer.protocolSection.identificationModule.briefTitle : answer;
}

describe('API v2 requests', () => {
  it('asks for one study at /studies/{id} with only the fields the card shows', () => {
    const url = new URL(studyUrl('NCT06056921'));
    expect(url.origin + url.pathname).toBe('https://clinicaltrials.gov/api/v2/studies/NCT06056921');
    expect(url.searchParams.get('fields')).toBe(STUDY_FIELDS.join(','));
  });

  it('asks for many studies with filter.ids and a page size that fits them all', () => {
    const url = new URL(batchUrl(['NCT00000001', 'NCT00000002', 'NCT00000003']));
    expect(url.pathname).toBe('/api/v2/studies');
    expect(url.searchParams.get('filter.ids')).toBe('NCT00000001,NCT00000002,NCT00000003');
    expect(url.searchParams.get('pageSize')).toBe('3');
    expect(url.searchParams.get('fields')).toBe(STUDY_FIELDS.join(','));
  });

  it('names the first request exactly as the client sends it (the welcome page shows it)', async () => {
    const sent: string[] = [];
    const fetch = vi.fn(async (input: RequestInfo | URL) => {
      sent.push(String(input));
      return new Response(JSON.stringify({ studies: [] }));
    });
    for (const ids of [['NCT06056921'], ['NCT00000001', 'NCT00000002']] as const) {
      await fetchTrialBatch(ids, { fetch }).catch(() => undefined);
      expect(sent.at(-1)).toBe(requestUrl(ids));
    }
    expect(new URL(requestUrl(['NCT06056921'])).pathname).toBe('/api/v2/studies/NCT06056921');
  });

  it('sends nothing but NCT IDs and the field list to clinicaltrials.gov', async () => {
    const { fetch, urls } = stubFetch(() => json({ studies: [] }));
    await fetchTrialBatch(['NCT00000001', 'NCT00000002'], { fetch });
    expect(urls).toHaveLength(1);
    expect(urls[0]?.origin).toBe('https://clinicaltrials.gov');
    expect([...(urls[0]?.searchParams.keys() ?? [])].sort()).toEqual(['fields', 'filter.ids', 'pageSize']);
  });
});

describe(`the fields list against the API spec (${describeFixtures()})`, () => {
  it.skipIf(!HAVE_CTGOV)('names only paths that exist in the spec (an unknown name is a 400)', () => {
    type Property = { $ref?: string; items?: { $ref?: string } };
    const spec = parseYaml(realSpecText()) as {
      components: { schemas: Record<string, { properties?: Record<string, Property> }> };
    };
    const schemas = spec.components.schemas;
    for (const field of [...STUDY_FIELDS, ...DETAIL_FIELDS]) {
      let schema = schemas.Study;
      for (const part of field.split('.')) {
        const property = schema?.properties?.[part];
        expect(property, `${field}: no "${part}" in the spec`).toBeDefined();
        // A path goes on into a list's items (`references.type`), as the API's field names do.
        const ref = (property?.$ref ?? property?.items?.$ref)?.split('/').pop();
        schema = ref ? schemas[ref] : undefined;
      }
    }
  });

  it('is cut as the API cuts it in the tests: into lists, each item with only what was named', () => {
    const study = {
      protocolSection: {
        referencesModule: { references: [{ type: 'RESULT', pmid: '1', citation: 'A' }, { pmid: '2' }] },
        statusModule: { overallStatus: 'RECRUITING', whyStopped: 'x' },
      },
      resultsSection: { big: true },
    };
    expect(
      projectFields(study, [
        'protocolSection.referencesModule.references.type',
        'protocolSection.statusModule.overallStatus',
        'hasResults',
      ]),
    ).toEqual({
      protocolSection: {
        referencesModule: { references: [{ type: 'RESULT' }, {}] },
        statusModule: { overallStatus: 'RECRUITING' },
      },
    });
  });

  it('asks for the references only by kind for the card, in full for the full view', () => {
    expect(STUDY_FIELDS).toContain('protocolSection.referencesModule.references.type');
    expect(STUDY_FIELDS).not.toContain('protocolSection.referencesModule.references');
    expect(DETAIL_FIELDS).toContain('protocolSection.referencesModule.references');
  });
});

describe('API v2 answers', () => {
  it.skipIf(!HAVE_CTGOV)('reads a recorded single-study answer', async () => {
    const { fetch } = stubFetch(() => json(realRecord('NCT05147467')));
    const result = await fetchTrialBatch(['NCT05147467'], { fetch });
    expect(titleOf(result.get('NCT05147467'))).toBe(
      'Study of APG-2575 in Patients With Relapsed/Refractory CLL/SLL',
    );
  });

  it.skipIf(!HAVE_CTGOV)('matches an unsorted list answer back to the IDs, by ID', async () => {
    const answer = realListAnswer('list-cyanheads-20250617T111637.json');
    const { fetch } = stubFetch(() => json({ studies: [...answer.studies].reverse() }));
    const result = await fetchTrialBatch(['NCT00184067', 'NCT03934567', 'NCT09999999'], { fetch });
    expect([...result.keys()].sort()).toEqual(['NCT00184067', 'NCT03934567']);
  });

  it('matches a study to the alias it was asked for', async () => {
    const { fetch } = stubFetch(() => json({ studies: [edgeStudies.alias] }));
    const result = await fetchTrialBatch(['NCT09000005', 'NCT00000001'], { fetch });
    expect(titleOf(result.get('NCT09000005'))).toBe('Merged record');
    expect(result.has('NCT00000001')).toBe(false);
  });

  it('takes a redirected single answer (301 from an alias) for the ID asked', async () => {
    const { fetch } = stubFetch(() => json(carTStudy()));
    const result = await fetchTrialBatch(['NCT00009113'], { fetch });
    expect(titleOf(result.get('NCT00009113'))).toContain('CAR-T');
  });

  it('follows nextPageToken until every ID is answered', async () => {
    const { fetch, urls } = stubFetch((url) =>
      url.searchParams.get('pageToken')
        ? json({ studies: [edgeStudies.noLocations] })
        : json({ studies: [edgeStudies.suspended], nextPageToken: 'ZVt07cGHkvI2' }),
    );
    const result = await fetchTrialBatch(['NCT09000002', 'NCT09000006'], { fetch });
    expect(result.size).toBe(2);
    expect(urls[1]?.searchParams.get('pageToken')).toBe('ZVt07cGHkvI2');
  });

  it('keeps a study whose optional modules are malformed, and skips entries with no valid ID', async () => {
    const oddModule = {
      protocolSection: { identificationModule: { nctId: 'NCT00000002' }, statusModule: 'x' },
    };
    const noId = { protocolSection: { identificationModule: { nctId: 'NCT3' } } };
    const { fetch } = stubFetch(() =>
      json({ studies: [carTStudy(), oddModule, noId, { junk: true }, null] }),
    );
    const result = await fetchTrialBatch(['NCT06056921', 'NCT00000002', 'NCT00000003'], { fetch });
    expect(titleOf(result.get('NCT06056921'))).toContain('CAR-T');
    expect(typeof result.get('NCT00000002')).toBe('object');
    expect(result.has('NCT00000003')).toBe(false);
  });

  it('turns an unreadable single-study answer into bad-response for that ID', async () => {
    const { fetch } = stubFetch(() => json({ protocolSection: { identificationModule: { nctId: 42 } } }));
    expect((await fetchTrialBatch(['NCT00000001'], { fetch })).get('NCT00000001')).toBe('bad-response');
  });

  it.skipIf(!HAVE_CTGOV)('reads the real 404 body as not-found for that ID', async () => {
    const { fetch } = stubFetch(() => text(realErrorBody('404-studies-NCT99999999.txt'), 404));
    expect((await fetchTrialBatch(['NCT99999999'], { fetch })).get('NCT99999999')).toBe('not-found');
  });

  it.skipIf(!HAVE_CTGOV)('reads the real 400 body as invalid-id for that ID', async () => {
    const { fetch } = stubFetch(() => text(realErrorBody('400-studies-04437511-bad-nctId.txt'), 400));
    expect((await fetchTrialBatch(['NCT04437511'], { fetch })).get('NCT04437511')).toBe('invalid-id');
  });

  const failures: [string, Handler, string, ClientOptions?][] = [
    ['a 429', () => text('Too Many Requests', 429, { 'retry-after': '7' }), 'rate-limited'],
    ['a 500', () => text('Internal Server Error', 500), 'network'],
    ['a 503 with an HTML page', () => new Response('<html>down</html>', { status: 503 }), 'network'],
    [
      'a non-JSON 200',
      () => new Response('<!doctype html><p>maintenance</p>', { status: 200 }),
      'bad-response',
    ],
    [
      'a truncated JSON body',
      () => new Response('{"studies":[{"protocolSection":', { status: 200 }),
      'bad-response',
    ],
    ['a list of the wrong shape', () => json({ studies: 'none' }), 'bad-response'],
    ['an unexpected 403', () => text('Forbidden', 403), 'bad-response'],
    [
      'a network failure',
      () => {
        throw new TypeError('Failed to fetch');
      },
      'network',
    ],
    [
      'a 10 MB body of junk',
      () => new Response('x'.repeat(10 * 1024 * 1024), { status: 200 }),
      'bad-response',
    ],
    [
      'a body over the size bound',
      () => new Response('[' + '0,'.repeat(600_000) + '0]', { status: 200 }),
      'bad-response',
      { maxBytes: 1024 * 1024 },
    ],
    [
      'a declared size over the bound',
      () => new Response('{}', { status: 200, headers: { 'content-length': String(64 * 1024 * 1024) } }),
      'bad-response',
    ],
  ];
  it.each(failures)(
    'turns %s into a typed "%s"-like error for the whole batch',
    async (_name, handler, code, extra) => {
      const { fetch } = stubFetch(handler);
      const error = await fetchTrialBatch(['NCT00000001', 'NCT00000002'], { fetch, ...extra }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe(code);
    },
  );

  it('carries Retry-After with a 429', async () => {
    const { fetch } = stubFetch(() => text('slow down', 429, { 'retry-after': '7' }));
    const error = (await fetchTrialBatch(['NCT00000001'], { fetch }).catch((e: unknown) => e)) as ApiError;
    expect(error.retryAfterMs).toBe(7000);
    expect(error.retryable).toBe(true);
  });

  it('gives up on a server that does not answer in time', async () => {
    const fetch = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      })) as unknown as typeof globalThis.fetch;
    const error = (await fetchTrialBatch(['NCT00000001'], { fetch, timeoutMs: 50 }).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error.code).toBe('timeout');
  });
});
