import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { SLOGANS, sloganHits } from '../../src/model/slogans.ts';
import { ENFORCED, contentProblems } from '../../src/model/content-rules.ts';
import { loadCurriculum } from '../../src/model/load/load-curriculum.ts';
import { CurriculumError } from '../../src/errors/unit-error.ts';
import { buildUnits } from '../../packaging/build-units.ts';
import { scratchCurriculum } from '../helpers/fixtures.ts';

const show = (text: string, grade: number) => sloganHits(text, grade).map((h) => `${h.line}:${h.column} ${h.found} → ${h.fix} (${h.kind})`);
const saved = { ...ENFORCED };
afterEach(() => Object.assign(ENFORCED, saved));

describe('one spiral slogan (sloganHits)', () => {
  it('finds retired forms with line and column, in either language, whatever the case, dash or spacing', () => {
    const text = [
      '## Quy tắc “Dừng – Hỏi – Kiểm tra”',
      '<Target id="b" vi="dừng lại -kiểm tra-  cân nhắc trước khi chia sẻ" en="STOP - CHECK - THINK before sharing" />',
      'Cách đề phòng: **chậm lại – kiểm tra qua kênh khác – dừng lại, không chuyển tiền**.',
      'The general rule: slow down – check through another channel – stop, don’t send.',
    ].join('\n');
    expect(show(text, 8)).toEqual([
      '1:13 Dừng – Hỏi – Kiểm tra → Dừng lại – Kiểm tra – Kể lại (retired)',
      '2:20 dừng lại -kiểm tra-  cân nhắc → Dừng lại – Kiểm tra – Kể lại (retired)',
      '2:73 STOP - CHECK - THINK → Stop – Check – Tell (retired)',
      '3:18 chậm lại – kiểm tra qua kênh khác – dừng lại, không chuyển tiền → Dừng lại – Kiểm tra – Kể lại (retired)',
      '4:19 slow down – check through another channel – stop, don’t send → Stop – Check – Tell (retired)',
    ]);
  });

  it('the fix is the slogan of the grade’s school level', () => {
    const text = 'Làm poster “Dừng – Kiểm chứng – Không chia sẻ” / “Stop – Verify – Don’t share”.';
    expect(sloganHits(text, 4).map((h) => h.fix)).toEqual(['Dừng lại – Đóng lại – Kể lại', 'Stop – Close – Tell']);
    expect(sloganHits(text, 7).map((h) => h.fix)).toEqual(['Dừng lại – Kiểm tra – Kể lại', 'Stop – Check – Tell']);
    expect(sloganHits(text, 12).map((h) => h.fix)).toEqual(['Hãy chậm lại – Kiểm tra ngay – Dừng lại, không gửi', 'Slow down – Check now – Stop, don’t send']);
    expect(show('Thẻ bốn bước “Dừng lại – Không chia sẻ – Kể với người lớn – Báo cáo”', 7)).toEqual(['1:15 Dừng lại – Không chia sẻ – Kể với người lớn – Báo cáo → Dừng lại – Kiểm tra – Kể lại (retired)']);
  });

  it('a later level’s slogan in a lower grade is reported; an earlier level’s may be quoted to build on it', () => {
    const upper = 'Quy tắc “Hãy chậm lại – Kiểm tra ngay – Dừng lại, không gửi” (Slow down – Check now – Stop, don’t send).';
    expect(show(upper, 9)).toEqual([
      '1:10 Hãy chậm lại – Kiểm tra ngay – Dừng lại, không gửi → Dừng lại – Kiểm tra – Kể lại (later-level)',
      '1:63 Slow down – Check now – Stop, don’t send → Stop – Check – Tell (later-level)',
    ]);
    expect(show('Nhớ: Dừng lại - Kiểm tra - Kể lại!', 3)).toEqual(['1:6 Dừng lại - Kiểm tra - Kể lại → Dừng lại – Đóng lại – Kể lại (later-level)']);
    expect(show(upper, 10)).toEqual([]);
    const building = 'Ở tiểu học, em đã học “Dừng lại – Đóng lại – Kể lại” (Stop – Close – Tell); ở THCS là “Dừng lại – Kiểm tra – Kể lại”.';
    expect(show(building, 11)).toEqual([]);
    expect(show(building, 7)).toEqual([]);
  });

  it('each level’s own slogan passes, in both languages', () => {
    for (const [grade, level] of [[3, 'primary'], [5, 'primary'], [6, 'lower-secondary'], [9, 'lower-secondary'], [10, 'upper-secondary'], [12, 'upper-secondary']] as const) {
      expect(sloganHits(`**${SLOGANS[level].vi}**\n${SLOGANS[level].en}`, grade)).toEqual([]);
    }
  });

  it('item ids are not text: an id naming a retired slogan is kept, its wording is checked', () => {
    const text = '<Ordering id="o-stop-check-think" weight="2" correct="c a d b">\n  - id: stop-ask-check\n<Prompt vi="Sắp xếp theo “Stop-Check-Think”" />';
    expect(show(text, 8)).toEqual(['3:27 Stop-Check-Think → Stop – Check – Tell (retired)']);
  });

  it('lang limits the check to one language', () => {
    const text = '“Dừng – Hỏi – Kiểm tra” / “Stop – Ask – Check”';
    expect(sloganHits(text, 9, 'vi').map((h) => h.found)).toEqual(['Dừng – Hỏi – Kiểm tra']);
    expect(sloganHits(text, 9, 'en').map((h) => h.found)).toEqual(['Stop – Ask – Check']);
  });
});

