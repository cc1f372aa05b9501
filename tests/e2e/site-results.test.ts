// The results view in headless Chromium: a teacher chooses the files she has (xAPI statements from an LRS,
// Moodle's SCORM Objectives report as text and as Excel) and sees mastery per requirement, weakest first,
// per class and overall; nothing leaves the page; a wrong file gets a message naming what it lacks.
// The xAPI statements come from the runtime's own statement factory; the Moodle files are built as Moodle
// 4.3's report code writes them (tests/helpers/moodle-export.ts) until real exports from the Moodle harness
// replace them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { buildSite, type SiteBuild } from '../helpers/site-build.ts';
import { REPO } from '../helpers/fixtures.ts';
import { loadCurriculum } from '../../src/model/load/load-curriculum.ts';
import type { Unit } from '../../src/model/unit.ts';
import { toRuntimeUnit } from '../../packaging/runtime-data.ts';
import { createStatementFactory } from '../../src/runtime/xapi/statements.ts';
import { drawQuestions } from '../../src/core/draw.ts';
import { objectivesReportRows, objectivesReportText, objectivesReportXlsx, type MoodleLearner } from '../helpers/moodle-export.ts';

const UNIT = 'g6-internet-safety';
let build: SiteBuild;
let unit: Unit;
let browser: Browser;
let server: Awaited<ReturnType<typeof startStaticServer>>;

beforeAll(async () => {
  build = await buildSite();
  unit = loadCurriculum({ root: REPO, only: [UNIT] }).units[0] as Unit;
  server = await startStaticServer(build.dist);
  browser = await launchBrowser();
}, 900_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Expect = Map<string, number[]>; // code → each learner's best score

/** Class 6A: xAPI statements of three learners (one with two attempts), and each learner's best score per code. */
function classA(): { json: string; scores: Expect } {
  const statements: unknown[] = [];
  const scores: Expect = new Map();
  let n = 0;
  let clock = Date.UTC(2026, 10, 21, 7, 0);
  const plans: [string, number[][]][] = [['An', [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]]], ['Bình', [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], [1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 1, 1, 1]]], ['Châu', [[0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0]]]];
  for (const [name, attempts] of plans) {
    const f = createStatementFactory({ actor: { objectType: 'Agent', name, mbox: `mailto:${name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}@thcs.example.vn` }, unit: toRuntimeUnit(unit), activityId: `urn:khienso:unit:${UNIT}`, lang: 'vi', uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, now: () => new Date((clock += 1000)) });
    const best = new Map<string, number>();
    attempts.forEach((answers, a) => {
      const drawn = drawQuestions(unit.assessment.questions, unit.assessment.draw, 77 + a);
      const acc = new Map<string, [number, number]>();
      drawn.forEach((q, i) => {
        const fraction = answers[i % answers.length] ?? 0;
        statements.push(f.answered({ question: q, answer: undefined, result: { fraction, result: fraction ? 'correct' : 'incorrect' }, latencyMs: 4000, timestamp: new Date(clock), description: q.prompt.vi }));
        for (const c of q.outcomes) {
          const [e, t] = acc.get(c) ?? [0, 0];
          acc.set(c, [e + fraction * q.weight, t + q.weight]);
        }
      });
      statements.push(f.graded(false, 50, 1000));
      for (const [c, [e, t]] of acc) best.set(c, Math.max(best.get(c) ?? -1, Math.round((100 * e) / t)));
    });
    for (const [c, s] of best) scores.set(c, [...(scores.get(c) ?? []), s]);
  }
  return { json: JSON.stringify({ statements }), scores };
}

/** Class 6B: Moodle's Objectives report ("Show objective score" on), two learners, one with two attempts. */
function classB(): { rows: (string | number)[][]; scores: Expect; passed: Map<string, number> } {
  const codes = unit.outcomes.filter((o) => o.level === 'assessed').map((o) => o.code);
  const learners: MoodleLearner[] = [
    { name: 'Đỗ Thị Em', email: 'em@thcs.example.vn', attempts: [{ attempt: 1, score: 60, objectives: Object.fromEntries(codes.map((c, i) => [c, { status: i % 2 ? 'passed' : 'failed', score: i % 2 ? 80 : 40 }])) }] },
    { name: 'Vũ Văn Giang', email: 'giang@thcs.example.vn', attempts: [
      { attempt: 1, score: 50, objectives: Object.fromEntries(codes.map((c) => [c, { status: 'failed', score: 30 }])) },
      { attempt: 2, score: 90, objectives: Object.fromEntries(codes.map((c, i) => [c, { status: i < 3 ? 'passed' : 'failed', score: i < 3 ? 100 : 60 }])) },
    ] },
  ];
  const scores: Expect = new Map(codes.map((c) => [c, learners.map((l) => Math.max(...l.attempts.map((a) => a.objectives[c]!.score!)))]));
  const passed = new Map(codes.map((c) => [c, learners.filter((l) => l.attempts.some((a) => a.objectives[c]!.status === 'passed')).length]));
  return { rows: objectivesReportRows(`${unit.title.vi}`, codes, learners, true), scores, passed };
}

