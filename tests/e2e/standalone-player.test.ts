import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launchBrowser } from '../helpers/browser.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { buildRealCurriculum } from '../helpers/build-once.ts';
import { answerWithKeyboard, pressButton } from './keyboard.ts';
import type { Unit } from '../../src/model/unit.ts';

const UNIT = 'g6-internet-safety';
let browser: Browser;
let server: Awaited<ReturnType<typeof startStaticServer>>;
let unit: Unit;

beforeAll(async () => {
  const { dist, result } = await buildRealCurriculum();
  unit = result.curriculum.units.find((u) => u.id === UNIT) as Unit;
  server = await startStaticServer(dist);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openUnit(ctx?: BrowserContext): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const context = ctx ?? (await browser.newContext({ viewport: { width: 1024, height: 768 } }));
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/units/${UNIT}/index.html`);
  await page.waitForSelector('body.ks-ready');
  return { page, requests, errors };
}

/** Walks through every lesson with the keyboard ("next page" button). */
async function readAllLessons(page: Page) {
  for (let i = 0; i < unit.lessons.length; i++) {
    await expect.poll(() => page.getAttribute('#ks-nav li:nth-child(' + (i + 1) + ') button', 'aria-current')).toBe('step');
    await pressButton(page.mainFrame(), '#ks-next');
  }
}

const drawnIds = (page: Page) => page.$$eval('#ks-assessment fieldset.ks-q', (fs) => fs.map((f) => (f as HTMLElement).dataset.qid as string));

describe('standalone lesson player (headless Chromium)', () => {
  it('a student completes the grade 6 unit with the keyboard only and gets the expected score', async () => {
    const { page, requests, errors } = await openUnit();
    await readAllLessons(page);
    await page.waitForSelector('#ks-assessment fieldset.ks-q');
    const ids = await drawnIds(page);
    expect(ids).toHaveLength(unit.assessment.draw);
    const byId = new Map(unit.assessment.questions.map((q) => [q.id, q]));
    // Answer the first question wrong on purpose, everything else right.
    const drawn = ids.map((id) => byId.get(id)!);
    for (const [i, q] of drawn.entries()) await answerWithKeyboard(page.mainFrame(), q, i === 0 ? 'wrong' : 'correct');
    await pressButton(page.mainFrame(), '#ks-submit');
    await page.waitForSelector('#ks-results-title');
    const total = drawn.reduce((s, q) => s + q.weight, 0);
    const expected = Math.round((100 * (total - drawn[0]!.weight)) / total);
    expect(await page.getAttribute('.ks-score', 'data-score')).toBe(String(expected));
    expect(await page.textContent('.ks-verdict')).toContain('Chúc mừng');
    // Focus moved to the results heading for screen-reader users.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ks-results-title');
    // Every question now shows feedback; the first one says it is not correct.
    expect(await page.$$eval('.ks-feedback', (f) => f.length)).toBe(unit.assessment.draw);
    expect(await page.getAttribute(`#q-${ids[0]} .ks-feedback`, 'class')).toContain('ks-feedback--incorrect');
    expect(await page.textContent('#ks-progress')).toContain(`${unit.lessons.length}/${unit.lessons.length}`);
    expect(errors).toEqual([]);
    // Nothing was requested outside the unit's own folder.
    const foreign = requests.filter((u) => !u.startsWith(`${server.url}/units/${UNIT}/`) && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    await page.context().close();
  });

  it('a student who reloads mid-way resumes on the same page with the answers kept', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const { page } = await openUnit(context);
    await pressButton(page.mainFrame(), '#ks-next');
    await pressButton(page.mainFrame(), `#ks-nav li:last-child button`);
    await page.waitForSelector('#ks-assessment fieldset.ks-q');
    const ids = await drawnIds(page);
    const byId = new Map(unit.assessment.questions.map((q) => [q.id, q]));
    const firstThree = ids.slice(0, 3).map((id) => byId.get(id)!);
    for (const q of firstThree) await answerWithKeyboard(page.mainFrame(), q, 'correct');
    const snapshot = () => page.$$eval('#ks-assessment fieldset.ks-q', (fs) => fs.slice(0, 3).map((f) => [...f.querySelectorAll('input,select')].map((i) => (i instanceof HTMLInputElement ? (i.type === 'text' ? i.value : String(i.checked)) : (i as HTMLSelectElement).value)).join(',') + '|' + [...f.querySelectorAll('li[data-step]')].map((l) => (l as HTMLElement).dataset.step).join('')));
    const before = await snapshot();
    await page.reload();
    await page.waitForSelector('body.ks-ready');
    await page.waitForSelector('#ks-assessment fieldset.ks-q');
    expect(await drawnIds(page)).toEqual(ids);
    expect(await snapshot()).toEqual(before);
    // Lesson 1 and 2 were viewed before the reload; 3 and 4 were not.
    expect(await page.$$eval('#ks-nav button.ks-done', (b) => b.length)).toBe(2);
    await context.close();
  });

  it('switches between Vietnamese and English without losing answers', async () => {
    const { page } = await openUnit();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await pressButton(page.mainFrame(), '#ks-lang');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.isVisible(`#p-1 [data-l="en"] h2`)).toBe(true);
    expect(await page.isVisible(`#p-1 [data-l="vi"] h2`)).toBe(false);
    expect(await page.textContent('#ks-next')).toContain('Next page');
    await pressButton(page.mainFrame(), '#ks-nav li:last-child button');
    await page.waitForSelector('#ks-assessment fieldset.ks-q');
    const [firstId] = await drawnIds(page);
    const q = unit.assessment.questions.find((x) => x.id === firstId)!;
    await answerWithKeyboard(page.mainFrame(), q, 'correct');
    const answered = () => page.$eval(`#q-${firstId}`, (f) => [...f.querySelectorAll('input,select')].map((i) => (i instanceof HTMLInputElement ? (i.type === 'text' ? i.value.toLowerCase() : String(i.checked)) : (i as HTMLSelectElement).value)).join(','));
    const before = await answered();
    expect(await page.textContent(`#q-${firstId} legend`)).toContain(q.prompt.en);
    await pressButton(page.mainFrame(), '#ks-lang');
    expect(await page.textContent(`#q-${firstId} legend`)).toContain(q.prompt.vi);
    expect(await answered()).toBe(before);
    await page.context().close();
  });

  it('has no axe-core violations (WCAG 2.1 A/AA) on lesson pages, the assessment and the results', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const { page } = await openUnit(context);
    const check = async (label: string) => {
      const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(r.violations.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)).toEqual([]);
    };
    for (let i = 0; i < unit.lessons.length; i++) {
      await check(`lesson ${i + 1}`);
      await pressButton(page.mainFrame(), '#ks-next');
    }
    await page.waitForSelector('#ks-assessment fieldset.ks-q');
    await check('assessment');
    await pressButton(page.mainFrame(), '#ks-submit');
    await pressButton(page.mainFrame(), '#ks-confirm-submit');
    await page.waitForSelector('#ks-results-title');
    await check('results');
    await pressButton(page.mainFrame(), '#ks-lang');
    await check('results (English)');
    await context.close();
  });

  it('shows the correct answer and why only after a pass or the last attempt; the review is keyboard and axe clean', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const { page, errors } = await openUnit(context);
    await readAllLessons(page);
    await page.waitForSelector('#ks-assessment fieldset.ks-q');
    // Attempt 1, submitted blank: failed with attempts left, so no key is shown anywhere.
    await pressButton(page.mainFrame(), '#ks-submit');
    await pressButton(page.mainFrame(), '#ks-confirm-submit');
    await page.waitForSelector('#ks-results-title');
    expect(await page.$$eval('.ks-review', (r) => r.length)).toBe(0);
    expect(await page.getAttribute('.ks-review-note', 'data-review')).toBe('later');
    // Attempt 2, all right: passed, so every question shows its key and why.
    await pressButton(page.mainFrame(), '#ks-retry');
    await page.waitForSelector('#ks-submit');
    const ids = await drawnIds(page);
    const byId = new Map(unit.assessment.questions.map((q) => [q.id, q]));
    for (const id of ids) await answerWithKeyboard(page.mainFrame(), byId.get(id)!, 'correct');
    await pressButton(page.mainFrame(), '#ks-submit');
    await page.waitForSelector('#ks-results-title');
    expect(await page.textContent('.ks-verdict')).toContain('Chúc mừng');
    expect(await page.getAttribute('.ks-review-note', 'data-review')).toBe('open');
    for (const id of ids) {
      const q = byId.get(id)!;
      if (q.type === 'lab') continue;
      const keys = await page.$$eval(`#q-${id} .ks-review [data-key]`, (els) => els.map((e) => (e as HTMLElement).dataset.key ?? ''));
      const text = (await page.textContent(`#q-${id} .ks-review`)) ?? '';
      if (q.type === 'single' || q.type === 'multiple') {
        expect(keys.sort(), id).toEqual([...q.correct].sort());
        for (const c of q.choices.filter((x) => q.correct.includes(x.id))) expect(text).toContain(c.feedback.vi);
      } else if (q.type === 'truefalse') {
        expect(keys).toEqual([String(q.correct)]);
        expect(text).toContain(q.feedback[String(q.correct) as 'true' | 'false'].vi);
      } else if (q.type === 'matching') {
        expect(keys).toEqual(q.correct.map(([a, b]) => `${a}.${b}`));
      } else if (q.type === 'ordering') {
        expect(keys).toEqual(q.correct);
      } else if (q.type === 'fillin') {
        expect(text).toContain(q.accept[0]?.vi ?? q.accept[0]?.en);
        expect(text).toContain(q.feedback.correct.vi);
      }
    }
    const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(r.violations.map((v) => `review: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)).toEqual([]);
    await pressButton(page.mainFrame(), '#ks-lang');
    expect(await page.textContent('.ks-review-title')).toContain('Correct answer');
    const r2 = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(r2.violations.map((v) => `review (English): ${v.id}`)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
