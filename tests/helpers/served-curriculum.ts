import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { buildRealCurriculum } from './build-once.ts';
import { startStaticServer } from './static-server.ts';

export interface ServedCurriculum {
  built: Awaited<ReturnType<typeof buildRealCurriculum>>;
  server: Awaited<ReturnType<typeof startStaticServer>>;
  browser: Browser;
}

/**
 * The real curriculum built once per worker, served over http, and a headless browser — set up before the tests of
 * the calling file and closed after them. The fields are filled in beforeAll.
 */
export function servedCurriculum(): ServedCurriculum {
  const env = {} as ServedCurriculum;
  beforeAll(async () => {
    env.built = await buildRealCurriculum();
    env.server = await startStaticServer(env.built.dist);
    env.browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
