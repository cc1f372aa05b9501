// vitest globalSetup (both configs): one folder per test run for the builds the test files share
// (tests/helpers/shared-build.ts), removed when the run ends. `npm test` sets it itself, for both passes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup() {
  if (process.env.KHIENSO_TEST_RUN_DIR) return;
  const dir = mkdtempSync(join(tmpdir(), 'ks-test-run-'));
  process.env.KHIENSO_TEST_RUN_DIR = dir;
  return () => {
    if (!process.env.KHIENSO_KEEP_TEST_BUILDS) rmSync(dir, { recursive: true, force: true });
  };
}
