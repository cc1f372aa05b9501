import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildUnits } from '../../../packaging/build-units.ts';
import { loadCurriculum } from '../../../src/model/load/load-curriculum.ts';
import type { Unit } from '../../../src/model/unit.ts';
import { sharedUnitsBuild } from '../../helpers/shared-build.ts';
import { REPO } from './source.ts';

const builds = new Map<string, Promise<{ dist: string; units: Unit[] }>>();

/**
 * The real curriculum's packages for `ids`: from the build the test run shares (tests/helpers/shared-build.ts:
 * every unit, built once), or, when KHIENSO_ONLY narrows that build, built here once per test process.
 * zip(format, id) is the package a teacher downloads.
 */
export async function unitPackages(ids: string[]) {
  const key = ids.join(',');
  let b = builds.get(key);
  if (!b) {
    b = (async () => {
      if (!process.env.KHIENSO_ONLY) return { dist: await sharedUnitsBuild(), units: loadCurriculum({ root: REPO, only: ids }).units };
      const dist = mkdtempSync(join(tmpdir(), 'ks-moodle-dist-'));
      const result = await buildUnits({ root: REPO, dist, only: ids });
      return { dist, units: result.curriculum.units };
    })();
    builds.set(key, b);
  }
  const { dist, units } = await b;
  return {
    dist,
    unit: (id: string) => {
      const u = units.find((x) => x.id === id);
      if (!u) throw new Error(`unit ${id} not built`);
      return u;
    },
    zip: (format: 'scorm12' | 'scorm2004', id: string) => join(dist, 'packages', format, `${id}.zip`),
  };
}
