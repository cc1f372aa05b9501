// A unit spread over several class periods, in a real Moodle 4.x, with the settings of docs/moodle-import.md:
// what Moodle stores (tracks), shows in the gradebook and marks in activity completion after each sitting.
import { expect, it } from 'vitest';
import type { BrowserContext, Frame } from 'playwright-core';
import { completeUnitByClick as completeUnit, nextPage, openLesson, takeAssessment as takeTest } from './harness/learner.ts';
import { parseState } from '../../src/core/state.ts';
import type { Unit } from '../../src/model/unit.ts';
import {
  addScorm, closeTab, completionState, createCourse, createUser, describeMoodle, GUIDE_SCORM_SETTINGS, gradebookGrade, loginAs, openScorm, scormAttempts,
  type MoodleEnv, type Scorm, type ScormSettings, type User,
} from './harness/index.ts';
import { unitPackages } from './harness/packages.ts';

const G6 = 'g6-internet-safety';
const SQL_UNIT = 'g11-secure-coding';
type Format = 'scorm12' | 'scorm2004';

const names = (f: Format) => f === 'scorm12'
  ? { status: 'cmi.core.lesson_status', raw: 'cmi.core.score.raw', location: 'cmi.core.lesson_location', exit: 'cmi.core.exit' }
  : { status: 'cmi.completion_status', raw: 'cmi.score.raw', location: 'cmi.location', exit: 'cmi.exit' };

interface Setup { course: { id: number; shortname: string }; hs: User; scorm: Scorm; unit: Unit; ctx: BrowserContext }

async function setup(env: MoodleEnv, format: Format, settings: ScormSettings = {}, unitId = G6): Promise<Setup> {
  const pkgs = await unitPackages([G6, SQL_UNIT]);
  const course = await createCourse(env.site);
  const hs = await createUser(env.site, 'hs1', { course });
  const scorm = await addScorm(env.site, course, pkgs.zip(format, unitId), { ...GUIDE_SCORM_SETTINGS, ...settings });
  expect(scorm.version).toBe(format === 'scorm12' ? 'SCORM_1.2' : 'SCORM_1.3');
  const ctx = await loginAs(env.browser, env.site, hs);
  return { course, hs, scorm, unit: pkgs.unit(unitId), ctx };
}

/** One class period: open the activity from the course page, do something, close the tab (no exit button). */
async function sitting(env: MoodleEnv, s: Setup, work: (content: Frame) => Promise<void>, opts: Parameters<typeof openScorm>[3] = {}): Promise<void> {
  const { player, content } = await openScorm(s.ctx, env.site, s.scorm, opts);
  await content.waitForSelector('body.ks-ready');
  await work(content);
  await closeTab(player);
}

const doneLessons = (content: Frame) => content.$$eval('#ks-nav button.ks-done', (b) => b.length);

/** The latest attempt's tracks, polled until `ready` holds (Moodle stores the last save of a closed tab by beacon). */
async function lastTracks(env: MoodleEnv, s: Setup, ready: (t: Record<string, string>) => boolean = () => true): Promise<Record<string, string>> {
  let tracks: Record<string, string> = {};
  await expect.poll(async () => {
    const all = await scormAttempts(env.site, s.scorm, s.hs);
    tracks = all.at(-1)?.tracks ?? {};
    return ready(tracks);
  }, { timeout: 20_000, interval: 500 }).toBe(true);
  return tracks;
}

const stateOf = (t: Record<string, string>) => {
  const p = parseState(t['cmi.suspend_data']);
  if (!('state' in p)) throw new Error(`no learner state in the tracks: ${p.problem}`);
  return p.state;
};

const takeAssessment = async (c: Frame, unit: Unit, wrong: number) => (await takeTest(c, unit, wrong)).expected;

