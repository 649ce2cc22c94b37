// DOM storm benchmark (issue: idle cost): a page that adds and removes 10,000 nodes per animation frame
// for 4 s, in Chromium with the production build and without any extension, in the same run. Counts
// the animation frames the page gets; then adds an ID after the storm and checks it is marked.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { closeFirstRunTab } from './first-run.mjs';

const EXTENSION = path.resolve(import.meta.dirname, '../.output/chrome-mv3');

// `HEADING` is replaced: a plain heading, or one that names a trial (then the whole content script
// runs through the storm, not only the eager detector).
const page = `<!doctype html><body><h1>HEADING</h1><div id="feed"></div><script>
window.runStorm = () => new Promise((done) => {
  const feed = document.getElementById('feed');
  let frames = 0;
  const end = performance.now() + 4000;
  function frame() {
    frames++;
    feed.replaceChildren();
    const batch = document.createDocumentFragment();
    for (let i = 0; i < 10000; i++) {
      const d = document.createElement('div');
      d.textContent = 'tick ' + i;
      batch.append(d);
    }
    feed.append(batch);
    if (performance.now() < end) requestAnimationFrame(frame);
    else { feed.replaceChildren(); done(frames); }
  }
  requestAnimationFrame(frame);
});
</script></body>`;

async function run(executablePath, withExtension, origin) {
  const profile = mkdtempSync(path.join(tmpdir(), 'nct-storm-'));
  const args = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
  if (withExtension) args.push(`--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`);
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args });
  try {
    await context.route('https://clinicaltrials.gov/**', (route) => route.fulfill({ status: 404, body: '' }));
    if (withExtension) await closeFirstRunTab(context);
    const tab = await context.newPage();
    await tab.goto(origin);
    await tab.waitForTimeout(500);
    const frames = await tab.evaluate(() => window.runStorm());
    let marked;
    if (withExtension) {
      await tab.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = 'After the storm: NCT04267848.';
        document.body.append(p);
      });
      marked = await tab.waitForSelector('nct-ref[data-nct-id="NCT04267848"]', { timeout: 5000 }).then(
        () => true,
        () => false,
      );
    }
    return { frames, marked };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function benchStorm(executablePath, runs = Number(process.env.RUNS ?? 3)) {
  return {
    noTrial: await stormOn('Live feed', executablePath, runs),
    trial: await stormOn('Live feed on trial NCT06056921', executablePath, runs),
  };
}

async function stormOn(heading, executablePath, runs) {
  const server = http.createServer((_q, r) => r.end(page.replace('HEADING', heading)));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}/`;
  const without = [];
  const withExt = [];
  let missed = 0;
  try {
    // Interleaved, so that the machine's state affects both alike.
    for (let i = 0; i < runs; i++) {
      without.push((await run(executablePath, false, origin)).frames);
      const r = await run(executablePath, true, origin);
      withExt.push(r.frames);
      if (!r.marked) missed++;
    }
  } finally {
    server.close();
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { without: median(without), withExt: median(withExt), runs, missed };
}

export function printStorm(r) {
  console.log('\n## DOM storm (10,000 nodes added and removed per frame for 4 s)\n');
  console.log('| page | frames without the extension | with it | ratio (goal ≥ 0.9) | an ID added after the storm, marked |');
  console.log('|---|---|---|---|---|');
  for (const [name, row] of [
    ['names no trial (the eager detector only)', r.noTrial],
    ['names a trial (the whole content script)', r.trial],
  ]) {
    const marked = row.missed === 0 ? 'yes, every run' : `missed in ${row.missed} of ${row.runs}`;
    console.log(`| ${name}, median of ${row.runs} | ${row.without} | ${row.withExt} | ${(row.withExt / row.without).toFixed(2)} | ${marked} |`);
  }
}
