// A learner's actions in the lesson player, by pointer (fast; the keyboard paths are covered by tests/e2e).
import type { Frame } from 'playwright-core';
import type { Question } from '../../../src/model/question-schema.ts';
import type { Unit } from '../../../src/model/unit.ts';

/** Answers one question by clicking: the correct answer, or a wrong one (no credit at all). */
export async function answerByClick(frame: Frame, q: Question, intent: 'correct' | 'wrong'): Promise<void> {
  const base = `#q-${q.id}`;
  switch (q.type) {
    case 'single':
    case 'truefalse': {
      const correct = q.type === 'single' ? (q.correct[0] as string) : String(q.correct);
      const wrong = q.type === 'single' ? (q.choices.find((c) => c.id !== correct)?.id as string) : String(!q.correct);
      await frame.check(`${base} input[type=radio][value="${intent === 'correct' ? correct : wrong}"]`);
      return;
    }
    case 'multiple': {
      const ids = intent === 'correct' ? q.correct : q.choices.filter((c) => !q.correct.includes(c.id)).map((c) => c.id);
      for (const c of q.choices) await frame.setChecked(`${base}-${c.id}`, ids.includes(c.id));
      return;
    }
    case 'hotspot': {
      // Click the regions themselves (a click anywhere on a region toggles it): the signs, or only the regions
      // that are fine (every pick wrong, so no credit).
      const ids = intent === 'correct' ? q.correct : q.regions.filter((r) => !q.correct.includes(r.id)).map((r) => r.id);
      for (const id of ids) await frame.click(`${base} .ks-hs-region[data-region="${id}"]`);
      return;
    }
    case 'matching':
      for (const [i, [source, target]] of q.correct.entries()) {
        const want = intent === 'correct' ? target : (q.correct[(i + 1) % q.correct.length]?.[1] as string);
        await frame.selectOption(`${base}-${source}`, want);
      }
      return;
    case 'ordering': {
      const goal = intent === 'correct' ? q.correct : [...q.correct.slice(1), q.correct[0] as string];
      for (let pos = 0; pos < goal.length; pos++) {
        const want = goal[pos] as string;
        const current = await frame.$$eval(`${base} li[data-step]`, (lis) => lis.map((li) => (li as HTMLElement).dataset.step));
        for (let k = current.indexOf(want); k > pos; k--) await frame.click(`${base} li[data-step="${want}"] button[data-dir=up]`);
      }
      return;
    }
    case 'fillin': {
      const first = q.accept[0];
      await frame.fill(`${base}-input`, intent === 'correct' ? first?.vi ?? first?.en ?? '' : 'khong biet');
      return;
    }
    case 'lab':
      if (intent === 'correct') await (await import('../../e2e/lab-keyboard.ts')).solveLabWithKeyboard(frame, q.kind);
      return;
  }
}

/** Opens lesson `index` (0-based) from the lesson list. */
export async function openLesson(frame: Frame, index: number): Promise<void> {
  await frame.click(`#ks-nav button[data-page="${index}"]`);
}

/** The "next page" button. */
export async function nextPage(frame: Frame): Promise<void> {
  await frame.click('#ks-next');
}

/** Answers the drawn questions (the first `wrong` wrongly) and submits; returns the score a correct grader gives. */
export async function takeAssessment(frame: Frame, unit: Unit, wrong: number): Promise<{ ids: string[]; expected: number }> {
  await frame.waitForSelector('#ks-assessment fieldset.ks-q');
  const ids = await frame.$$eval('#ks-assessment fieldset.ks-q', (fs) => fs.map((f) => (f as HTMLElement).dataset.qid as string));
  const byId = new Map(unit.assessment.questions.map((q) => [q.id, q]));
  const drawn = ids.map((id) => byId.get(id) as Question);
  for (const [i, q] of drawn.entries()) await answerByClick(frame, q, i < wrong ? 'wrong' : 'correct');
  await frame.click('#ks-submit');
  if (await frame.$('#ks-confirm-submit')) await frame.click('#ks-confirm-submit');
  await frame.waitForSelector('#ks-results-title');
  const total = drawn.reduce((s, q) => s + q.weight, 0);
  const lost = drawn.slice(0, wrong).reduce((s, q) => s + q.weight, 0);
  return { ids, expected: Math.round((100 * (total - lost)) / total) };
}

/** Reads every lesson, then takes the assessment. */
export async function completeUnitByClick(frame: Frame, unit: Unit, wrong: number): Promise<{ ids: string[]; expected: number }> {
  await openLesson(frame, 0);
  for (let i = 0; i < unit.lessons.length; i++) await nextPage(frame);
  return takeAssessment(frame, unit, wrong);
}
