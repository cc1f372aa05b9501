// A real Moodle site for tests: installed once per Moodle source into a machine-local cache, then for each
// test run a private PostgreSQL cluster + PHP built-in server, with a clean database for every scenario.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findMoodleSource, type MoodleSource } from './source.ts';
import { freePort, missingTools, PG_OWNER_IS_POSTGRES, pgBinDir, pgCommand, PHP, phpIni, run } from './tools.ts';

export const ADMIN_PASSWORD = 'Khienso-admin-1';
const DB = 'moodle';
const TEMPLATE_DB = 'moodle_clean';

/** Moodle's config.php, written into the cached tree: everything run-specific comes from $KHIENSO_MOODLE_RUN/run.json. */
const CONFIG_PHP = `<?php  // Khiên Số test harness: every run gives its own database, port and data root.
unset($CFG);
global $CFG;
$CFG = new stdClass();
$khsrun = getenv('KHIENSO_MOODLE_RUN');
if (!$khsrun || !is_readable($khsrun . '/run.json')) { fwrite(STDERR, "KHIENSO_MOODLE_RUN is not set\\n"); exit(1); }
$khs = json_decode(file_get_contents($khsrun . '/run.json'));
$CFG->dbtype    = 'pgsql';
$CFG->dblibrary = 'native';
$CFG->dbhost    = '127.0.0.1';
$CFG->dbname    = $khs->dbname;
$CFG->dbuser    = 'postgres';
$CFG->dbpass    = '';
$CFG->prefix    = 'mdl_';
$CFG->dboptions = ['dbpersist' => 0, 'dbport' => $khs->dbport, 'dbsocket' => ''];
$CFG->wwwroot   = $khs->wwwroot;
$CFG->dataroot  = $khs->dataroot;
$CFG->admin     = 'admin';
$CFG->directorypermissions = 02777;
$CFG->noemailever = true;
$CFG->passwordpolicy = 0;
$CFG->debug = 32767;          // DEBUG_DEVELOPER: notices go to the server log, not the page
$CFG->debugdisplay = 0;
$CFG->enablecompletion = 1;
require_once(__DIR__ . '/lib/setup.php');
`;

export class MoodleSkip extends Error {}

function log(msg: string) {
  process.stderr.write(`[moodle] ${msg}\n`);
}

/** A lock folder (mkdir is atomic) so concurrent runs install the cache once. */
async function withLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const lock = join(dir, '.install-lock');
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      let stale = false;
      try {
        const pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
        process.kill(pid, 0);
      } catch (e) {
        stale = (e as NodeJS.ErrnoException).code === 'ESRCH' || (e as NodeJS.ErrnoException).code === 'ENOENT' && Date.now() - statSync(lock).mtimeMs > 60_000;
      }
      if (stale) rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 2000));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A private PostgreSQL cluster in `dir` on a loopback port (trust auth, durability off: test data only). */
