// Printable classroom materials on the teacher site (issue 13, part 5), rendered to A4 PDF by Chromium as a
// teacher's "Print" does: every lesson's worksheet fits 2 pages, every unit's one-page key 1 page, the parents'
// letter 1 page, exit tickets 1 page, card sets 8 cards a page; their text comes from the lesson source; they
// stay readable in black and white; axe finds nothing on each new page type; the projector view moves one idea
// per screen with the arrow keys and works without script.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launchBrowser } from '../helpers/browser.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { buildSite, type SiteBuild } from '../helpers/site-build.ts';
import { REPO } from '../helpers/fixtures.ts';
import { loadCurriculum, type Curriculum } from '../../src/model/load/load-curriculum.ts';
import { asksForExitTicket, lessonMaterials } from '../../src/site/materials.ts';
import type { Unit } from '../../src/model/unit.ts';

let build: SiteBuild;
let model: Curriculum;
let browser: Browser;
let server: Awaited<ReturnType<typeof startStaticServer>>;
let page: Page;

beforeAll(async () => {
  build = await buildSite();
  model = loadCurriculum({ root: REPO, only: process.env.KHIENSO_ONLY?.split(',') });
  server = await startStaticServer(build.dist);
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
}, 900_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const url = (lang: 'vi' | 'en', path: string) => `${server.url}/site/${lang === 'en' ? 'en/' : ''}${path}index.html`;

/** Pages of a PDF written by Chromium (each page is one uncompressed /Type /Page dictionary). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

async function printPages(path: string, lang: 'vi' | 'en' = 'vi'): Promise<number> {
  await page.goto(url(lang, path));
  return pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
}

/** Text of the material as printed (print media: what is hidden in print is not counted). */
async function printedText(selector: string): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const text = await page.$eval(selector, (e) => (e as HTMLElement).innerText);
  await page.emulateMedia({ media: null });
  return text.replace(/\s+/g, ' ');
}

/**
 * Black-and-white check in print media: every text inside the material, converted to grey, has at least 4.5:1
 * contrast with white paper, and no element relies on a coloured background.
 */
async function blackAndWhiteProblems(selector: string): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  const problems = await page.$$eval(`${selector}, ${selector} *`, (els) => {
    const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = (r: number, g: number, b: number) => {
      const grey = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
      return grey <= 0.03928 ? grey / 12.92 : ((grey + 0.055) / 1.055) ** 2.4;
    };
    const out: string[] = [];
    for (const e of els as HTMLElement[]) {
      const st = getComputedStyle(e);
      if (st.display === 'none' || st.visibility === 'hidden') continue;
      const own = [...e.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim());
      const [r = 0, g = 0, b = 0] = parse(st.color);
      const ratio = 1.05 / (lum(r, g, b) + 0.05);
      if (own && ratio < 4.5) out.push(`${e.tagName}.${e.className}: ${st.color} (${ratio.toFixed(1)}:1)`);
      const [br = 255, bg = 255, bb = 255, ba = 1] = parse(st.backgroundColor);
      if (ba > 0 && lum(br, bg, bb) < 0.8 && st.backgroundColor !== 'rgba(0, 0, 0, 0)') out.push(`${e.tagName}.${e.className}: background ${st.backgroundColor}`);
    }
    return out;
  });
  await page.emulateMedia({ media: null });
  return problems;
}

const levels = () => new Set([3, 6, 10].map((g) => model.units.find((u) => u.grade === g)?.id));