const pct = (a: number, b: number) => Math.round((1000 * a) / b) / 10;

describe('results view (headless Chromium)', () => {
  it('shows mastery per requirement from an LRS export and a Moodle report, per class and overall, weakest first', async () => {
    const a = classA();
    const b = classB();
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/site/results/index.html`);
    page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
    await page.setInputFiles('#results-files-input', [
      { name: '6A.json', mimeType: 'application/json', buffer: Buffer.from(a.json) },
      { name: '6B.txt', mimeType: 'text/plain', buffer: Buffer.from(objectivesReportText(b.rows)) },
    ]);
    await page.waitForSelector('#mastery tbody tr');
    expect(await page.$$eval('#results-files li', (lis) => lis.map((li) => (li as HTMLElement).dataset.source))).toEqual(['6A', '6B']);
    const shown = await page.$$eval('#mastery tbody tr', (trs) => trs.map((tr) => {
      const d = (tr as HTMLElement).dataset;
      return { code: d.code as string, learners: Number(d.learners), mastered: Number(d.mastered), pct: Number(d.pct), a: (tr.querySelector('td[data-source="6A"]') as HTMLElement | null)?.dataset.pct ?? '', b: (tr.querySelector('td[data-source="6B"]') as HTMLElement | null)?.dataset.pct ?? '' };
    }));
    const codes = new Set([...a.scores.keys(), ...b.scores.keys()]);
    expect(shown.map((r) => r.code).sort()).toEqual([...codes].sort());
    for (const r of shown) {
      const sa = a.scores.get(r.code) ?? [];
      const sb = b.scores.get(r.code) ?? [];
      const ma = sa.filter((s) => s >= unit.masteryScore).length;
      const mb = b.passed.get(r.code) ?? 0;
      expect([r.learners, r.mastered], r.code).toEqual([sa.length + sb.length, ma + mb]);
      expect(r.pct).toBe(pct(ma + mb, sa.length + sb.length));
      expect(r.a).toBe(sa.length ? String(pct(ma, sa.length)) : '');
      expect(r.b).toBe(sb.length ? String(pct(mb, sb.length)) : '');
    }
    for (let i = 1; i < shown.length; i++) expect(shown[i]!.pct).toBeGreaterThanOrEqual(shown[i - 1]!.pct);
    // The requirement's text is shown, with the Vietnamese decimal comma.
    const first = shown[0]!;
    const row = await page.textContent(`#mastery tr[data-code="${first.code}"]`);
    expect(row).toContain(unit.outcomes.find((o) => o.code === first.code) ? first.code : '');
    expect(row).toContain(`${first.pct.toFixed(1).replace('.', ',')}%`);
    // The same Moodle report downloaded as Excel gives the same figures for its class.
    await page.setInputFiles('#results-files-input', [{ name: '6B Excel.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await objectivesReportXlsx(b.rows)) }]);
    await expect.poll(() => page.$$eval('#results-files li', (lis) => lis.length)).toBe(3);
    for (const r of shown) {
      if (!b.scores.has(r.code)) continue;
      expect(await page.getAttribute(`#mastery tr[data-code="${r.code}"] td[data-source="6B Excel"]`, 'data-pct')).toBe(r.b);
    }
    // Nothing was sent anywhere: the files were read in the page.
    expect(requests).toEqual([]);
    // Printing keeps the table and drops the file picker.
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#mastery')).toBe(true);
    expect(await page.isVisible('#results-files-input')).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('names what is missing when a file is not a results export (English page)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/site/en/results/index.html`);
    const grades = 'First name,Last name,ID number,Institution,Department,Email address,SCORM package: Lướt mạng an toàn (Real),Last downloaded from this course\nAn,Nguyễn,,,,an@x.vn,80.00,1701000000\n';
    await page.setInputFiles('#results-files-input', [
      { name: 'grades.csv', mimeType: 'text/csv', buffer: Buffer.from(grades) },
      { name: 'lrs.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([{ actor: { mbox: 'mailto:a@b.vn' }, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: `urn:khienso:unit:${UNIT}:lesson:x` } }])) },
    ]);
    await page.waitForSelector('#results-errors li[data-file="lrs.json"]');
    const csv = await page.textContent('#results-errors li[data-file="grades.csv"]');
    expect(csv).toContain('objective columns named by requirement codes');
    expect(csv).toContain('grade export');
    expect(await page.getAttribute('#results-errors li[data-file="grades.csv"] [data-missing]', 'data-missing')).toBe('objectiveColumns');
    expect(await page.textContent('#results-errors li[data-file="lrs.json"]')).toContain('statements with the verb “answered”');
    expect(await page.isVisible('#mastery')).toBe(false);
    await context.close();
  });
});
