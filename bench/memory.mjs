// Memory benchmark (issue: idle cost): a page naming 200 trials 5,000 times, in Chromium with our
// production build and without any extension. The page's JS heap after a forced GC (CDP
// `Performance.getMetrics`; the content script's isolated world shares the page's heap), once every
// mark is made and 200 trials are loaded, then again after 50 cards opened and closed: the content
// script's share, and whether it grows.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { closeFirstRunTab } from './first-run.mjs';

const EXTENSION = path.resolve(import.meta.dirname, '../.output/chrome-mv3');
const TRIALS = 200;
const MENTIONS = 5000;
const CYCLES = 50;

const idOf = (i) => `NCT${String(6000000 + (i % TRIALS)).padStart(8, '0')}`;
const page = `<!doctype html><body style="font:14px sans-serif">${Array.from(
  { length: MENTIONS / 10 },
  (_, row) =>
    `<p>${Array.from({ length: 10 }, (_, k) => `Trial ${idOf(row * 10 + k)} was cited.`).join(' ')}</p>`,
).join('')}</body>`;

const study = (id) => ({
  protocolSection: {
    identificationModule: { nctId: id, briefTitle: `Trial ${id} of a new treatment` },
    statusModule: { overallStatus: 'RECRUITING', statusVerifiedDate: '2026-10' },
    designModule: { studyType: 'INTERVENTIONAL', phases: ['PHASE2'] },
    eligibilityModule: {
      eligibilityCriteria: 'Inclusion Criteria:\n* ECOG 0-1\n* ANC >= 1500/uL',
      sex: 'ALL',
    },
  },
  hasResults: false,
});

async function heapMB(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize').value / 1e6;
}

/**
 * Counts the objects of a heap snapshot by type and constructor name (the page's world and the content
 * script's isolated world share this heap), so that two snapshots can be compared for what grew.
 */
async function heapCensus(cdp) {
  const chunks = [];
  const onChunk = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const { snapshot, nodes, strings } = JSON.parse(chunks.join(''));
  const fields = snapshot.meta.node_fields;
  const [typeNames] = snapshot.meta.node_types;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const census = new Map();
  for (let i = 0; i < nodes.length; i += fields.length) {
    const type = typeNames[nodes[i + typeAt]];
    // Strings, numbers and code are what objects hold; count the objects themselves.
    if (type !== 'object' && type !== 'closure' && type !== 'native' && type !== 'array') continue;
    const key = `${type} ${strings[nodes[i + nameAt]]}`;
    census.set(key, (census.get(key) ?? 0) + 1);
  }
  return census;
}

/** What grew between two censuses: the total, and the kinds that grew most. */
function censusGrowth(before, after) {
  let total = 0;
  const grew = [];
  for (const [key, count] of after) {
    const delta = count - (before.get(key) ?? 0);
    total += delta;
    if (delta > 0) grew.push([key, delta]);
  }
  for (const [key, count] of before) if (!after.has(key)) total -= count;
  grew.sort((a, b) => b[1] - a[1]);
  return { total, top: grew.slice(0, 5) };
}

async function measure(executablePath, origin, withExtension) {
  const profile = mkdtempSync(path.join(tmpdir(), 'nct-memory-'));
  const args = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
  if (withExtension) args.push(`--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`);
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args });
  try {
    await context.route('https://clinicaltrials.gov/**', (route) => {
      const ids = new URL(route.request().url()).searchParams.get('filter.ids')?.split(',') ?? [];
      return route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ studies: ids.map(study) }),
      });
    });
    if (withExtension) await closeFirstRunTab(context);
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable');
    await tab.goto(origin);
    if (!withExtension) return { loaded: await heapMB(cdp) };
    await tab.waitForFunction((n) => document.querySelectorAll('nctref').length >= n, MENTIONS, {
      timeout: 60_000,
    });
    // Load all 200 trials into the content script: the popup's way, one card per trial would be slow.
    for (let i = 0; i < TRIALS; i += 10) {
      await tab
        .locator(`nctref:has-text("${idOf(i)}")`)
        .first()
        .scrollIntoViewIfNeeded();
      await tab.waitForTimeout(60);
    }
    await tab.waitForTimeout(1000);
    const loaded = await heapMB(cdp);
    // Two rounds over the same 50 trials: the first may still load some; a leak shows in the second.
    const afterRounds = [];
    const censuses = [];
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < CYCLES; i++) {
        // Focused from the page rather than with a Playwright locator, whose selector engine leaves
        // objects of its own (Attr wrappers) in the heap being measured.
        await tab.evaluate(
          (id) => [...document.querySelectorAll('nctref')].find((mark) => mark.textContent === id)?.focus(),
          idOf(i * 3),
        );
        await tab.waitForFunction(
          () => document.activeElement?.getAttribute('aria-expanded') === 'true',
          null,
          {
            timeout: 10_000,
          },
        );
        await tab.keyboard.press('Escape');
        await tab.waitForFunction(() => document.activeElement?.getAttribute('aria-expanded') !== 'true');
      }
      await tab.waitForTimeout(500);
      afterRounds.push(await heapMB(cdp));
      censuses.push(await heapCensus(cdp));
    }
    const marks = await tab.evaluate(() => document.querySelectorAll('nctref').length);
    return { loaded, afterRounds, marks, growth: censusGrowth(censuses[0], censuses[1]) };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function benchMemory(executablePath) {
  const server = http.createServer((_q, r) => r.end(page));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}/`;
  try {
    const without = await measure(executablePath, origin, false);
    const ours = await measure(executablePath, origin, true);
    return { without: without.loaded, ...ours };
  } finally {
    server.close();
  }
}

export function printMemory(r) {
  console.log(`\n## Memory: ${MENTIONS.toLocaleString('en')} mentions of ${TRIALS} trials\n`);
  console.log('| measure | JS heap (MB) |');
  console.log('|---|---|');
  console.log(`| the page without the extension | ${r.without.toFixed(2)} |`);
  console.log(
    `| with ours, ${r.marks} marks made, trials loaded | ${r.loaded.toFixed(2)} (+${(r.loaded - r.without).toFixed(2)}) |`,
  );
  const [first, second] = r.afterRounds;
  const signed = (x) => `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;
  console.log(
    `| … after ${CYCLES} cards opened and closed | ${first.toFixed(2)} (${signed(first - r.loaded)}) |`,
  );
  console.log(
    `| … after the same ${CYCLES} again (a leak grows here) | ${second.toFixed(2)} (${signed(second - first)}) |`,
  );
  const { total, top } = r.growth;
  console.log(
    `\nHeap snapshots after the first and the second ${CYCLES} cards: ${total >= 0 ? '+' : ''}${total} objects` +
      (top.length > 0 ? `; grew most: ${top.map(([key, n]) => `${key} +${n}`).join(', ')}` : ''),
  );
}