describe('printable classroom materials', () => {
  it('every lesson has a worksheet of at most 2 A4 pages with its key points and tasks (not the reading text)', async () => {
    const problems: string[] = [];
    for (const u of model.units) {
      for (const l of u.lessons) {
        for (const lang of levels().has(u.id) ? (['vi', 'en'] as const) : (['vi'] as const)) {
          const path = `units/${u.id}/lessons/${l.id}/worksheet/`;
          const n = await printPages(path, lang);
          if (n < 1 || n > 2) problems.push(`${lang} ${path}: ${n} pages`);
          const text = await printedText('[data-material="worksheet"]');
          const m = lessonMaterials(l, lang);
          const norm = (s: string) => s.replace(/\s+/g, ' ');
          for (const want of [l.title[lang], m.keyPoints[0], m.vocab[0]?.term, m.discussion[0]].filter((x): x is string => !!x)) {
            if (!text.includes(norm(want))) problems.push(`${lang} ${path}: missing “${want.slice(0, 40)}”`);
          }
          // A worksheet, not the reading text: far shorter than the lesson.
          if (text.length > l.html[lang].replace(/<[^>]+>/g, '').length * 0.8) problems.push(`${lang} ${path}: as long as the lesson text`);
          if ((await page.$$('[data-material="worksheet"] .lines span')).length < 2) problems.push(`${lang} ${path}: no space to write`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it('every unit has a one-page answer key listing each question with its outcome and answer', async () => {
    const problems: string[] = [];
    for (const u of model.units) {
      for (const lang of ['vi', 'en'] as const) {
        const path = `units/${u.id}/key/`;
        const n = await printPages(path, lang);
        if (n !== 1) problems.push(`${lang} ${path}: ${n} pages`);
        const rows = await page.$$eval('[data-material="key"] tbody tr', (trs) => trs.map((tr) => ({ id: (tr as HTMLElement).dataset.qid, cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '') })));
        const ids = u.assessment.questions.map((q) => q.id);
        if (JSON.stringify(rows.map((r) => r.id)) !== JSON.stringify(ids)) problems.push(`${lang} ${path}: rows ≠ question bank`);
        for (const [i, q] of u.assessment.questions.entries()) {
          const r = rows[i];
          if (!r || !q.outcomes.every((o) => r.cells[2]?.includes(o)) || !(r.cells[3] ?? '').trim()) problems.push(`${lang} ${path}: row ${q.id} lacks outcome or answer`);
          if (q.type === 'single' && r && !r.cells[3]?.includes(q.choices.find((c) => c.id === q.correct[0])!.text[lang])) problems.push(`${lang} ${path}: ${q.id} answer is not the key`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it('every unit has a one-page letter to parents in Vietnamese and English with what was learned, home tips and where to report', async () => {
    const problems: string[] = [];
    for (const u of model.units) {
      for (const lang of ['vi', 'en'] as const) {
        const path = `units/${u.id}/parents/`;
        const n = await printPages(path, lang);
        if (n !== 1) problems.push(`${lang} ${path}: ${n} pages`);
        const text = await printedText('[data-material="parents"]');
        if (!text.includes(u.title[lang])) problems.push(`${lang} ${path}: no unit title`);
        for (const l of u.lessons) if (!text.includes(l.title[lang])) problems.push(`${lang} ${path}: lesson “${l.title[lang]}” missing`);
        const report = await page.$eval('[data-report]', (e) => e.textContent ?? '');
        // Where to report, as suits the age: children get 111 (and their parents 156/5656); everyone a real channel.
        if (u.grade <= 9 && !report.includes('111')) problems.push(`${lang} ${path}: no 111 for grade ${u.grade}`);
        if (!/156|5656|tinnhiemmang\.vn|VNeID|113/.test(report)) problems.push(`${lang} ${path}: no reporting channel`);
      }
      const vi = await (await fetch(url('vi', `units/${u.id}/parents/`))).text();
      const en = await (await fetch(url('en', `units/${u.id}/parents/`))).text();
      if (!vi.includes('lang="vi"') || !en.includes('lang="en"') || vi.includes(u.title.en) && u.title.en !== u.title.vi) problems.push(`${u.id}: letters not in their language`);
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it('every lesson that asks for exit tickets or card sets has them, printed from its front matter', async () => {
    const problems: string[] = [];
    for (const u of model.units) {
      for (const l of u.lessons) {
        if (asksForExitTicket(l) && !l.teacher?.exitTicket) problems.push(`${u.id}/${l.id}: the plan asks for an exit ticket but teacher.exitTicket is missing`);
        if (l.teacher?.exitTicket) {
          const path = `units/${u.id}/lessons/${l.id}/exit-ticket/`;
          if ((await printPages(path)) !== 1) problems.push(`${path}: not one page`);
          const slips = await page.$$eval('.slip', (s) => s.map((x) => x.textContent ?? ''));
          if (slips.length !== 6 || !slips.every((s) => s.includes(l.teacher!.exitTicket!.vi))) problems.push(`${path}: 6 slips with the question expected`);
        }
        for (const set of l.teacher?.cards ?? []) {
          const path = `units/${u.id}/lessons/${l.id}/cards/`;
          await page.goto(url('vi', path));
          const cards = await page.$$eval('.print-card p', (p) => p.map((x) => x.textContent ?? ''));
          for (const c of set.cards) if (!cards.includes(c.vi)) problems.push(`${path}: card “${c.vi}” missing`);
        }
        if (l.teacher?.cards?.length) {
          const path = `units/${u.id}/lessons/${l.id}/cards/`;
          const want = l.teacher.cards.reduce((n, s) => n + Math.ceil(s.cards.length / 8), 0);
          const got = await printPages(path);
          if (got !== want) problems.push(`${path}: ${got} pages, expected ${want} (8 cards a page)`);
          problems.push(...(await blackAndWhiteProblems('.card-grid')).map((p) => `${path}: ${p}`));
        }
      }
    }
    expect(model.units.some((u) => u.lessons.some((l) => l.teacher?.cards?.length))).toBe(true);
    expect(problems).toEqual([]);
  }, 600_000);

  it('the printables are readable in black and white', async () => {
    const u = model.units.find((x) => x.lessons.some((l) => l.teacher?.exitTicket)) as Unit;
    const l = u.lessons.find((x) => x.teacher?.exitTicket)!;
    const problems: string[] = [];
    for (const [path, sel] of [[`units/${u.id}/lessons/${l.id}/worksheet/`, '[data-material="worksheet"]'], [`units/${u.id}/key/`, '[data-material="key"]'], [`units/${u.id}/parents/`, '[data-material="parents"]'], [`units/${u.id}/lessons/${l.id}/exit-ticket/`, '[data-material="exit-ticket"]']] as const) {
      await page.goto(url('vi', path));
      problems.push(...(await blackAndWhiteProblems(sel)).map((p) => `${path}: ${p}`));
    }
    expect(problems).toEqual([]);
  });

  it('lesson plans, unit pages, home cards, handouts and downloads link to the materials', async () => {
    const u = model.units[0]!;
    const l = u.lessons[0]!;
    await page.goto(url('vi', `units/${u.id}/lessons/${l.id}/`));
    for (const k of ['worksheet', 'projector']) expect(await page.$(`[data-materials] a[data-link="${k}"]`), k).not.toBeNull();
    await page.click('[data-materials] a[data-link="worksheet"]');
    expect(await page.textContent('h1')).toContain(l.title.vi);
    await page.goto(url('vi', ''));
    expect(await page.$$eval('a[data-link="materials"]', (a) => a.length)).toBe(model.units.length);
    await page.goto(url('vi', `units/${u.id}/materials/`));
    expect(await page.$$eval('a[data-link="worksheet"]', (a) => a.length)).toBe(u.lessons.length);
    for (const p of [`units/${u.id}/`, `units/${u.id}/handouts/`, 'downloads/']) {
      await page.goto(url('en', p));
      expect(await page.$(`a[href*="units/${u.id}/materials/"]`), p).not.toBeNull();
    }
  });

  it('the projector view shows one idea per screen in large type, moves with the arrow keys, and works without script', async () => {
    const u = model.units.find((x) => x.grade === 3) ?? model.units[0]!;
    const l = u.lessons[0]!;
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const p = await context.newPage();
    await p.goto(url('vi', `units/${u.id}/lessons/${l.id}/projector/`));
    const slides = await p.$$eval('.slide', (s) => s.map((x) => ({ h: x.getBoundingClientRect().height, big: parseFloat(getComputedStyle(x.querySelector('.big, ul') ?? x).fontSize) })));
    const m = lessonMaterials(l, 'vi');
    expect(slides.length).toBeGreaterThanOrEqual(1 + m.vocab.length + m.discussion.length + m.keyPoints.length);
    for (const s of slides) {
      expect(s.h).toBeGreaterThanOrEqual(720);
      expect(s.big).toBeGreaterThanOrEqual(28);
    }
    await p.keyboard.press('ArrowRight');
    await p.waitForFunction(() => Math.abs(window.scrollY - (document.getElementById('s-2')?.offsetTop ?? -1)) < 2);
    await p.keyboard.press('ArrowRight');
    await p.waitForFunction(() => Math.abs(window.scrollY - (document.getElementById('s-3')?.offsetTop ?? -1)) < 2);
    await p.keyboard.press('ArrowLeft');
    await p.waitForFunction(() => Math.abs(window.scrollY - (document.getElementById('s-2')?.offsetTop ?? -1)) < 2);
    await context.close();
    const noJs = await browser.newContext({ viewport: { width: 1280, height: 720 }, javaScriptEnabled: false });
    const q = await noJs.newPage();
    await q.goto(url('vi', `units/${u.id}/lessons/${l.id}/projector/`));
    await q.click('#s-1 a[rel="next"]');
    await q.waitForFunction(() => location.hash === '#s-2' && Math.abs(window.scrollY - (document.getElementById('s-2')?.offsetTop ?? -1)) < 2);
    await noJs.close();
  });

  it('axe finds no violations on each new page type, in Vietnamese and English', async () => {
    const u = model.units.find((x) => x.lessons.some((l) => l.teacher?.cards?.length && l.teacher.exitTicket)) ?? model.units[0]!;
    const l = u.lessons.find((x) => x.teacher?.cards?.length && x.teacher.exitTicket) ?? u.lessons[0]!;
    const paths = [`units/${u.id}/materials/`, `units/${u.id}/key/`, `units/${u.id}/parents/`, `units/${u.id}/lessons/${l.id}/worksheet/`, `units/${u.id}/lessons/${l.id}/projector/`];
    if (l.teacher?.exitTicket) paths.push(`units/${u.id}/lessons/${l.id}/exit-ticket/`);
    if (l.teacher?.cards?.length) paths.push(`units/${u.id}/lessons/${l.id}/cards/`);
    const violations: string[] = [];
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const axePage = await context.newPage();
    for (const lang of ['vi', 'en'] as const) {
      for (const path of paths) {
        await axePage.goto(url(lang, path));
        const r = await new AxeBuilder({ page: axePage }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
        violations.push(...r.violations.map((v) => `${lang} ${path}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`));
      }
    }
    await context.close();
    expect(violations).toEqual([]);
  }, 300_000);

  it('code blocks in the site’s lesson texts scroll inside their own box on a phone (g11)', async () => {
    const u = model.units.find((x) => x.id === 'g11-secure-coding');
    if (!u) return;
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const p = await context.newPage();
    await p.goto(url('vi', `units/${u.id}/handouts/`));
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const pres = await p.$$eval('main pre', (ps) => ps.map((x) => ({ over: x.scrollWidth > x.clientWidth, style: getComputedStyle(x).overflowX, tab: x.tabIndex })));
    expect(pres.length).toBeGreaterThan(0);
    expect(pres.filter((x) => x.over).length).toBeGreaterThan(0);
    for (const x of pres) expect([x.style, x.tab]).toEqual(['auto', 0]);
    await context.close();
  });

  it('the program files of the g11 lessons download from the materials page exactly as the lessons show them', async () => {
    const u = model.units.find((x) => x.id === 'g11-secure-coding');
    if (!u) return;
    for (const lang of ['vi', 'en'] as const) {
      const shipped = u.lessons.flatMap((l) => l.programs[lang]);
      expect(shipped.map((p) => p.name)).toEqual(expect.arrayContaining(['kiem_tra.py', 'dang_nhap.py', 'so_luu_but.py', 'bam_scrypt.py']));
      await page.goto(url(lang, `units/${u.id}/materials/`));
      const links = await page.$$eval('ul.program-files a[download]', (as) => as.map((a) => ({ name: a.getAttribute('download'), href: (a as HTMLAnchorElement).href })));
      expect(links.map((l) => l.name)).toEqual(shipped.map((p) => p.name));
      for (const p of shipped) {
        const res = await fetch(links.find((l) => l.name === p.name)?.href as string);
        expect(res.status, p.name).toBe(200);
        expect(await res.text(), p.name).toBe(p.code);
      }
    }
  });
});
