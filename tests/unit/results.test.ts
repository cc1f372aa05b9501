// The results view's arithmetic: mastery per requirement from the real Moodle 4.3.0 downloads saved in
// tests/fixtures/moodle-exports (expected figures recomputed from what that Moodle stored, tracks.json), from xAPI
// statements made by the project's own statement factories, and from Objectives report files laid out as
// report.php writes them when it fills the objective cells (4.3.0 does not), with expected figures recomputed
// here from the answers given.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCurriculum } from '../../src/model/load/load-curriculum.ts';
import type { Unit } from '../../src/model/unit.ts';
import type { Question } from '../../src/model/question-schema.ts';
import { toRuntimeUnit } from '../../packaging/runtime-data.ts';
import { createStatementFactory } from '../../src/runtime/xapi/statements.ts';
import { drawQuestions } from '../../src/core/draw.ts';
import { codeFinder, fromMoodleObjectives, fromXapi, masteryTable, ResultsFileError, type RequirementInfo } from '../../src/site/results/mastery.ts';
import { parseDelimited, readXlsx } from '../../src/site/results/tables.ts';
import { objectivesReportRows, objectivesReportText, objectivesReportXlsx, type MoodleLearner } from '../helpers/moodle-export.ts';
import { REPO } from '../helpers/fixtures.ts';
import { expectedMastery, savedExports, storedObjectives, WRONG_REPORTS } from '../helpers/moodle-results.ts';
import { readResultsFile } from '../../src/site/client/results.ts';
import { requirementInfos, unitQuestions } from '../../src/site/results/page-data.ts';

let unit: Unit;
let requirements: Map<string, RequirementInfo>;

beforeAll(() => {
  const model = loadCurriculum({ root: REPO, only: ['g6-internet-safety'] });
  unit = model.units[0] as Unit;
  requirements = new Map(unit.outcomes.map((o) => {
    const e = model.outcomes.get(o.code);
    return [o.code, { code: o.code, grade: e?.grade, vi: e?.vi ?? '', en: e?.en ?? '', mastery: unit.masteryScore }];
  }));
});

/** One learner's attempts: fraction earned on each drawn question, chosen by `answer(attempt, index)`. */
type Plan = { name: string; attempts: number; answer: (attempt: number, i: number, q: Question) => number };

/** xAPI statements of whole attempts, made by the runtime's own factory, and the expected best per code. */
function xapiAttempts(plans: Plan[]) {
  const statements: unknown[] = [];
  const expected = new Map<string, Map<string, number>>(); // learner → code → best score
  let clock = Date.UTC(2026, 10, 20, 8, 0);
  let n = 0;
  for (const p of plans) {
    const actor = { objectType: 'Agent' as const, name: p.name, mbox: `mailto:${p.name.toLowerCase().replace(/\W+/g, '.')}@thcs.example.vn` };
    const f = createStatementFactory({ actor, unit: toRuntimeUnit(unit), activityId: 'https://lms.example.vn/xapi/activity/42', lang: 'vi', uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, now: () => new Date((clock += 1000)) });
    const best = expected.get(actor.mbox) ?? new Map<string, number>();
    for (let a = 0; a < p.attempts; a++) {
      const drawn = drawQuestions(unit.assessment.questions, unit.assessment.draw, 1000 * a + p.name.length);
      const acc = new Map<string, { earned: number; total: number }>();
      let earned = 0;
      let total = 0;
      drawn.forEach((q, i) => {
        const fraction = p.answer(a, i, q);
        statements.push(f.answered({ question: q, answer: undefined, result: { fraction, result: fraction >= 1 ? 'correct' : fraction > 0 ? 'partial' : 'incorrect' }, latencyMs: 5000, timestamp: new Date(clock), description: q.prompt.vi }));
        for (const code of q.outcomes) {
          const x = acc.get(code) ?? { earned: 0, total: 0 };
          x.earned += fraction * q.weight;
          x.total += q.weight;
          acc.set(code, x);
        }
        earned += fraction * q.weight;
        total += q.weight;
      });
      const score = Math.round((100 * earned) / total);
      statements.push(f.graded(score >= unit.masteryScore, score, 60000));
      for (const [code, x] of acc) best.set(code, Math.max(best.get(code) ?? 0, Math.round((100 * x.earned) / x.total)));
    }
    expected.set(actor.mbox, best);
  }
  return { statements, expected };
}

