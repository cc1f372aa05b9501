import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../helpers/browser.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { buildSite, type SiteBuild } from '../helpers/site-build.ts';

let site: SiteBuild;
let browser: Browser;
let server: Awaited<ReturnType<typeof startStaticServer>>;

beforeAll(async () => {
  site = await buildSite();
  server = await startStaticServer(site.site);
  browser = await launchBrowser();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every page of the site itself (the unzipped packages under preview/ and downloads/ have the player's own policy). */
const pages = (dir: string, top = true): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (top && (e.name === 'preview' || e.name === 'downloads') ? [] : pages(join(dir, e.name), false)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));

describe('Content-Security-Policy of the teacher site', () => {
  it('every page has a policy; every inline script is allowed by its hash; no inline event handler anywhere', () => {
    const all = pages(site.site);
    expect(all.length).toBeGreaterThan(50);
    for (const file of all) {
      const html = readFileSync(file, 'utf8');
      const csp = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1];
      expect(csp, file).toBeDefined();
      const scriptSrc = /script-src ([^;]*)/.exec(csp ?? '')?.[1] ?? '';
      expect(scriptSrc, file).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      for (const m of html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)) {
        const hash = createHash('sha256').update(m[1] ?? '').digest('base64');
        expect(scriptSrc, `${file}: inline script without its hash`).toContain(`'sha256-${hash}'`);
      }
      expect(html, file).not.toMatch(/<[a-z][^>]*\son(click|load|error|submit|change|input)=/i);
    }
  });

  it('in a lesson plan, injected script does not run while the page’s own scripts (print button) work', async () => {
    const unit = site.catalog[0];
    const page = await browser.newPage();
    await page.goto(`${server.url}/units/${unit?.id}/lessons/${unit?.lessons[0]?.id}/`);
    const out = await page.evaluate(async () => {
      const w = window as unknown as { pwned?: number; printed?: boolean; print: () => void };
      w.print = () => { w.printed = true; };
      document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.pwned=1">');
      const s = document.createElement('script');
      s.textContent = 'window.pwned = 2';
      document.body.append(s);
      (document.querySelector('[data-print]') as HTMLElement).click();
      await new Promise((r) => setTimeout(r, 300));
      return { pwned: w.pwned ?? null, printed: w.printed ?? false };
    });
    expect(out).toEqual({ pwned: null, printed: true });
    await page.close();
  });
});
