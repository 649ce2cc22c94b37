// Idle cost benchmark (issue: idle cost): what the extension costs on a page that names no trial.
// A news-like page with 30 ad-like frames (another site) and no IDs, loaded in Chromium three ways, in
// interleaved runs: without any extension; with a minimal reference extension built here, whose
// content script only tests `document.body.textContent` for an ID (the floor); with our production
// build. CDP `Performance.getMetrics` after a forced GC: script time and JS heap, each minus the
// figure without any extension; and, measured directly from a trace, the renderer thread's CPU time
// in the extension's own scripts. Site isolation is off so that every frame runs in the page's
// renderer and the page's metrics count them all.
// Also: the scripts the manifest loads on every page (before any ID is found), gzipped.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { closeFirstRunTab } from './first-run.mjs';
import { buildMinimalExtension } from './minimal-extension.mjs';
import { startTrace } from './trace.mjs';

// `NCT_EXTENSION`: the build to measure (ours by default). `NCT_EXTENSION_B`: a second build of ours
// (e.g. before a change) measured in the same interleaved runs, printed as another row.
const EXTENSION = process.env.NCT_EXTENSION ?? path.resolve(import.meta.dirname, '../.output/chrome-mv3');
const EXTENSION_B = process.env.NCT_EXTENSION_B;
const FRAMES = 30;

const paragraph = (i) =>
  `<p>Paragraph ${i} of the story: the council met on Tuesday to discuss the budget, the new junction and a distinct function of the library, with residents asking questions for an hour.</p>`;
const article = `<!doctype html><html><head><title>News</title><style>iframe{width:300px;height:250px;border:0;display:block}</style></head><body>
<header><nav>${Array.from({ length: 20 }, (_, i) => `<a href="/section/${i}">Section ${i}</a>`).join(' ')}</nav></header>
<main><h1>Local news</h1>${Array.from({ length: 60 }, (_, i) => paragraph(i)).join('')}</main>
<aside>${Array.from({ length: FRAMES }, (_, i) => `<iframe src="FRAME_ORIGIN/ad/${i}"></iframe>`).join('')}</aside>
</body></html>`;
const ad = (i) =>
  `<!doctype html><html><body style="margin:0;font:12px sans-serif"><div class="ad"><a href="https://shop.example/${i}"><b>Offer ${i}</b> Buy now, save 20%</a><p>Sponsored content ${i}</p></div><script>var t=0;for(var k=0;k<2000;k++)t+=k;</script></body></html>`;

async function measure(executablePath, extensionDir, url) {
  const profile = mkdtempSync(path.join(tmpdir(), 'nct-idle-'));
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-site-isolation-trials',
    '--disable-features=IsolateOrigins,site-per-process',
  ];
  if (extensionDir)
    args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args });
  try {
    if (extensionDir && [EXTENSION, EXTENSION_B].includes(extensionDir)) await closeFirstRunTab(context);
    const tab = await context.newPage();
    // A page of the same site first, so that the metrics read here are the renderer's the
    // measured page (and, with site isolation off, its frames) will use.
    await tab.goto(`${url}blank`);
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable');
    // The renderer's script runs, with their thread CPU time.
    const trace = await startTrace(cdp, ['devtools.timeline']);
    // `load`: the page and all its frames.
    await tab.goto(url, { waitUntil: 'load', timeout: 30_000 });
    // Content scripts run at document_idle in each frame; ours reads changes at idle periods.
    await tab.waitForTimeout(1500);
    const extension = extensionCpu(await trace.stop());
    const metric = async (name) => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === name)?.value ?? NaN;
    };
    // Script time before the forced GC (which would count in it), the heap after.
    const scriptMs = (await metric('ScriptDuration')) * 1000;
    await cdp.send('HeapProfiler.collectGarbage');
    const heapMB = (await metric('JSHeapUsedSize')) / 1e6;
    const marks = await tab.evaluate(() => document.querySelectorAll('nctref').length);
    return { scriptMs, heapMB, marks, extensionMs: extension.ms, frameMs: extension.frameMs };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * The main-thread CPU time of an extension's scripts in every frame, in ms: each run of a content
 * script (`EvaluateScript`) and each callback into one (`FunctionCall`: observers, timers, idle
 * callbacks), by the trace's thread clock (`tdur`). Thread time, not wall time: on a busy 2-core
 * machine a page load's other processes preempt the renderer, and wall time (the earlier CPU-profile
 * samples) charged that to whichever script was on the stack. Also the median per frame.
 */
function extensionCpu(events) {
  const runs = events.filter(
    (e) =>
      (e.name === 'EvaluateScript' || e.name === 'FunctionCall') &&
      e.ph === 'X' &&
      String(e.args?.data?.url ?? '').startsWith('chrome-extension://'),
  );
  // A callback inside one of our own script runs is already counted in it.
  const outer = runs.filter(
    (e) => !runs.some((o) => o !== e && o.tid === e.tid && o.ts <= e.ts && e.ts + e.dur <= o.ts + o.dur),
  );
  const perFrame = new Map();
  for (const e of outer) {
    const frame = e.args.data.frame ?? 'unknown';
    perFrame.set(frame, (perFrame.get(frame) ?? 0) + (e.tdur ?? e.dur) / 1000);
  }
  const frames = [...perFrame.values()];
  return { ms: frames.reduce((a, b) => a + b, 0), frameMs: frames.length ? median(frames) : 0 };
}

