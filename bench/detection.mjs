// Detection benchmark: our scanner against the reference approaches, in one headless Chromium, on
// the same generated pages. Each approach runs on a freshly loaded page; medians of RUNS runs, the
// approaches interleaved within each run.
//
// Each stretch of an approach's work is bracketed by `performance.mark('nct-bench-start' |
// 'nct-bench-end')`, and each run is traced: the marks' trace events carry the renderer main thread's
// clock (`tts`: its CPU time, the measure) and the wall clock (`ts`). On this 2-core machine the
// browser's other processes and threads preempt the renderer now and then; wall time charges that to
// whichever approach was running, thread time does not.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { bundleForPage } from './bundle.mjs';
import { BENCH_PAGES } from './pages.mjs';
import { startTrace } from './trace.mjs';

// 21 runs: on the 2-core machine the big page's per-run ratio to the plain wrap spreads over 1.1 – 1.4x,
// and with 11 runs the median of one bench moved by up to 0.1 from the next (bench/README.md).
const RUNS = Number(process.env.RUNS ?? 21);

// Each approach runs in the page, marks the start and end of each stretch of its work (see above) and
// returns { found }.
const APPROACHES = {
  'bare text scan': () => {
    performance.mark('nct-bench-start');
    const re = /\bNCT\d{8}\b/g;
    let found = 0;
    const tw = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let t; (t = tw.nextNode());) {
      const v = t.nodeValue;
      if (v.indexOf('NCT') < 0) continue;
      re.lastIndex = 0;
      while (re.exec(v)) found++;
    }
    performance.mark('nct-bench-end');
    return { found };
  },
  'splitText wrap': () => {
    performance.mark('nct-bench-start');
    const re = /\bNCT\d{8}\b/g;
    const hits = [];
    const tw = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let t; (t = tw.nextNode());) {
      const v = t.nodeValue;
      if (v.indexOf('NCT') < 0) continue;
      re.lastIndex = 0;
      let m;
      while ((m = re.exec(v))) hits.push([t, m.index, m[0]]);
    }
    for (let i = hits.length - 1; i >= 0; i--) {
      const [t, at, id] = hits[i];
      const mid = t.splitText(at);
      mid.splitText(id.length);
      const el = document.createElement('span');
      el.dataset.nctId = id;
      mid.replaceWith(el);
      el.append(mid);
    }
    performance.mark('nct-bench-end');
    return { found: hits.length };
  },
  findAndReplaceDOMText: () => {
    performance.mark('nct-bench-start');
    let found = 0;
    window.findAndReplaceDOMText(document.body, {
      find: /\bNCT\d{8}\b/g,
      replace: (portion) => {
        found++;
        const s = document.createElement('span');
        s.textContent = portion.text;
        return s;
      },
    });
    performance.mark('nct-bench-end');
    return { found };
  },
  'mark.js': () => {
    performance.mark('nct-bench-start');
    let found = 0;
    new window.Mark(document.body).markRegExp(/\bNCT\d{8}\b/g, { each: () => found++ });
    performance.mark('nct-bench-end');
    return { found };
  },
  // Ours: each slice between two yields is marked, so the time spent waiting is not counted.
  'ours (sliced)': async () => {
    performance.mark('nct-bench-start');
    const scanner = window.NctScan.createScanner(document, {
      yieldToPage: async () => {
        performance.mark('nct-bench-end');
        await new Promise((resolve) => setTimeout(resolve, 0));
        performance.mark('nct-bench-start');
      },
    });
    await scanner.scan(document.body);
    performance.mark('nct-bench-end');
    return { found: document.querySelectorAll('nctref, a[data-nct-link]').length };
  },
  // What every frame runs first (lib/scan/detector.ts): whether the page names a trial at all. On a
  // page without one, that is all that ever runs. `found`: 1 when it says the page names a trial.
  'ours: eager detector': async () => {
    let named = 0;
    performance.mark('nct-bench-start');
    const detector = window.NctDetect.createDetector(document, { onFound: () => (named = 1) });
    performance.mark('nct-bench-end');
    // Its answer comes a microtask later, with no more work.
    await Promise.resolve();
    detector.stop();
    return { found: named };
  },
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A trace that holds none of the run's marks: the run is measured again on a fresh page. */
class LostTrace extends Error {
  constructor() {
    super('the trace holds no bench marks');
  }
}
/** Runs lost to the trace at most, per run, before the bench gives up. */
const TRACE_RETRIES = 3;

