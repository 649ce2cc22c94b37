// DOM storm benchmark (issue: idle cost): a page that adds and removes 10,000 nodes per animation frame
// for 4 s, in Chromium without any extension, with the minimal reference extension (its content script
// only tests the page's text once: bench/minimal-extension.mjs) and with our production build,
// interleaved in the same run. Counts the animation frames the page gets; then adds an ID after the
// storm and checks it is marked.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { closeFirstRunTab } from './first-run.mjs';
import { buildMinimalExtension } from './minimal-extension.mjs';

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

/** `extension`: undefined (none), or a built extension's folder. */
async function run(executablePath, extension, origin) {
  const ours = extension === EXTENSION;
  const profile = mkdtempSync(path.join(tmpdir(), 'nct-storm-'));
  const args = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
  if (extension) args.push(`--disable-extensions-except=${extension}`, `--load-extension=${extension}`);
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args });
  try {
    await context.route('https://clinicaltrials.gov/**', (route) => route.fulfill({ status: 404, body: '' }));
    if (ours) await closeFirstRunTab(context);
    const tab = await context.newPage();
    await tab.goto(origin);
    await tab.waitForTimeout(Number(process.env.STORM_WAIT ?? 500));
    const frames = await tab.evaluate(() => window.runStorm());
    let marked;
    if (ours) {
      await tab.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = 'After the storm: NCT04267848.';
        document.body.append(p);
      });
      marked = await tab.waitForSelector('nctref:has-text("NCT04267848")', { timeout: 5000 }).then(
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

export async function benchStorm(executablePath, runs = Number(process.env.RUNS ?? 5)) {
  const minimal = buildMinimalExtension();
  try {
    return await stormBoth(executablePath, runs, minimal);
  } finally {
    rmSync(minimal, { recursive: true, force: true });
  }
}

async function stormBoth(executablePath, runs, minimal) {
  return {
    noTrial: await stormOn('Live feed', executablePath, runs, minimal),
    trial: await stormOn('Live feed on trial NCT06056921', executablePath, runs, minimal),
  };
}

async function stormOn(heading, executablePath, runs, minimal) {
  const server = http.createServer((_q, r) => r.end(page.replace('HEADING', heading)));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}/`;
  const without = [];
  const reference = [];
  const withExt = [];
  let missed = 0;
  try {
    // Interleaved, so that the machine's state affects all three alike.
    for (let i = 0; i < runs; i++) {
      without.push((await run(executablePath, undefined, origin)).frames);
      reference.push((await run(executablePath, minimal, origin)).frames);
      const r = await run(executablePath, EXTENSION, origin);
      withExt.push(r.frames);
      if (!r.marked) missed++;
    }
  } finally {
    server.close();
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { without: median(without), reference: median(reference), withExt: median(withExt), runs, missed };
}

export function printStorm(r) {
  console.log('\n## DOM storm (10,000 nodes added and removed per frame for 4 s)\n');
  console.log(
    '| page (medians) | frames, no extension | minimal reference extension | ours | ours ÷ no extension (goal ≥ 0.9) | ours ÷ reference | an ID added after the storm, marked |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const [name, row] of [
    ['names no trial (our eager detector only)', r.noTrial],
    ['names a trial (our whole content script)', r.trial],
  ]) {
    const marked = row.missed === 0 ? 'yes, every run' : `missed in ${row.missed} of ${row.runs}`;
    console.log(
      `| ${name}, ${row.runs} runs | ${row.without} | ${row.reference} | ${row.withExt} | ${(row.withExt / row.without).toFixed(2)} | ${(row.withExt / row.reference).toFixed(2)} | ${marked} |`,
    );
  }
}
