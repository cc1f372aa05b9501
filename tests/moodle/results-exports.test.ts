// The results view fed with the files a teacher really downloads from Moodle: three learners of one class take
// g6-internet-safety (SCORM 1.2; one also as SCORM 2004) with different answers; the teacher downloads the SCORM activity's Interactions
// report (text and Excel; also with its default options and without results), its Objectives report (text and
// Excel, "Show objective score"), its Basic report and the gradebook export (text and Excel) by clicking Moodle's
// own download buttons; the site's results page, given those files through its file input, must show per
// requirement exactly the objectives Moodle stored (read from mdl_scorm_scoes_value), weakest first, and must
// name what each wrong file lacks (Moodle 4.3.0's Objectives report download leaves its objective cells empty).
//
// KHIENSO_MOODLE_EXPORTS=tests/fixtures/moodle-exports saves the downloads and the stored tracks there, so the
// results unit and e2e tests run on the real files without a Moodle (see the README in that folder).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { takeAssessment, openLesson, nextPage } from './harness/learner.ts';
import { addScorm, closeTab, createCourse, createUser, describeMoodle, GUIDE_SCORM_SETTINGS, loginAs, openScorm, scormAttempts, type Scorm, type User } from './harness/index.ts';
import { unitPackages } from './harness/packages.ts';
import { REPO } from './harness/source.ts';
import { buildSite } from '../helpers/site-build.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { expectedMastery, shownMastery, WRONG_REPORTS, type StoredClass, type StoredLearner } from '../helpers/moodle-results.ts';

const G6 = 'g6-internet-safety';

/** Clicks Moodle's "Download" menu of a SCORM report and one of its items; returns the file as downloaded. */
async function reportDownload(page: Page, item: 'Download in text format' | 'Download in Excel format'): Promise<{ name: string; bytes: Buffer }> {
  await page.click('#dropdownMenuLink');
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(`.dropdown-menu a.dropdown-item:text-is("${item}")`)]);
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

