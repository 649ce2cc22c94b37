// Idle cost benchmark (issue: idle cost): what the extension costs on a page that names no trial.
// A news-like page with 30 ad-like frames (another site) and no IDs, loaded in Chromium three ways, in
// interleaved runs: without any extension; with a minimal reference extension built here, whose
// content script only tests `document.body.textContent` for an ID (the floor); with our production
// build. CDP `Performance.getMetrics` after a forced GC: script time and JS heap, each minus the
// figure without any extension. Site isolation is off so that every frame runs in the page's renderer
// and the page's metrics count them all.
// Also: the scripts the manifest loads on every page (before any ID is found), gzipped.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { closeFirstRunTab } from './first-run.mjs';
import { buildMinimalExtension } from './minimal-extension.mjs';

// `NCT_EXTENSION`: another build to compare (e.g. an older commit's), in the same run's conditions.
const EXTENSION = process.env.NCT_EXTENSION ?? path.resolve(import.meta.dirname, '../.output/chrome-mv3');
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
    if (extensionDir === EXTENSION) await closeFirstRunTab(context);
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable');
    // `load`: the page and all its frames.
    await tab.goto(url, { waitUntil: 'load', timeout: 30_000 });
    // Content scripts run at document_idle in each frame; ours reads changes at idle periods.
    await tab.waitForTimeout(1500);
    const metric = async (name) => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === name)?.value ?? NaN;
    };
    // Script time before the forced GC (which would count in it), the heap after.
    const scriptMs = (await metric('ScriptDuration')) * 1000;
    await cdp.send('HeapProfiler.collectGarbage');
    const heapMB = (await metric('JSHeapUsedSize')) / 1e6;
    const marks = await tab.evaluate(() => document.querySelectorAll('nct-ref').length);
    return { scriptMs, heapMB, marks };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
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

export async function benchIdle(executablePath, runs = Number(process.env.RUNS ?? 3)) {
  const frameServer = http.createServer((q, r) => r.end(ad(q.url)));
  await new Promise((resolve) => frameServer.listen(0, '127.0.0.1', resolve));
  // Another site for the frames: `localhost` against the page's `127.0.0.1`.
  const frameOrigin = `http://localhost:${frameServer.address().port}`;
  const pageServer = http.createServer((_q, r) => r.end(article.replaceAll('FRAME_ORIGIN', frameOrigin)));
  await new Promise((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${pageServer.address().port}/`;
  const minimal = buildMinimalExtension();
  const rows = { none: [], minimal: [], ours: [] };
  try {
    for (let i = 0; i < runs; i++) {
      rows.none.push(await measure(executablePath, undefined, url));
      rows.minimal.push(await measure(executablePath, minimal, url));
      rows.ours.push(await measure(executablePath, EXTENSION, url));
    }
  } finally {
    frameServer.close();
    pageServer.close();
    rmSync(minimal, { recursive: true, force: true });
  }
  const summary = (list) => ({
    scriptMs: median(list.map((r) => r.scriptMs)),
    heapMB: median(list.map((r) => r.heapMB)),
    marks: Math.max(...list.map((r) => r.marks)),
    scriptRange: [Math.min(...list.map((r) => r.scriptMs)), Math.max(...list.map((r) => r.scriptMs))],
  });
  return {
    runs,
    none: summary(rows.none),
    minimal: summary(rows.minimal),
    ours: summary(rows.ours),
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
  console.log('| | script time, ms (range) | added | JS heap (MB) | added |');
  console.log('|---|---|---|---|---|');
  console.log(`| no extension | ${range(r.none)} | | ${r.none.heapMB.toFixed(2)} | |`);
  for (const [name, row] of [
    ['minimal content script (the floor)', r.minimal],
    ['ours', r.ours],
  ]) {
    console.log(
      `| ${name} | ${range(row)} | ${added(row, 'scriptMs').toFixed(1)} | ${row.heapMB.toFixed(2)} | ${added(row, 'heapMB').toFixed(2)} |`,
    );
  }
  console.log(
    `| ours ÷ floor (added) | | **${ratio('scriptMs')}x** (goal ≤ 1.5x) | | **${ratio('heapMB')}x** (goal ≤ 1.1x) |`,
  );
  console.log(`\nIDs marked on the page: ${r.ours.marks} (expected 0).`);
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
  console.log(
    `Scripts every page loads before an ID is found (${r.eager.files.join(', ')}): **${kb(r.eager.gzip)} gzipped** (goal ≤ 15 kB); loaded once a page names a trial: ${kb(r.eager.lazyGzip)}.`,
  );
}
