// The reports docs/moodle-import.md sends teachers to really show the learner's data in a real Moodle.
import { expect, it } from 'vitest';
import { completeUnitByClick as completeUnit } from './harness/learner.ts';
import { addScorm, closeTab, createCourse, createUser, describeMoodle, GUIDE_SCORM_SETTINGS, gradebookGrade, loginAs, openScorm, scormAttempts } from './harness/index.ts';
import { unitPackages } from './harness/packages.ts';

const G6 = 'g6-internet-safety';

describeMoodle('teacher reports in a real Moodle', (env) => {
  it('after a pass: Basic report shows score and status, Track details show every answer and outcome code (1.2 and 2004), the 1.2 Interactions report shows the answers', async () => {
    const pkgs = await unitPackages([G6]);
    const unit = pkgs.unit(G6);
    const course = await createCourse(env.site);
    const hs = await createUser(env.site, 'hs1', { course });
    const teacher = await createUser(env.site, 'gv1', { course, role: 'editingteacher' });
    const learner = await loginAs(env.browser, env.site, hs);
    const done: { cmid: number; scoid: number; expected: number; format: string; ids: string[] }[] = [];
    for (const format of ['scorm12', 'scorm2004'] as const) {
      const scorm = await addScorm(env.site, course, pkgs.zip(format, G6), { ...GUIDE_SCORM_SETTINGS, name: `Unit ${format}` });
      const { player, content } = await openScorm(learner, env.site, scorm);
      await content.waitForSelector('body.ks-ready');
      const { expected, ids } = await completeUnit(content, unit, 1);
      await closeTab(player);
      await expect.poll(async () => gradebookGrade(env.site, scorm, hs), { timeout: 20_000 }).toBe(expected);
      expect((await scormAttempts(env.site, scorm, hs))[0]?.tracks[format === 'scorm12' ? 'cmi.core.score.raw' : 'cmi.score.raw']).toBe(String(expected));
      done.push({ cmid: scorm.cmid, scoid: scorm.scoid, expected, format, ids });
    }
    const ctx = await loginAs(env.browser, env.site, teacher);
    const page = await ctx.newPage();
    for (const d of done) {
      await page.goto(`${env.site.url}/mod/scorm/report.php?id=${d.cmid}`);
      const basic = await page.locator('table#attempt, table.generaltable, table').first().innerText();
      expect(basic).toContain(`Sinh hs1`);
      expect(basic).toContain(String(d.expected));
      await page.goto(`${env.site.url}/mod/scorm/report/userreporttracks.php?id=${d.cmid}&user=${hs.id}&scoid=${d.scoid}&mode=basic&attempt=1`);
      // Element → value, as the Track details table shows them (element cells also hold a help icon).
      const rows = new Map(await page.$$eval('table.scormtrackreport tr', (trs) => trs.map((tr) => {
        const cells = [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim());
        return [(cells[0] ?? '').split(/\s/)[0] as string, cells[1] ?? ''] as [string, string];
      })));
      const values = [...rows.values()];
      for (const id of d.ids) expect(values).toContain(id);
      const objectiveIds = [...rows].filter(([k]) => /^cmi\.objectives[._]\d+\.id$/.test(k)).map(([, v]) => v);
      expect(objectiveIds.length, `elements shown: ${[...rows.keys()].join(' ')}`).toBeGreaterThan(0);
      for (const code of objectiveIds) if (!code.endsWith('.mastery')) expect(unit.outcomes.map((o) => o.code)).toContain(code);
      expect(rows.get(d.format === 'scorm12' ? 'cmi.core.lesson_status' : 'cmi.success_status')).toBe('passed');
      expect(rows.get(d.format === 'scorm12' ? 'cmi.core.score.raw' : 'cmi.score.raw')).toBe(String(d.expected));
    }
    const v12 = done[0] as (typeof done)[number];
    await page.goto(`${env.site.url}/mod/scorm/report.php?id=${v12.cmid}&mode=interactions`);
    const interactions = await page.locator('#region-main').innerText();
    // By default the 1.2 Interactions report shows one "Response N" column per interaction of the attempt (the
    // question ids appear only with its "Question" option): one per drawn question.
    for (let i = 0; i < v12.ids.length; i++) expect(interactions).toContain(`Response ${i}`);
    await ctx.close();
    await learner.close();
  });
});
