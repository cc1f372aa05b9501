import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { loadCurriculum } from '../../src/model/load/load-curriculum.ts';
import { CurriculumError } from '../../src/errors/unit-error.ts';
import { ENFORCED, contentProblems } from '../../src/model/content-rules.ts';
import { performanceOutcomes } from '../../src/model/performance.ts';
import { spellingHits } from '../../src/model/spelling.ts';
import { catalogEntry } from '../../packaging/catalog.ts';
import { buildUnits } from '../../packaging/build-units.ts';
import { scratchCurriculum } from '../helpers/fixtures.ts';

const load = (c: ReturnType<typeof scratchCurriculum>) => loadCurriculum({ root: c.root, unitsDir: c.unitsDir, frameworksDir: c.frameworksDir });
/** The fixture framework read as if it were CT GDPT 2018, with "thực hiện" wording for FX-G6-D-03. */
const wording = (code: string) => ({ framework: 'ct-gdpt-2018-tin-hoc', vi: code === 'FX-G6-D-03' ? 'Thực hiện được các cách bảo vệ tài khoản.' : 'Nêu được tác hại.' });
const saved = { ...ENFORCED };
afterEach(() => Object.assign(ENFORCED, saved));

describe('performance items', () => {
  it('an outcome that says "thực hiện" needs a lab, an ordering or a scenario decision; the catalogue lists them', () => {
    const c = scratchCurriculum();
    const unit = load(c).units[0]!;
    // FX-G6-D-03 is assessed only by true/false and fill-in items in the fixture.
    expect(performanceOutcomes(unit, wording)).toEqual([{ code: 'FX-G6-D-03', verb: 'thực hiện', items: [] }]);
    const problems = contentProblems(c.root, [unit], wording).filter((p) => p.rule === 'performance');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.problem.location.file).toBe('units/fx-basics/unit.mdx');
    expect(problems[0]?.problem.location.line).toBe(14);
    expect(problems[0]?.problem.message).toContain('outcome "FX-G6-D-03" says "thực hiện" but no performing item assesses it');

    c.edit('assessment.mdx', (s) => s.replace('<SingleChoice id="otp-call" weight="1" outcomes="FX-G6-D-02"', '<SingleChoice id="otp-call" weight="1" kind="scenario" outcomes="FX-G6-D-02 FX-G6-D-03"'));
    const fixed = load(c).units[0]!;
    expect(fixed.assessment.questions[0]).toMatchObject({ id: 'otp-call', kind: 'scenario' });
    expect(performanceOutcomes(fixed, wording)[0]?.items).toEqual([{ id: 'otp-call', kind: 'scenario' }]);
    expect(contentProblems(c.root, [fixed], wording).filter((p) => p.rule === 'performance')).toEqual([]);
    expect(catalogEntry(fixed, wording).outcomes.find((o) => o.code === 'FX-G6-D-03')?.performance).toEqual({ verb: 'thực hiện', items: [{ id: 'otp-call', kind: 'scenario' }] });
    expect(catalogEntry(fixed, wording).outcomes.find((o) => o.code === 'FX-G6-D-01')?.performance).toBeUndefined();
  });

  it('kind on a choice question can only be "scenario", with file and line', () => {
    const c = scratchCurriculum();
    c.edit('assessment.mdx', (s) => s.replace('<SingleChoice id="otp-call" weight="1"', '<SingleChoice id="otp-call" weight="1" kind="story"'));
    expect(() => load(c)).toThrow(/assessment\.mdx:6 .*kind on a choice question can only be "scenario"/);
  });
});

describe('spelling convention (kĩ/lí, hoá)', () => {
  it('finds the other forms with line and column, skips English and names', () => {
    const text = [
      '<Prompt vi="Kỹ năng xử lý tin nhắn, lý do là gì?" en="Lý Thường Kiệt, quản lý (English side)" />',
      'Vua Lý Thường Kiệt; quản lí; kĩ thuật; hoá đơn; khóa tài khoản; Hòa',
      '  en: "kỹ sư"',
    ].join('\n');
    const hits = spellingHits(text, ['ki-li', 'tone-placement']);
    expect(hits.map((h) => `${h.line}:${h.column} ${h.found}→${h.fix}`)).toEqual(['1:13 Kỹ→Kĩ', '1:24 lý→lí', '1:37 lý→lí', '2:49 khóa→khoá']);
  });

  it('every real unit is scanned: the current counts are reported, and none is in English files', () => {
    const root = join(import.meta.dirname, '../..');
    const { units, outcomes } = loadCurriculum({ root, only: ['g6-internet-safety'] });
    const ps = contentProblems(root, units, (code) => outcomes.get(code)).filter((p) => p.rule === 'spelling');
    for (const p of ps) {
      expect(p.problem.location.file).not.toMatch(/\.en\.mdx$/);
      const line = readFileSync(join(root, p.problem.location.file), 'utf8').split('\n')[(p.problem.location.line ?? 1) - 1] ?? '';
      expect(line.slice((p.problem.location.column ?? 1) - 1)).toMatch(/^(kỹ|Kỹ|lý|Lý|\p{Ll}*[òóỏõọùúủũụ])/u);
    }
  });
});

describe('content rules in the build', () => {
  it('pending rules are returned as warnings; an enforced rule stops the build with file:line and writes nothing', async () => {
    const c = scratchCurriculum();
    c.edit('lessons/01-risks.vi.mdx', (s) => s.replace(/\n---\n/, '\n---\nEm cần kỹ năng xử lý tin nhắn.\n'));
    const dist = join(c.root, 'dist');
    Object.assign(ENFORCED, { 'item-stats': false, performance: false, spelling: false });
    const ok = await buildUnits({ root: c.root, unitsDir: c.unitsDir, frameworksDir: c.frameworksDir, dist });
    expect(ok.pending.filter((p) => p.rule === 'spelling').map((p) => p.problem.message)).toEqual(['"kỹ" → "kĩ" (the textbooks\' kĩ/lí spelling)', '"lý" → "lí" (the textbooks\' kĩ/lí spelling)']);
    ENFORCED.spelling = true;
    const dist2 = join(c.root, 'dist2');
    const err = await buildUnits({ root: c.root, unitsDir: c.unitsDir, frameworksDir: c.frameworksDir, dist: dist2 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CurriculumError);
    expect((err as Error).message).toMatch(/units\/fx-basics\/lessons\/01-risks\.vi\.mdx:\d+:\d+ \[spelling\] "kỹ" → "kĩ"/);
    expect(() => readFileSync(join(dist2, 'catalog.json'))).toThrow();
  });
});

describe('the real curriculum (issue 12, done when)', () => {
  it('every unit holds the item statistics, has performance items and follows the spelling convention and the one spiral slogan, and the rules are enforced', () => {
    const root = join(import.meta.dirname, '../..');
    const { units, outcomes } = loadCurriculum({ root, only: process.env.KHIENSO_ONLY?.split(',') });
    const problems = contentProblems(root, units, (code) => outcomes.get(code));
    expect(problems.map((p) => `[${p.rule}] ${p.problem.location.file}:${p.problem.location.line ?? ''} ${p.problem.message}`)).toEqual([]);
    expect(ENFORCED).toEqual({ 'item-stats': true, performance: true, spelling: true, visuals: true, slogans: true });
  });
});