class PgCluster {
  readonly dir: string;
  readonly port: number;
  constructor(dir: string, port: number) {
    this.dir = dir;
    this.port = port;
  }
  static async create(dir: string): Promise<PgCluster> {
    mkdirSync(dir, { recursive: true });
    if (PG_OWNER_IS_POSTGRES()) chownSync(dir, uid('postgres'), gid('postgres'));
    const port = await freePort();
    const c = new PgCluster(dir, port);
    const [cmd, args] = pgCommand('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    await run(cmd, args, { timeoutMs: 120_000 });
    await c.start();
    return c;
  }
  async start() {
    const opts = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60 -c shared_buffers=64MB`;
    const [cmd, args] = pgCommand('pg_ctl', ['-D', join(this.dir, 'data'), '-l', join(this.dir, 'server.log'), '-o', opts, '-w', '-t', '120', 'start']);
    await run(cmd, args, { timeoutMs: 150_000 });
  }
  async stop() {
    const [cmd, args] = pgCommand('pg_ctl', ['-D', join(this.dir, 'data'), '-m', 'immediate', '-w', 'stop']);
    await run(cmd, args, { timeoutMs: 60_000 }).catch(() => undefined);
  }
  /** Runs SQL as the superuser in `db`; returns psql's unaligned output. */
  async psql(sql: string, db = 'postgres'): Promise<string> {
    const { stdout } = await run(join(pgBinDir() as string, 'psql'), ['-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(this.port), '-U', 'postgres', '-d', db, '-f', '-'], { input: sql, timeoutMs: 120_000 });
    return stdout;
  }
  tool(bin: string, args: string[]) {
    return run(join(pgBinDir() as string, bin), ['-h', '127.0.0.1', '-p', String(this.port), '-U', 'postgres', ...args], { timeoutMs: 900_000 });
  }
}

function idOf(flag: '-u' | '-g', name: string): number {
  return Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim());
}
const uid = (n: string) => idOf('-u', n);
const gid = (n: string) => idOf('-g', n);

interface RunFiles { dir: string; dataroot: string; wwwroot: string; dbport: number }
function writeRunJson(r: RunFiles) {
  writeFileSync(join(r.dir, 'run.json'), JSON.stringify({ dbname: DB, dbport: r.dbport, wwwroot: r.wwwroot, dataroot: r.dataroot }));
}

const phpEnv = (runDir: string) => ({ ...process.env, KHIENSO_MOODLE_RUN: runDir });

/** Unpacks the source and installs Moodle into `src.cacheDir` once (≈ 5 min on 2 cores); later calls return at once. */
export async function ensureInstalled(src: MoodleSource): Promise<void> {
  const cache = src.cacheDir;
  if (existsSync(join(cache, 'ready'))) return;
  mkdirSync(cache, { recursive: true });
  await withLock(cache, async () => {
    if (existsSync(join(cache, 'ready'))) return;
    const t0 = Date.now();
    const tree = join(cache, 'moodle');
    rmSync(tree, { recursive: true, force: true });
    rmSync(join(cache, 'unpack'), { recursive: true, force: true });
    log(`installing Moodle from ${src.path} into ${cache} (once per source; several minutes)…`);
    if (src.kind === 'tarball') {
      const unpack = join(cache, 'unpack');
      mkdirSync(unpack);
      await run('tar', ['-xf', src.path, '-C', unpack], { timeoutMs: 600_000 });
      const top = existsSync(join(unpack, 'version.php')) ? unpack : readdirSync(unpack).map((d) => join(unpack, d)).find((d) => existsSync(join(d, 'version.php')));
      if (!top) throw new Error(`${src.path} holds no Moodle tree (no version.php at its top or one folder down)`);
      renameSync(top, tree);
      rmSync(unpack, { recursive: true, force: true });
    } else {
      cpSync(src.path, tree, { recursive: true, filter: (p) => p !== join(src.path, 'config.php') });
    }
    writeFileSync(join(tree, 'config.php'), CONFIG_PHP);
    const work = mkdtempSync(join(tmpdir(), 'khienso-moodle-install-'));
    chmodSync(work, 0o755);
    const pg = await PgCluster.create(join(work, 'pg'));
    try {
      await pg.psql(`CREATE DATABASE ${DB} ENCODING 'UTF8';`);
      const r: RunFiles = { dir: work, dataroot: join(work, 'dataroot'), wwwroot: 'http://127.0.0.1:1', dbport: pg.port };
      mkdirSync(r.dataroot, { mode: 0o777 });
      writeRunJson(r);
      await run(PHP, [...phpIni(), join(tree, 'admin/cli/install_database.php'), '--agree-license', '--lang=en', '--adminuser=admin', `--adminpass=${ADMIN_PASSWORD}`, '--adminemail=admin@khienso.test', '--fullname=Khien So test Moodle', '--shortname=khienso'], { env: phpEnv(work), cwd: tree, timeoutMs: 3_600_000 });
      await pg.tool('pg_dump', ['-Fc', '-f', join(cache, 'clean.dump.part'), DB]);
      renameSync(join(cache, 'clean.dump.part'), join(cache, 'clean.dump'));
      rmSync(join(cache, 'dataroot-clean'), { recursive: true, force: true });
      for (const volatile of ['cache', 'sessions', 'temp', 'localcache', 'lock', 'trashdir']) rmSync(join(r.dataroot, volatile), { recursive: true, force: true });
      cpSync(r.dataroot, join(cache, 'dataroot-clean'), { recursive: true });
      writeFileSync(join(cache, 'ready'), JSON.stringify({ source: src.path, installedAt: new Date().toISOString(), seconds: Math.round((Date.now() - t0) / 1000) }));
      log(`Moodle installed in ${Math.round((Date.now() - t0) / 1000)} s`);
    } finally {
      await pg.stop();
      rmSync(work, { recursive: true, force: true });
    }
  });
}

/** Everything a test process needs to use a running site (passed from vitest's globalSetup to the test files). */
export interface MoodleRunInfo {
  url: string;
  dirroot: string;
  dataroot: string;
  runDir: string;
  pgPort: number;
  cacheDir: string;
}

export interface MoodleSite {
  /** Base URL of the site, e.g. http://127.0.0.1:40123 (no trailing slash). */
  readonly url: string;
  /** The Moodle tree ($CFG->dirroot). */
  readonly dirroot: string;
  /** This run's data root ($CFG->dataroot). */
  readonly dataroot: string;
  readonly info: MoodleRunInfo;
  /** Runs a PHP snippet inside Moodle (CLI_SCRIPT, config.php loaded, admin as $USER); `$args` holds `args`; the snippet `return`s a value that comes back as JSON. */
  php<T = unknown>(code: string, args?: unknown, opts?: { readOnly?: boolean; timeoutMs?: number }): Promise<T>;
  /** Rows of a SELECT (table names with the mdl_ prefix), as JSON objects. */
  sql<T = Record<string, unknown>>(select: string): Promise<T[]>;
  /** Back to the freshly installed site: clean database, empty caches and sessions (a few seconds). */
  reset(): Promise<void>;
  /** The last 200 KB of the web server's log (PHP notices, request lines), for diagnosing failures. */
  serverLog(): string;
  /** The database's active queries and the server's last requests, for diagnosing a hang. */
  diagnose(): Promise<string>;
}

export interface MoodleServer extends MoodleSite {
  /** Stops the web server and the database; removes this run's files (KHIENSO_MOODLE_KEEP=1 keeps them). */
  stop(): Promise<void>;
}

/** A client for a running site (from startMoodle() in this or another process). */
export function connectMoodle(info: MoodleRunInfo): MoodleSite {
  const pg = new PgCluster(join(info.runDir, 'pg'), info.pgPort);
  const opcache = join(info.cacheDir, 'opcache');
  let n = 0;
  return {
    url: info.url,
    dirroot: info.dirroot,
    dataroot: info.dataroot,
    info,
    async php<T>(code: string, args?: unknown, opts: { readOnly?: boolean; timeoutMs?: number } = {}): Promise<T> {
      const file = join(info.runDir, `snippet-${process.pid}-${++n}.php`);
      writeFileSync(file, `<?php
define('CLI_SCRIPT', true);
require(${JSON.stringify(join(info.dirroot, 'config.php'))});
\\core\\session\\manager::set_user(get_admin());
$args = json_decode(file_get_contents(${JSON.stringify(file + '.json')}));
$khsresult = (function () use ($args) { global $CFG, $DB, $USER, $SITE; ${code}
})();
echo "\\n@@KHIENSO-RESULT@@" . json_encode($khsresult);
`);
      writeFileSync(`${file}.json`, JSON.stringify(args ?? null));
      // A snippet takes seconds; one that hangs is diagnosed (what the database is waiting on, the web
      // server's last requests) and killed well before the test's own timeout.
      // A read-only snippet (the admin reading what Moodle stored) that hung is run once more, with the
      // diagnosis printed, so one stuck CLI process does not hide the answer.
      const attempt = () => run(PHP, [...phpIni(opcache), file], { env: phpEnv(info.runDir), cwd: info.dirroot, timeoutMs: opts.timeoutMs ?? SNIPPET_TIMEOUT_MS, onTimeout: () => diagnose(pg, info) });
      const what = code.trim().split('\n')[0]?.slice(0, 160);
      let stdout: string;
      try {
        ({ stdout } = await attempt());
      } catch (e) {
        const message = (e as Error).message;
        if (!opts.readOnly || !/timed out after/.test(message)) throw new Error(`PHP snippet failed: ${what} …\n${message}`);
        console.warn(`[moodle] a read-only PHP snippet hung and is run again: ${what} …\n${message}`);
        ({ stdout } = await attempt());
      }
      const at = stdout.lastIndexOf('@@KHIENSO-RESULT@@');
      if (at < 0) throw new Error(`PHP snippet printed no result:\n${stdout.slice(-3000)}`);
      return JSON.parse(stdout.slice(at + '@@KHIENSO-RESULT@@'.length)) as T;
    },
    async sql<T>(select: string): Promise<T[]> {
      const out = await pg.psql(`SELECT coalesce(json_agg(t), '[]'::json) FROM (${select}) t;`, DB);
      return JSON.parse(out) as T[];
    },
    async reset() {
      await pg.psql(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE); CREATE DATABASE ${DB} TEMPLATE ${TEMPLATE_DB};`);
      resetDataroot(info);
    },
    diagnose: () => diagnose(pg, info),
    serverLog() {
      try {
        const all = readFileSync(join(info.runDir, 'server.log'), 'utf8');
        return all.slice(-200_000);
      } catch {
        return '';
      }
    },
  };
}

