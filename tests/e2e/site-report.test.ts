// The department report: scope and source caveat, per-grade table (page and coverage.json), filters kept in
// the URL, no total across frameworks, grouped uncovered list, the printable summary (≤ 2 A4 pages, dated and
// versioned, printed to PDF by Chromium), the .xlsx read back with exceljs, CSV for Vietnamese-locale Excel,
// and the change log between release snapshots. Expected figures are recomputed here from dist/catalog.json
// and the frameworks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { launchBrowser } from '../helpers/browser.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { buildSite, type SiteBuild } from '../helpers/site-build.ts';
import { REPO } from '../helpers/fixtures.ts';
import { loadCurriculum, type Curriculum } from '../../src/model/load/load-curriculum.ts';
import { computeCoverage, requirementsFrom, type Coverage } from '../../src/site/coverage.ts';
import { parseDelimited } from '../../src/site/results/tables.ts';

let build: SiteBuild;
let model: Curriculum;
let coverage: Coverage;
let programme: string;
let browser: Browser;
let server: Awaited<ReturnType<typeof startStaticServer>>;
let base: string;

beforeAll(async () => {
  build = await buildSite();
  model = loadCurriculum({ root: REPO, only: process.env.KHIENSO_ONLY?.split(',') });
  coverage = computeCoverage(build.catalog, requirementsFrom(model.outcomes.values()));
  programme = model.frameworks.find((f) => f.prefix === '')!.id;
  server = await startStaticServer(build.dist);
  base = `${server.url}/site`;
  browser = await launchBrowser();
}, 900_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Per grade, counted here from the catalogue and the programme's requirements. */
function expectedGrades() {
  const req = coverage.rows.filter((r) => r.framework === programme);
  const grades = [...new Set([...build.catalog.map((u) => u.grade), ...req.map((r) => r.grade!)])].sort((a, b) => a - b);
  return grades.map((grade) => {
    const us = build.catalog.filter((u) => u.grade === grade);
    const rs = req.filter((r) => r.grade === grade);
    return { grade, units: us.length, periods: us.reduce((n, u) => n + u.lessons.length, 0), minutes: us.reduce((n, u) => n + u.minutes, 0), questions: us.reduce((n, u) => n + u.questions.count, 0), requirements: rs.length, assessed: rs.filter((r) => r.assessedBy.length > 0).length, covered: rs.filter((r) => r.assessedBy.length + r.opportunityIn.length > 0).length };
  });
}

async function open(path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/${path}`);
  return page;
}

const visibleCodes = (page: Page, sel: string) => page.$$eval(sel, (els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).flatMap((e) => ((e as HTMLElement).dataset.codes ?? (e as HTMLElement).dataset.code ?? '').split(' ')).sort());

describe('department report', () => {
  it('states its scope and the framework file’s source caveat, and shows the per-grade table (also in coverage.json)', async () => {
    const page = await open('coverage/index.html');
    const n = coverage.rows.filter((r) => r.framework === programme).length;
    const scope = await page.textContent('#scope');
    expect(scope).toContain(`${n} yêu cầu cần đạt`);
    expect(scope).toContain('không phải toàn bộ chương trình môn Tin học');
    expect(await page.textContent('#caveat')).toContain('chưa được đối chiếu với văn bản chính thức');
    const source = model.frameworks.find((f) => f.id === programme)!.source!;
    expect(await page.textContent('#caveat details p')).toBe(source);
    // Per-grade table.
    const shown = await page.$$eval('table.grades tbody tr', (trs) => trs.map((tr) => {
      const f = (k: string) => Number(tr.querySelector(`[data-field="${k}"]`)?.textContent);
      return { grade: Number((tr as HTMLElement).dataset.grade), units: f('units'), periods: f('periods'), minutes: f('minutes'), questions: f('questions'), requirements: f('requirements'), assessed: f('assessed'), covered: f('covered') };
    }));
    expect(shown).toEqual(expectedGrades());
    const json = JSON.parse(readFileSync(join(build.site, 'coverage.json'), 'utf8')) as { perGrade: Record<string, number>[]; summary: Record<string, unknown>; report: { version: string; date: string } };
    expect(json.perGrade.map(({ assessedPct: _a, coveredPct: _c, ...g }) => g)).toEqual(expectedGrades());
    // No figure adds up unlike frameworks.
    expect(json.summary.total).toBeUndefined();
    expect((await page.$$eval('table.buckets[data-group="framework"] tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.key))).sort()).toEqual(coverage.byFramework.map((b) => b.key).sort());
    expect(await page.textContent('#report-meta')).toContain(json.report.version);
    await page.context().close();
  });

  it('filters by grade, strand, framework and status, and keeps the choice in the URL', async () => {
    const g = coverage.byGrade[Math.floor(coverage.byGrade.length / 2)]!.key;
    const page = await open(`coverage/index.html?grade=${g}&status=assessed`);
    expect(await page.inputValue('#f-grade')).toBe(g);
    expect(await page.inputValue('#f-status')).toBe('assessed');
    const want = coverage.rows.filter((r) => String(r.grade) === g && r.status === 'assessed').map((r) => r.code).sort();
    expect(await visibleCodes(page, 'table.matrix tr[data-code]')).toEqual(want);
    expect(await page.textContent('#filter-count')).toContain(String(want.length));
    // Another choice: one framework's uncovered requirements; the URL follows, a reload keeps it.
    await page.selectOption('#f-grade', '');
    await page.selectOption('#fw-filter', 'tt02-2025-nls');
    await page.selectOption('#f-status', 'none');
    const url = new URL(page.url());
    expect([...url.searchParams.entries()]).toEqual([['framework', 'tt02-2025-nls'], ['status', 'none']]);
    await page.reload();
    const none = coverage.uncovered.filter((r) => r.framework === 'tt02-2025-nls').map((r) => r.code).sort();
    expect(await visibleCodes(page, 'ul.uncovered li')).toEqual(none);
    expect(await visibleCodes(page, 'table.matrix tr[data-code]')).toEqual(none);
    // Strand: only programme requirements of that strand.
    await page.goto(`${base}/coverage/index.html?strand=D`);
    expect(await visibleCodes(page, 'table.matrix tr[data-code]')).toEqual(coverage.rows.filter((r) => r.strand === 'D').map((r) => r.code).sort());
    await page.context().close();
  });

  it('groups the uncovered requirements and lists requirements of identical wording once', async () => {
    const page = await open('coverage/index.html');
    for (const f of model.frameworks) {
      const items = await page.$$eval(`section[data-framework="${f.id}"] ul.uncovered li`, (lis) => lis.map((li) => ({ codes: ((li as HTMLElement).dataset.codes ?? '').split(' '), group: li.closest('.un-group')?.querySelector('h4')?.textContent ?? '', text: li.textContent?.split(': ').slice(1).join(': ') ?? '' })));
      const rows = coverage.uncovered.filter((r) => r.framework === f.id);
      expect(items.flatMap((i) => i.codes).sort()).toEqual(rows.map((r) => r.code).sort());
      // Identical wording in one group appears once, with all its codes.
      for (const it of items) {
        const texts = new Set(it.codes.map((c) => rows.find((r) => r.code === c)!.vi));
        expect(texts.size).toBe(1);
      }
      const keys = items.map((i) => `${i.group}|${i.text}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
    await page.context().close();
  });

  it('prints a dated, versioned summary on at most two A4 pages, in both languages', async () => {
    const json = JSON.parse(readFileSync(join(build.site, 'coverage.json'), 'utf8')) as { report: { version: string; catalogue: string; date: string } };
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(json.report.version).toBe(pkg.version);
    expect(json.report.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const path of ['coverage/summary/index.html', 'en/coverage/summary/index.html']) {
      const page = await open(path);
      expect(await page.getAttribute('#summary-meta time', 'datetime')).toBe(json.report.date);
      expect(await page.textContent('#summary-meta')).toContain(`${json.report.version} (`);
      expect(await page.textContent('#summary-meta')).toContain(json.report.catalogue);
      // The same per-grade figures as the dashboard.
      expect(await page.$$eval('table.grades tbody tr', (trs) => trs.map((tr) => Number(tr.querySelector('[data-field="questions"]')?.textContent)))).toEqual(expectedGrades().map((g) => g.questions));
      const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
      const pages = pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
      expect(pages, path).toBeGreaterThanOrEqual(1);
      expect(pages, path).toBeLessThanOrEqual(2);
      await page.emulateMedia({ media: 'print' });
      expect(await page.isVisible('.site-header')).toBe(false);
      await page.context().close();
    }
  });

  it('coverage.xlsx opens with a spreadsheet library and holds the same figures', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(build.site, 'coverage.xlsx')) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Yêu cầu', 'Chưa đề cập']);
    const sum = wb.getWorksheet('Tổng hợp')!;
    const values: unknown[][] = [];
    sum.eachRow((r) => values.push((r.values as unknown[]).slice(1)));
    for (const b of coverage.byFramework) {
      const short = { 'ct-gdpt-2018-tin-hoc': 'CT GDPT 2018', 'csta-2017': 'CSTA 2017', 'digcomp-2.2': 'DigComp 2.2', 'tt02-2025-nls': 'TT 02/2025' }[b.key];
      const row = values.find((r) => r[0] === short)!;
      expect(row.slice(1, 5)).toEqual([b.total, b.assessed, b.opportunity, b.none]);
      expect(row[5] as number).toBeCloseTo(b.assessedPct / 100, 6);
    }
    for (const g of expectedGrades()) {
      const row = values.find((r) => r[0] === `Lớp ${g.grade}`)!;
      expect(row.slice(1, 8)).toEqual([g.units, g.periods, g.minutes, g.questions, g.requirements, g.assessed, g.covered]);
    }
    let pctCell = false;
    sum.eachRow((r) => r.eachCell((c) => { if (c.numFmt === '0.0%' && typeof c.value === 'number') pctCell = true; }));
    expect(pctCell).toBe(true);
    expect(String(values[3]?.[1] ?? '')).toContain('59');
    const rows = wb.getWorksheet('Yêu cầu')!;
    expect(rows.rowCount).toBe(coverage.rows.length + 1);
    const codes: string[] = [];
    rows.eachRow((r, i) => { if (i > 1) codes.push(String(r.getCell(2).value)); });
    expect(codes.sort()).toEqual(coverage.rows.map((r) => r.code).sort());
    const un = wb.getWorksheet('Chưa đề cập')!;
    const unCodes: string[] = [];
    un.eachRow((r, i) => { if (i > 1) unCodes.push(...String(r.getCell(3).value).split(', ')); });
    expect(unCodes.sort()).toEqual(coverage.uncovered.map((r) => r.code).sort());
  });

  it('the CSV files open in columns in Vietnamese-locale Excel: BOM, semicolons, decimal comma as on the page', async () => {
    const bytes = readFileSync(join(build.site, 'coverage.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.startsWith('sep=')).toBe(false);
    const [head, ...rows] = parseDelimited(text, ';');
    expect(head).toHaveLength(10);
    expect(head?.[1]).toBe('Mã');
    expect(rows).toHaveLength(coverage.rows.length);
    const byCode = new Map(rows.map((r) => [r[1], r]));
    for (const r of coverage.rows) {
      const line = byCode.get(r.code)!;
      expect(line[5]).toBe(r.status);
      expect(line[6]).toBe(r.assessedBy.join(' '));
      expect(line[8]).toBe(r.vi);
    }
    const summary = parseDelimited(readFileSync(join(build.site, 'coverage-summary.csv'), 'utf8').slice(1), ';');
    const page = await open('coverage/index.html');
    for (const b of coverage.byFramework) {
      const line = summary.find((r) => r[0] === 'framework' && r[1] === b.key)!;
      expect(line.slice(3, 7).map(Number)).toEqual([b.total, b.assessed, b.opportunity, b.none]);
      const onPage = (await page.textContent(`table.buckets[data-group="framework"] tr[data-key="${b.key}"] [data-field="assessedPct"]`))!.replace('%', '');
      expect(line[7]).toBe(onPage);
    }
    expect(summary.some((r) => r[0] === 'all')).toBe(false);
    const gradeLines = summary.filter((r) => /^Lớp \d+$/.test(r[0] ?? ''));
    expect(gradeLines.map((r) => Number(r[4]))).toEqual(expectedGrades().map((g) => g.questions));
    await page.context().close();
  });

  it('the change log lists what changed between release snapshots', async () => {
    const dir = join(REPO, 'src/site/releases');
    const snaps = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { release: string; date: string; units: { id: string; version: string }[] }).sort((a, b) => a.date.localeCompare(b.date));
    expect(snaps.length).toBeGreaterThanOrEqual(2);
    const page = await open('coverage/changes/index.html');
    for (let i = 1; i < snaps.length; i++) {
      const [a, b] = [snaps[i - 1]!, snaps[i]!];
      const added = b.units.filter((u) => !a.units.some((x) => x.id === u.id)).map((u) => u.id).sort();
      const versionChanged = b.units.filter((u) => a.units.some((x) => x.id === u.id && x.version !== u.version)).map((u) => u.id).sort();
      const sec = `section[data-release="${b.release}"]`;
      expect((await page.$$eval(`${sec} ul[data-list="added"] li`, (lis) => lis.map((li) => (li as HTMLElement).dataset.unit))).sort()).toEqual(added);
      const changed = (await page.$$eval(`${sec} ul[data-list="changed"] li`, (lis) => lis.map((li) => (li as HTMLElement).dataset.unit))).sort();
      for (const id of versionChanged) expect(changed).toContain(id);
      for (const id of versionChanged) {
        const from = a.units.find((u) => u.id === id)!.version;
        const to = b.units.find((u) => u.id === id)!.version;
        expect(await page.textContent(`${sec} ul[data-list="changed"] li[data-unit="${id}"]`)).toContain(`${from} → ${to}`);
      }
    }
    await page.context().close();
  });
});
