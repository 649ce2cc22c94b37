// Data benchmark: what a page of 200 IDs costs in requests and bytes, ours against the naive approach
// (one full-record request per ID), and how fast a cache hit is answered.
//
// The API cannot be reached from here, so answers are built from the recorded real records in
// ../shared/ctgov (or CTGOV_FIXTURES): the naive answer is a full record; ours is the same record cut
// down to our `fields` list, as the API's `fields` parameter does (it returns only the requested
// sub-trees; the E2E tests' registry cuts the same way: tests/support/project-fields.ts). Our side runs the real service and client (lib/trial-service.ts, lib/ctgov/client.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { importForNode } from './bundle.mjs';

const CTGOV = path.resolve(
  process.env.CTGOV_FIXTURES ?? path.join(import.meta.dirname, '../../shared/ctgov'),
);
const PAGE_IDS = 200;

function loadRecords() {
  return readdirSync(CTGOV)
    .filter((name) => /^NCT\d{8}\.json$/.test(name))
    .sort()
    .map((name) => {
      const record = JSON.parse(readFileSync(path.join(CTGOV, name), 'utf8'));
      // One recording (NCT02513394, from a third party's test data) carries an extra
      // `locations_nested` copy of its 437 sites that is not an API field: count only what the API sends.
      delete record.protocolSection.contactsLocationsModule?.locations_nested;
      return record;
    });
}

function withId(record, id) {
  const copy = structuredClone(record);
  copy.protocolSection.identificationModule.nctId = id;
  return copy;
}

function memoryArea() {
  const data = new Map();
  return {
    get: async (keys) => {
      const list = keys === null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(
        list.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]),
      );
    },
    set: async (items) => Object.entries(items).forEach(([k, v]) => data.set(k, structuredClone(v))),
    remove: async (keys) => [keys].flat().forEach((k) => data.delete(k)),
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchData() {
  if (!existsSync(CTGOV)) return { missing: CTGOV };
  const records = loadRecords();
  const ids = Array.from({ length: PAGE_IDS }, (_, i) => `NCT${String(80_000_001 + i).padStart(8, '0')}`);
  const studyFor = new Map(ids.map((id, i) => [id, withId(records[i % records.length], id)]));

  // Naive: one request per ID, full record.
  const naive = { requests: ids.length, bytes: 0 };
  for (const id of ids) naive.bytes += JSON.stringify(studyFor.get(id)).length;

  // Ours: the real service, client and cache, answered as the API would answer our requests.
  const { createTrialService } = await importForNode('background/trial-service.ts');
  const { createTrialCache } = await importForNode('background/cache.ts');
  const { fetchTrialBatch } = await importForNode('lib/ctgov/client.ts');
  const { projectFields } = await importForNode('tests/support/project-fields.ts');
  const ours = { requests: 0, bytes: 0 };
  const fetch = async (input) => {
    const url = new URL(String(input));
    const fields = url.searchParams.get('fields').split(',');
    const asked = url.searchParams.get('filter.ids')?.split(',') ?? [url.pathname.split('/').pop()];
    const studies = asked.map((id) => projectFields(studyFor.get(id), fields));
    const body = JSON.stringify(url.searchParams.has('filter.ids') ? { studies } : studies[0]);
    ours.requests++;
    ours.bytes += body.length;
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const service = createTrialService({
    cache: createTrialCache({ area: memoryArea() }),
    fetchBatch: (batch) => fetchTrialBatch(batch, { fetch }),
  });
  const answers = await service.getTrials(ids);
  const answered = answers.filter((a) => a.ok).length;

  // Cache hits: one ID, already cached.
  const times = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    await service.getTrials([ids[i % ids.length]]);
    times.push(performance.now() - t0);
  }
  return { records: records.length, naive, ours, answered, cacheHitMs: median(times) };
}

export function printData(result) {
  console.log('\n## Data: a page with 200 IDs\n');
  if (result.missing) {
    console.log(`Skipped: no recorded records at ${result.missing} (set CTGOV_FIXTURES).`);
    return;
  }
  const { naive, ours } = result;
  const kb = (b) => `${(b / 1024).toFixed(0)} kB`;
  console.log('| approach | requests | bytes |');
  console.log('|---|---|---|');
  console.log(`| naive: one full record per ID | ${naive.requests} | ${kb(naive.bytes)} |`);
  console.log(`| ours: batched, \`fields\` only | ${ours.requests} | ${kb(ours.bytes)} |`);
  console.log(
    `| ours ÷ naive | ${((100 * ours.requests) / naive.requests).toFixed(1)}% | ${((100 * ours.bytes) / naive.bytes).toFixed(1)}% |`,
  );
  console.log(
    `\n${result.answered} of 200 IDs answered (records cycled from ${result.records} real full records).`,
  );
  console.log(
    `Cache hit through the service (in-memory storage stand-in): median ${result.cacheHitMs.toFixed(3)} ms.`,
  );
}