/**
 * Runs `work` while tracing the page's user timing marks, and returns what `work` returned with the
 * time between each `nct-bench-start` and the `nct-bench-end` after it, in ms: `cpuMs` (the renderer
 * main thread's clock), `ms` (wall clock), the longest stretch and how many there were.
 */
async function timed(cdp, work) {
  const trace = await startTrace(cdp, ['blink.user_timing']);
  let result;
  try {
    result = await work();
  } catch (error) {
    await trace.stop();
    throw error;
  }
  const marks = (await trace.stop())
    .filter((e) => e.name === 'nct-bench-start' || e.name === 'nct-bench-end')
    .sort((a, b) => a.ts - b.ts);
  const paired = marks.every((e, i) => e.name === (i % 2 ? 'nct-bench-end' : 'nct-bench-start'));
  // Tracing starts in the renderer a moment after `Tracing.start` answers: now and then a short piece
  // of work (the eager detector's) runs before it, and the trace holds none of its marks.
  if (marks.length === 0) throw new LostTrace();
  if (marks.length % 2 !== 0 || !paired) {
    const sequence = marks.map((e) => `${e.name.replace('nct-bench-', '')}@${e.ts}`).join(' ');
    throw new Error(`unpaired bench marks: ${sequence || 'none'}`);
  }
  const stretches = [];
  for (let i = 0; i < marks.length; i += 2) {
    stretches.push({
      cpuMs: (marks[i + 1].tts - marks[i].tts) / 1000,
      ms: (marks[i + 1].ts - marks[i].ts) / 1000,
    });
  }
  const sum = (key) => stretches.reduce((total, stretch) => total + stretch[key], 0);
  return {
    ...result,
    cpuMs: sum('cpuMs'),
    ms: sum('ms'),
    longestMs: Math.max(...stretches.map((stretch) => stretch.ms)),
    slices: stretches.length,
  };
}

