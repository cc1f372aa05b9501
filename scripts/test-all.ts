// `npm test`: runs every test — unit and end-to-end (vitest.config.ts), then the real-Moodle scenarios
// (tests/moodle/vitest.config.ts, one Moodle for the run) — and ends with a plain "N passed, N failed" line,
// which CI reads (vitest's own summary is not one it knows). The Moodle install (cached per machine) starts
// at once in the background, so it overlaps the other tests.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

mkdirSync('.tmp', { recursive: true });
// One folder for the builds the test files share (tests/helpers/shared-build.ts), for both passes: the Moodle
// pass reuses the site the main pass built. Removed at the end.
const runDir = process.env.KHIENSO_TEST_RUN_DIR ?? mkdtempSync(join(tmpdir(), 'ks-test-run-'));
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', KHIENSO_TEST_RUN_DIR: runDir };
const args = process.argv.slice(2);
const onlyMoodle = args.length > 0 && args.every((a) => a.startsWith('tests/moodle'));
const withMoodle = args.length === 0 || onlyMoodle;

const prepare = withMoodle ? spawn(process.execPath, ['scripts/moodle/prepare.ts'], { stdio: 'inherit', env }) : null;
const prepared = prepare ? new Promise<void>((resolve) => prepare.on('close', () => resolve())) : Promise.resolve();

interface Counts { passed: number; failed: number; skipped: number; code: number }
function vitest(name: string, extra: string[]): Counts {
  const report = join('.tmp', `vitest-${name}.json`);
  rmSync(report, { force: true });
  const run = spawnSync('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra], { stdio: 'inherit', shell: false, env });
  const c: Counts = { passed: 0, failed: 0, skipped: 0, code: run.status ?? 1 };
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numFailedTestSuites: number };
    c.passed = r.numPassedTests;
    c.failed = r.numFailedTests + (r.numFailedTests === 0 && r.numFailedTestSuites > 0 ? r.numFailedTestSuites : 0);
    c.skipped = r.numPendingTests + r.numTodoTests;
  } else {
    c.failed = 1;
  }
  if (c.code !== 0 && c.failed === 0) c.failed = 1;
  return c;
}

const runs: Counts[] = [];
if (!onlyMoodle) runs.push(vitest('main', args));
if (withMoodle) {
  await prepared;
  runs.push(vitest('moodle', ['--config', 'tests/moodle/vitest.config.ts', ...(onlyMoodle ? args : [])]));
}
if (!process.env.KHIENSO_TEST_RUN_DIR && !process.env.KHIENSO_KEEP_TEST_BUILDS) rmSync(runDir, { recursive: true, force: true });
const total = runs.reduce((a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed, skipped: a.skipped + r.skipped, code: a.code || r.code }), { passed: 0, failed: 0, skipped: 0, code: 0 });
console.log(`\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.code);