/** The manifest's content scripts (JS and CSS): what every page loads before any ID is found. */
function eagerScripts() {
  const manifest = JSON.parse(readFileSync(path.join(EXTENSION, 'manifest.json'), 'utf8'));
  const files = manifest.content_scripts.flatMap((s) => [...(s.js ?? []), ...(s.css ?? [])]);
  const gzip = files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(EXTENSION, f))).length, 0);
  const lazy = manifest.web_accessible_resources
    .flatMap((r) => r.resources)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipSync(readFileSync(path.join(EXTENSION, f))).length, 0);
  return { files, gzip, lazyGzip: lazy };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// 9 runs by default: one run's ratio moves by ±0.3 on a 2-core machine, whichever build runs.
export async function benchIdle(executablePath, runs = Number(process.env.RUNS ?? 9)) {
  const frameServer = http.createServer((q, r) => r.end(ad(q.url)));
  await new Promise((resolve) => frameServer.listen(0, '127.0.0.1', resolve));
  // Another site for the frames: `localhost` against the page's `127.0.0.1`.
  const frameOrigin = `http://localhost:${frameServer.address().port}`;
  const pageServer = http.createServer((q, r) =>
    r.end(q.url === '/blank' ? '' : article.replaceAll('FRAME_ORIGIN', frameOrigin)),
  );
  await new Promise((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${pageServer.address().port}/`;
  const minimal = buildMinimalExtension();
  const rows = { none: [], minimal: [], ours: [], other: [] };
  try {
    for (let i = 0; i < runs; i++) {
      rows.none.push(await measure(executablePath, undefined, url));
      rows.minimal.push(await measure(executablePath, minimal, url));
      rows.ours.push(await measure(executablePath, EXTENSION, url));
      if (EXTENSION_B) rows.other.push(await measure(executablePath, EXTENSION_B, url));
    }
  } finally {
    frameServer.close();
    pageServer.close();
    rmSync(minimal, { recursive: true, force: true });
  }
  const summary = (list) => ({
    scriptMs: median(list.map((r) => r.scriptMs)),
    heapMB: median(list.map((r) => r.heapMB)),
    extensionMs: median(list.map((r) => r.extensionMs)),
    frameMs: median(list.map((r) => r.frameMs)),
    marks: Math.max(...list.map((r) => r.marks)),
    scriptRange: [Math.min(...list.map((r) => r.scriptMs)), Math.max(...list.map((r) => r.scriptMs))],
  });
  // Ours ÷ the floor within each run (the two were measured seconds apart), then the median of those.
  const paired = rows.ours.map((row, i) => row.extensionMs / rows.minimal[i].extensionMs);
  return {
    runs,
    pairedRatio: median(paired),
    pairedRange: [Math.min(...paired), Math.max(...paired)],
    none: summary(rows.none),
    minimal: summary(rows.minimal),
    ours: summary(rows.ours),
    other: EXTENSION_B ? { ...summary(rows.other), name: EXTENSION_B } : undefined,
    eager: eagerScripts(),
  };
}

export function printIdle(r) {
  const added = (row, key) => row[key] - r.none[key];
  const ratio = (key) => (added(r.ours, key) / added(r.minimal, key)).toFixed(2);
  console.log(
    `\n## Idle cost: a page with ${FRAMES} ad-like frames and no IDs (medians of ${r.runs} interleaved runs)\n`,
  );
  const range = (row) => `${row.scriptMs.toFixed(1)} (${row.scriptRange.map((x) => x.toFixed(0)).join('–')})`;
  console.log(
    "| | script time, ms (range) | added | in the extension's scripts: thread CPU, ms (median frame) | JS heap (MB) | added |",
  );
  console.log('|---|---|---|---|---|---|');
  console.log(`| no extension | ${range(r.none)} | | | ${r.none.heapMB.toFixed(2)} | |`);
  for (const [name, row] of [
    ['minimal content script (the floor)', r.minimal],
    ['ours', r.ours],
    ...(r.other ? [[`other build (${r.other.name})`, r.other]] : []),
  ]) {
    console.log(
      `| ${name} | ${range(row)} | ${added(row, 'scriptMs').toFixed(1)} | ${row.extensionMs.toFixed(1)} (${row.frameMs.toFixed(2)}) | ${row.heapMB.toFixed(2)} | ${added(row, 'heapMB').toFixed(2)} |`,
    );
  }
  const cpu = (r.ours.extensionMs / r.minimal.extensionMs).toFixed(2);
  const paired = `${r.pairedRatio.toFixed(2)}x, ${r.pairedRange.map((x) => x.toFixed(2)).join('–')}`;
  // The page's own script time varies from load to load by more than an extension adds: the ratio of
  // two such differences says little, so the goal is read from the extension's own time, measured directly.
  const spread = r.none.scriptRange[1] - r.none.scriptRange[0];
  console.log(
    `| ours ÷ floor | | ${ratio('scriptMs')}x (differences of noisy totals, see below) | **${cpu}x** (goal ≤ 1.5x; run by run: ${paired}) | | **${ratio('heapMB')}x** (goal ≤ 1.1x) |`,
  );
  console.log(
    `\n"Added" is the page's script time minus the same page without an extension: two totals, and the page alone varied by ${spread.toFixed(0)} ms between runs here (what the two extensions add: ${added(r.minimal, 'scriptMs').toFixed(1)} and ${added(r.ours, 'scriptMs').toFixed(1)} ms). The goal (added script time ≤ 1.5x the floor's) is read from the thread CPU time, measured directly: every run of an extension's script and every callback into one, in every frame, by the renderer thread's clock (trace \`tdur\`).`,
  );
  console.log(`\nIDs marked on the page: ${r.ours.marks} (expected 0).`);
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
  console.log(
    `Scripts every page loads before an ID is found (${r.eager.files.join(', ')}): **${kb(r.eager.gzip)} gzipped** (goal ≤ 15 kB); loaded once a page names a trial: ${kb(r.eager.lazyGzip)}.`,
  );
}
