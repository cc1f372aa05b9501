// describe() over the run's real Moodle (started by tests/moodle/global-setup.ts), reported SKIPPED with the
// reason when Moodle cannot run here.
import { afterAll, afterEach, beforeAll, beforeEach, describe, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../helpers/browser.ts';
import { connectMoodle, type MoodleSite } from './site.ts';
import { openContexts } from './browser.ts';

/** Resolves `p`, or undefined after `ms` (cleanup must never hang a run). */
const within = <T>(p: Promise<T>, ms: number) => Promise.race([p, new Promise<undefined>((r) => setTimeout(() => r(undefined), ms))]);

/** The learner's open tabs and frames, for the failure report. */
function openTabs(): string {
  const lines: string[] = [];
  for (const ctx of openContexts) for (const page of ctx.pages()) {
    lines.push(`tab ${page.url()}`);
    for (const f of page.frames()) if (f !== page.mainFrame()) lines.push(`  frame ${f.url()}`);
  }
  return lines.join('\n') || '(no open tabs)';
}

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
    afterEach(async (ctx) => {
      // On failure (a timeout included) the report says where the learner was and what Moodle was doing.
      if (ctx.task.result?.state === 'fail') {
        console.error(`[moodle] failure report: ${ctx.task.name}\n${openTabs()}\n${await within(env.site.diagnose(), 30_000) ?? '(diagnosis timed out)'}`);
      }
      // Close this scenario's tabs (running their unload handlers), so none talks to the next scenario's site.
      for (const profile of [...openContexts]) {
        await within(profile.close(), 20_000);
        openContexts.delete(profile);
      }
    });
    body(env);
  });
}
