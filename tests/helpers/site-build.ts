import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CatalogUnit } from '../../packaging/catalog.ts';
import { REPO } from './fixtures.ts';

export interface SiteBuild {
  /** The dist/ folder the build wrote (units, packages, catalog.json, site/). */
  dist: string;
  /** dist/site: the teacher-guide site. */
  site: string;
  catalog: CatalogUnit[];
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, args, { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? ok() : fail(new Error(`${args.join(' ')} exited with ${code}:\n${out.slice(-4000)}`))));
  });
}

let built: Promise<SiteBuild> | undefined;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Builds the units and the site as `npm run build` does (node scripts/build.ts, then astro build), into a
 * temporary dist/ (KHIENSO_DIST) so concurrent work in the repository's dist/ is untouched. The site test
 * files share one build per test run: the first worker to claim the folder (named after the repository, the
 * unit selection and the vitest process) builds, the others wait for its "done" marker. KHIENSO_ONLY is passed
 * through. Set KHIENSO_SITE_DIST to test an existing build instead.
 */
export function buildSite(): Promise<SiteBuild> {
  built ??= (async () => {
    let dist = process.env.KHIENSO_SITE_DIST ? resolve(process.env.KHIENSO_SITE_DIST) : '';
    if (!dist) {
      const key = createHash('sha256').update(`${REPO}|${process.env.KHIENSO_ONLY ?? ''}|${process.ppid}`).digest('hex').slice(0, 16);
      dist = join(tmpdir(), `ks-site-${key}`);
      const done = join(dist, '.built');
      const failed = join(dist, '.failed');
      let mine = false;
      try { mkdirSync(dist); mine = true; } catch { /* another worker builds it */ }
      if (mine) {
        const env = { ...process.env, KHIENSO_DIST: dist, ASTRO_TELEMETRY_DISABLED: '1' };
        try {
          await run(['scripts/build.ts'], env);
          await run([join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build'], env);
          writeFileSync(done, new Date().toISOString());
        } catch (e) {
          writeFileSync(failed, String(e));
          throw e;
        }
      } else {
        for (let waited = 0; !existsSync(done); waited += 500) {
          if (existsSync(failed)) throw new Error(`the shared site build failed:\n${readFileSync(failed, 'utf8')}`);
          if (waited > 15 * 60_000) throw new Error(`timed out waiting for the shared site build in ${dist}`);
          await sleep(500);
        }
      }
    }
    const catalog = (JSON.parse(readFileSync(join(dist, 'catalog.json'), 'utf8')) as { units: CatalogUnit[] }).units;
    return { dist, site: join(dist, 'site'), catalog };
  })();
  return built;
}
