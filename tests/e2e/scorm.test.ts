import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { buildRealCurriculum } from '../helpers/build-once.ts';
import { contentPath, prepareLmsSite } from '../helpers/lms-site.ts';
import { applyMoodleRules, gradebook, relaunchData, reopensInReview, type LmsCall } from '../helpers/moodle-rules.ts';
import { createLmsLauncher, type LaunchOptions } from '../helpers/lms-launch.ts';
import { answerWithKeyboard, completeUnit, pressButton } from './keyboard.ts';
import type { Unit } from '../../src/model/unit.ts';

const UNIT = 'g7-online-behaviour'; // a unit without a lab: these helpers answer drawn questions only (g6-internet-safety now has the passwords lab)
let browser: Browser;
let server: Awaited<ReturnType<typeof startStaticServer>>;
let unit: Unit;

beforeAll(async () => {
  const { dist, result } = await buildRealCurriculum();
  unit = result.curriculum.units.find((u) => u.id === UNIT) as Unit;
  server = await startStaticServer(prepareLmsSite(dist, [UNIT], ['scorm12', 'scorm2004']));
  browser = await launchBrowser();
  launcher = createLmsLauncher(browser, server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

let launcher: ReturnType<typeof createLmsLauncher>;
const launch = (version: '12' | '2004', opts: LaunchOptions = {}) => launcher(version, UNIT, opts);

const writesOf = (calls: LmsCall[]) => calls.filter((c) => /SetValue|Commit|Finish|Terminate|Initialize/.test(c.method));
const failedCalls = (calls: LmsCall[]) => writesOf(calls).filter((c) => !c.injected && (c.result !== 'true' || c.error !== 0)).map((c) => `${c.method}(${c.args.join(', ')}) → ${c.result} #${c.error}`);

for (const version of ['12', '2004'] as const) {
  const S = version === '12'
    ? { status: 'cmi.core.lesson_status', raw: 'cmi.core.score.raw', suspend: 'cmi.suspend_data', exit: 'cmi.core.exit', time: 'cmi.core.session_time', location: 'cmi.core.lesson_location', mode: 'cmi.core.lesson_mode' }
    : { status: 'cmi.completion_status', raw: 'cmi.score.raw', suspend: 'cmi.suspend_data', exit: 'cmi.exit', time: 'cmi.session_time', location: 'cmi.location', mode: 'cmi.mode' };
  const mastery = () => (version === '12' ? unit.masteryScore : null);

  describe(`SCORM ${version === '12' ? '1.2' : '2004 4th edition'} package in a scorm-again LMS`, () => {
    it('complete and pass: the gradebook shows the score and "passed"', async () => {
      const l = await launch(version);
      const { expected } = await completeUnit(l.frame, unit, 1);
      const calls = await l.leave();
      expect(failedCalls(calls)).toEqual([]);
      const m = applyMoodleRules(version, calls, { masteryScore: mastery() });
      expect(m.grade).toBe(expected);
      expect(expected).toBeGreaterThanOrEqual(unit.masteryScore);
      if (version === '12') expect(m.status).toBe('passed');
      else {
        expect(m.status).toBe('completed');
        expect(m.tracks['cmi.success_status']).toBe('passed');
        expect(m.tracks['cmi.score.scaled']).toBe((expected / 100).toFixed(2));
      }
      // 1.2: a finished unit ends with exit ""; 2004 always suspends, so a re-opened finished unit shows its
      // saved progress (RTE 2004 gives saved data only after exit = suspend).
      expect(m.resumes).toBe(version === '2004');
      // The status is committed before the score: Moodle recalculates grade and completion when the score is
      // stored, with the status it already has.
      const writes = calls.filter((c) => /SetValue|Commit/.test(c.method)).map((c) => (/Commit/.test(c.method) ? 'commit' : c.args[0]));
      const rawAt = writes.lastIndexOf(S.raw);
      expect(writes.lastIndexOf(S.status)).toBeLessThan(rawAt);
      expect(writes.slice(writes.lastIndexOf(S.status), rawAt)).toContain('commit');
      // One interaction per drawn question, one objective per assessed outcome code.
      const ids = Object.entries(m.tracks).filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k)).map(([, v]) => v);
      expect(ids).toHaveLength(unit.assessment.draw);
      // The LMS files each interaction under the question's real id (the page carries the ids encoded).
      for (const id of ids) expect(unit.assessment.questions.map((q) => q.id)).toContain(id);
      const objectives = Object.entries(m.tracks).filter(([k]) => /^cmi\.objectives\.\d+\.id$/.test(k)).map(([, v]) => v);
      for (const code of objectives) expect(unit.outcomes.map((o) => o.code)).toContain(code);
      expect(objectives.length).toBeGreaterThan(0);
      expect(m.tracks[S.time]).toMatch(version === '12' ? /^\d{4}:\d{2}:\d{2}\.\d{2}$/ : /^PT/);
      expect(m.tracks[S.suspend]?.length).toBeLessThanOrEqual(4096);
    });

    it('fail with retakes left: the attempt stays open for credit (not "failed", no review mode)', async () => {
      const l = await launch(version);
      const { expected } = await completeUnit(l.frame, unit, unit.assessment.draw);
      const calls = await l.leave();
      expect(failedCalls(calls)).toEqual([]);
      const m = applyMoodleRules(version, calls, { masteryScore: mastery() });
      expect(expected).toBeLessThan(unit.masteryScore);
      if (version === '12') {
        // 1.2: no score until the result is final, or "mastery score overrides status" turns it into "failed".
        expect(m.grade).toBeNull();
        expect(m.status).toBe('incomplete');
      } else {
        expect(m.grade).toBe(expected);
        expect(m.status).toBe('incomplete');
        expect(m.tracks['cmi.success_status']).not.toBe('passed');
      }
      // Retries remain, so the learner comes back to the same attempt, for credit.
      expect(m.resumes).toBe(true);
      expect(reopensInReview(version, m.tracks)).toBe(false);
    });

    it('leave mid-way and resume: same page, same questions, answers restored; then pass', async () => {
      const first = await launch(version);
      await pressButton(first.frame, '#ks-next');
      await pressButton(first.frame, '#ks-nav li:last-child button');
      await first.frame.waitForSelector('#ks-assessment fieldset.ks-q');
      const ids = await first.frame.$$eval('#ks-assessment fieldset.ks-q', (fs) => fs.map((f) => (f as HTMLElement).dataset.qid as string));
      const byId = new Map(unit.assessment.questions.map((q) => [q.id, q]));
      for (const id of ids.slice(0, 3)) await answerWithKeyboard(first.frame, byId.get(id)!, 'correct');
      const s1 = applyMoodleRules(version, await first.leave(), { masteryScore: mastery() });
      expect(s1.grade).toBeNull();
      expect(s1.status).toBe('incomplete');
      expect(s1.resumes).toBe(true);
      expect(s1.tracks[S.location]).toBe('assessment');

      const second = await launch(version, { flat: relaunchData(version, s1.tracks, s1.resumes) });
      await second.frame.waitForSelector('#ks-assessment fieldset.ks-q');
      expect(await second.frame.isVisible('#ks-assessment')).toBe(true);
      const again = await second.frame.$$eval('#ks-assessment fieldset.ks-q', (fs) => fs.map((f) => (f as HTMLElement).dataset.qid as string));
      expect(again).toEqual(ids);
      const answered = await second.frame.$$eval('#ks-assessment fieldset.ks-q', (fs) => fs.slice(0, 3).map((f) => !!f.querySelector('input:checked') || !!f.querySelector('[aria-checked="true"]') || [...f.querySelectorAll('select')].some((s) => (s as HTMLSelectElement).value) || [...f.querySelectorAll('input[type=text]')].some((i) => (i as HTMLInputElement).value) || !!f.querySelector('li[data-step]')));
      expect(answered).toEqual([true, true, true]);
      expect(await second.frame.$$eval('#ks-nav button.ks-done', (b) => b.length)).toBe(2);
      const { expected } = await completeUnit(second.frame, unit, 0);
      const s2 = applyMoodleRules(version, await second.leave(), { masteryScore: mastery(), previous: s1.tracks });
      expect(s2.grade).toBe(expected);
      expect(s2.status).toBe(version === '12' ? 'passed' : 'completed');
    });

    it('retry after failing: the next session retakes the assessment and the gradebook keeps the highest grade', async () => {
      const first = await launch(version);
      await completeUnit(first.frame, unit, unit.assessment.draw);
      const s1 = applyMoodleRules(version, await first.leave(), { masteryScore: mastery() });
      expect(reopensInReview(version, s1.tracks)).toBe(false);
      const second = await launch(version, { flat: relaunchData(version, s1.tracks, s1.resumes) });
      await pressButton(second.frame, '#ks-retry');
      const { expected } = await completeUnit(second.frame, unit, 0);
      const s2 = applyMoodleRules(version, await second.leave(), { masteryScore: mastery(), previous: s1.tracks });
      expect(s2.grade).toBe(expected);
      expect(gradebook([s1, s2])).toBe(expected);
      if (version === '12') expect(s2.status).toBe('passed');
      else expect(s2.tracks['cmi.success_status']).toBe('passed');
    });

    it('re-entering a passed unit never downgrades the status or the grade', async () => {
      const first = await launch(version);
      const { expected } = await completeUnit(first.frame, unit, 0);
      const s1 = applyMoodleRules(version, await first.leave(), { masteryScore: mastery() });
      const second = await launch(version, { flat: relaunchData(version, s1.tracks, true) });
      await pressButton(second.frame, '#ks-nav li:first-child button');
      const calls = await second.leave();
      const s2 = applyMoodleRules(version, calls, { masteryScore: mastery(), previous: s1.tracks });
      expect(s2.grade).toBe(expected);
      if (version === '12') expect(s2.status).toBe('passed');
      else expect(s2.tracks['cmi.success_status']).toBe('passed');
      const statusSets = calls.filter((c) => /SetValue/.test(c.method) && c.args[0] === (version === '12' ? 'cmi.core.lesson_status' : 'cmi.success_status')).map((c) => c.args[1]);
      expect(statusSets.every((v) => v === 'passed')).toBe(true);
    });

    it('an LMS that fails SetValue and Commit: the learner is told, the data is kept and sent again', async () => {
      const commit = version === '12' ? 'LMSCommit' : 'Commit';
      const set = version === '12' ? 'LMSSetValue' : 'SetValue';
      const l = await launch(version, { fail: [{ method: set, element: S.raw, times: 2 }, { method: commit, times: 2, after: S.raw }] });
      const { expected } = await completeUnit(l.frame, unit, 0);
      await l.frame.waitForSelector('[data-notice="save-failed"]');
      // The lesson keeps working; the next checkpoint succeeds and re-sends what was not confirmed.
      await pressButton(l.frame, '#ks-nav li:first-child button');
      await l.frame.waitForSelector('[data-notice="saved-again"]');
      const calls = await l.leave();
      expect(calls.filter((c) => c.injected)).toHaveLength(4);
      const m = applyMoodleRules(version, calls, { masteryScore: mastery() });
      expect(m.grade).toBe(expected);
      expect(m.status).toBe(version === '12' ? 'passed' : 'completed');
    });

    it('browse/review mode records nothing', async () => {
      const l = await launch(version, { flat: { [S.mode]: version === '12' ? 'browse' : 'review' } });
      await l.frame.waitForSelector('[data-notice="review"]');
      await completeUnit(l.frame, unit, 0);
      const calls = await l.leave();
      // Nothing but, in a 1.2 preview, the status "browsed" (so Moodle does not store "completed" at LMSFinish).
      const sets = calls.filter((c) => /SetValue/.test(c.method)).map((c) => `${c.args[0]}=${c.args[1]}`);
      expect(sets).toEqual(version === '12' ? ['cmi.core.lesson_status=browsed'] : []);
    });

    it('works in a new window, finding the API through the opener', async () => {
      const l = await launch(version, { display: 'window' });
      const { expected } = await completeUnit(l.frame, unit, 0);
      const calls = await l.leave();
      expect(applyMoodleRules(version, calls, { masteryScore: mastery() }).grade).toBe(expected);
    });
  });
}

describe('a package opened outside an LMS', () => {
  it('falls back to standalone mode with a visible notice', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}${contentPath('scorm12', UNIT)}index.html`);
    await page.waitForSelector('body.ks-ready');
    expect(await page.isVisible('[data-notice="standalone"]')).toBe(true);
    await context.close();
  });
});