describe('results view: real Moodle 4.3.0 downloads (tests/fixtures/moodle-exports)', () => {
  const saved = savedExports();
  let whole: ReturnType<typeof loadCurriculum> | undefined;
  const model = () => (whole ??= loadCurriculum({ root: REPO }));
  it('the saved exports are there (regenerate: see their README)', () => {
    expect(saved).not.toBeNull();
    expect([...saved!.files.keys()]).toEqual(expect.arrayContaining(['interactions.txt', 'interactions.xlsx', ...Object.keys(WRONG_REPORTS)]));
  });

  it('the Interactions report (text and Excel) gives per requirement the objectives Moodle stored, weakest first', () => {
    const c = model();
    const requirements = new Map(requirementInfos(c).map((r) => [r.code, r]));
    const { files, stored } = saved!;
    const { learners } = stored.activities.scorm12!;
    const want = expectedMastery(learners, stored.masteryScore, { withScore: true, statusKnown: true });
    // The class is mixed: some requirement mastered by some and not by others.
    expect(want.some((r) => r.mastered > 0 && r.mastered < r.learners)).toBe(true);
    for (const name of ['interactions.txt', 'interactions.xlsx']) {
      const src = readResultsFile(stored.downloads[name]!, files.get(name)!, requirements, unitQuestions(c));
      expect(src.kind).toBe('moodle-interactions');
      expect(src.learners).toBe(learners.length);
      const rows = masteryTable([src]);
      const got = rows.map((r) => ({ code: r.code, learners: r.learners, mastered: r.mastered, pct: r.masteredPct, mean: r.meanScore }));
      const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
      expect([...got].sort(byCode), name).toEqual([...want].sort(byCode));
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.masteredPct).toBeGreaterThanOrEqual(rows[i - 1]!.masteredPct);
    }
  });

  it('the same report from a Vietnamese Moodle, re-saved by Excel in a Vietnamese locale (BOM, ";", CRLF), gives the same figures', () => {
    const c = model();
    const requirements = new Map(requirementInfos(c).map((r) => [r.code, r]));
    const { files, stored } = saved!;
    const real = parseDelimited(files.get('interactions.txt')!.toString('utf8'));
    // Header words as a Vietnamese language pack would put them (the numbers stay); values untouched.
    const vi = (h: string) => h.replace(/^Question (\d+)$/, 'Câu hỏi $1').replace(/^Response (\d+)$/, 'Câu trả lời $1').replace(/^Result (\d+)$/, 'Kết quả $1').replace('Email address', 'Địa chỉ thư điện tử').replace(/^Name$/, 'Họ tên');
    const cell = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const text = '\uFEFF' + [real[0]!.map(vi), ...real.slice(1)].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
    const rows = (name: string, bytes: Uint8Array) => masteryTable([readResultsFile(name, bytes, requirements, unitQuestions(c))]).map((r) => [r.code, r.learners, r.mastered, r.meanScore]);
    const original = rows(stored.downloads['interactions.txt']!, files.get('interactions.txt')!);
    expect(original.length).toBeGreaterThan(0);
    expect(rows('6B.csv', Buffer.from(text, 'utf8'))).toEqual(original);
  });

  it('the page’s own .xlsx reader reads every real Moodle workbook cell as exceljs (the site’s xlsx library) does', async () => {
    const ExcelJS = (await import('exceljs')).default;
    for (const name of [...saved!.files.keys()].filter((n) => n.endsWith('.xlsx'))) {
      const bytes = saved!.files.get(name)!;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      const expected: string[][] = [];
      wb.worksheets[0]!.eachRow((row) => { expected.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))); });
      const got = readXlsx(bytes).map((r) => r.slice(0, expected[0]!.length));
      expect(got.map((r) => r.join('|').replace(/\|+$/, '')), name).toEqual(expected.map((r) => r.join('|').replace(/\|+$/, '')));
    }
  });

  it('a retake inside one Moodle attempt (interactions appended to the same row) counts the better try', () => {
    const c = model();
    const requirements = new Map(requirementInfos(c).map((r) => [r.code, r]));
    const { files, stored } = saved!;
    const real = parseDelimited(files.get('interactions.txt')!.toString('utf8'));
    const head = real[0]!;
    const first = head.findIndex((h) => /^Question 0$/.test(h));
    const groups = (head.length - first) / 3; // Question, Response, Result per interaction
    const row = (email: string) => real.find((r) => r.includes(email))!;
    // Two learners' rows, each holding hs2's try and hs3's try as interactions 0…N-1 and N…2N-1 of one attempt,
    // in both orders: only the better try per requirement gives the right figure for both rows.
    const hs2 = row('hs2@khienso.test');
    const hs3 = row('hs3@khienso.test');
    const tries = (a: string[], b: string[], email: string) => [a[0]!, email, ...a.slice(2, first + 3 * groups), ...b.slice(first, first + 3 * groups)];
    const table = [
      [...head, ...Array.from({ length: groups }, (_, i) => [`Question ${groups + i}`, `Response ${groups + i}`, `Result ${groups + i}`]).flat()],
      tries(hs2, hs3, 'a@khienso.test'),
      tries(hs3, hs2, 'b@khienso.test'),
    ];
    const text = table.map((r) => r.join('\t')).join('\n');
    const got = masteryTable([readResultsFile('6B.txt', Buffer.from(text), requirements, unitQuestions(c))]);
    const best = storedObjectives(stored.activities.scorm12!.learners.filter((l) => /hs[23]/.test(l.username)));
    const want = new Map<string, number>();
    for (const m of best.values()) for (const [code, o] of m) want.set(code, Math.max(want.get(code) ?? 0, o.score ?? 0));
    // The two tries differ, so neither the first nor the last try alone would do.
    expect([...best.get('hs2@khienso.test')!].some(([code, o]) => o.score !== best.get('hs3@khienso.test')!.get(code)?.score)).toBe(true);
    const expected = [...want].map(([code, score]) => [code, 2, score]).sort();
    expect(got.map((r) => [r.code, r.learners, r.meanScore]).sort()).toEqual(expected);
  });

  it('each wrong download is refused, naming what it lacks and what to download instead', () => {
    const c = model();
    const requirements = new Map(requirementInfos(c).map((r) => [r.code, r]));
    const { files, stored } = saved!;
    for (const [name, { missing, hint }] of Object.entries(WRONG_REPORTS)) {
      let err: unknown;
      try { readResultsFile(stored.downloads[name]!, files.get(name)!, requirements, unitQuestions(c)); } catch (e) { err = e; }
      expect(err, name).toBeInstanceOf(ResultsFileError);
      expect([(err as ResultsFileError).missing, (err as ResultsFileError).hint], name).toEqual([[missing], hint]);
    }
  });
});

