import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { buildRealCurriculum } from '../helpers/build-once.ts';
import { pressButton } from './keyboard.ts';

/**
 * Moodle serves package files through pluginfile.php without application/wasm, as many school web servers
 * do. The test server here serves .wasm as application/octet-stream too: the secure-coding lab must load
 * its SQLite engine there with no console error, and download it once however often the lab is shown.
 */
const UNIT = 'g11-secure-coding';
const only = process.env.KHIENSO_ONLY?.split(',');
let browser: Browser;
let server: Awaited<ReturnType<typeof startStaticServer>>;

beforeAll(async () => {
  if (only && !only.includes(UNIT)) return;
  const { dist } = await buildRealCurriculum();
  server = await startStaticServer(dist);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.skipIf(!!only && !only.includes(UNIT))('the SQL lab engine', () => {
  it('loads from a server that sends .wasm as application/octet-stream: no console error, one download, works after a language switch', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    const wasm: { url: string; type: string | undefined }[] = [];
    page.on('response', (r) => { if (r.url().endsWith('.wasm')) wasm.push({ url: r.url(), type: r.headers()['content-type'] }); });
    await page.goto(`${server.url}/units/${UNIT}/index.html`);
    await page.waitForSelector('body.ks-ready');
    await pressButton(page.mainFrame(), '#ks-nav li:last-child button');
    await page.waitForSelector('.ks-lab[data-lab="sql"] [data-ready="true"], .ks-lab[data-lab="sql"][data-ready="true"]');
    await pressButton(page.mainFrame(), '#ks-lang');
    await page.waitForSelector('.ks-lab[data-lab="sql"] [data-ready="true"], .ks-lab[data-lab="sql"][data-ready="true"]');
    // The engine answers: the injection login runs a real query.
    await page.fill('#sql-user', "admin' --");
    await page.click('#sql-login');
    await expect.poll(() => page.textContent('#sql-result')).toMatch(/admin/);
    expect(wasm).toHaveLength(1);
    expect(wasm[0]?.type).toBe('application/octet-stream');
    expect(errors).toEqual([]);
    await context.close();
  });
});
