import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildUnits } from '../../../packaging/build-units.ts';
import type { Unit } from '../../../src/model/unit.ts';
import { REPO } from './source.ts';

const builds = new Map<string, Promise<{ dist: string; units: Unit[] }>>();

/** Builds the real curriculum's `ids` once per test process; zip(format, id) is the package a teacher downloads. */
export async function unitPackages(ids: string[]) {
  const key = ids.join(',');
  let b = builds.get(key);
  if (!b) {
    b = (async () => {
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
