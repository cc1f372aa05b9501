import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { launchBrowser } from '../helpers/browser.ts';
import { scratchCurriculum } from '../helpers/fixtures.ts';
import { startDevServer } from '../../packaging/dev-server.ts';

let browser: Browser;
let dev: Awaited<ReturnType<typeof startDevServer>>;
const c = scratchCurriculum();

beforeAll(async () => {
  dev = await startDevServer({ root: c.root, dist: join(c.root, 'dist'), unitsDir: c.unitsDir, frameworksDir: c.frameworksDir, port: 0 });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await dev?.close();
});

describe('npm run dev: the author edits MDX and sees the result', () => {
  it('an edit rebuilds the unit and reloads the browser; a mistake is shown in the page with file:line; fixing it reloads again', async () => {
    expect(dev.last()).toMatchObject({ type: 'built', units: ['fx-basics'] });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${dev.url}/units/fx-basics/index.html`);
    await page.waitForSelector('body.ks-ready');
    await page.waitForTimeout(300); // the event stream is open

    // 1. An edit: the watcher rebuilds and the page reloads by itself with the new text.
    let reloaded = page.waitForEvent('load', { timeout: 30_000 });
    c.edit('lessons/01-risks.vi.mdx', (s) => s.replace('Internet rất **hữu ích**', 'Internet thật **tuyệt vời**'));
    await reloaded;
    await page.waitForSelector('body.ks-ready');
    expect(await page.locator('#p-1 [data-l="vi"]').innerHTML()).toContain('Internet thật <strong>tuyệt vời</strong>');

    // 2. A mistake: the page stays, and shows the problem with its file and line.
    c.edit('assessment.mdx', (s) => s.replace('correct="a c"', 'correct="a e"'));
    const box = page.locator('#ks-dev-problems');
    await box.waitFor({ timeout: 30_000 });
    expect(await box.textContent()).toMatch(/fx-basics\/assessment\.mdx:13\s+<MultipleResponse id="scam-signs">: correct names choice "e"/);

    // 3. The fix: rebuilt, reloaded, no problem box.
    reloaded = page.waitForEvent('load', { timeout: 30_000 });
    c.edit('assessment.mdx', (s) => s.replace('correct="a e"', 'correct="a c"'));
    await reloaded;
    await page.waitForSelector('body.ks-ready');
    expect(await page.locator('#ks-dev-problems').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 120_000);
});
