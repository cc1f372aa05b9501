// describe() over the run's real Moodle (started by tests/moodle/global-setup.ts), reported SKIPPED with the
// reason when Moodle cannot run here.
import { afterAll, beforeAll, beforeEach, describe, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../helpers/browser.ts';
import { connectMoodle, type MoodleSite } from './site.ts';

export interface MoodleEnv {
  site: MoodleSite;
  browser: Browser;
}

/**
 * `env.site` (reset to a clean site before every test) and `env.browser` are ready inside the tests. Without a
 * Moodle the block is reported skipped with the reason in its title; KHIENSO_REQUIRE_MOODLE=1 (CI) makes it a failure.
 */
export function describeMoodle(title: string, body: (env: MoodleEnv) => void): void {
  const info = inject('moodle');
  const reason = inject('moodleSkip');
  if (!info) {
    const why = reason ?? 'no Moodle started (run with --config tests/moodle/vitest.config.ts)';
    if (process.env.KHIENSO_REQUIRE_MOODLE === '1') throw new Error(`Moodle tests required (KHIENSO_REQUIRE_MOODLE=1) but cannot run: ${why}`);
    describe.skip(`${title} — SKIPPED: ${why}`, () => body({} as MoodleEnv));
    return;
  }
  const env = {} as MoodleEnv;
  describe(title, () => {
    beforeAll(async () => {
      env.site = connectMoodle(info);
      env.browser = await launchBrowser();
    });
    afterAll(async () => {
      await env.browser?.close();
    });
    beforeEach(async () => {
      await env.site.reset();
    });
    body(env);
  });
}
