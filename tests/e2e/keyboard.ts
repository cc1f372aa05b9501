import type { Page } from 'playwright-core';
import type { Question } from '../../src/model/question-schema.ts';

/** Presses Tab (or Shift+Tab) until the focused element matches the selector; fails after `max` presses. */
export async function tabTo(page: Page, selector: string, max = 200): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => !!document.activeElement?.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${selector} with the keyboard`);
}

/** Activates a button with the keyboard. */
export async function pressButton(page: Page, selector: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.press('Enter');
}

/** The answer a test wants to give: the correct one, or a deliberately wrong one. */
export type Intent = 'correct' | 'wrong';

/** Answers one question with the keyboard only (Tab, arrows, Space, Enter, typing). */
export async function answerWithKeyboard(page: Page, q: Question, intent: Intent): Promise<void> {
  const base = `#q-${q.id}`;
  switch (q.type) {
    case 'single':
    case 'truefalse': {
      const correct = q.type === 'single' ? (q.correct[0] as string) : String(q.correct);
      const wrong = q.type === 'single' ? (q.choices.find((c) => c.id !== correct)?.id as string) : String(!q.correct);
      const target = intent === 'correct' ? correct : wrong;
      await tabTo(page, `${base} input[type=radio]`);
      for (let i = 0; i < 10; i++) {
        const value = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
        if (value === target) break;
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Space');
      return;
    }
    case 'multiple': {
      const ids = intent === 'correct' ? q.correct : q.choices.filter((c) => !q.correct.includes(c.id)).map((c) => c.id);
      for (const id of ids) {
        await tabTo(page, `${base}-${id}`);
        await page.keyboard.press('Space');
      }
      return;
    }
    case 'matching': {
      for (const [i, [source, target]] of q.correct.entries()) {
        const want = intent === 'correct' || i > 0 ? target : (q.correct[1]?.[1] as string);
        await tabTo(page, `${base}-${source}`);
        for (let k = 0; k < 12; k++) {
          if ((await page.$eval(`${base}-${source}`, (s) => (s as HTMLSelectElement).value)) === want) break;
          await page.keyboard.press('ArrowDown');
        }
      }
      return;
    }
    case 'ordering': {
      if (intent === 'wrong') return; // leave the shuffled start order, which is never right
      for (let pos = 0; pos < q.correct.length; pos++) {
        const want = q.correct[pos] as string;
        const current = await page.$$eval(`${base} li[data-step]`, (lis) => lis.map((li) => (li as HTMLElement).dataset.step));
        const from = current.indexOf(want);
        if (from === pos) continue;
        await tabTo(page, `${base} li[data-step="${want}"] button[data-dir=up]`);
        for (let k = from; k > pos; k--) await page.keyboard.press('Enter');
      }
      return;
    }
    case 'fillin': {
      await tabTo(page, `${base}-input`);
      const first = q.accept[0];
      // Typed without diacritics and in capitals: normalisation must still accept it.
      const text = intent === 'correct' ? (first?.vi ?? first?.en ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').toUpperCase() : 'khong biet';
      await page.keyboard.type(q.ignoreDiacritics ? text : first?.vi ?? '');
      return;
    }
  }
}
