// The results view in headless Chromium: a teacher chooses the files she has (xAPI statements from an LRS,
// Moodle's SCORM Interactions report as text and as Excel) and sees mastery per requirement, weakest first,
// per class and overall; nothing leaves the page; a wrong file gets a message naming what it lacks.
// The xAPI statements come from the runtime's own statement factory; the Moodle files are real Moodle 4.3.0
// downloads (tests/fixtures/moodle-exports, made by tests/moodle/results-exports.test.ts), the expected
// figures recomputed from what that Moodle stored.
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
import { savedExports, storedObjectives } from '../helpers/moodle-results.ts';

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

/** Class 6B: the real Moodle Interactions report; each learner's best stored objective score and status per code. */
function classB(): { files: Map<string, Buffer>; names: Record<string, string>; scores: Expect; passed: Map<string, number> } {
  const saved = savedExports();
  if (!saved) throw new Error('tests/fixtures/moodle-exports is missing (see tests/moodle/results-exports.test.ts)');
  const stored = storedObjectives(saved.stored.activities.scorm12!.learners);
  const scores: Expect = new Map();
  const passed = new Map<string, number>();
  for (const best of stored.values()) for (const [c, o] of best) {
    scores.set(c, [...(scores.get(c) ?? []), o.score ?? 0]);
    passed.set(c, (passed.get(c) ?? 0) + (o.passed ? 1 : 0));
  }
  return { files: saved.files, names: saved.stored.downloads, scores, passed };
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
      { name: '6B.txt', mimeType: 'text/plain', buffer: b.files.get('interactions.txt')! },
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
    await page.setInputFiles('#results-files-input', [{ name: '6B Excel.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: b.files.get('interactions.xlsx')! }]);
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
    const { files } = classB();
    await page.setInputFiles('#results-files-input', [
      { name: 'grades.csv', mimeType: 'text/csv', buffer: files.get('grades.csv')! },
      { name: 'objectives.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: files.get('objectives.xlsx')! },
      { name: 'lrs.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([{ actor: { mbox: 'mailto:a@b.vn' }, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: `urn:khienso:unit:${UNIT}:lesson:x` } }])) },
    ]);
    await page.waitForSelector('#results-errors li[data-file="lrs.json"]');
    const csv = await page.textContent('#results-errors li[data-file="grades.csv"]');
    expect(csv).toContain('results per requirement: the Interactions report’s “Question N” and “Result N” columns');
    expect(csv).toContain('grade export');
    expect(await page.textContent('#results-errors li[data-file="objectives.xlsx"]')).toContain('every cell is empty: Moodle 4.3’s Objectives report does not fill them');
    expect(await page.getAttribute('#results-errors li[data-file="objectives.xlsx"] [data-missing]', 'data-missing')).toBe('objectiveValues');
    expect(await page.getAttribute('#results-errors li[data-file="grades.csv"] [data-missing]', 'data-missing')).toBe('objectiveColumns');
    expect(await page.textContent('#results-errors li[data-file="lrs.json"]')).toContain('statements with the verb “answered”');
    expect(await page.isVisible('#mastery')).toBe(false);
    await context.close();
  });
});
