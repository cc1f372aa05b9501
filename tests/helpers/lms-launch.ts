import { expect } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { contentPath } from './lms-site.ts';
import type { LmsCall, Tracks } from './moodle-rules.ts';

export interface LmsLaunch {
  page: Page;
  frame: Frame;
  calls: () => Promise<LmsCall[]>;
  /** Unloads the content (as leaving the activity does), waits for LMSFinish/Terminate, returns all calls. */
  leave: () => Promise<LmsCall[]>;
}

export interface LaunchOptions {
  /** Data Moodle hands the SCO on launch (tracks of earlier sessions, lesson_mode, credit, entry). */
  flat?: Tracks;
  display?: 'iframe' | 'window';
  fail?: { method: string; element?: string; times: number; after?: string }[];
}

/** Opens the test LMS (tests/e2e/lms/host.html), which launches a package at a Moodle-like nested path. */
export function createLmsLauncher(browser: Browser, serverUrl: string) {
  return async function launch(version: '12' | '2004', unitId: string, opts: LaunchOptions = {}): Promise<LmsLaunch> {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    const page = await context.newPage();
    const format = version === '12' ? 'scorm12' : 'scorm2004';
    const config = { version, launch: `${contentPath(format, unitId)}index.html`, display: opts.display ?? 'iframe', fail: opts.fail ?? [], flat: opts.flat };
    await page.addInitScript((c) => { (window as unknown as { __KS_CONFIG__: unknown }).__KS_CONFIG__ = c; }, config);
    const popup = opts.display === 'window' ? context.waitForEvent('page') : null;
    await page.goto(`${serverUrl}/lms/host.html`);
    let frame: Frame;
    if (popup) {
      const child = await popup;
      await child.waitForLoadState();
      frame = child.mainFrame();
    } else {
      const handle = await page.waitForSelector('#sco');
      frame = (await handle.contentFrame()) as Frame;
    }
    await frame.waitForSelector('body.ks-ready');
    const calls = () => page.evaluate(() => (window as unknown as { __calls: LmsCall[] }).__calls);
    return {
      page, frame, calls,
      leave: async () => {
        await page.evaluate(() => (window as unknown as { __leave: () => void }).__leave());
        await expect.poll(async () => (await calls()).some((c) => c.method === 'LMSFinish' || c.method === 'Terminate')).toBe(true);
        const all = await calls();
        await context.close();
        return all;
      },
    };
  };
}
