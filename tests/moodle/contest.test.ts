// The web-security contest (issue 16) in a real Moodle 4.x, as a teacher sets it up from the contest page of the
// teacher site: the contest's SCORM 1.2 package with the Moodle guide's settings. A student solves one challenge
// with its reference solution and opens a hint in another, closes the tab; in a new sitting the work is still
// there and they solve the hinted challenge. The gradebook holds what the contest's own scoring computes.
import { expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { strFromU8, unzipSync } from 'fflate';
import {
  addScorm, closeTab, completionState, createCourse, createUser, describeMoodle, GUIDE_SCORM_SETTINGS, gradebookGrade, loginAs, openScorm, scormAttempts,
} from './harness/index.ts';
import { REPO } from './harness/source.ts';
import { buildContest } from '../../packaging/contest/build-contest.ts';
import { CHALLENGE_MODULES } from '../../src/contest/challenges/index.ts';
import { SOLUTIONS } from '../../src/contest/challenges/solutions.ts';
import { deriveFlag } from '../../src/contest/flags.ts';
import { createClient } from '../../src/contest/http.ts';
import { noSql } from '../../src/contest/no-sql.ts';
import { nodeSql, nodeVictim } from '../../src/contest/node-env.ts';
import type { RuntimeContest } from '../../src/contest/schema.ts';
import { contestScore, parseProgress, type ContestProgress } from '../../src/contest/scoring.ts';

const CONTEST = 'contest-thcs';
const SEED = 'moodle-contest-seed';
const FIRST = 'scam-shop';
const HINTED = 'link-tricks';

/** The flag the challenge's reference solution captures on this learner's simulated site (run outside the page). */
async function referenceFlag(id: string, player: string): Promise<string> {
  const m = CHALLENGE_MODULES[id];
  const solution = SOLUTIONS[id];
  if (!m || !solution) throw new Error(`no challenge ${id}`);
  const site = await m.createSite({ flag: deriveFlag(SEED, id, player), sql: m.usesSql ? await nodeSql() : noSql(id), victim: nodeVictim });
  const flag = /KS\{[a-z0-9-]+-[0-9a-f]{12}\}/.exec(await solution.solve(createClient(site)))?.[0];
  if (!flag) throw new Error(`the reference solution of ${id} captured no flag`);
  return flag;
}

async function openChallenge(c: Frame, id: string): Promise<void> {
  await c.click(`[data-challenge="${id}"]`);
  await c.waitForSelector(`[data-challenge="${id}"][aria-current="true"]`);
  await expect.poll(() => c.textContent('#ct-status'), { timeout: 30_000 }).toMatch(/^200 /);
}

async function submitFlag(c: Frame, flag: string): Promise<string | null> {
  await c.fill('#ct-flag', flag);
  await c.click('#ct-submit-flag');
  await c.waitForSelector('#ct-flag-result[data-ok]');
  return c.getAttribute('#ct-flag-result', 'data-ok');
}

describeMoodle('the web-security contest in a real Moodle', (env) => {
  it('SCORM 1.2, guide settings: a capture and a hint, tab closed, resumed in a new sitting, another capture: the gradebook holds the contest score', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'ks-moodle-contest-'));
    const { catalog } = await buildContest({ root: REPO, dist, seed: SEED });
    const zipFile = join(dist, catalog.find((c) => c.id === CONTEST)?.packages.scorm12?.file ?? '');
    const contest = JSON.parse(/<script type="application\/json" id="ks-contest">([\s\S]*?)<\/script>/.exec(strFromU8(unzipSync(readFileSync(zipFile))['index.html'] as Uint8Array))?.[1] ?? '{}') as RuntimeContest;

    const course = await createCourse(env.site);
    const hs = await createUser(env.site, 'hs1', { course });
    const scorm = await addScorm(env.site, course, zipFile, { ...GUIDE_SCORM_SETTINGS, name: 'Thi an toàn web', completion: { status: ['passed'] } });
    expect(scorm.version).toBe('SCORM_1.2');
    const ctx = await loginAs(env.browser, env.site, hs);
    const savedProgress = async (ready: (p: ContestProgress) => boolean): Promise<ContestProgress> => {
      let p: ContestProgress | null = null;
      await expect.poll(async () => {
        p = parseProgress((await scormAttempts(env.site, scorm, hs)).at(-1)?.tracks['cmi.suspend_data'] ?? null);
        return p !== null && ready(p);
      }, { timeout: 30_000, interval: 500 }).toBe(true);
      return p as unknown as ContestProgress;
    };

    // Sitting 1: the reference solution's flag for this learner, and one hint opened on another challenge.
    let player = '';
    {
      const { player: tab, content: c } = await openScorm(ctx, env.site, scorm);
      await c.waitForSelector('body.ks-ready');
      player = (await c.textContent('#ct-player code'))?.trim() ?? '';
      expect(player).not.toBe('');
      await openChallenge(c, FIRST);
      // Another learner's flag is refused; this learner's, as the reference solution captures it, is accepted.
      expect(await submitFlag(c, await referenceFlag(FIRST, `${player}0`))).toBe('false');
      expect(await submitFlag(c, await referenceFlag(FIRST, player))).toBe('true');
      await openChallenge(c, HINTED);
      await c.click('#ct-hint-open');
      await c.waitForSelector('#ct-hints li');
      await closeTab(tab);
    }
    const p1 = await savedProgress((p) => p.solved.includes(FIRST) && (p.hints[HINTED] ?? 0) === 1);
    expect(p1).toEqual({ player, solved: [FIRST], fixed: [], hints: { [HINTED]: 1 } });
    const s1 = contestScore(contest, p1);
    expect(s1.percent).toBeLessThan(contest.masteryScore);
    // Below the pass mark with the contest open: no grade yet, the attempt stays open to resume.
    const t1 = (await scormAttempts(env.site, scorm, hs)).at(-1)?.tracks ?? {};
    expect(t1['cmi.core.lesson_status']).toBe('incomplete');
    expect(await gradebookGrade(env.site, scorm, hs)).toBeNull();

    // Sitting 2: the first sitting's work is there (capture, score, the hint); the hinted challenge is captured.
    {
      const { player: tab, content: c } = await openScorm(ctx, env.site, scorm);
      await c.waitForSelector('body.ks-ready');
      expect(await c.textContent(`[data-challenge="${FIRST}"]`)).toMatch(/✓/);
      expect(await c.textContent('#ct-score')).toContain(`${s1.points}/${s1.max}`);
      await openChallenge(c, HINTED);
      expect(await c.locator('#ct-hints li').count()).toBe(1);
      expect(await submitFlag(c, await referenceFlag(HINTED, player))).toBe('true');
      // Saved while the tab is open (a challenge worth more than 100 points is a weight Moodle refused before):
      // no "could not save" notice, and the result is in Moodle before the tab closes.
      expect(await c.isVisible('#ct-notice')).toBe(false);
      await expect.poll(() => gradebookGrade(env.site, scorm, hs), { timeout: 30_000, interval: 500 }).not.toBeNull();
      await closeTab(tab);
    }
    const p2 = await savedProgress((p) => p.solved.includes(HINTED));
    expect(p2).toEqual({ player, solved: [FIRST, HINTED], fixed: [], hints: { [HINTED]: 1 } });
    // What the contest's scoring says (the hint's cost taken off the hinted challenge) is what Moodle grades.
    const s2 = contestScore(contest, p2);
    const hintCost = contest.challenges.find((ch) => ch.id === HINTED)?.hints[0]?.cost ?? 0;
    expect(hintCost).toBeGreaterThan(0);
    expect(s2.points).toBe(contestScore(contest, { ...p2, hints: {} }).points - hintCost);
    expect(s2.percent).toBeGreaterThanOrEqual(contest.masteryScore);
    await expect.poll(() => gradebookGrade(env.site, scorm, hs), { timeout: 30_000, interval: 500 }).toBe(s2.percent);
    const t2 = (await scormAttempts(env.site, scorm, hs)).at(-1)?.tracks ?? {};
    expect(t2['cmi.core.lesson_status']).toBe('passed');
    expect(t2['cmi.core.score.raw']).toBe(String(s2.percent));
    // "Require status: Passed" completes the activity.
    expect((await completionState(env.site, scorm, hs)).overall).toBe('complete');
    expect(await scormAttempts(env.site, scorm, hs)).toHaveLength(1);
  });
});
