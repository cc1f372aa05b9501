// vitest globalSetup for the real-Moodle tests: one Moodle for the whole run, shared by the test files
// (which run one after another and reset it before each scenario).
import type { TestProject } from 'vitest/node';
import { startMoodle, type MoodleRunInfo } from './harness/site.ts';
import { moodleSkipReason } from './harness/skip.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    moodle: MoodleRunInfo | null;
    moodleSkip: string | null;
  }
}

export default async function setup(project: TestProject) {
  const reason = await moodleSkipReason();
  if (reason) {
    console.warn(`[moodle] Moodle tests SKIPPED: ${reason}`);
    project.provide('moodle', null);
    project.provide('moodleSkip', reason);
    return;
  }
  const t0 = Date.now();
  const server = await startMoodle();
  console.warn(`[moodle] ${server.url} up in ${Math.round((Date.now() - t0) / 1000)} s`);
  project.provide('moodle', server.info);
  project.provide('moodleSkip', null);
  return async () => {
    await server.stop();
  };
}
