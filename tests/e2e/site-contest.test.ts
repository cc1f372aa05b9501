// The web-security contest page of the teacher site (issue 16), both languages: every challenge as its sources
// give it (and nothing a player should not see), every download identical to the contest build's file, axe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launchBrowser } from '../helpers/browser.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { buildSite, type SiteBuild } from '../helpers/site-build.ts';
import { REPO } from '../helpers/fixtures.ts';
import { loadContestSources, type ContestSources } from '../../src/contest/load-challenges.ts';
import { SOLUTIONS } from '../../src/contest/challenges/solutions.ts';
import type { ContestCatalog } from '../../packaging/contest/build-contest.ts';

let build: SiteBuild;
let sources: ContestSources;
let catalog: ContestCatalog;
let browser: Browser;
let server: Awaited<ReturnType<typeof startStaticServer>>;
let base: string;

beforeAll(async () => {
  build = await buildSite();
  sources = loadContestSources(REPO);
  catalog = JSON.parse(readFileSync(join(build.dist, 'contest/catalog.json'), 'utf8')) as ContestCatalog;
  server = await startStaticServer(build.dist);
  base = `${server.url}/site`;
  browser = await launchBrowser();
}, 900_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function open(path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/${path}`);
  return page;
}

describe('web-security contest page', () => {
  for (const lang of ['vi', 'en'] as const) {
    const prefix = lang === 'en' ? 'en/' : '';

    it(`${lang}: lists every challenge of every contest unit with its tier, points, fix points, hint costs and outcomes, and no flag or solution`, async () => {
      const page = await open(`${prefix}contests/web-security/index.html`);
      for (const c of sources.contests) {
        const ids = await page.$$eval(`section[data-contest="${c.id}"] tr[data-challenge]`, (trs) => trs.map((tr) => (tr as HTMLElement).dataset.challenge));
        expect(ids).toEqual(c.challenges);
        for (const id of c.challenges) {
          const t = sources.challenges.find((x) => x.text.id === id)?.text;
          if (!t) throw new Error(id);
          const row = page.locator(`section[data-contest="${c.id}"] tr[data-challenge="${id}"]`);
          expect(await row.locator('th').textContent()).toContain(t.title[lang]);
          expect(await row.textContent()).toContain(t.category[lang]);
          expect(await row.locator('[data-value]').getAttribute('data-value')).toBe(String(t.value));
          expect(await row.locator('[data-fix]').getAttribute('data-fix')).toBe(String(t.fixValue));
          expect(await row.locator('[data-hints]').getAttribute('data-hints')).toBe(t.hints.map((h) => h.cost).join(' '));
          expect(await row.locator('[data-outcome]').allTextContents()).toEqual(t.outcomes);
        }
      }
      const text = await page.textContent('main') ?? '';
      expect(text).not.toMatch(/KS\{/);
      for (const ch of sources.challenges) {
        expect(text).not.toContain(ch.text.solution[lang].trim().slice(0, 60));
        const ref = SOLUTIONS[ch.text.id]?.reference;
        if (ref) expect(text).not.toContain([...ref.split('\n')].sort((x, y) => y.length - x.length)[0]?.trim());
      }
      // Rules of engagement and the law, Moodle settings, CTFd, where the solution sheets are.
      expect(await page.textContent('section.rules')).toContain('116/2025/QH15');
      expect(await page.textContent('ul.moodle-settings')).toMatch(lang === 'vi' ? /Điểm cao nhất[\s\S]*Không giới hạn/ : /Highest grade[\s\S]*Unlimited/);
      expect(await page.textContent('#ctfd + p')).toContain('ctfcli');
      expect(text).toContain('dist/contest/solutions/');
      await page.context().close();
    });

    it(`${lang}: every download is the contest build's file, with the size and SHA-256 of the catalogue`, async () => {
      const page = await open(`${prefix}contests/web-security/index.html`);
      const rows = await page.$$eval('table.contest-downloads tbody tr', (trs) => trs.map((tr) => ({
        contest: (tr as HTMLElement).dataset.contest ?? '', kind: (tr as HTMLElement).dataset.kind ?? '',
        sha: tr.querySelector('[data-sha256]')?.textContent?.trim() ?? '',
        bytes: Number((tr.querySelector('[data-bytes]') as HTMLElement).dataset.bytes),
        href: (tr.querySelector('a[href]') as HTMLAnchorElement).href,
      })));
      const expected = [
        ...catalog.contests.flatMap((c) => [...Object.entries(c.packages).map(([kind, f]) => ({ contest: c.id, kind, f })), { contest: c.id, kind: 'offline', f: c.offline }]),
        { contest: '', kind: 'ctfd', f: catalog.ctfd },
      ];
      expect(rows.map((r) => `${r.contest}/${r.kind}`).sort()).toEqual(expected.map((e) => `${e.contest}/${e.kind}`).sort());
      for (const row of rows) {
        const e = expected.find((x) => x.contest === row.contest && x.kind === row.kind);
        if (!e) throw new Error(`${row.contest}/${row.kind}`);
        const res = await fetch(row.href);
        expect(res.status, row.href).toBe(200);
        const body = new Uint8Array(await res.arrayBuffer());
        // The same bytes as the contest build wrote in dist/contest/, as the page and the catalogue say.
        expect(Buffer.from(body).equals(readFileSync(join(build.dist, e.f.file))), row.href).toBe(true);
        expect(sha256(body)).toBe(row.sha);
        expect(row.sha).toBe(e.f.sha256);
        expect(body.length).toBe(row.bytes);
        expect(row.bytes).toBe(e.f.bytes);
      }
      await page.context().close();
    });

    it(`${lang}: reached from the contests page and the main navigation; no axe violations`, async () => {
      const page = await open(`${prefix}contests/index.html`);
      await page.click('p.contest-link a');
      await page.waitForURL(/contests\/web-security\//);
      expect(await page.getAttribute('.site-nav a[aria-current]', 'href')).toMatch(/contests\/(index\.html)?$/);
      const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
      expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)).toEqual([]);
      await page.context().close();
    });
  }
});
