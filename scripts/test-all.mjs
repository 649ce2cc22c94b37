// The one test command (`npm test`): typecheck, lint and format, both production builds, `web-ext
// lint` of the Firefox build (zero warnings), the unit tests and Firefox E2E (vitest), and the
// Chromium E2E (Playwright). Independent checks run side by side; each part's output is printed whole when it ends, with
// its wall time. Each check counts as one result, each test as one. The last line is the totals, alone
// on a line, as CI expects.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const times = [];
const started = Date.now();

/** Runs a command with its output buffered; resolves to whether it exited 0. */
function run(name, command, args) {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      const seconds = (Date.now() - t0) / 1000;
      times.push([name, seconds]);
      console.log(`\n▶ ${name}: ${command} ${args.join(' ')}\n${output.trimEnd()}`);
      console.log(`${code === 0 ? '✔' : '✖'} ${name} (${seconds.toFixed(1)} s)`);
      resolve(code === 0);
    });
  });
}

async function check(name, command, args) {
  const ok = await run(name, command, args);
  if (ok) results.passed++;
  else {
    results.failed++;
    failures.push(name);
  }
  return ok;
}

const npx = (name, ...args) => check(name, 'npx', args);

// Part 1, side by side: the builds (one after the other: both regenerate .wxt/), ESLint, Prettier.
await Promise.all([
  (async () => {
    await npx('build (Chrome MV3)', 'wxt', 'build');
    await npx('build (Firefox)', 'wxt', 'build', '-b', 'firefox');
  })(),
  npx('lint (ESLint)', 'eslint', '.'),
  npx('format (Prettier)', 'prettier', '--check', '.'),
]);

// Part 2, side by side: the typechecks and web-ext lint, beside the test suites (which need the
// builds). The suites run one after the other: both E2E suites measure real timings on two cores.
mkdirSync('.tmp', { recursive: true });
const vitestReport = '.tmp/vitest-report.json';
const playwrightReport = '.tmp/playwright-report.json';
rmSync(vitestReport, { force: true });
rmSync(playwrightReport, { force: true });
const suites = {};
await Promise.all([
  npx('typecheck (extension code, no Node types)', 'tsc', '--noEmit', '-p', 'tsconfig.json'),
  npx('typecheck (tests, scripts, configs)', 'tsc', '--noEmit', '-p', 'tsconfig.node.json'),
  npx(
    'web-ext lint (Firefox build, zero warnings)',
    'web-ext',
    'lint',
    '--source-dir',
    '.output/firefox-mv2',
    '--self-hosted',
    '--warnings-as-errors',
  ),
  (async () => {
    suites.vitest = await run('vitest (unit, E2E in Firefox)', 'npx', [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${vitestReport}`,
    ]);
    suites.playwright = await run('Playwright (E2E in Chromium)', 'npx', ['playwright', 'test']);
  })(),
]);

/** Adds a runner's counts; a runner that failed with no failure in its report (an unhandled error) still fails. */
function count(name, ok, read) {
  try {
    const { passed, failed, skipped, failedNames } = read();
    results.passed += passed;
    results.failed += failed;
    results.skipped += skipped;
    failures.push(...failedNames);
    if (!ok && failed === 0) {
      results.failed++;
      failures.push(`${name} failed with no failing test named (see its output above)`);
    }
  } catch (error) {
    results.failed++;
    failures.push(`${name} report unreadable: ${error.message}`);
  }
}

// Vitest's own JSON report gives exact per-test counts for its projects.
count('vitest', suites.vitest, () => {
  const json = JSON.parse(readFileSync(vitestReport, 'utf8'));
  // A file can fail with none of its tests failing: it did not load, or a hook (say, the one closing
  // a browser) failed. Each counts once, named with the error's first line.
  const broken = json.testResults.filter(
    (f) => f.status === 'failed' && !f.assertionResults.some((t) => t.status === 'failed'),
  );
  const failedNames = [
    ...broken.map((f) => `${path.relative('.', f.name)}: ${f.message?.split('\n')[0] || 'failed'}`),
    ...json.testResults.flatMap((f) =>
      f.assertionResults
        .filter((t) => t.status === 'failed')
        .map((t) => [...t.ancestorTitles, t.title].join(' > ')),
    ),
  ];
  return {
    passed: json.numPassedTests,
    failed: json.numFailedTests + broken.length,
    skipped: json.numPendingTests + json.numTodoTests,
    failedNames,
  };
});

// Playwright's JSON report: `expected` passed, `unexpected` failed, `flaky` passed on retry (none: no retries).
count('Playwright', suites.playwright, () => {
  const { stats, errors } = JSON.parse(readFileSync(playwrightReport, 'utf8'));
  return {
    passed: stats.expected + stats.flaky,
    failed: stats.unexpected + (errors?.length ?? 0),
    skipped: stats.skipped,
    failedNames: (errors ?? []).map((e) => `Playwright: ${e.message?.split('\n')[0]}`),
  };
});

console.log('\nWall time per part:');
for (const [name, seconds] of times) console.log(`  ${seconds.toFixed(1).padStart(6)} s  ${name}`);
console.log(`  ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  in all`);
if (failures.length > 0) console.log(`\nFailed: ${failures.join('; ')}`);
const skipped = results.skipped > 0 ? `, ${results.skipped} skipped` : '';
console.log(`\n${results.passed} passed, ${results.failed} failed${skipped}`);
process.exit(results.failed > 0 ? 1 : 0);