/** The longest a PHP snippet may run (a cold cache under load takes ~20 s). */
const SNIPPET_TIMEOUT_MS = Number(process.env.KHIENSO_MOODLE_SNIPPET_TIMEOUT_MS ?? 150_000);

/** What a hung request or snippet waits for: the database's active queries and locks, the server's last log lines. */
export async function diagnose(pg: PgCluster, info: MoodleRunInfo): Promise<string> {
  let db = '';
  try {
    db = await pg.psql(`SELECT pid, state, wait_event_type, wait_event, now() - query_start AS running, left(query, 300) AS query
      FROM pg_stat_activity WHERE datname IS NOT NULL AND pid <> pg_backend_pid() AND state <> 'idle' ORDER BY query_start;`, DB);
  } catch (e) {
    db = `(pg_stat_activity unavailable: ${(e as Error).message.slice(0, 200)})`;
  }
  let log = '';
  try {
    log = readFileSync(join(info.runDir, 'server.log'), 'utf8').split('\n').slice(-40).join('\n');
  } catch { /* no log */ }
  return `--- database activity (not idle) ---\n${db || '(none)'}\n--- web server log (last 40 lines) ---\n${log}`;
}

// The data root goes back to the clean copy, except localcache (compiled theme CSS and JS, derived from the
// code alone), so only the first page of a run pays for compiling the theme.
function resetDataroot(info: MoodleRunInfo) {
  mkdirSync(info.dataroot, { recursive: true, mode: 0o777 });
  for (const e of readdirSync(info.dataroot)) if (e !== 'localcache') rmSync(join(info.dataroot, e), { recursive: true, force: true });
  cpSync(join(info.cacheDir, 'dataroot-clean'), info.dataroot, { recursive: true });
}