describe('the slogans content rule', () => {
  it('reports Vietnamese and English lesson files with file:line:column; enforced, it stops the build', async () => {
    const c = scratchCurriculum();
    c.edit('lessons/01-risks.vi.mdx', (s) => s.replace(/\n---\n/, '\n---\nHãy nhớ quy tắc “Dừng – Hỏi – Kiểm tra”.\n'));
    c.edit('lessons/01-risks.en.mdx', (s) => s.replace(/\n---\n/, '\n---\nRemember: Slow down – Check now – Stop, don’t send.\n'));
    const units = loadCurriculum({ root: c.root, unitsDir: c.unitsDir, frameworksDir: c.frameworksDir }).units;
    const ps = contentProblems(c.root, units, () => undefined).filter((p) => p.rule === 'slogans');
    expect(ps.map((p) => `${p.problem.location.file}:${p.problem.location.line}:${p.problem.location.column} ${p.problem.message}`)).toEqual([
      'units/fx-basics/lessons/01-risks.vi.mdx:15:18 "Dừng – Hỏi – Kiểm tra" → "Dừng lại – Kiểm tra – Kể lại" (a retired slogan; grade 6 teaches "Dừng lại – Kiểm tra – Kể lại")',
      'units/fx-basics/lessons/01-risks.en.mdx:4:11 "Slow down – Check now – Stop, don’t send" → "Stop – Check – Tell" (a later school level\'s slogan; grade 6 teaches "Stop – Check – Tell")',
    ]);
    expect(ps[0]?.problem.hint).toContain('docs/editorial-checklist.md');
    ENFORCED.slogans = true;
    const err = await buildUnits({ root: c.root, unitsDir: c.unitsDir, frameworksDir: c.frameworksDir, dist: join(c.root, 'dist') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CurriculumError);
    expect((err as Error).message).toMatch(/units\/fx-basics\/lessons\/01-risks\.vi\.mdx:15:18 \[slogans\] "Dừng – Hỏi – Kiểm tra" → "Dừng lại – Kiểm tra – Kể lại"/);
    expect(() => readFileSync(join(c.root, 'dist', 'catalog.json'))).toThrow();
  });

  it('the real curriculum: no unit uses a retired slogan or a later level’s, and the rule is enforced', () => {
    const root = join(import.meta.dirname, '../..');
    const { units, outcomes } = loadCurriculum({ root, only: process.env.KHIENSO_ONLY?.split(',') });
    const ps = contentProblems(root, units, (code) => outcomes.get(code)).filter((p) => p.rule === 'slogans');
    expect(ps.map((p) => `${p.problem.location.file}:${p.problem.location.line}:${p.problem.location.column} ${p.problem.message}`)).toEqual([]);
    expect(ENFORCED.slogans).toBe(true);
    // The canonical slogans are really taught: each level's slogan appears in at least one of its units.
    const text = (u: (typeof units)[number]) => ['unit.mdx', 'assessment.mdx'].map((f) => readFileSync(join(root, u.dir, f), 'utf8')).join('\n') + u.lessons.map((l) => readFileSync(join(root, l.files.vi), 'utf8')).join('\n');
    if (!process.env.KHIENSO_ONLY) {
      expect(units.filter((u) => u.grade <= 5).some((u) => text(u).includes(SLOGANS.primary.vi))).toBe(true);
      expect(units.filter((u) => u.grade >= 6 && u.grade <= 9).filter((u) => text(u).includes(SLOGANS['lower-secondary'].vi)).length).toBeGreaterThanOrEqual(4);
      expect(units.filter((u) => u.grade >= 10).some((u) => text(u).includes(SLOGANS['upper-secondary'].vi))).toBe(true);
    }
  });
});
