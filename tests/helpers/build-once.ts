import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogUnit } from '../../packaging/catalog.ts';
import { loadCurriculum, type Curriculum } from '../../src/model/load/load-curriculum.ts';
import { REPO } from './fixtures.ts';
import { sharedUnitsBuild } from './shared-build.ts';

export interface RealCurriculum {
  /** The dist/ folder of the build (units/, packages/, catalog.json, contest/, moodle/). */
  dist: string;
  result: { curriculum: Curriculum; catalog: CatalogUnit[] };
}

let built: Promise<RealCurriculum> | undefined;

/**
 * The real curriculum, built once per test run (tests/helpers/shared-build.ts) and shared by every worker,
 * with the validated unit model loaded in this worker.
 */
export function buildRealCurriculum(): Promise<RealCurriculum> {
  built ??= (async () => {
    const dist = await sharedUnitsBuild();
    const curriculum = loadCurriculum({ root: REPO, only: process.env.KHIENSO_ONLY?.split(',') });
    const catalog = (JSON.parse(readFileSync(join(dist, 'catalog.json'), 'utf8')) as { units: CatalogUnit[] }).units;
    return { dist, result: { curriculum, catalog } };
  })();
  return built;
}