/**
 * Stands up a Moodle site for this test run: installs the cache if needed, then a private database cluster
 * and web server. Throws MoodleSkip (with the reason) when there is no Moodle source or PHP/PostgreSQL.
 */
export async function startMoodle(): Promise<MoodleServer> {
  const src = await findMoodleSource();
  if (typeof src === 'string') throw new MoodleSkip(src);
  const missing = missingTools();
  if (missing.length) throw new MoodleSkip(`Moodle needs ${missing.join(', ')} (.ci/run installs them: apt-get install php8.2-cli php8.2-pgsql … postgresql)`);
  await ensureInstalled(src);
  const tree = join(src.cacheDir, 'moodle');
  const dir = mkdtempSync(join(tmpdir(), 'khienso-moodle-run-'));
  chmodSync(dir, 0o755);
  mkdirSync(join(src.cacheDir, 'opcache'), { recursive: true });
  const pg = await PgCluster.create(join(dir, 'pg'));
  const port = await freePort();
  const info: MoodleRunInfo = { url: `http://127.0.0.1:${port}`, dirroot: tree, dataroot: join(dir, 'dataroot'), runDir: dir, pgPort: pg.port, cacheDir: src.cacheDir };
  writeRunJson({ dir, dataroot: info.dataroot, wwwroot: info.url, dbport: pg.port });
  await pg.psql(`CREATE DATABASE ${TEMPLATE_DB} ENCODING 'UTF8';`);
  await pg.tool('pg_restore', ['-j', '2', '--no-owner', '-d', TEMPLATE_DB, join(src.cacheDir, 'clean.dump')]);
  const client = connectMoodle(info);
  await client.reset();

  const logFd = openSync(join(dir, 'server.log'), 'a');
  const server: ChildProcess = spawn(PHP, [...phpIni(), '-S', `127.0.0.1:${port}`, '-t', tree], {
    env: { ...phpEnv(dir), PHP_CLI_SERVER_WORKERS: '6' }, cwd: tree, detached: true, stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  const stop = async () => {
    if (server.pid && server.exitCode === null) {
      try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ }
    }
    await pg.stop();
    if (!process.env.KHIENSO_MOODLE_KEEP) rmSync(dir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      try {
        const res = await fetch(`${info.url}/login/index.php`);
        if (res.status === 200) {
          // Compile the theme now (tens of seconds under load) rather than in the first scenario.
          const html = await res.text();
          for (const m of html.matchAll(/href="([^"]+\/theme\/styles\.php[^"]+)"/g)) await fetch((m[1] as string).replace(/&amp;/g, '&'));
          break;
        }
      } catch { /* not up yet */ }
      if (Date.now() > deadline) throw new Error(`Moodle's web server did not answer on ${info.url}\n${client.serverLog().slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { ...client, stop };
}
