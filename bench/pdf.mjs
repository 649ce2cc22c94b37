// PDF viewer benchmark (issue: PDF viewer): a 30-page PDF printed by Chromium (two IDs a page, 60
// trials), opened in our viewer (pdf.html) with the production build, registry answers stubbed.
// - First marked ID: from the viewer's navigation to the first mark, beside pdf.js's own first text
//   layer (the reference: what any pdf.js viewer shows before we can mark anything).
// - All trials known: until the toolbar badge counts all 60 (read from the whole PDF's text).
// - All marked: going to each page in turn (as a reader paging through), until that page's marks are
//   there, beside the same walk waiting only for pdf.js's text layer; medians of RUNS.
// - Memory: the viewer's JS heap after a forced GC, after the first page and after paging through all
//   30, and how many page canvases pdf.js keeps.
import http from 'node:http';
import { launchWithExtension } from './extension-browser.mjs';
import { closeFirstRunTab } from './first-run.mjs';
import { routeStubRegistry } from './stub-registry.mjs';

const PAGES = 30;
const RUNS = Number(process.env.RUNS ?? 5);
const idOn = (page, k) => `NCT${String(70_000_000 + page * 2 + k).padStart(8, '0')}`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const article = `<!doctype html><body style="font:11pt Georgia,serif">${Array.from(
  { length: PAGES },
  (_, p) =>
    `<section style="break-after:page"><h2>Section ${p + 1}</h2>${'<p>Methods and results of the trials compared in this review, in running text.</p>'.repeat(6)}<p>This section cites ${idOn(p, 0)} and, in bold, <b>NCT</b>${idOn(p, 1).slice(3)}.</p>${'<p>Discussion of the evidence.</p>'.repeat(8)}</section>`,
).join('')}</body>`;

async function heapMB(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize').value / 1e6;
}

/** Pages through the viewer; `ready(n)` is the in-page test that page n is done. Returns ms. */
async function pageThrough(tab, ready) {
  const started = Date.now();
  for (let n = 1; n <= PAGES; n++) {
    await tab.locator('.pdf-page-number').fill(String(n));
    await tab.locator('.pdf-page-number').press('Enter');
    await tab.waitForFunction(ready, n, { polling: 'raf' });
  }
  return Date.now() - started;
}

const textLayerDone = (n) =>
  !!document.querySelector(`.page[data-page-number="${n}"] .textLayer .endOfContent`);
const pageMarked = (n) =>
  document.querySelectorAll(`.page[data-page-number="${n}"] .textLayer nctref[tabindex="0"]`).length >= 2;

async function oneRun(context, serviceWorker, viewer, pdfUrl) {
  const tab = await context.newPage();
  await tab.setViewportSize({ width: 1200, height: 900 });
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  const opened = Date.now();
  await tab.goto(`${viewer}?file=${encodeURIComponent(pdfUrl)}`);
  // Both read in the page by one check each animation frame, so they are timed alike
  // (performance.now() counts from the navigation).
  const [firstLayer, firstMark] = await (
    await tab.waitForFunction(
      () => {
        const seen = (window.__nctBench ??= {});
        const now = performance.now();
        if (!seen.layer && document.querySelector('.textLayer .endOfContent')) seen.layer = now;
        if (!seen.mark && document.querySelector('.textLayer nctref')) seen.mark = now;
        return seen.layer && seen.mark ? [seen.layer, seen.mark] : false;
      },
      null,
      { polling: 'raf' },
    )
  ).jsonValue();
  let allKnown;
  for (;;) {
    const badge = await serviceWorker.evaluate(async () => {
      const { tabs, action } = globalThis.chrome;
      const [tab] = await tabs.query({ url: 'chrome-extension://*/pdf.html*' });
      return tab?.id === undefined ? '' : action.getBadgeText({ tabId: tab.id });
    });
    if (badge === String(PAGES * 2)) {
      allKnown = Date.now() - opened;
      break;
    }
    if (Date.now() - opened > 60_000) throw new Error(`the badge reads ${badge}, not ${PAGES * 2}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const heapFirst = await heapMB(cdp);
  await tab.close();
  return { firstLayer, firstMark, allKnown, heapFirst };
}

async function walkRun(context, viewer, pdfUrl, ready) {
  const tab = await context.newPage();
  await tab.setViewportSize({ width: 1200, height: 900 });
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  await tab.goto(`${viewer}?file=${encodeURIComponent(pdfUrl)}`);
  await tab.waitForFunction(ready, 1);
  const ms = await pageThrough(tab, ready);
  const heapAfter = await heapMB(cdp);
  const canvases = await tab.evaluate(() => document.querySelectorAll('.page canvas').length);
  await tab.close();
  return { ms, heapAfter, canvases };
}

export async function benchPdf(executablePath) {
  const browser = await launchWithExtension(executablePath);
  const { context } = browser;
  let server;
  try {
    await routeStubRegistry(context);
    const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await closeFirstRunTab(context);
    const printer = await context.newPage();
    await printer.setContent(article);
    const pdf = await printer.pdf({ format: 'A4' });
    await printer.close();
    server = http.createServer((_q, r) =>
      r.writeHead(200, { 'content-type': 'application/pdf', 'access-control-allow-origin': '*' }).end(pdf),
    );
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const pdfUrl = `http://127.0.0.1:${server.address().port}/review.pdf`;
    const viewer = `chrome-extension://${new URL(serviceWorker.url()).host}/pdf.html`;
    const opens = [];
    const walks = { layers: [], marks: [] };
    for (let i = 0; i < RUNS; i++) {
      opens.push(await oneRun(context, serviceWorker, viewer, pdfUrl));
      // Interleaved: the reference walk and ours in turn.
      walks.layers.push(await walkRun(context, viewer, pdfUrl, textLayerDone));
      walks.marks.push(await walkRun(context, viewer, pdfUrl, pageMarked));
    }
    const pick = (rows, key) => median(rows.map((r) => r[key]));
    return {
      bytes: pdf.length,
      firstLayer: pick(opens, 'firstLayer'),
      firstMark: pick(opens, 'firstMark'),
      allKnown: pick(opens, 'allKnown'),
      heapFirst: pick(opens, 'heapFirst'),
      walkLayers: pick(walks.layers, 'ms'),
      walkMarks: pick(walks.marks, 'ms'),
      heapAfter: pick(walks.marks, 'heapAfter'),
      canvases: Math.max(...walks.marks.map((r) => r.canvases)),
    };
  } finally {
    server?.close();
    await browser.close();
  }
}

export function printPdf(r) {
  console.log(
    `\n## PDF viewer: ${PAGES} pages, ${PAGES * 2} trials, ${(r.bytes / 1024).toFixed(0)} kB (median of ${RUNS})\n`,
  );
  console.log('| measure | pdf.js alone (reference) | ours |');
  console.log('|---|---|---|');
  console.log(
    `| first page's text layer → first marked ID (ms from opening) | ${r.firstLayer.toFixed(0)} | ${r.firstMark.toFixed(0)} |`,
  );
  console.log(`| all ${PAGES * 2} trials known (badge, popup), ms from opening | – | ${r.allKnown} |`);
  console.log(
    `| paging through all ${PAGES} pages, each drawn / each marked (ms) | ${r.walkLayers} | ${r.walkMarks} |`,
  );
  console.log(
    `| JS heap after the first page → after all ${PAGES} (MB) | – | ${r.heapFirst.toFixed(1)} → ${r.heapAfter.toFixed(1)} |`,
  );
  console.log(`| page canvases kept after paging through | – | ${r.canvases} of ${PAGES} |`);
}
