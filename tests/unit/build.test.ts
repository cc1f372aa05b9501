import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildUnits } from '../../packaging/build-units.ts';
import { CurriculumError } from '../../src/errors/unit-error.ts';
import { scratchCurriculum } from '../helpers/fixtures.ts';

describe('build', () => {
  it('writes each unit page and a catalogue that describes the unit', async () => {
    const c = scratchCurriculum();
    const dist = join(c.root, 'dist');
    await buildUnits({ root: c.root, unitsDir: c.unitsDir, frameworksDir: c.frameworksDir, dist });
    const catalog = JSON.parse(readFileSync(join(dist, 'catalog.json'), 'utf8'));
    expect(catalog.units).toHaveLength(1);
    const u = catalog.units[0];
    expect(u).toMatchObject({
      id: 'fx-basics', version: '1.0.0', grade: 6, strand: 'D', masteryScore: 70, minutes: 90,
      title: { vi: 'Chủ đề thử nghiệm', en: 'Fixture unit' },
      questions: { count: 7, draw: 5, ids: ['otp-call', 'scam-signs', 'share-password', 'match-terms', 'order-steps', 'word-password', 'update-apps'], byType: { single: 1, multiple: 1, truefalse: 2, matching: 1, ordering: 1, fillin: 1 } },
      pages: { standalone: 'units/fx-basics/index.html' },
    });
    expect(u.lessons.map((l: { id: string }) => l.id)).toEqual(['risks', 'accounts']);
    expect(u.outcomes).toEqual([
      { code: 'FX-G6-D-01', level: 'assessed', questions: 1 },
      { code: 'FX-G6-D-02', level: 'assessed', questions: 3 },
      { code: 'FX-G6-D-03', level: 'assessed', questions: 3 },
      { code: 'INTL:1B-NI-05', level: 'opportunity', questions: 0 },
    ]);
    expect(u.state.worstCase).toBeGreaterThan(100);
    expect(u.state.worstCase).toBeLessThanOrEqual(u.state.budget);
    const html = readFileSync(join(dist, 'units/fx-basics/index.html'), 'utf8');
    expect(html).toContain('<h2>1. Rủi ro trên mạng</h2>');
    expect(html).toContain('<h2>1. Risks online</h2>');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('is reproducible: two builds give identical files', async () => {
    const c = scratchCurriculum();
    await buildUnits({ root: c.root, unitsDir: c.unitsDir, frameworksDir: c.frameworksDir, dist: join(c.root, 'd1') });
    await buildUnits({ root: c.root, unitsDir: c.unitsDir, frameworksDir: c.frameworksDir, dist: join(c.root, 'd2') });
    for (const f of ['catalog.json', 'units/fx-basics/index.html', 'units/fx-basics/player.js']) {
      expect(readFileSync(join(c.root, 'd1', f)).equals(readFileSync(join(c.root, 'd2', f))), f).toBe(true);
    }
  });

  it('stops on bad input and leaves the previous output untouched, with no partial files', async () => {
    const c = scratchCurriculum();
    const dist = join(c.root, 'dist');
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'catalog.json'), '{"previous":true}');
    c.edit('assessment.mdx', (s) => s.replace('correct="b">', 'correct="z">'));
    await expect(buildUnits({ root: c.root, unitsDir: c.unitsDir, frameworksDir: c.frameworksDir, dist })).rejects.toThrow(CurriculumError);
    expect(readFileSync(join(dist, 'catalog.json'), 'utf8')).toBe('{"previous":true}');
    expect(existsSync(join(dist, 'units'))).toBe(false);
  });
});
