import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CatalogUnit } from '../../packaging/catalog.ts';
import { REPO } from './fixtures.ts';
import { once, runNode, sharedUnitsBuild, testRunDir } from './shared-build.ts';

export interface SiteBuild {
  /** The dist/ folder the build wrote (units, packages, catalog.json, site/). */
  dist: string;
  /** dist/site: the teacher-guide site. */
  site: string;
  catalog: CatalogUnit[];
}

let built: Promise<SiteBuild> | undefined;

/**
 * Builds the units and the site as `npm run build` does (node scripts/build.ts, then astro build), into a
 * temporary dist/ (KHIENSO_DIST) so concurrent work in the repository's dist/ is untouched. The units build is
 * the one the unit and e2e tests share (tests/helpers/shared-build.ts); the site is then built into the same
 * folder once per test run. KHIENSO_ONLY is passed through. Set KHIENSO_SITE_DIST to test an existing build.
 */
export function buildSite(): Promise<SiteBuild> {
  built ??= (async () => {
    let dist = process.env.KHIENSO_SITE_DIST ? resolve(process.env.KHIENSO_SITE_DIST) : '';
    if (!dist) {
      dist = await sharedUnitsBuild();
      const target = dist;
      await once(testRunDir(), `site-${target.split('/').pop()}`, () =>
        runNode([join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build'], { ...process.env, KHIENSO_DIST: target, ASTRO_TELEMETRY_DISABLED: '1' }));
    }
    const catalog = (JSON.parse(readFileSync(join(dist, 'catalog.json'), 'utf8')) as { units: CatalogUnit[] }).units;
    return { dist, site: join(dist, 'site'), catalog };
  })();
  return built;
}
