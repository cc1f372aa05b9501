// Issue 13: the built catalogue lists the visuals of every lesson, every lesson of the real curriculum meets
// its grade's minimum, and pictures do not push packages over the size budgets.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRealCurriculum } from '../helpers/build-once.ts';
import { minVisuals } from '../../src/model/content-rules.ts';

interface CatalogUnit { id: string; grade: number; lessons: { id: string; visuals: number }[]; packages: Record<string, { bytes: number }> }

describe('catalogue: visuals per lesson', () => {
  it('every lesson has its grade\'s minimum of visuals (grades 3–5: 2, others: 1)', async () => {
    const { dist } = await buildRealCurriculum();
    const raw = JSON.parse(readFileSync(join(dist, 'catalog.json'), 'utf8')) as { units?: CatalogUnit[] } | CatalogUnit[];
    const units = Array.isArray(raw) ? raw : (raw.units ?? []);
    expect(units.length).toBeGreaterThan(0);
    const below = units.flatMap((u) => u.lessons.filter((l) => typeof l.visuals !== 'number' || l.visuals < minVisuals(u.grade)).map((l) => `${u.id}/${l.id}: ${l.visuals}`));
    expect(below).toEqual([]);
    expect(minVisuals(3)).toBe(2);
    expect(minVisuals(6)).toBe(1);
  }, 600_000);

  it('SCORM 1.2 zips: median ≤ 100 KB and no grade 3–5 unit over 150 KB', async () => {
    const { dist } = await buildRealCurriculum();
    const raw = JSON.parse(readFileSync(join(dist, 'catalog.json'), 'utf8')) as { units?: CatalogUnit[] } | CatalogUnit[];
    const units = Array.isArray(raw) ? raw : (raw.units ?? []);
    const sizes = units.map((u) => ({ id: u.id, grade: u.grade, bytes: u.packages.scorm12!.bytes })).sort((a, b) => a.bytes - b.bytes);
    const median = sizes[Math.floor((sizes.length - 1) / 2)]!.bytes;
    console.log(`SCORM 1.2 zips: median ${(median / 1024).toFixed(1)} KB; ${sizes.map((s) => `${s.id} ${(s.bytes / 1024).toFixed(1)} KB`).join(', ')}`);
    if (units.length >= 5) expect(median).toBeLessThanOrEqual(100 * 1024);
    expect(sizes.filter((s) => s.grade <= 5 && s.bytes > 150 * 1024)).toEqual([]);
  }, 600_000);
});
