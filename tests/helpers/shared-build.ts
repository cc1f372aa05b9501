import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './fixtures.ts';

/**
 * Builds shared by the test files of one test run. `npm test` (scripts/test-all.ts) and each vitest config's
 * globalSetup (tests/helpers/run-dir-setup.ts) set KHIENSO_TEST_RUN_DIR to a fresh folder that is removed
 * at the end, so builds are shared between the parallel workers and between the main and the Moodle passes,
 * and never with an earlier run. Without it (a test file run some other way) the folder is keyed by the
 * parent process, as before.
 */
export function testRunDir(): string {
  const dir = process.env.KHIENSO_TEST_RUN_DIR
    ?? join(tmpdir(), `ks-run-${createHash('sha256').update(`${REPO}|${process.ppid}`).digest('hex').slice(0, 16)}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `work` once per test run: the first worker to claim `<dir>/.<name>.lock` does it and writes
 * `.<name>.done` (or `.<name>.failed` with the error, which every waiter then throws); the others wait.
 */
export async function once(dir: string, name: string, work: () => Promise<void>, timeoutMs = 15 * 60_000): Promise<void> {
  const done = join(dir, `.${name}.done`);
  const failed = join(dir, `.${name}.failed`);
  let mine = false;
  try { mkdirSync(join(dir, `.${name}.lock`)); mine = true; } catch { /* another worker does it */ }
  if (mine) {
    try {
      await work();
      writeFileSync(done, new Date().toISOString());
    } catch (e) {
      writeFileSync(failed, e instanceof Error ? (e.stack ?? e.message) : String(e));
      throw e;
    }
    return;
  }
  for (let waited = 0; !existsSync(done); waited += 500) {
    if (existsSync(failed)) throw new Error(`the shared ${name} build failed:\n${readFileSync(failed, 'utf8')}`);
    if (waited > timeoutMs) throw new Error(`timed out waiting for the shared ${name} build in ${dir}`);
    await sleep(500);
  }
}

/** Runs `node <args>` in the repository with the given environment; rejects with the output's tail. */
export function runNode(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, args, { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? ok() : fail(new Error(`${args.join(' ')} exited with ${code}:\n${out.slice(-4000)}`))));
  });
}

/**
 * The real curriculum built as `npm run build:units` builds it (node scripts/build.ts: units, packages,
 * catalog.json, contest, Moodle files) into `<run dir>/dist-<selection>`, once per test run. KHIENSO_ONLY is
 * passed through. Returns the dist folder.
 */
export async function sharedUnitsBuild(): Promise<string> {
  const only = process.env.KHIENSO_ONLY ?? '';
  const selection = only ? createHash('sha256').update(only).digest('hex').slice(0, 8) : 'all';
  const dir = testRunDir();
  const dist = join(dir, `dist-${selection}`);
  await once(dir, `units-${selection}`, async () => {
    mkdirSync(dist, { recursive: true });
    await runNode(['scripts/build.ts'], { ...process.env, KHIENSO_DIST: dist, ASTRO_TELEMETRY_DISABLED: '1' });
  });
  return dist;
}
