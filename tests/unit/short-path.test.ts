import { describe, expect, it } from 'vitest';
import { loadCurriculum } from '../../src/model/load/load-curriculum.ts';
import { CurriculumError } from '../../src/errors/unit-error.ts';
import { catalogEntry } from '../../packaging/catalog.ts';
import { scratchCurriculum } from '../helpers/fixtures.ts';

const withShortPath = (block: string) => (s: string) => s.replace('prerequisites: []\n', `prerequisites: []\n${block}`);
const load = (c: ReturnType<typeof scratchCurriculum>) => loadCurriculum({ root: c.root, unitsDir: c.unitsDir, frameworksDir: c.frameworksDir });
function errorOf(block: string): string {
  const c = scratchCurriculum();
  c.edit('unit.mdx', withShortPath(block));
  try {
    load(c);
  } catch (e) {
    expect(e).toBeInstanceOf(CurriculumError);
    return (e as Error).message;
  }
  throw new Error('expected the unit to be rejected');
}

describe('short path per unit (unit.mdx shortPath)', () => {
  it('is optional', () => {
    const c = scratchCurriculum();
    expect(load(c).units[0]?.shortPath).toBeUndefined();
    expect(catalogEntry(load(c).units[0]!)).not.toHaveProperty('shortPath');
  });

  it('names lessons by file slug (or id), is kept in the model with lesson ids and listed in the catalogue', () => {
    const c = scratchCurriculum();
    c.edit('unit.mdx', withShortPath('shortPath:\n  periods: 1\n  lessons: [01-risks, accounts]\n  plan: { vi: "Dạy tiết 1, giao bài kiểm tra về nhà.", en: "Teach lesson 1, set the quiz as homework." }\n'));
    const unit = load(c).units[0]!;
    expect(unit.shortPath).toEqual({ periods: 1, lessons: ['risks', 'accounts'], plan: { vi: 'Dạy tiết 1, giao bài kiểm tra về nhà.', en: 'Teach lesson 1, set the quiz as homework.' } });
    expect(catalogEntry(unit).shortPath?.lessons).toEqual(['risks', 'accounts']);
  });

  it('rejects a lesson that does not exist, naming unit.mdx and the line, with the valid names', () => {
    const msg = errorOf('shortPath:\n  periods: 2\n  lessons: [01-risks, 03-scams]\n  plan: { vi: "a", en: "b" }\n');
    expect(msg).toMatch(/fx-basics\/unit\.mdx:\d+ shortPath\.lessons: shortPath names lesson "03-scams", which is not a lesson of this unit/);
    expect(msg).toContain('01-risks, 02-accounts');
  });

  it('rejects periods other than 1 or 2, a missing plan language and unknown fields', () => {
    expect(errorOf('shortPath:\n  periods: 3\n  lessons: [01-risks]\n  plan: { vi: "a", en: "b" }\n')).toMatch(/unit\.mdx:\d+ shortPath\.periods: shortPath\.periods must be 1 or 2/);
    expect(errorOf('shortPath:\n  periods: 1\n  lessons: [01-risks]\n  plan: { vi: "a" }\n')).toMatch(/shortPath\.plan\.en: missing English text/);
    expect(errorOf('shortPath:\n  periods: 1\n  lessons: []\n  plan: { vi: "a", en: "b" }\n')).toMatch(/at least one lesson/);
  });
});