/** The gradebook export form (Export → Plain text file / Excel spreadsheet) with its defaults, "Download". */
async function gradeExport(page: Page, url: string, courseId: number, plugin: 'txt' | 'xls'): Promise<{ name: string; bytes: Buffer }> {
  await page.goto(`${url}/grade/export/${plugin}/index.php?id=${courseId}`);
  const [d] = await Promise.all([page.waitForEvent('download'), page.click('#id_submitbutton')]);
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

describeMoodle('results view from real Moodle exports', (env) => {
  it('three learners, one class: the Interactions report downloads give the objectives Moodle stored; the other reports and the grade export are named with what they lack', async () => {
    const site = buildSite(); // built while the learners work
    site.catch(() => undefined);
    const pkgs = await unitPackages([G6]);
    const unit = pkgs.unit(G6);
    const course = await createCourse(env.site);
    const teacher = await createUser(env.site, 'gv1', { course, role: 'editingteacher' });
    const scorm: Scorm = await addScorm(env.site, course, pkgs.zip('scorm12', G6), { ...GUIDE_SCORM_SETTINGS, name: 'Lướt mạng an toàn' });
    // All right; a third wrong; most wrong (fails the unit and most requirements).
    const plan: [string, number][] = [['hs1', 0], ['hs2', 5], ['hs3', 11]];
    const users: User[] = [];
    for (const [name, wrong] of plan) {
      const hs = await createUser(env.site, name, { course });
      users.push(hs);
      const ctx = await loginAs(env.browser, env.site, hs);
      const { player, content } = await openScorm(ctx, env.site, scorm);
      await content.waitForSelector('body.ks-ready');
      await openLesson(content, 0);
      for (let i = 0; i < unit.lessons.length; i++) await nextPage(content);
      await takeAssessment(content, unit, wrong);
      await closeTab(player);
      await ctx.close();
    }
    // The same unit as a SCORM 2004 activity, taken by hs1: Moodle stores its objectives (cmi.objectives.N) but
    // no report download holds them.
    const scorm04: Scorm = await addScorm(env.site, course, pkgs.zip('scorm2004', G6), { ...GUIDE_SCORM_SETTINGS, name: 'Lướt mạng an toàn 2004' });
    {
      const ctx = await loginAs(env.browser, env.site, users[0]!);
      const { player, content } = await openScorm(ctx, env.site, scorm04);
      await content.waitForSelector('body.ks-ready');
      await openLesson(content, 0);
      for (let i = 0; i < unit.lessons.length; i++) await nextPage(content);
      await takeAssessment(content, unit, 0);
      await closeTab(player);
      await ctx.close();
    }
    const learners: StoredLearner[] = [];
    for (const hs of users) learners.push({ username: hs.username, email: `${hs.username}@khienso.test`, attempts: await scormAttempts(env.site, scorm, hs) });
    const learners04: StoredLearner[] = [{ username: users[0]!.username, email: `${users[0]!.username}@khienso.test`, attempts: await scormAttempts(env.site, scorm04, users[0]!) }];
    expect(expectedMastery(learners04, unit.masteryScore, { withScore: true, statusKnown: true }).length).toBeGreaterThan(0);
    const stored: Omit<StoredClass, 'downloads'> = { unit: G6, masteryScore: unit.masteryScore, activities: { scorm12: { version: scorm.version, learners }, scorm2004: { version: scorm04.version, learners: learners04 } } };
    // The three learners stored different results: someone mastered everything, someone failed some requirements.
    const full = expectedMastery(learners, unit.masteryScore, { withScore: true, statusKnown: true });
    expect(full.length).toBeGreaterThan(0);
    expect(full.some((r) => r.mastered < r.learners)).toBe(true);
    expect(full.some((r) => r.mastered > 0)).toBe(true);

    // The teacher's downloads, by clicking.
    const tctx: BrowserContext = await loginAs(env.browser, env.site, teacher);
    const page = await tctx.newPage();
    const files = new Map<string, { name: string; bytes: Buffer }>();
    // Interactions report: with its default options (responses only), with "Summary of question" only, then with
    // "Summary of question" and "Summary of result" (what the results page asks for), saved as the teacher's
    // preferences through the report's own form.
    const interactions = `${env.site.url}/mod/scorm/report.php?id=${scorm.cmid}&mode=interactions`;
    const options = async (ticks: Record<string, boolean>) => {
      for (const [id, on] of Object.entries(ticks)) await page.setChecked(`#id_${id}`, on);
      // The form posts back to report.php: wait for that page, not the one already shown.
      const saved = page.waitForResponse((r) => r.url().includes('/mod/scorm/report.php') && r.request().method() === 'POST');
      await page.click('#id_submitbutton');
      await saved;
      await page.waitForLoadState('load');
      for (const [id, on] of Object.entries(ticks)) expect(await page.isChecked(`#id_${id}`), id).toBe(on);
    };
    await page.goto(interactions);
    files.set('interactions-responses.txt', await reportDownload(page, 'Download in text format'));
    await options({ qtext: true });
    files.set('interactions-no-result.txt', await reportDownload(page, 'Download in text format'));
    await options({ qtext: true, result: true });
    files.set('interactions.txt', await reportDownload(page, 'Download in text format'));
    files.set('interactions.xlsx', await reportDownload(page, 'Download in Excel format'));
    // The SCORM 2004 activity's Interactions report, same options (saved as the teacher's preference).
    await page.goto(`${env.site.url}/mod/scorm/report.php?id=${scorm04.cmid}&mode=interactions`);
    expect(await page.isChecked('#id_qtext')).toBe(true);
    expect(await page.isChecked('#id_result')).toBe(true);
    files.set('scorm2004-interactions.txt', await reportDownload(page, 'Download in text format'));
    // Objectives report, with "Show objective score" (Moodle 4.3.0 leaves its objective cells empty).
    await page.goto(`${env.site.url}/mod/scorm/report.php?id=${scorm.cmid}&mode=objectives`);
    await options({ objectivescore: true });
    files.set('objectives.txt', await reportDownload(page, 'Download in text format'));
    files.set('objectives.xlsx', await reportDownload(page, 'Download in Excel format'));
    await page.goto(`${env.site.url}/mod/scorm/report.php?id=${scorm.cmid}&mode=basic`);
    files.set('basic.txt', await reportDownload(page, 'Download in text format'));
    files.set('grades.csv', await gradeExport(page, env.site.url, course.id, 'txt'));
    files.set('grades.xlsx', await gradeExport(page, env.site.url, course.id, 'xls'));
    await tctx.close();

    const save = process.env.KHIENSO_MOODLE_EXPORTS;
    if (save) {
      const dir = resolve(REPO, save);
      mkdirSync(dir, { recursive: true });
      for (const [name, f] of files) writeFileSync(join(dir, name), f.bytes);
      writeFileSync(join(dir, 'tracks.json'), JSON.stringify({ ...stored, downloads: Object.fromEntries([...files].map(([k, f]) => [k, f.name])) }, null, 1) + '\n');
    }

    // The site's results page, given each download through its file input.
    const built = await site;
    const server = await startStaticServer(built.dist);
    const ctx = await env.browser.newContext();
    try {
      const rp = await ctx.newPage();
      await rp.goto(`${server.url}/site/results/index.html`);
      const load = async (name: string) => {
        await rp.click('#results-clear');
        const f = files.get(name) as { name: string; bytes: Buffer };
        await rp.setInputFiles('#results-files-input', [{ name: f.name, mimeType: 'application/octet-stream', buffer: f.bytes }]);
        await rp.waitForSelector(`#results-files li, #results-errors li[data-file]`);
      };
      const want = expectedMastery(learners, unit.masteryScore, { withScore: true, statusKnown: true });
      const byCode = (x: { code: string }, y: { code: string }) => x.code.localeCompare(y.code);
      for (const name of ['interactions.txt', 'interactions.xlsx']) {
        await load(name);
        expect(await rp.textContent('#results-errors'), name).toBe('');
        const shown = await shownMastery(rp);
        expect([...shown].sort(byCode), name).toEqual([...want].sort(byCode));
        for (let i = 1; i < shown.length; i++) expect(shown[i]!.pct, name).toBeGreaterThanOrEqual(shown[i - 1]!.pct);
      }
      // The wrong reports: each named with what it lacks.
      for (const [name, { missing }] of Object.entries(WRONG_REPORTS)) {
        await load(name);
        const f = files.get(name)!;
        expect(await rp.getAttribute(`#results-errors li[data-file="${f.name}"] [data-missing]`, 'data-missing'), name).toBe(missing);
        expect(await rp.isVisible('#mastery'), name).toBe(false);
      }
    } finally {
      await ctx.close();
      await server.close();
    }
  });
});
