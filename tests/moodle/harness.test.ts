// The harness itself: a clean site per scenario, a package imported with the guide's settings, a learner whose
// visit Moodle stores.
import { expect, it } from 'vitest';
import { addScorm, closeTab, createCourse, createUser, describeMoodle, GUIDE_SCORM_SETTINGS, loginAs, openScorm, scormAttempts } from './harness/index.ts';
import { unitPackages } from './harness/packages.ts';

describeMoodle('real Moodle harness', (env) => {
  it('reset() brings back a clean site: what one scenario created is gone in the next', async () => {
    const course = await createCourse(env.site, 'reset-check');
    await createUser(env.site, 'reset-hs', { course });
    expect(await env.site.sql(`SELECT id FROM mdl_user WHERE username = 'reset-hs'`)).toHaveLength(1);
    await env.site.reset();
    expect(await env.site.sql(`SELECT id FROM mdl_user WHERE username = 'reset-hs'`)).toHaveLength(0);
    expect(await env.site.sql(`SELECT id FROM mdl_course WHERE shortname = 'reset-check'`)).toHaveLength(0);
    expect(await env.site.php<number>(`return (int)$DB->count_records('user');`)).toBe(2); // guest + admin
  });

  it('a student opens a SCORM 1.2 package imported with the guide\'s settings and Moodle stores the visit', async () => {
    const pkgs = await unitPackages(['g6-internet-safety']);
    const course = await createCourse(env.site);
    const hs = await createUser(env.site, 'hs1', { course });
    const scorm = await addScorm(env.site, course, pkgs.zip('scorm12', 'g6-internet-safety'), GUIDE_SCORM_SETTINGS);
    expect(scorm.version).toBe('SCORM_1.2');
    const ctx = await loginAs(env.browser, env.site, hs);
    const { player, content } = await openScorm(ctx, env.site, scorm);
    await content.waitForSelector('body.ks-ready');
    expect(await player.evaluate(() => typeof (window as unknown as { API?: unknown }).API)).toBe('object');
    await closeTab(player);
    await ctx.close();
    const attempts = await scormAttempts(env.site, scorm, hs);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]?.tracks['cmi.core.lesson_status']).toBe('incomplete');
    expect(attempts[0]?.tracks['cmi.core.exit']).toBe('suspend');
  });
});
