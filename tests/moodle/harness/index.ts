/**
 * Real-Moodle test harness (see README.md beside this file).
 *
 *   const site = await startMoodle();            // throws MoodleSkip(reason) without a Moodle source
 *   await site.reset();                          // clean site before each scenario (seconds)
 *   const course = await createCourse(site);
 *   const learner = await createUser(site, 'hs1', { course });
 *   const scorm = await addScorm(site, course, zipPath, { ...GUIDE_SCORM_SETTINGS, completion: { status: ['passed'] } });
 *   const ctx = await loginAs(browser, site, learner);
 *   const { player, content } = await openScorm(ctx, site, scorm);
 *   … drive `content` (the package frame) …
 *   await closeTab(player);
 *   await scormAttempts(site, scorm, learner); await gradebookGrade(site, scorm, learner); await completionState(site, scorm, learner);
 *   await site.stop();
 */
export { startMoodle, connectMoodle, ensureInstalled, MoodleSkip, ADMIN_PASSWORD, type MoodleSite, type MoodleServer, type MoodleRunInfo } from './site.ts';
export { describeMoodle, type MoodleEnv } from './suite.ts';
export { moodleSkipReason } from './skip.ts';
export { findMoodleSource, type MoodleSource } from './source.ts';
export { missingTools } from './tools.ts';
export { createCourse, createUser, addScorm, scormAttempts, gradebookGrade, completionState, GUIDE_SCORM_SETTINGS, type Course, type User, type Scorm, type ScormSettings, type Attempt } from './fixtures.ts';
export { loginAs, openScorm, contentFrame, closeTab, type Launched } from './browser.ts';
