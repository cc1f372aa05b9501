import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildUnits } from '../../packaging/build-units.ts';
import { REPO } from './fixtures.ts';

let built: Promise<{ dist: string; result: Awaited<ReturnType<typeof buildUnits>> }> | undefined;

/** Builds the real curriculum once per test worker into a temporary dist/. */
export function buildRealCurriculum() {
  built ??= (async () => {
    const dist = mkdtempSync(join(tmpdir(), 'ks-dist-'));
    const result = await buildUnits({ root: REPO, dist, only: process.env.KHIENSO_ONLY?.split(',') });
    return { dist, result };
  })();
  return built;
}
