import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(REPO, 'tests/fixtures');

/** A scratch repository root holding a copy of the valid fixture unit(s) and the fixture frameworks. */
export function scratchCurriculum(): { root: string; unitsDir: string; frameworksDir: string; unitDir: string; edit(rel: string, fn: (s: string) => string): void; path(rel: string): string } {
  const root = mkdtempSync(join(tmpdir(), 'ks-fixture-'));
  const unitsDir = join(root, 'units');
  const frameworksDir = join(root, 'frameworks');
  cpSync(join(FIXTURES, 'valid'), unitsDir, { recursive: true });
  cpSync(join(FIXTURES, 'frameworks'), frameworksDir, { recursive: true });
  const unitDir = join(unitsDir, 'fx-basics');
  return {
    root, unitsDir, frameworksDir, unitDir,
    path: (rel) => join(unitDir, rel),
    edit(rel, fn) {
      const p = join(unitDir, rel);
      const before = readFileSync(p, 'utf8');
      const after = fn(before);
      if (after === before) throw new Error(`fixture edit changed nothing in ${rel}`);
      writeFileSync(p, after);
    },
  };
}
