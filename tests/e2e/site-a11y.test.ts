// axe-core over every page type of the teacher site in both languages (WCAG 2.x A/AA and axe best practices, as
// the December 2026 review ran it), in the
// states a user reaches (filters applied, result files loaded), and over the lesson player's assessment with
// each interactive lab (the "lab pages"), in Vietnamese and English. Zero violations expected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launchBrowser } from '../helpers/browser.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { buildSite, type SiteBuild } from '../helpers/site-build.ts';
import { REPO } from '../helpers/fixtures.ts';
import { loadCurriculum, type Curriculum } from '../../src/model/load/load-curriculum.ts';
import { pressButton } from './keyboard.ts';
import { savedExports } from '../helpers/moodle-results.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
let build: SiteBuild;
let model: Curriculum;
let browser: Browser;
let server: Awaited<ReturnType<typeof startStaticServer>>;

beforeAll(async () => {
  build = await buildSite();
  model = loadCurriculum({ root: REPO, only: process.env.KHIENSO_ONLY?.split(',') });
  server = await startStaticServer(build.dist);
  browser = await launchBrowser();
}, 900_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function axe(page: Page, label: string, exclude?: string, include?: string): Promise<string[]> {
  let b = new AxeBuilder({ page }).withTags(TAGS);
  if (exclude) b = b.exclude(exclude);
  if (include) b = b.include(include);
  const r = await b.analyze();
  return r.violations.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
}

describe('accessibility (axe-core)', () => {
  it('every page type of the site, in Vietnamese and English, has no violations', async () => {
    const unit = build.catalog.find((u) => u.id === 'g6-internet-safety') ?? build.catalog[0]!;
    const lesson = unit.lessons[0]!.id;
    const pageTypes = [
      '', 'search/index.html?q=mat+khau', 'downloads/', 'moodle/', 'coverage/', 'coverage/index.html?grade=6&status=assessed', 'coverage/summary/', 'coverage/changes/', 'results/', 'contests/', 'contests/web-security/',
      `units/${unit.id}/`, `units/${unit.id}/lessons/${lesson}/`, `units/${unit.id}/answers/`, `units/${unit.id}/handouts/`, `units/${unit.id}/preview/`,
    ];
    const violations: string[] = [];
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    for (const lang of ['', 'en/']) {
      for (const p of pageTypes) {
        const path = `${lang}${p.endsWith('/') || p === '' ? `${p}index.html` : p}`;
        await page.goto(`${server.url}/site/${path}`);
        await page.waitForLoadState('load');
        violations.push(...(await axe(page, path, '#ks-preview')));
      }
    }
    // The results page with files loaded (its table is built in the page): a real Moodle Interactions report, and
    // the real grade export (a wrong file, so the message block shows too); in both languages.
    const saved = savedExports();
    expect(saved).not.toBeNull();
    for (const lang of ['', 'en/']) {
      await page.goto(`${server.url}/site/${lang}results/index.html`);
      await page.setInputFiles('#results-files-input', [{ name: '6A.txt', mimeType: 'text/plain', buffer: saved!.files.get('interactions.txt')! }, { name: 'grades.csv', mimeType: 'text/csv', buffer: saved!.files.get('grades.csv')! }]);
      await page.waitForSelector('#mastery tbody tr');
      await page.waitForSelector('#results-errors li');
      violations.push(...(await axe(page, `${lang}results (loaded)`)));
    }
    await context.close();
    expect(violations).toEqual([]);
  }, 900_000);

  it('the lesson texts of every unit (handouts) have no violations', async () => {
    const violations: string[] = [];
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // Vietnamese for every unit; English for one unit of each school level (the same components, translated).
    const english = new Set([3, 6, 10].map((g) => build.catalog.find((u) => u.grade === g)?.id));
    for (const u of build.catalog) {
      for (const path of [`units/${u.id}/handouts/index.html`, ...(english.has(u.id) ? [`en/units/${u.id}/handouts/index.html`] : [])]) {
        await page.goto(`${server.url}/site/${path}`);
        violations.push(...(await axe(page, path, undefined, 'main')));
      }
    }
    await context.close();
    expect(violations).toEqual([]);
  }, 900_000);

  it('the assessment page with each interactive lab has no violations, in both languages', async () => {
    const labUnits = model.units.filter((u) => u.assessment.questions.some((q) => q.type === 'lab'));
    expect(labUnits.length).toBeGreaterThan(0);
    const violations: string[] = [];
    for (const u of labUnits) {
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/units/${u.id}/index.html`);
      await page.waitForSelector('body.ks-ready');
      await pressButton(page.mainFrame(), '#ks-nav li:last-child button');
      await page.waitForSelector('.ks-lab');
      violations.push(...(await axe(page, `${u.id} (vi)`)));
      await page.click('#ks-lang');
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
      await page.waitForSelector('.ks-lab');
      violations.push(...(await axe(page, `${u.id} (en)`)));
      await context.close();
    }
    expect(violations).toEqual([]);
  }, 900_000);
});