export async function benchDetection(browser) {
  const libs = [
    await bundleForPage('lib/scan/scanner.ts', 'NctScan'),
    await bundleForPage('lib/scan/detector.ts', 'NctDetect'),
    readFileSync('node_modules/mark.js/dist/mark.min.js', 'utf8'),
    readFileSync('node_modules/findandreplacedomtext/src/findAndReplaceDOMText.js', 'utf8'),
  ];
  const names = Object.keys(BENCH_PAGES);
  const server = http.createServer((req, res) => {
    const page = BENCH_PAGES[decodeURIComponent(req.url.slice(1))];
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(page ? page.html : 'missing');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}/`;
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  const rows = [];
  for (const name of names) {
    const row = { page: name, ids: BENCH_PAGES[name].ids.length };
    const approaches = Object.keys(APPROACHES);
    const runs = Object.fromEntries(approaches.map((approach) => [approach, []]));
    // Interleaved: each run goes once through every approach, starting at a different one each time,
    // so a browser or machine that slows down during the bench slows every approach alike.
    for (let i = 0; i < RUNS; i++) {
      for (let j = 0; j < approaches.length; j++) {
        const approach = approaches[(i + j) % approaches.length];
        const source = `(${APPROACHES[approach].toString()})()`;
        for (let attempt = 1; ; attempt++) {
          await page.goto(base + encodeURIComponent(name));
          for (const content of libs) await page.addScriptTag({ content });
          // The libraries stay defined; their source leaves the page, which is the generated page
          // again (the eager detector reads the head's text too, and ~60 kB of bench scripts is not
          // the page).
          await page.evaluate(() => document.querySelectorAll('script').forEach((script) => script.remove()));
          // The page's first mark sets up its performance timeline: not part of any approach's work.
          await page.evaluate(() => void performance.mark('nct-bench-warm-up'));
          const measured = await timed(cdp, () => page.evaluate(source)).catch((error) => {
            if (error instanceof LostTrace && attempt < TRACE_RETRIES) return undefined;
            throw new Error(`${name}, ${approach}, run ${i + 1}: ${error.message}`);
          });
          if (measured) {
            runs[approach].push(measured);
            break;
          }
          console.error(`(${name}, ${approach}, run ${i + 1}: the trace missed the run; measured again)`);
        }
      }
    }
    for (const approach of approaches) {
      const measured = runs[approach];
      row[approach] = {
        cpuMs: median(measured.map((r) => r.cpuMs)),
        minCpuMs: Math.min(...measured.map((r) => r.cpuMs)),
        cpuByRun: measured.map((r) => r.cpuMs),
        ms: median(measured.map((r) => r.ms)),
        // The fastest run: the cost with the least interference from the machine (noise only adds).
        minMs: Math.min(...measured.map((r) => r.ms)),
        longestMs: median(measured.map((r) => r.longestMs)),
        found: measured[0].found,
        slices: measured[0].slices,
      };
    }
    rows.push(row);
  }
  await page.close();
  server.close();
  return rows;
}

export function printDetection(rows) {
  const approaches = Object.keys(APPROACHES);
  console.log(
    '\n## Detection: CPU time to find and mark every ID (renderer main thread, median ms of the runs; ours = sum of its slices)\n',
  );
  console.log(
    `| page | ${approaches.join(' | ')} | ours ÷ splitText | eager detector ÷ bare scan | wall time: ours ÷ splitText, eager ÷ bare | ours: longest slice |`,
  );
  console.log(`|---|${approaches.map(() => '---').join('|')}|---|---|---|---|`);
  // Ratios of the medians, then (in brackets) of the fastest runs.
  const ratio = (row, a, b, key = 'cpuMs', minKey = 'minCpuMs') =>
    `${(row[a][key] / row[b][key]).toFixed(2)}x (${(row[a][minKey] / row[b][minKey]).toFixed(2)}x)`;
  const wall = (row, a, b) => ratio(row, a, b, 'ms', 'minMs');
  // Within one run the approaches ran seconds apart: a stretch when the machine is slow slows both
  // sides of these ratios alike.
  const runByRun = (row, a, b) => {
    const ratios = row[a].cpuByRun.map((ms, i) => ms / row[b].cpuByRun[i]);
    return `run by run ${median(ratios).toFixed(2)}x, ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
  };
  const goal = (row, a, b) => `${ratio(row, a, b)}; ${runByRun(row, a, b)}`;
  for (const row of rows) {
    const ours = row['ours (sliced)'];
    const cells = approaches.map((a) => `${row[a].cpuMs.toFixed(1)} (${row[a].found})`);
    console.log(
      `| ${row.page} | ${cells.join(' | ')} | ${goal(row, 'ours (sliced)', 'splitText wrap')} | ` +
        `${goal(row, 'ours: eager detector', 'bare text scan')} | ` +
        `${wall(row, 'ours (sliced)', 'splitText wrap')}, ${wall(row, 'ours: eager detector', 'bare text scan')} | ` +
        `${ours.longestMs.toFixed(1)} ms in ${ours.slices} slices |`,
    );
  }
  console.log(
    '\n(n) = IDs found; for the eager detector, 1 = "this page names a trial" (the scanner is loaded then). ' +
      'On a page without IDs, the detector is all that runs. Ratios: of the medians, (in brackets) of the fastest runs, ' +
      'and the median and range of the ratios taken within each run. ' +
      'CPU: the thread clock of the renderer main thread between marks around each stretch of work (trace `tts`); ' +
      'wall: the wall clock of the same marks (trace `ts`). ' +
      'Reference approaches run as one uninterrupted task; ours yields every few ms (its longest slice in wall time).',
  );
}
