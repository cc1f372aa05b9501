import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The real-Moodle tests run in their own pass (tests/moodle/vitest.config.ts): `npm test` runs both.
    exclude: [...configDefaults.exclude, 'tests/moodle/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    pool: 'forks',
    // vitest's default in run mode is CPUs − 1, one worker on the 2-CPU CI machine: every file ran in turn.
    // The e2e files mostly wait on Chromium, so two workers overlap them (main pass 12.5 min instead of 17).
    maxWorkers: 2,
    // One folder per run for the builds the test files share (tests/helpers/shared-build.ts).
    globalSetup: ['tests/helpers/run-dir-setup.ts'],
  },
});
