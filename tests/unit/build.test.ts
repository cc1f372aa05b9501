import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
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

  /** A scratch curriculum with two units: fx-basics and fx-second (a copy with its own id). */
  function twoUnits() {
    const c = scratchCurriculum();
    cpSync(c.unitDir, join(c.unitsDir, 'fx-second'), { recursive: true });
    const f = join(c.unitsDir, 'fx-second/unit.mdx');
    writeFileSync(f, readFileSync(f, 'utf8').replace('id: fx-basics', 'id: fx-second').replace('Fixture unit', 'Second unit'));
    return c;
  }

  it('a filtered build updates only that unit and keeps every other unit, package and catalogue entry', async () => {
    const c = twoUnits();
    const dist = join(c.root, 'dist');
    const opts = { root: c.root, unitsDir: c.unitsDir, frameworksDir: c.frameworksDir, dist };
    await buildUnits(opts);
    const otherZip = join(dist, 'packages/scorm12/fx-second.zip');
    const otherBefore = readFileSync(otherZip);
    const otherPage = statSync(join(dist, 'units/fx-second/index.html')).mtimeMs;
    c.edit('unit.mdx', (s) => s.replace('Fixture unit', 'Fixture unit, revised'));
    await buildUnits({ ...opts, only: ['fx-basics'] });
    const catalog = JSON.parse(readFileSync(join(dist, 'catalog.json'), 'utf8'));
    expect(catalog.units.map((u: { id: string }) => u.id)).toEqual(['fx-basics', 'fx-second']);
    expect(catalog.units[0].title.en).toBe('Fixture unit, revised');
    expect(catalog.units[1].title.en).toBe('Second unit');
    expect(readFileSync(otherZip).equals(otherBefore)).toBe(true);
    expect(statSync(join(dist, 'units/fx-second/index.html')).mtimeMs).toBe(otherPage);
    for (const f of ['scorm12', 'scorm2004', 'xapi', 'cmi5']) expect(existsSync(join(dist, `packages/${f}/fx-second.zip`)), f).toBe(true);
    expect(readFileSync(join(dist, 'units/fx-basics/index.html'), 'utf8')).toContain('Fixture unit, revised');
  });

  it('a link to another unit is plain text in every package, never a broken link', async () => {
    const c = twoUnits();
    c.edit('lessons/01-risks.en.mdx', (s) => s + '\nContinue with [the second unit](unit:fx-second).\n');
    const dist = join(c.root, 'dist');
    await buildUnits({ root: c.root, unitsDir: c.unitsDir, frameworksDir: c.frameworksDir, dist });
    for (const f of ['scorm12', 'scorm2004', 'xapi', 'cmi5']) {
      const html = strFromU8(unzipSync(readFileSync(join(dist, `packages/${f}/fx-basics.zip`)))['index.html'] as Uint8Array);
      expect(html).toContain('<span class="ks-unit-ref" data-unit="fx-second">the second unit</span>');
      expect(html).not.toMatch(/href="[^"#]*fx-second/);
    }
  });
});
