import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
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

/**
 * Builds the units and the site once per test worker, as `npm run build` does (node scripts/build.ts,
 * then astro build), into a temporary dist/ (KHIENSO_DIST) so concurrent work in the repository's dist/ is
 * untouched. KHIENSO_ONLY is passed through. Set KHIENSO_SITE_DIST to test an existing build instead.
 */
export function buildSite(): Promise<SiteBuild> {
  built ??= (async () => {
    let dist = process.env.KHIENSO_SITE_DIST ? resolve(process.env.KHIENSO_SITE_DIST) : '';
    if (!dist) {
      dist = mkdtempSync(join(tmpdir(), 'ks-site-'));
      const env = { ...process.env, KHIENSO_DIST: dist, ASTRO_TELEMETRY_DISABLED: '1' };
      await run(['scripts/build.ts'], env);
      await run([join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build'], env);
    }
    const catalog = (JSON.parse(readFileSync(join(dist, 'catalog.json'), 'utf8')) as { units: CatalogUnit[] }).units;
    return { dist, site: join(dist, 'site'), catalog };
  })();
  return built;
}