describe('results view: mastery per requirement', () => {
  it('from xAPI statements of the runtime factories: best attempt per learner, share at or above the mastery score', () => {
    const { statements, expected } = xapiAttempts([
      { name: 'Nguyễn Văn An', attempts: 1, answer: () => 1 },
      { name: 'Trần Thị Bình', attempts: 2, answer: (a, i) => (a === 0 ? 0 : i % 3 === 0 ? 0 : 1) },
      { name: 'Lê Minh Châu', attempts: 1, answer: (_a, i) => (i % 2 === 0 ? 0.5 : 0) },
      { name: 'Phạm Gia Dũng', attempts: 1, answer: (_a, i, q) => (q.outcomes.length > 1 || i < 4 ? 1 : 0) },
    ]);
    for (const shape of [statements, { statements, more: '' }]) {
      const src = fromXapi('lop-6a.json', shape, requirements, (id) => (id === unit.id ? unit.masteryScore : undefined));
      expect(src.learners).toBe(4);
      const rows = masteryTable([src]);
      const codes = new Set([...expected.values()].flatMap((m) => [...m.keys()]));
      expect(rows.map((r) => r.code).sort()).toEqual([...codes].sort());
      for (const r of rows) {
        const scores = [...expected.values()].map((m) => m.get(r.code)).filter((s): s is number => s !== undefined);
        const mastered = scores.filter((s) => s >= unit.masteryScore).length;
        expect(r.learners).toBe(scores.length);
        expect(r.mastered).toBe(mastered);
        expect(r.masteredPct).toBe(Math.round((1000 * mastered) / scores.length) / 10);
        expect(r.meanScore).toBe(Math.round((10 * scores.reduce((a, b) => a + b, 0)) / scores.length) / 10);
      }
      // Weakest first.
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.masteredPct).toBeGreaterThanOrEqual(rows[i - 1]!.masteredPct);
    }
  });

  it('from Objectives report files with filled objective cells, laid out as report.php writes them (text and Excel, with and without objective scores)', async () => {
    const codes = unit.outcomes.filter((o) => o.level === 'assessed').map((o) => o.code);
    const learners: MoodleLearner[] = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Minh Châu'].map((name, k) => ({
      name, email: `hs${k + 1}@thcs.example.vn`,
      attempts: [1, 2].slice(0, k === 1 ? 2 : 1).map((attempt) => ({
        attempt, score: 60 + 10 * k,
        objectives: Object.fromEntries(codes.map((c, i) => {
          const score = (37 * (i + 1) * (k + 1) + 11 * attempt) % 101;
          return [c, { status: score >= 70 ? 'passed' : 'failed', score }];
        })),
      })),
    }));
    // Expected: best score per learner and code; mastered when any attempt passed.
    const expected = new Map(codes.map((c) => {
      const per = learners.map((l) => ({ score: Math.max(...l.attempts.map((a) => a.objectives[c]!.score!)), passed: l.attempts.some((a) => a.objectives[c]!.status === 'passed') }));
      return [c, { learners: per.length, mastered: per.filter((p) => p.passed).length, mean: Math.round((10 * per.reduce((a, p) => a + p.score, 0)) / per.length) / 10 }];
    }));
    for (const showScore of [true, false]) {
      const rows = objectivesReportRows(unit.title.vi, codes, learners, showScore);
      const text = objectivesReportText(rows);
      expect(text.split('\n')[0]).toContain('Name\t"Email address"\tAttempt');
      for (const table of [parseDelimited(text), readXlsx(await objectivesReportXlsx(rows))]) {
        expect(table[0]).toEqual(rows[0]!.map(String));
        const src = fromMoodleObjectives('6A.txt', table, requirements);
        expect(src.learners).toBe(3);
        const got = masteryTable([src]);
        expect(got.map((r) => r.code).sort()).toEqual([...codes].sort());
        for (const r of got) {
          const e = expected.get(r.code)!;
          expect([r.learners, r.mastered]).toEqual([e.learners, e.mastered]);
          expect(r.meanScore).toBe(showScore ? e.mean : null);
        }
      }
    }
  });

  it('combines classes: the school figure counts every learner, each class keeps its own', () => {
    const { statements: a, expected: ea } = xapiAttempts([{ name: 'An', attempts: 1, answer: () => 1 }, { name: 'Bình', attempts: 1, answer: () => 1 }]);
    const drew = (e: Map<string, Map<string, number>>, code: string) => [...e.values()].filter((m) => m.has(code)).length;
    const { statements: b, expected: eb } = xapiAttempts([{ name: 'An', attempts: 1, answer: () => 0 }]);
    const drawnB = new Set([...eb.values()].flatMap((m) => [...m.keys()]));
    const m = (id: string) => (id === unit.id ? 70 : undefined);
    const rows = masteryTable([fromXapi('6A', a, requirements, m), fromXapi('6B', b, requirements, m)]);
    for (const r of rows) {
      expect(r.bySource['6A']?.masteredPct).toBe(100);
      // A requirement counts the learners whose attempt drew a question on it ("An" of 6B is another learner than
      // "An" of 6A); everyone in 6A answered right, the one learner of 6B wrong.
      if (!drawnB.has(r.code)) expect(r.bySource['6B']).toBeUndefined();
      else expect(r.bySource['6B']?.masteredPct).toBe(0);
      expect([r.learners, r.mastered]).toEqual([drew(ea, r.code) + drew(eb, r.code), drew(ea, r.code)]);
    }
  });

  it('names what is missing from a file that is not a results export', () => {
    const grades = parseDelimited('First name,Last name,ID number,Institution,Department,Email address,SCORM package: Lướt mạng an toàn (Real),Last downloaded from this course\nAn,Nguyễn,,,,an@x.vn,80.00,1701000000\n');
    const err = (() => { try { fromMoodleObjectives('grades.csv', grades, requirements); } catch (e) { return e; } return undefined; })();
    expect(err).toBeInstanceOf(ResultsFileError);
    expect((err as ResultsFileError).missing).toEqual(['objectiveColumns']);
    expect((err as ResultsFileError).hint).toBe('gradeExport');
    expect((err as Error).message).toContain('TH-G6-D-05');
    expect(() => fromXapi('x.json', { foo: 1 }, requirements, () => 70)).toThrow(/"statements" array/);
    expect(() => fromXapi('x.json', [{ actor: { mbox: 'mailto:a@b' }, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: 'urn:khienso:unit:g6-internet-safety:lesson:x' } }], requirements, () => 70)).toThrow(/"answered"/);
  });

  it('finds requirement codes inside LMS ids', () => {
    const find = codeFinder(['TH-G6-D-05', 'TH-G6-D-0', 'CSTA:3B-AP-18']);
    expect(find('TH-G6-D-05')).toBe('TH-G6-D-05');
    expect(find('khienso.g6-internet-safety.TH-G6-D-05')).toBe('TH-G6-D-05');
    expect(find('khienso.g12-x.CSTA_3B-AP-18')).toBe('CSTA:3B-AP-18');
    expect(find('Score')).toBeUndefined();
  });
});
