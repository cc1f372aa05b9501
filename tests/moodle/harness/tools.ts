// The machine tools a real Moodle needs here: PHP 8.x CLI with Moodle's extensions, PostgreSQL server binaries.
import { execFileSync, spawn, type SpawnOptions } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const PHP = process.env.KHIENSO_PHP ?? 'php';
/** php -d settings Moodle insists on (max_input_vars) plus upload sizes for packages and opcache for speed. */
export function phpIni(opcacheDir?: string): string[] {
  const d = ['max_input_vars=5000', 'upload_max_filesize=64M', 'post_max_size=64M', 'memory_limit=512M', 'opcache.enable=1', 'display_errors=stderr', 'error_reporting=E_ALL'];
  if (opcacheDir) d.push('opcache.enable_cli=1', `opcache.file_cache=${opcacheDir}`);
  return d.flatMap((x) => ['-d', x]);
}

const PHP_EXTENSIONS = ['pgsql', 'xml', 'mbstring', 'curl', 'zip', 'gd', 'intl', 'soap', 'sodium'];

/** The folder holding initdb/pg_ctl/pg_restore (highest installed PostgreSQL), or null. */
export function pgBinDir(): string | null {
  if (process.env.KHIENSO_PG_BIN) return process.env.KHIENSO_PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0] as string, 'bin') : null;
}

/** What is missing to run Moodle on this machine (empty when all is there). */
export function missingTools(): string[] {
  const missing: string[] = [];
  let modules = '';
  try {
    modules = execFileSync(PHP, ['-m'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).toLowerCase();
    const version = execFileSync(PHP, ['-r', 'echo PHP_VERSION;'], { encoding: 'utf8' });
    if (!/^8\.[1-3]\./.test(version)) missing.push(`PHP 8.1–8.3 (found ${version})`);
  } catch {
    missing.push('php (php8.2-cli)');
  }
  if (modules) for (const ext of PHP_EXTENSIONS) if (!modules.split('\n').includes(ext)) missing.push(`php extension ${ext}`);
  if (!pgBinDir()) missing.push('PostgreSQL server (postgresql)');
  return missing;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL server binary; as root it runs as the "postgres" user (initdb and postgres refuse root). */
export function pgCommand(bin: string, args: string[]): [string, string[]] {
  const path = join(pgBinDir() ?? '', bin);
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
}

export const PG_OWNER_IS_POSTGRES = isRoot;

/** Runs a command to completion; rejects with its output when it fails. */
export function run(cmd: string, args: string[], opts: SpawnOptions & { input?: string; timeoutMs?: number; onTimeout?: () => Promise<string> } = {}): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const { input, timeoutMs, onTimeout, ...spawnOpts } = opts;
    const child = spawn(cmd, args, { ...spawnOpts, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout?.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
    let timedOut: Promise<string> | undefined;
    const timer = timeoutMs ? setTimeout(() => {
      // Diagnose while the process still hangs (what it waits for), then kill it.
      timedOut = (onTimeout ? onTimeout().catch((e: Error) => `(diagnosis failed: ${e.message})`) : Promise.resolve('')).finally(() => child.kill('SIGKILL'));
    }, timeoutMs) : undefined;
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      if (code === 0) { resolve({ stdout, stderr }); return; }
      const failure = `${cmd} ${args.join(' ').slice(0, 300)} ${timedOut ? `timed out after ${Math.round((timeoutMs ?? 0) / 1000)} s` : `exited ${code}`}\n${stderr.slice(-3000)}\n${stdout.slice(-3000)}`;
      if (timedOut) void timedOut.then((why) => reject(new Error(`${failure}\n${why}`)));
      else reject(new Error(failure));
    });
    child.stdin?.end(input ?? '');
  });
}
