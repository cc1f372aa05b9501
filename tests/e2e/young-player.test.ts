// Age-fit player (issue 13, part 6): grades 3–5 get short instructions, targets of at least 44 px and friendly
// feedback ("Gần đúng rồi!"), while older grades keep the standard wording.
import { describe, expect, it } from 'vitest';
import { servedCurriculum } from '../helpers/served-curriculum.ts';
import { UI, YOUNG } from '../../src/runtime/ui/i18n.ts';

const only = process.env.KHIENSO_ONLY?.split(',');
const env = servedCurriculum();
const grades = () => new Map(env.built.result.curriculum.units.map((u) => [u.id, u.grade]));

async function openAssessment(unit: string) {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${env.server.url}/units/${unit}/index.html`);
  await page.waitForSelector('body.ks-ready');
  await page.click('#ks-nav li:last-child button');
  await page.waitForSelector('#ks-submit');
  return { context, page };
}

describe('age-fit player', () => {
  it('grade 3–5 units use the short wording, 44 px targets and friendly feedback', async () => {
    const young = [...grades()].filter(([, g]) => g <= 5).map(([id]) => id);
    if (!young.length) return;
    for (const unit of young) {
      const { context, page } = await openAssessment(unit);
      const intro = (await page.textContent('#ks-assessment p')) ?? '';
      expect(intro).toContain('Được từ');
      expect(intro).not.toContain('để hoàn thành chủ đề');
      // Every choice row, button, select and text box is at least 44 px tall (WCAG 2.5.5 target size).
      const small = await page.$$eval('#ks-assessment .ks-option label, #ks-assessment button, #ks-assessment select, #ks-assessment input[type="text"]', (els) =>
        els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => ({ what: `${e.tagName} ${(e.textContent ?? '').slice(0, 30)}`, h: e.getBoundingClientRect().height })).filter((x) => x.h < 44));
      expect(small, unit).toEqual([]);
      // Answer the first choice question with its first option, hand in the rest unanswered.
      const first = await page.$('#ks-assessment .ks-option input');
      if (first) await first.check();
      await page.click('#ks-submit');
      const confirm = await page.waitForSelector('#ks-confirm-submit');
      expect(await page.textContent('.ks-confirm')).toContain('Em nộp bài luôn nhé?');
      await confirm.click();
      await page.waitForSelector('.ks-feedback');
      const verdicts = await page.$$eval('.ks-feedback-result', (r) => r.map((x) => x.textContent ?? ''));
      const friendly = [YOUNG.vi.correct, YOUNG.vi.partial, YOUNG.vi.incorrect, YOUNG.vi.unanswered];
      expect(verdicts.length).toBeGreaterThan(0);
      for (const v of verdicts) expect(friendly).toContain(v);
      await context.close();
    }
  });

  it('older grades keep the standard wording', async () => {
    const unit = [...grades()].find(([, g]) => g >= 6)?.[0];
    if (!unit || (only && !only.includes(unit))) return;
    const { context, page } = await openAssessment(unit);
    expect(await page.textContent('#ks-assessment p')).toContain('để hoàn thành chủ đề');
    expect(await page.$('body.ks-young')).toBeNull();
    await context.close();
    expect(UI.vi.correct).toBe('Đúng');
  });
});
