import type { Frame } from 'playwright-core';
import type { Question } from '../../src/model/question-schema.ts';

/** Presses Tab (or Shift+Tab) until the focused element matches the selector; fails after `max` presses. */
export async function tabTo(frame: Frame, selector: string, max = 200): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await frame.evaluate((s) => document.hasFocus() && !!document.activeElement?.matches(s), selector)) return;
    await frame.page().keyboard.press('Tab');
  }
  throw new Error(`could not reach ${selector} with the keyboard`);
}

/** Activates a button with the keyboard. */
export async function pressButton(frame: Frame, selector: string): Promise<void> {
  await tabTo(frame, selector);
  await frame.page().keyboard.press('Enter');
}

/** The answer a test wants to give: the correct one, or a deliberately wrong one. */
export type Intent = 'correct' | 'wrong';

/** Answers one question with the keyboard only (Tab, arrows, Space, Enter, typing). */
export async function answerWithKeyboard(frame: Frame, q: Question, intent: Intent): Promise<void> {
  const base = `#q-${q.id}`;
  const page = frame.page();
  switch (q.type) {
    case 'single':
    case 'truefalse': {
      const correct = q.type === 'single' ? (q.correct[0] as string) : String(q.correct);
      const wrong = q.type === 'single' ? (q.choices.find((c) => c.id !== correct)?.id as string) : String(!q.correct);
      const target = intent === 'correct' ? correct : wrong;
      await tabTo(frame, `${base} input[type=radio]`);
      for (let i = 0; i < 10; i++) {
        const value = await frame.evaluate(() => (document.activeElement as HTMLInputElement).value);
        if (value === target) break;
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Space');
      return;
    }
    case 'multiple': {
      const ids = intent === 'correct' ? q.correct : q.choices.filter((c) => !q.correct.includes(c.id)).map((c) => c.id);
      for (const c of q.choices) {
        const checked = await frame.$eval(`${base}-${c.id}`, (i) => (i as HTMLInputElement).checked);
        if (checked === ids.includes(c.id)) continue;
        await tabTo(frame, `${base}-${c.id}`);
        await page.keyboard.press('Space');
      }
      return;
    }
    case 'hotspot': {
      // Wrong on purpose: only the regions that are fine, so every pick is wrong (no credit).
      const ids = intent === 'correct' ? q.correct : q.regions.filter((r) => !q.correct.includes(r.id)).map((r) => r.id);
      for (const r of q.regions) {
        const toggle = `${base} button.ks-hs-toggle[data-region="${r.id}"]`;
        const on = (await frame.$eval(toggle, (b) => b.getAttribute('aria-checked'))) === 'true';
        if (on === ids.includes(r.id)) continue;
        await tabTo(frame, toggle);
        await page.keyboard.press('Space');
      }
      return;
    }
    case 'matching': {
      for (const [i, [source, target]] of q.correct.entries()) {
        // Wrong on purpose: every source gets the next pair's target, so no pair is right.
        const want = intent === 'correct' ? target : (q.correct[(i + 1) % q.correct.length]?.[1] as string);
        await tabTo(frame, `${base}-${source}`);
        for (let k = 0; k < 12; k++) {
          if ((await frame.$eval(`${base}-${source}`, (s) => (s as HTMLSelectElement).value)) === want) break;
          await page.keyboard.press('ArrowDown');
        }
      }
      return;
    }
    case 'ordering': {
      // Wrong on purpose: the right order rotated by one, so no step is in its place.
      const goal = intent === 'correct' ? q.correct : [...q.correct.slice(1), q.correct[0] as string];
      for (let pos = 0; pos < goal.length; pos++) {
        const want = goal[pos] as string;
        const current = await frame.$$eval(`${base} li[data-step]`, (lis) => lis.map((li) => (li as HTMLElement).dataset.step));
        const from = current.indexOf(want);
        if (from === pos) continue;
        await tabTo(frame, `${base} li[data-step="${want}"] button[data-dir=up]`);
        for (let k = from; k > pos; k--) await page.keyboard.press('Enter');
      }
      return;
    }
    case 'lab':
      // A lab answered "wrong" is left untouched (it scores 0); "correct" completes it perfectly.
      if (intent === 'correct') await (await import('./lab-keyboard.ts')).solveLabWithKeyboard(frame, q.kind);
      return;
    case 'fillin': {
      await tabTo(frame, `${base}-input`);
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Backspace');
      const first = q.accept[0];
      // Typed without diacritics and in capitals: normalisation must still accept it.
      const text = intent === 'correct' ? (first?.vi ?? first?.en ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').toUpperCase() : 'khong biet';
      await page.keyboard.type(q.ignoreDiacritics ? text : first?.vi ?? '');
      return;
    }
  }
}

/** Reads every lesson (with the "next page" button), answers the drawn questions — the first `wrong` of
 * them wrongly — and submits. Returns the drawn question ids and the score a correct grader must give. */
export async function completeUnit(frame: Frame, unit: { lessons: unknown[]; assessment: { questions: Question[] } }, wrong: number): Promise<{ ids: string[]; expected: number }> {
  await pressButton(frame, '#ks-nav li:first-child button');
  for (let i = 0; i < unit.lessons.length; i++) await pressButton(frame, '#ks-next');
  await frame.waitForSelector('#ks-assessment fieldset.ks-q');
  const ids = await frame.$$eval('#ks-assessment fieldset.ks-q', (fs) => fs.map((f) => (f as HTMLElement).dataset.qid as string));
  const byId = new Map(unit.assessment.questions.map((q) => [q.id, q]));
  const drawn = ids.map((id) => byId.get(id) as Question);
  for (const [i, q] of drawn.entries()) await answerWithKeyboard(frame, q, i < wrong ? 'wrong' : 'correct');
  await pressButton(frame, '#ks-submit');
  if (await frame.$('#ks-confirm-submit')) await pressButton(frame, '#ks-confirm-submit');
  await frame.waitForSelector('#ks-results-title');
  const total = drawn.reduce((s, q) => s + q.weight, 0);
  const lost = drawn.slice(0, wrong).reduce((s, q) => s + q.weight, 0);
  return { ids, expected: Math.round((100 * (total - lost)) / total) };
}
