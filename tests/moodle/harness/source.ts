// Where the Moodle source comes from and where its installed copy is cached on this machine.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../../..');

export interface MoodleSource {
  /** A Moodle 4.x release tree (folder holding version.php) or a tarball of one (.tar.xz/.tar.gz/.tgz). */
  path: string;
  kind: 'tree' | 'tarball';
  /** Short hash of the source: the cache folder's key. */
  hash: string;
  /** Machine-local cache: the unpacked tree with our config.php, the clean database dump, the clean data root. */
  cacheDir: string;
}

const TARBALL = 'moodle/moodle-4.3.0.tar.xz';

/** Candidate default locations of the shared tarball: <repo>/../shared, and beside the main checkout of a git worktree. */
function defaultCandidates(): string[] {
  const out = [join(REPO, '..', 'shared', TARBALL)];
  try {
    const common = execFileSync('git', ['-C', REPO, 'rev-parse', '--path-format=absolute', '--git-common-dir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    out.push(join(dirname(common), '..', 'shared', TARBALL));
  } catch { /* not a git checkout */ }
  return out;
}

async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/**
 * Resolves MOODLE_SRC (default: <repo>/../shared/moodle/moodle-4.3.0.tar.xz). Returns the reason as a string
 * when there is no usable source, so tests can report themselves skipped with it.
 */
export async function findMoodleSource(): Promise<MoodleSource | string> {
  const given = process.env.MOODLE_SRC;
  const candidates = given ? [resolve(given)] : defaultCandidates();
  const path = candidates.find((p) => existsSync(p));
  if (!path) {
    return given
      ? `MOODLE_SRC=${given} does not exist`
      : `no Moodle source: ${candidates[0]} is missing (set MOODLE_SRC to a Moodle 4.x tree or tarball)`;
  }
  const real = realpathSync(path);
  let kind: MoodleSource['kind'];
  let key: string;
  if (statSync(real).isDirectory()) {
    const version = join(real, 'version.php');
    if (!existsSync(version)) return `MOODLE_SRC=${real} is a folder without version.php (not a Moodle tree)`;
    const v = readFileSync(version, 'utf8');
    if (!/\$release\s*=\s*'4\./.test(v)) return `MOODLE_SRC=${real} is not a Moodle 4.x tree (version.php says ${v.match(/\$release\s*=\s*'([^']*)'/)?.[1] ?? '?'})`;
    kind = 'tree';
    key = createHash('sha256').update(real).update(v).update(String(statSync(version).mtimeMs)).digest('hex');
  } else if (/\.(tar\.xz|txz|tar\.gz|tgz|tar)$/.test(real)) {
    kind = 'tarball';
    key = await sha256File(real);
  } else {
    return `MOODLE_SRC=${real} is neither a Moodle tree nor a .tar.xz/.tar.gz tarball`;
  }
  const hash = key.slice(0, 16);
  const base = process.env.KHIENSO_MOODLE_CACHE ?? '/var/tmp';
  return { path: real, kind, hash, cacheDir: join(base, `khienso-moodle-${hash}`) };
}
