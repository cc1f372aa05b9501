import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launchBrowser } from '../helpers/browser.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { buildSite, type SiteBuild } from '../helpers/site-build.ts';
import { REPO } from '../helpers/fixtures.ts';
import { completeUnit } from './keyboard.ts';
import { loadCurriculum, type Curriculum } from '../../src/model/load/load-curriculum.ts';
import { stripDiacritics } from '../../src/core/normalize.ts';
import { computeCoverage, requirementsFrom, type Bucket, type Coverage } from '../../src/site/coverage.ts';
import type { Unit } from '../../src/model/unit.ts';

const UNIT = 'g7-online-behaviour'; // a unit without a lab: these helpers answer drawn questions only (g6-internet-safety now has the passwords lab)
let build: SiteBuild;
let model: Curriculum;
let unit: Unit;
let coverage: Coverage;
let browser: Browser;
let server: Awaited<ReturnType<typeof startStaticServer>>;
/** The site is served from a sub-folder (/site/) of dist/, as when dist/ is copied onto any web server. */
let base: string;

beforeAll(async () => {
  build = await buildSite();
  model = loadCurriculum({ root: REPO, only: process.env.KHIENSO_ONLY?.split(',') });
  unit = model.units.find((u) => u.id === UNIT) as Unit;
  // Recomputed independently from dist/catalog.json and the frameworks.
  coverage = computeCoverage(build.catalog, requirementsFrom(model.outcomes.values()));
  server = await startStaticServer(build.dist);
  base = `${server.url}/site`;
  browser = await launchBrowser();
}, 900_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page that records page errors and every request outside the site. */
async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; errors: string[]; foreign: string[] }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(`${base}/`) && !u.startsWith('data:') && u !== 'about:blank') foreign.push(u);
  });
  await page.goto(`${base}/${path}`);
  return { page, errors, foreign };
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const htmlFiles = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? htmlFiles(join(dir, n)) : n.endsWith('.html') ? [join(dir, n)] : []));

