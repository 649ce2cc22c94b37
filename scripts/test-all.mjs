// The one test command (`npm test`): typecheck, lint and format, both production builds, web-ext lint
// of the Firefox build, then every vitest suite (unit, and E2E in Chromium). Each check counts as one
// result; each test counts as one. The last line is the totals, alone on a line, as CI expects.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(name, command, args) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { stdio: 'inherit', shell: false });
  const ok = status === 0;
  console.log(`${ok ? '✔' : '✖'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function check(name, command, args) {
  if (run(name, command, args)) results.passed++;
  else {
    results.failed++;
    failures.push(name);
  }
}

check('typecheck', 'npx', ['tsc', '--noEmit']);
check('lint', 'npx', ['eslint', '.']);
check('format', 'npx', ['prettier', '--check', '.']);
check('build (Chrome MV3)', 'npx', ['wxt', 'build']);
check('build (Firefox)', 'npx', ['wxt', 'build', '-b', 'firefox']);
check('web-ext lint (Firefox build)', 'npx', [
  'web-ext',
  'lint',
  '--source-dir',
  '.output/firefox-mv2',
  '--self-hosted',
]);

// Vitest's own JSON report gives exact per-test counts for both projects.
mkdirSync('.tmp', { recursive: true });
const report = '.tmp/vitest-report.json';
rmSync(report, { force: true });
const vitestOk = run('vitest (unit + E2E in Chromium)', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);
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
} catch (error) {
  results.failed++;
  failures.push(`vitest report unreadable: ${error.message}`);
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join('; ')}`);
const skipped = results.skipped > 0 ? `, ${results.skipped} skipped` : '';
console.log(`\n${results.passed} passed, ${results.failed} failed${skipped}`);
process.exit(results.failed > 0 ? 1 : 0);
