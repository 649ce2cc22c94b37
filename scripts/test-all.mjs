// The one test command (`npm test`): typecheck, lint and format, both production builds, `web-ext
// lint` of the Firefox build (zero warnings), then every vitest suite (unit, E2E in Chromium, E2E in
// Firefox). Independent checks run side by side; each part's output is printed whole when it ends, with
// its wall time. Each check counts as one result, each test as one. The last line is the totals, alone
// on a line, as CI expects.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

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

// Part 2, side by side: the typecheck, web-ext lint, and every vitest suite (which need the builds).
mkdirSync('.tmp', { recursive: true });
const report = '.tmp/vitest-report.json';
rmSync(report, { force: true });
const [, , vitestOk] = await Promise.all([
  npx('typecheck', 'tsc', '--noEmit', '-p', 'tsconfig.json'),
  npx('typecheck (tests, scripts)', 'tsc', '--noEmit', '-p', 'tsconfig.node.json'),
  run('vitest (unit, E2E in Chromium, E2E in Firefox)', 'npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]),
  npx(
    'web-ext lint (Firefox build, zero warnings)',
    'web-ext',
    'lint',
    '--source-dir',
    '.output/firefox-mv2',
    '--self-hosted',
    '--warnings-as-errors',
  ),
]);

// Vitest's own JSON report gives exact per-test counts for every project.
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  results.passed += json.numPassedTests;
  results.failed += json.numFailedTests;
  results.skipped += json.numPendingTests + json.numTodoTests;
  // A suite that failed to load has no tests to count but must still fail the run.
  const brokenFiles = json.testResults.filter(
    (f) => f.status === 'failed' && f.assertionResults.length === 0,
  );
  if (brokenFiles.length > 0 || (!vitestOk && json.numFailedTests === 0)) {
    results.failed += Math.max(1, brokenFiles.length);
    failures.push(...brokenFiles.map((f) => `load ${f.name}`));
  }
  for (const f of json.testResults)
    for (const t of f.assertionResults)
      if (t.status === 'failed') failures.push(`${t.ancestorTitles.join(' > ')} > ${t.title}`);
} catch (error) {
  results.failed++;
  failures.push(`vitest report unreadable: ${error.message}`);
}

console.log('\nWall time per part:');
for (const [name, seconds] of times) console.log(`  ${seconds.toFixed(1).padStart(6)} s  ${name}`);
console.log(`  ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  in all`);
if (failures.length > 0) console.log(`\nFailed: ${failures.join('; ')}`);
const skipped = results.skipped > 0 ? `, ${results.skipped} skipped` : '';
console.log(`\n${results.passed} passed, ${results.failed} failed${skipped}`);
process.exit(results.failed > 0 ? 1 : 0);