describe('teacher-guide site (headless Chromium)', () => {
  it('uses only relative links and local files; every link of every page resolves inside the site', () => {
    const problems: string[] = [];
    const pages = htmlFiles(build.site).filter((f) => !relative(build.site, f).startsWith(`preview${sep}`));
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      for (const [, tag, attr, url] of html.matchAll(/<([a-z]+)\b[^>]*?\s(href|src|action)="([^"]*)"/gi)) {
        const where = `${relative(build.site, file)} <${tag} ${attr}="${url}">`;
        if (url === undefined || url === '' || url.startsWith('#') || url.startsWith('data:')) continue;
        // Lesson text may link to the outside world; nothing may load from it.
        if (tag === 'a' && /^(https?|mailto|tel):/i.test(url)) continue;
        if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/')) { problems.push(`${where}: not relative`); continue; }
        const path = url.replace(/[?#].*$/, '');
        const target = resolve(dirname(file), path.endsWith('/') ? `${path}index.html` : path);
        if (!target.startsWith(build.site) || !existsSync(target)) problems.push(`${where}: no such file`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('navigates in both languages: home → unit → lesson plan, switching language on each page', async () => {
    const { page, errors, foreign } = await open('index.html');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.click(`article[data-unit="${UNIT}"] h4 a`);
    expect(await page.textContent('h1')).toBe(unit.title.vi);
    // Outcomes show their full text from the frameworks.
    for (const o of unit.outcomes) expect(await page.textContent(`tr[data-code="${o.code}"] td`)).toBe(model.outcomes.get(o.code)?.vi);
    await page.click('a.lang-switch');
    expect(page.url()).toBe(`${base}/en/units/${UNIT}/index.html`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('h1')).toBe(unit.title.en);
    for (const o of unit.outcomes) expect(await page.textContent(`tr[data-code="${o.code}"] td`)).toBe(model.outcomes.get(o.code)?.en);
    const lesson = unit.lessons[1]!;
    await page.click(`.unit-nav a:text-is("Lesson 2")`);
    expect(await page.textContent('h1')).toBe(`Lesson 2: ${lesson.title.en}`);
    // The timing table lists every activity and adds up to the period.
    const minutes = await page.$$eval('table.timeline tbody tr', (trs) => trs.map((tr) => Number((tr as HTMLElement).dataset.minutes)));
    expect(minutes).toEqual(lesson.teacher?.activities.map((a) => a.minutes));
    expect(minutes.reduce((a, b) => a + b, 0)).toBe(lesson.minutes);
    for (const m of lesson.teacher?.misconceptions ?? []) expect(await page.textContent('main')).toContain(m.en);
    await page.click('a.lang-switch');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.textContent('h1')).toBe(`Tiết 2: ${lesson.title.vi}`);
    for (const key of ['support', 'challenge', 'extension'] as const) expect(await page.textContent('main')).toContain(lesson.teacher?.[key].vi);
    await page.click('.site-nav a:text-is("Các chủ đề")');
    expect(page.url()).toBe(`${base}/index.html`);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.context().close();
  });

  it('home: grade jump-links, a grade/strand filter kept in the URL, and every card leads to plans, handouts, answers and downloads', async () => {
    const { page, errors } = await open('index.html', { width: 1366, height: 768 });
    const grades = [...new Set(build.catalog.map((u) => u.grade))].sort((a, b) => a - b);
    expect(await page.$$eval('.grade-jump a', (as) => as.map((a) => a.textContent))).toEqual(grades.map((g) => `Lớp ${g}`));
    const g = grades[Math.floor(grades.length / 2)]!;
    await page.click(`.grade-jump a:text-is("Lớp ${g}")`);
    await expect.poll(() => page.$eval(`#g-${g}`, (h) => Math.round(h.getBoundingClientRect().top))).toBeLessThan(80);
    const visible = () => page.$$eval('article.card', (cs) => cs.filter((c) => (c as HTMLElement).offsetParent !== null).map((c) => (c as HTMLElement).dataset.unit).sort());
    await page.selectOption('#hf-grade', String(g));
    expect(await visible()).toEqual(build.catalog.filter((u) => u.grade === g).map((u) => u.id).sort());
    expect(new URL(page.url()).searchParams.get('grade')).toBe(String(g));
    const strand = build.catalog.find((u) => u.grade === g)!.strand;
    await page.selectOption('#hf-strand', strand);
    await page.reload();
    expect(await page.inputValue('#hf-grade')).toBe(String(g));
    expect(await page.inputValue('#hf-strand')).toBe(strand);
    expect(await visible()).toEqual(build.catalog.filter((u) => u.grade === g && u.strand === strand).map((u) => u.id).sort());
    expect(await page.textContent('#hf-count')).toContain(String((await visible()).length));
    // Every card: plans, handouts, answer key, Moodle package (the catalogue's file), other packages, preview.
    await page.goto(`${base}/index.html`);
    for (const u of build.catalog) {
      const links = await page.$$eval(`article[data-unit="${u.id}"] a[data-link]`, (as) => as.map((a) => [(a as HTMLElement).dataset.link, (a as HTMLAnchorElement).href]));
      const by = Object.fromEntries(links);
      expect(Object.keys(by).sort()).toEqual(['answers', 'download', 'downloads', 'handouts', 'materials', 'plan', 'preview']);
      expect(by.materials).toBe(`${base}/units/${u.id}/materials/index.html`);
      expect(by.handouts).toBe(`${base}/units/${u.id}/handouts/index.html`);
      expect(by.answers).toBe(`${base}/units/${u.id}/answers/index.html`);
      expect(by.downloads).toBe(`${base}/units/${u.id}/index.html#downloads`);
      if (u.id === UNIT) {
        const zip = new Uint8Array(await (await fetch(by.download!)).arrayBuffer());
        expect(sha256(zip)).toBe(u.packages.scorm12?.sha256);
      }
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lesson plans link their sources to the publishers’ own pages', async () => {
    const lesson = unit.lessons.find((l) => l.teacher?.sources.some((x) => /Thông tư 32\/2018/.test(x)));
    expect(lesson).toBeDefined();
    const { page } = await open(`units/${UNIT}/lessons/${lesson!.id}/index.html`);
    const links = await page.$$eval('ul.sources a[data-source-link]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toContain('https://moet.gov.vn/content/vanban/Lists/VBPQ/Attachments/1483/vbhn-ttu-322018-202021-132022-ttbgddt.pdf');
    for (const l of links) expect(l).toMatch(/^https:\/\//);
    await page.context().close();
  });

  it('the Moodle guide is illustrated with described figures in both languages', async () => {
    const { page } = await open('moodle/index.html');
    for (const lang of ['vi', 'en']) {
      const figs = await page.$$eval(`#guide-${lang} figure.guide-figure`, (fs) => fs.map((f) => ({ id: (f as HTMLElement).dataset.figure, caption: f.querySelector('figcaption')?.textContent ?? '', title: f.querySelector('svg title')?.textContent ?? f.querySelector('img')?.getAttribute('alt') ?? '', role: f.querySelector('svg')?.getAttribute('role') })));
      // The drawn figures, and the screenshots the real-Moodle tests took (docs/moodle-screens/figures.json).
      const shots = (JSON.parse(readFileSync('docs/moodle-screens/figures.json', 'utf8')) as { id: string }[]).map((f) => f.id);
      expect(figs.map((f) => f.id).sort()).toEqual(['reports', 'settings', 'steps-flow', ...shots].sort());
      for (const f of figs) {
        expect(f.caption.length).toBeGreaterThan(10);
        expect(f.title.length).toBeGreaterThan(10);
        if (!shots.includes(f.id as string)) expect(f.role).toBe('img');
      }
    }
    // The settings figure shows the values the guide's text prescribes.
    expect(await page.textContent('#guide-vi figure[data-figure="settings"]')).toContain('Điểm cao nhất');
    expect(await page.textContent('#guide-en figure[data-figure="settings"]')).toContain('Highest grade');
    await page.context().close();
  });

  it('answer keys come from the question bank: every question with its correct answer and feedback', async () => {
    const { page } = await open(`units/${UNIT}/answers/index.html`);
    const ids = await page.$$eval('article.qa', (as) => as.map((a) => (a as HTMLElement).dataset.qid));
    expect(ids).toEqual(unit.assessment.questions.map((q) => q.id));
    for (const q of unit.assessment.questions) {
      const text = await page.textContent(`article[data-qid="${q.id}"]`);
      expect(text).toContain(q.prompt.vi);
      if (q.type === 'hotspot') {
        const marked = await page.$$eval(`article[data-qid="${q.id}"] li[data-correct="true"]`, (lis) => lis.map((li) => li.textContent ?? ''));
        expect(marked.map((m) => m.slice(0, 1))).toEqual(q.regions.filter((r) => q.correct.includes(r.id)).map((r) => r.id));
        for (const r of q.regions) expect(text).toContain(r.feedback.vi);
      } else if (q.type === 'single' || q.type === 'multiple') {
        const marked = await page.$$eval(`article[data-qid="${q.id}"] li[data-correct="true"]`, (lis) => lis.map((li) => li.textContent ?? ''));
        expect(marked.map((m) => m.slice(0, 1))).toEqual(q.choices.filter((c) => q.correct.includes(c.id)).map((c) => c.id));
        for (const c of q.choices) expect(text).toContain(c.feedback.vi);
      } else if (q.type === 'truefalse') {
        expect(await page.textContent(`article[data-qid="${q.id}"] li[data-correct="true"]`)).toContain(q.correct ? 'Đúng' : 'Sai');
        expect(text).toContain(q.feedback[String(q.correct) as 'true' | 'false'].vi);
      } else if (q.type === 'lab') {
        expect(text).toContain(q.kind);
      } else {
        expect(text).toContain(q.feedback.correct.vi);
        if (q.type === 'ordering') for (const id of q.correct) expect(text).toContain(q.steps.find((s) => s.id === id)?.text.vi);
        if (q.type === 'matching') for (const [a, b] of q.correct) expect(text).toContain(`${q.sources.find((s) => s.id === a)?.text.vi} → ${q.targets.find((s) => s.id === b)?.text.vi}`);
        if (q.type === 'fillin') expect(text).toContain(q.accept[0]?.vi ?? q.accept[0]?.en);
      }
    }
    await page.context().close();
  });

  it('search works offline and finds a unit typed with or without Vietnamese diacritics', async () => {
    const { page, errors, foreign } = await open('search/index.html');
    const title = unit.title.vi.toLowerCase();
    const lesson = unit.lessons[1]!;
    const lessonWords = lesson.title.vi.split(' ').slice(-2).join(' ');
    const hrefs = () => page.$$eval('#search-results a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const q of [title, stripDiacritics(title), stripDiacritics(title).toUpperCase()]) {
      await page.fill('#q', q);
      await expect.poll(hrefs).toContain(`${base}/units/${UNIT}/index.html`);
    }
    for (const q of [lessonWords, stripDiacritics(lessonWords)]) {
      await page.fill('#q', q);
      await expect.poll(hrefs).toContain(`${base}/units/${UNIT}/lessons/${lesson.id}/index.html`);
    }
    await page.fill('#q', 'zzqxv');
    await expect.poll(() => page.textContent('#search-status')).toBe('Không tìm thấy kết quả nào.');
    // The home page's search box leads to the results, in English on the English site.
    await page.goto(`${base}/en/index.html`);
    await page.fill('#home-q', stripDiacritics(title));
    await page.press('#home-q', 'Enter');
    await page.waitForURL(/\/en\/search\/index\.html\?q=/);
    await expect.poll(hrefs).toContain(`${base}/en/units/${UNIT}/index.html`);
    expect(await page.textContent('#search-results')).toContain(unit.title.en);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.context().close();
  });

  it('every download link points to a file whose SHA-256 and size match the page and the catalogue', async () => {
    const { page } = await open('downloads/index.html');
    const rows = await page.$$eval('table.packages tbody tr', (trs) => trs.map((tr) => ({
      unit: (tr as HTMLElement).dataset.unit as string,
      format: (tr as HTMLElement).dataset.format as string,
      sha: tr.querySelector('[data-sha256]')?.textContent?.trim() ?? '',
      bytes: Number((tr.querySelector('[data-bytes]') as HTMLElement).dataset.bytes),
      href: (tr.querySelector('a[href]') as HTMLAnchorElement).href,
    })));
    const expected = build.catalog.flatMap((u) => Object.entries(u.packages).map(([format, p]) => ({ unit: u.id, format, ...p })));
    expect(rows).toHaveLength(expected.length);
    for (const row of rows) {
      const res = await fetch(row.href);
      expect(res.status, row.href).toBe(200);
      const body = new Uint8Array(await res.arrayBuffer());
      expect(sha256(body)).toBe(row.sha);
      expect(body.length).toBe(row.bytes);
      const pkg = expected.find((e) => e.unit === row.unit && e.format === row.format);
      expect(pkg?.sha256).toBe(row.sha);
    }
    // "Which package do I need?": Moodle → SCORM 1.2; formats not in the catalogue are "coming soon".
    const built = new Set(expected.map((e) => e.format));
    expect(await page.textContent('tr[data-format="scorm12"] th')).toContain('Moodle');
    for (const f of ['scorm12', 'scorm2004', 'xapi', 'cmi5']) {
      expect(await page.getAttribute(`table.which tr[data-format="${f}"]`, 'data-available')).toBe(String(built.has(f)));
      if (!built.has(f)) expect(await page.textContent(`table.which tr[data-format="${f}"]`)).toContain('Sắp có');
    }
    // The unit page lists the same packages.
    await page.goto(`${base}/en/units/${UNIT}/index.html`);
    const unitShas = await page.$$eval('table.packages [data-sha256]', (cs) => cs.map((c) => c.textContent?.trim()));
    expect(unitShas.sort()).toEqual(expected.filter((e) => e.unit === UNIT).map((e) => e.sha256).sort());
    // The Moodle guide is rendered from docs/moodle-import.md.
    await page.goto(`${base}/moodle/index.html`);
    const doc = readFileSync(join(REPO, 'docs/moodle-import.md'), 'utf8');
    const firstHeading = /^# (.+)$/m.exec(doc)?.[1] ?? '';
    expect(await page.textContent('#guide-vi h2')).toBe(firstHeading);
    expect(await page.getAttribute('#guide-en', 'lang')).toBe('en');
    await page.context().close();
  });

  it('the preview completes the unit in the SCORM 1.2 package and the inspector shows what the LMS recorded', async () => {
    const { page, errors, foreign } = await open(`units/${UNIT}/preview/index.html`);
    const handle = await page.waitForSelector('#ks-preview');
    const frame = (await handle.contentFrame())!;
    await frame.waitForSelector('body.ks-ready');
    expect(frame.url()).toBe(`${base}/preview/${UNIT}/index.html`);
    await expect.poll(() => page.getAttribute('#insp-status', 'data-value')).toBe('incomplete');
    const { expected } = await completeUnit(frame, unit, 0);
    await expect.poll(() => page.getAttribute('#insp-status', 'data-value')).toBe('passed');
    expect(await page.getAttribute('#insp-score', 'data-value')).toBe(String(expected));
    expect(await page.getAttribute('#insp-interactions-count', 'data-value')).toBe(String(unit.assessment.draw));
    const objectives = await page.$$eval('#insp-objectives th', (ths) => ths.map((th) => th.textContent));
    expect(objectives.length).toBeGreaterThan(0);
    for (const id of objectives) expect(unit.outcomes.map((o) => o.code)).toContain(id);
    expect(Number(await page.getAttribute('#insp-commits', 'data-value'))).toBeGreaterThan(0);
    const suspend = Number(await page.getAttribute('#insp-suspend', 'data-value'));
    expect(suspend).toBeGreaterThan(0);
    expect(suspend).toBeLessThanOrEqual(4096);
    // The panel shows exactly what scorm-again (the LMS) holds.
    const cmi = await page.evaluate(() => (window as unknown as { API: { renderCMIToJSONObject(): { cmi: { core: { lesson_status: string; score: { raw: string } }; suspend_data: string } } } }).API.renderCMIToJSONObject().cmi);
    expect(cmi.core.lesson_status).toBe('passed');
    expect(cmi.core.score.raw).toBe(String(expected));
    expect(cmi.suspend_data.length).toBe(suspend);
    // At 1366 and 1024 px the result (correct/wrong) of every interaction is in view without scrolling sideways.
    for (const width of [1366, 1024]) {
      await page.setViewportSize({ width, height: 768 });
      const fits = await page.$eval('#insp-interactions', (body) => {
        const wrap = body.closest('.insp-scroll') as HTMLElement;
        const box = wrap.getBoundingClientRect();
        const head = [...(wrap.querySelectorAll('thead th') as NodeListOf<HTMLElement>)].map((th) => th.textContent);
        const cells = [...body.querySelectorAll('tr')].map((tr) => tr.children[head.indexOf('Kết quả')] as HTMLElement);
        return { head, results: cells.map((c) => c.textContent), inView: cells.every((c) => { const r = c.getBoundingClientRect(); return r.left >= box.left - 1 && r.right <= box.right + 1; }), sideways: wrap.scrollWidth > wrap.clientWidth + 1 };
      });
      expect(fits.head).toContain('Kết quả');
      expect(fits.results.every((r) => /^(correct|wrong|\d\.\d\d)$/.test(r ?? '')), fits.results.join()).toBe(true);
      expect(fits.inView, `width ${width}`).toBe(true);
      expect(fits.sideways, `width ${width}`).toBe(false);
    }
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.context().close();
  });

  it('the dashboard shows the figures computed from the catalogue, in charts and tables, with a framework filter', async () => {
    const { page, errors, foreign } = await open('en/coverage/index.html');
    const groups: [string, Bucket[]][] = [['framework', coverage.byFramework], ['grade', coverage.byGrade], ['strand', coverage.byStrand]];
    for (const [group, buckets] of groups) {
      const shown = await page.$$eval(`table.buckets[data-group="${group}"] tbody tr`, (trs) => trs.map((tr) => {
        const cell = (f: string) => tr.querySelector(`[data-field="${f}"]`) as HTMLElement;
        return { key: (tr as HTMLElement).dataset.key, total: Number(cell('total').dataset.value), assessed: Number(cell('assessed').dataset.value), opportunity: Number(cell('opportunity').dataset.value), none: Number(cell('none').dataset.value), assessedPct: Number(cell('assessedPct').dataset.value), coveredPct: Number(cell('coveredPct').dataset.value), text: [cell('assessedPct').textContent, cell('coveredPct').textContent] };
      }));
      expect(shown.map(({ text: _t, ...b }) => b).sort((a, b) => String(a.key).localeCompare(String(b.key)))).toEqual([...buckets].sort((a, b) => a.key.localeCompare(b.key)));
      for (const s of shown) {
        const b = buckets.find((x) => x.key === s.key)!;
        expect(s.text).toEqual([`${b.assessedPct.toFixed(1)}%`, `${b.coveredPct.toFixed(1)}%`]);
      }
      // The chart draws the same figures.
      const chart = JSON.parse((await page.getAttribute(`canvas[data-group="${group}"]`, 'data-chart')) ?? '{}') as { datasets: { data: number[] }[] };
      expect(chart.datasets[0]?.data.length).toBe(buckets.length);
      expect([...(chart.datasets[0]?.data ?? [])].sort()).toEqual(buckets.map((b) => b.assessedPct).sort());
      expect([...(chart.datasets[1]?.data ?? [])].sort()).toEqual(buckets.map((b) => b.coveredPct).sort());
      const drawn = await page.$eval(`canvas[data-group="${group}"]`, (c) => {
        const canvas = c as HTMLCanvasElement;
        const px = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
        return canvas.width > 0 && px.some((v, i) => i % 4 === 3 && v > 0);
      });
      expect(drawn).toBe(true);
    }
    // The matrix has one row per requirement with each unit's level; the uncovered list matches.
    const matrix = await page.$$eval('table.matrix tbody tr[data-code]', (trs) => trs.map((tr) => ({ code: (tr as HTMLElement).dataset.code, status: (tr as HTMLElement).dataset.status, assessed: [...tr.querySelectorAll('td[data-level="assessed"]')].map((td) => (td as HTMLElement).dataset.unit), opportunity: [...tr.querySelectorAll('td[data-level="opportunity"]')].map((td) => (td as HTMLElement).dataset.unit) })));
    expect(matrix.sort((a, b) => String(a.code).localeCompare(String(b.code)))).toEqual(coverage.rows.map((r) => ({ code: r.code, status: r.status, assessed: r.assessedBy, opportunity: r.opportunityIn })).sort((a, b) => a.code.localeCompare(b.code)));
    expect((await page.$$eval('ul.uncovered li', (lis) => lis.flatMap((li) => ((li as HTMLElement).dataset.codes ?? '').split(' ')))).sort()).toEqual(coverage.uncovered.map((r) => r.code).sort());
    // Filter: only the chosen framework's sections remain visible.
    await page.selectOption('#fw-filter', 'csta-2017');
    const visibleRows = await page.$$eval('table.matrix tbody tr[data-code]', (trs) => trs.filter((tr) => (tr as HTMLElement).offsetParent !== null).map((tr) => (tr as HTMLElement).dataset.code));
    expect(visibleRows.sort()).toEqual(coverage.rows.filter((r) => r.framework === 'csta-2017').map((r) => r.code).sort());
    expect(await page.isVisible('canvas[data-group="grade"]')).toBe(false);
    await page.selectOption('#fw-filter', '');
    expect(await page.isVisible('canvas[data-group="grade"]')).toBe(true);
    // Vietnamese page: the same figures with a decimal comma.
    await page.goto(`${base}/coverage/index.html`);
    const g = coverage.byGrade[0]!;
    expect(await page.textContent(`table.buckets tr[data-key="${g.key}"] [data-field="coveredPct"]`)).toBe(`${g.coveredPct.toFixed(1).replace('.', ',')}%`);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.context().close();
  });

  it('prints: handouts start each lesson on a new page without the site navigation', async () => {
    const { page } = await open(`units/${UNIT}/handouts/index.html`);
    expect(await page.$$eval('article.handout', (a) => a.length)).toBe(unit.lessons.length);
    // The lesson text is the model's rendered HTML (compared after the browser parsed both).
    const parsed = await page.evaluate((html) => { const d = document.createElement('div'); d.innerHTML = html; return d.textContent; }, unit.lessons[0]!.html.vi);
    expect(await page.textContent(`#lesson-${unit.lessons[0]!.id} .lesson-body`)).toBe(parsed);
    // Each lesson's boxes keep their label, which names the lesson too, so no two regions share a label.
    const labels = await page.$$eval('.lesson-body [aria-label]', (els) => els.map((e) => e.getAttribute('aria-label')));
    expect(new Set(labels).size).toBe(labels.length);
    await page.emulateMedia({ media: 'print' });
    expect(await page.$eval('.site-header', (e) => getComputedStyle(e).display)).toBe('none');
    expect(await page.$eval('.unit-nav', (e) => getComputedStyle(e).display)).toBe('none');
    expect(await page.$eval(`#lesson-${unit.lessons[1]!.id}`, (e) => getComputedStyle(e).breakBefore)).toBe('page');
    await page.context().close();
  });

  it('fits a phone screen: no sideways scrolling of the page, wide tables scroll on their own and pass axe', async () => {
    for (const path of ['index.html', `units/${UNIT}/index.html`, `units/${UNIT}/lessons/${unit.lessons[0]!.id}/index.html`, 'coverage/index.html', 'downloads/index.html', `units/${UNIT}/preview/index.html`]) {
      const { page } = await open(path, { width: 360, height: 740 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
      const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('#ks-preview').analyze();
      expect(r.violations.map((v) => `${path}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)).toEqual([]);
      await page.context().close();
    }
  }, 600_000);

});