describeMoodle('a unit over several sittings in a real Moodle', (env) => {
  for (const format of ['scorm12', 'scorm2004'] as const) {
    const S = names(format);
    const label = format === 'scorm12' ? 'SCORM 1.2' : 'SCORM 2004';

    it(`${label}: lessons over three sittings with tab closes, then a pass; "Require status: Passed" completes`, async () => {
      const s = await setup(env, format, { completion: { status: ['passed'] } });
      await sitting(env, s, async (c) => {
        await openLesson(c, 0);
        await nextPage(c);
      });
      let t = await lastTracks(env, s, (x) => stateOf(x).viewed.filter(Boolean).length === 2);
      expect(t[S.status]).toBe('incomplete');
      expect(t[S.exit]).toBe('suspend');
      await sitting(env, s, async (c) => {
        // Back where the learner left: the second lesson, two lessons marked as read.
        expect(await doneLessons(c)).toBe(2);
        expect(await c.$eval('#ks-nav button[aria-current="step"]', (b) => Number((b as HTMLElement).dataset.page))).toBe(1);
        for (let i = 2; i < s.unit.lessons.length; i++) await nextPage(c);
      });
      t = await lastTracks(env, s, (x) => stateOf(x).viewed.every(Boolean));
      expect(t[S.status]).toBe('incomplete');
      expect(await gradebookGrade(env.site, s.scorm, s.hs)).toBeNull();
      let expected = 0;
      await sitting(env, s, async (c) => {
        expect(await doneLessons(c)).toBe(s.unit.lessons.length);
        await nextPage(c);
        expected = await takeAssessment(c, s.unit, 1);
      });
      expect(expected).toBeGreaterThanOrEqual(s.unit.masteryScore);
      t = await lastTracks(env, s, (x) => x[S.raw] === String(expected));
      if (format === 'scorm12') expect(t[S.status]).toBe('passed');
      else {
        expect(t[S.status]).toBe('completed');
        expect(t['cmi.success_status']).toBe('passed');
      }
      expect(await gradebookGrade(env.site, s.scorm, s.hs)).toBe(expected);
      expect((await completionState(env.site, s.scorm, s.hs)).overall).toBe('complete');
      expect(await scormAttempts(env.site, s.scorm, s.hs)).toHaveLength(1);
    });

    it(`${label}: fail → leave → return → retake → pass: the gradebook shows the pass; "Require minimum score" completes`, async () => {
      const s = await setup(env, format, { completion: { minScore: 70 } });
      let low = 0;
      await sitting(env, s, async (c) => {
        ({ expected: low } = await completeUnit(c, s.unit, s.unit.assessment.draw - 1));
      });
      expect(low).toBeLessThan(s.unit.masteryScore);
      const t1 = await lastTracks(env, s, (x) => stateOf(x).submitted);
      // Not final: Moodle must reopen the same attempt for credit, not in review mode.
      expect(t1[S.status]).toBe('incomplete');
      expect(t1[S.exit]).toBe('suspend');
      expect((await completionState(env.site, s.scorm, s.hs)).overall).toBe('incomplete');
      let high = 0;
      await sitting(env, s, async (c) => {
        expect(await c.isVisible('[data-notice="review"]')).toBe(false);
        await c.click('#ks-retry');
        high = await takeAssessment(c, s.unit, 0);
      });
      expect(high).toBe(100);
      const t2 = await lastTracks(env, s, (x) => x[S.raw] === '100');
      expect(format === 'scorm12' ? t2[S.status] : t2['cmi.success_status']).toBe('passed');
      expect(await gradebookGrade(env.site, s.scorm, s.hs)).toBe(100);
      expect((await completionState(env.site, s.scorm, s.hs)).overall).toBe('complete');
      expect(await scormAttempts(env.site, s.scorm, s.hs)).toHaveLength(1);
    });

    it(`${label}: pass in one sitting, then re-enter: never downgraded`, async () => {
      const s = await setup(env, format, { completion: { status: ['passed'] } });
      let expected = 0;
      await sitting(env, s, async (c) => { ({ expected } = await completeUnit(c, s.unit, 1)); });
      await lastTracks(env, s, (x) => x[S.raw] === String(expected));
      await sitting(env, s, async (c) => {
        expect(await doneLessons(c)).toBe(s.unit.lessons.length);
        await openLesson(c, 0);
        await nextPage(c);
      });
      await new Promise((r) => setTimeout(r, 2000));
      const t = await lastTracks(env, s);
      expect(t[S.raw]).toBe(String(expected));
      expect(format === 'scorm12' ? t[S.status] : t['cmi.success_status']).toBe('passed');
      expect(await gradebookGrade(env.site, s.scorm, s.hs)).toBe(expected);
      expect((await completionState(env.site, s.scorm, s.hs)).overall).toBe('complete');
    });

    it(`${label}: two tabs: an older tab never overwrites newer progress or results`, async () => {
      const s = await setup(env, format, { completion: { status: ['passed'] } });
      // Tab B opens first and stays on the first lesson.
      const b = await openScorm(s.ctx, env.site, s.scorm);
      await b.content.waitForSelector('body.ks-ready');
      await openLesson(b.content, 0);
      // Tab A: every lesson and a pass, then closed.
      let expected = 0;
      await sitting(env, s, async (c) => { ({ expected } = await completeUnit(c, s.unit, 1)); });
      await lastTracks(env, s, (x) => x[S.raw] === String(expected));
      // The old tab B moves on a page and is closed.
      await nextPage(b.content);
      await closeTab(b.player);
      await new Promise((r) => setTimeout(r, 2000));
      const t = await lastTracks(env, s);
      const state = stateOf(t);
      expect(state.viewed.every(Boolean)).toBe(true);
      expect(state.best).toBe(expected);
      expect(state.submitted).toBe(true);
      expect(t[S.raw]).toBe(String(expected));
      expect(format === 'scorm12' ? t[S.status] : t['cmi.success_status']).toBe('passed');
      expect(await gradebookGrade(env.site, s.scorm, s.hs)).toBe(expected);
      expect((await completionState(env.site, s.scorm, s.hs)).overall).toBe('complete');
    });
  }

  it('SCORM 1.2: every retake used and failed: the final fail is final (gradebook, status, review on return)', async () => {
    const s = await setup(env, 'scorm12');
    const scores: number[] = [];
    await sitting(env, s, async (c) => { scores.push((await completeUnit(c, s.unit, s.unit.assessment.draw - 1)).expected); });
    for (let i = 1; i < s.unit.maxAttempts; i++) {
      await sitting(env, s, async (c) => {
        await c.click('#ks-retry');
        scores.push(await takeAssessment(c, s.unit, s.unit.assessment.draw - 1));
      });
    }
    const best = Math.max(...scores);
    expect(best).toBeLessThan(s.unit.masteryScore);
    const t = await lastTracks(env, s, (x) => x['cmi.core.lesson_status'] === 'failed');
    expect(t['cmi.core.score.raw']).toBe(String(best));
    expect(await gradebookGrade(env.site, s.scorm, s.hs)).toBe(best);
    // Coming back shows the result; nothing more can be stored.
    await sitting(env, s, async (c) => {
      expect(await c.isVisible('[data-notice="review"]')).toBe(true);
      expect(await c.$('#ks-retry')).toBeNull();
    });
    expect((await lastTracks(env, s))['cmi.core.lesson_status']).toBe('failed');
    expect(await gradebookGrade(env.site, s.scorm, s.hs)).toBe(best);
  });

  for (const format of ['scorm12', 'scorm2004'] as const) {
    const label = format === 'scorm12' ? 'SCORM 1.2' : 'SCORM 2004';
    const N = names(format);
    const passedKey = format === 'scorm12' ? 'cmi.core.lesson_status' : 'cmi.success_status';

    it(`${label}: Preview stores no result, and the learner then starts for real and passes`, async () => {
      const s = await setup(env, format);
      await sitting(env, s, async (c) => {
        expect(await c.isVisible('[data-notice="review"]')).toBe(true);
        await completeUnit(c, s.unit, 0);
      }, { mode: 'browse' });
      await new Promise((r) => setTimeout(r, 2000));
      expect(await gradebookGrade(env.site, s.scorm, s.hs)).toBeNull();
      let expected = 0;
      await sitting(env, s, async (c) => {
        expect(await c.isVisible('[data-notice="review"]')).toBe(false);
        expect(await doneLessons(c)).toBeLessThanOrEqual(1);
        ({ expected } = await completeUnit(c, s.unit, 1));
      });
      const t = await lastTracks(env, s, (x) => x[N.raw] === String(expected));
      expect(t[passedKey]).toBe('passed');
      expect(await gradebookGrade(env.site, s.scorm, s.hs)).toBe(expected);
    });

    it(`${label}: Display package "New window": the pass reaches the gradebook`, async () => {
      const s = await setup(env, format, { popup: 1, completion: { status: ['passed'] } });
      let expected = 0;
      await sitting(env, s, async (c) => { ({ expected } = await completeUnit(c, s.unit, 1)); }, { popup: true });
      await lastTracks(env, s, (x) => x[N.raw] === String(expected));
      expect(await gradebookGrade(env.site, s.scorm, s.hs)).toBe(expected);
      expect((await completionState(env.site, s.scorm, s.hs)).overall).toBe('complete');
    });

    it(`${label}: Force new attempt "Always": a new attempt each entry, the pass stays in the gradebook`, async () => {
      const s = await setup(env, format, { forcenewattempt: 2, completion: { status: ['passed'] } });
      let expected = 0;
      await sitting(env, s, async (c) => { ({ expected } = await completeUnit(c, s.unit, 1)); });
      await lastTracks(env, s, (x) => x[N.raw] === String(expected));
      await sitting(env, s, async (c) => {
        // A new attempt starts empty (Moodle's rule for this setting): only the first lesson, just opened.
        expect(await doneLessons(c)).toBeLessThanOrEqual(1);
        await openLesson(c, 0);
      });
      await expect.poll(async () => (await scormAttempts(env.site, s.scorm, s.hs)).length, { timeout: 20_000 }).toBe(2);
      expect(await gradebookGrade(env.site, s.scorm, s.hs)).toBe(expected);
      expect((await completionState(env.site, s.scorm, s.hs)).overall).toBe('complete');
    });
  }

  it('SCORM 1.2, SQL-lab unit (g11-secure-coding): lessons in one sitting, the lab and the test in the next; graded', async () => {
    const s = await setup(env, 'scorm12', { completion: { status: ['passed'] } }, SQL_UNIT);
    await sitting(env, s, async (c) => {
      await openLesson(c, 0);
      for (let i = 1; i < s.unit.lessons.length; i++) await nextPage(c);
    });
    await lastTracks(env, s, (x) => stateOf(x).viewed.every(Boolean));
    let expected = 0;
    await sitting(env, s, async (c) => {
      await nextPage(c);
      expected = await takeAssessment(c, s.unit, 0);
    });
    expect(expected).toBe(100);
    const t = await lastTracks(env, s, (x) => x['cmi.core.score.raw'] === '100');
    expect(t['cmi.core.lesson_status']).toBe('passed');
    expect(await gradebookGrade(env.site, s.scorm, s.hs)).toBe(100);
    expect((await completionState(env.site, s.scorm, s.hs)).overall).toBe('complete');
  });
});
