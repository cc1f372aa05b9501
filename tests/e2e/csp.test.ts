import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../helpers/browser.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { buildRealCurriculum } from '../helpers/build-once.ts';

const UNIT = 'g6-internet-safety';
let browser: Browser;
let server: Awaited<ReturnType<typeof startStaticServer>>;
let dist: string;

beforeAll(async () => {
  ({ dist } = await buildRealCurriculum());
  server = await startStaticServer(dist);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Content-Security-Policy of the lesson page (defence in depth behind the URL allow-list)', () => {
  it('every script of the page is a file of the unit; no inline script or handler', () => {
    const html = readFileSync(join(dist, 'units', UNIT, 'index.html'), 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self' 'wasm-unsafe-eval'/);
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\bsrc="[a-z0-9.-]+\.js"|type="application\/json"/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('script injected into the page does not run, and the player still works', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/units/${UNIT}/index.html`);
    await page.waitForSelector('body.ks-ready');
    const result = await page.evaluate(async () => {
      const w = window as unknown as { pwned?: number };
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const main = document.getElementById('ks-main') as HTMLElement;
      main.insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.pwned=1"><a id="js" href="javascript:window.pwned=2">x</a>');
      const s = document.createElement('script');
      s.textContent = 'window.pwned = 3';
      document.body.append(s);
      (document.getElementById('js') as HTMLAnchorElement).click();
      await new Promise((r) => setTimeout(r, 300));
      return { pwned: w.pwned ?? null, violations };
    });
    expect(result.pwned).toBeNull();
    expect(result.violations.some((v) => v.startsWith('script-src'))).toBe(true);
    // The player still reacts: the next-page button moves on.
    await page.click('#ks-pager button:last-child');
    expect(errors).toEqual([]);
    await context.close();
  });
});
