import { defineConfig } from 'vitest/config';
import { resolve } from 'node:path';

// The real-Moodle scenarios: one Moodle per test file, files one after another (2-core CI).
export default defineConfig({
  root: resolve(import.meta.dirname, '../..'),
  test: {
    include: ['tests/moodle/**/*.test.ts'],
    globalSetup: ['tests/helpers/run-dir-setup.ts', 'tests/moodle/global-setup.ts'],
    // A scenario takes 15–60 s (more under load); a hang fails fast and reports where (harness/suite.ts).
    testTimeout: 240_000,
    hookTimeout: 3_600_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
