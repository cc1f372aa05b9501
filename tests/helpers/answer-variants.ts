// Answers a learner may give to a question — the key, wrong ones and partly right ones — derived from the question
// itself, and the same answer as a response to the Moodle question the mapping makes of it (in Moodle's stored texts).
import type { Answer } from '../../src/core/answers.ts';
import { stripDiacritics } from '../../src/core/normalize.ts';
import type { Lang } from '../../src/model/text.ts';
import type { Question } from '../../src/model/question-schema.ts';
import type { Unit } from '../../src/model/unit.ts';
import { moodleQuestion } from '../../packaging/moodle/question-xml.ts';
import type { MoodleResponse } from '../moodle/harness/quiz.ts';

export interface AnswerVariant {
  label: string;
  answer: Answer;
  /**
   * Set when Moodle, by design, scores this answer differently from the package (docs/moodle-import.md, "Question
   * banks"): the package forgives it, Moodle's short-answer matching does not.
   */
  moodleDiffers?: 'final punctuation' | 'surrounding quotes' | 'inner spaces';
}

const rotate = <T>(a: readonly T[], n = 1): T[] => [...a.slice(n), ...a.slice(0, n)];

/** The key first, then wrong and partly right answers; fill-in answers also in the forms the package forgives. */
export function answerVariants(q: Question, lang: Lang = 'vi'): AnswerVariant[] {
  switch (q.type) {
    case 'single': {
      const wrong = q.choices.find((c) => !q.correct.includes(c.id));
      return [{ label: 'key', answer: { type: 'single', choice: q.correct[0] as string } }, ...(wrong ? [{ label: 'wrong choice', answer: { type: 'single' as const, choice: wrong.id } }] : [])];
    }
    case 'multiple': {
      const wrong = q.choices.filter((c) => !q.correct.includes(c.id)).map((c) => c.id);
      const out: AnswerVariant[] = [{ label: 'key', answer: { type: 'multiple', choices: [...q.correct] } }];
      if (q.correct.length > 1) out.push({ label: 'one right choice missing', answer: { type: 'multiple', choices: q.correct.slice(1) } });
      if (wrong.length) out.push({ label: 'key plus a wrong choice', answer: { type: 'multiple', choices: [...q.correct, wrong[0] as string] } });
      if (wrong.length) out.push({ label: 'one right, one wrong', answer: { type: 'multiple', choices: [q.correct[0] as string, wrong[0] as string] } });
      out.push({ label: 'every choice', answer: { type: 'multiple', choices: q.choices.map((c) => c.id) } });
      return out;
    }
    case 'truefalse':
      return [{ label: 'key', answer: { type: 'truefalse', value: q.correct } }, { label: 'wrong', answer: { type: 'truefalse', value: !q.correct } }];
    case 'matching': {
      const pairs = (targets: string[]) => Object.fromEntries(q.correct.map(([s], i) => [s, targets[i] as string]));
      const right = q.correct.map(([, t]) => t);
      const swapped = [right[1], right[0], ...right.slice(2)] as string[];
      const out: AnswerVariant[] = [
        { label: 'key', answer: { type: 'matching', pairs: pairs(right) } },
        { label: 'first two swapped', answer: { type: 'matching', pairs: pairs(swapped) } },
        { label: 'every pair shifted', answer: { type: 'matching', pairs: pairs(rotate(right)) } },
      ];
      // A target no source uses (a distractor) chosen for the first source.
      const spare = q.targets.find((t) => !right.includes(t.id));
      if (spare) out.push({ label: 'a distractor chosen', answer: { type: 'matching', pairs: pairs([spare.id, ...right.slice(1)]) } });
      return out;
    }
    case 'ordering': {
      const c = q.correct;
      return [
        { label: 'key', answer: { type: 'ordering', order: [...c] } },
        { label: 'first two swapped', answer: { type: 'ordering', order: [c[1], c[0], ...c.slice(2)] as string[] } },
        { label: 'every step shifted', answer: { type: 'ordering', order: rotate(c) } },
        { label: 'reversed', answer: { type: 'ordering', order: [...c].reverse() } },
      ];
    }
    case 'fillin': {
      const key = (q.accept[0]?.[lang] ?? q.accept[0]?.vi ?? '') as string;
      const fill = (text: string) => ({ type: 'fillin' as const, text });
      const out: AnswerVariant[] = [{ label: 'key', answer: fill(key) }];
      const other = q.accept.map((a) => (lang === 'vi' ? a.en : a.vi)).find((v): v is string => !!v);
      if (other) out.push({ label: 'accepted in the other language', answer: fill(other) });
      if (q.ignoreCase) out.push({ label: 'upper case', answer: fill(key.toLocaleUpperCase('vi')) });
      if (q.ignoreDiacritics && stripDiacritics(key) !== key) out.push({ label: 'without diacritics', answer: fill(stripDiacritics(key)) });
      out.push({ label: 'wrong word', answer: fill('không biết') });
      out.push({ label: 'spaces around', answer: fill(`  ${key} `) });
      out.push({ label: 'final full stop', answer: fill(`${key}.`), moodleDiffers: 'final punctuation' });
      out.push({ label: 'in quotes', answer: fill(`"${key}"`), moodleDiffers: 'surrounding quotes' });
      if (key.includes(' ')) out.push({ label: 'double space inside', answer: fill(key.replace(' ', '  ')), moodleDiffers: 'inner spaces' });
      return out;
    }
    case 'hotspot':
    case 'lab':
      return [];
  }
}

/** The package's answer as a response to the Moodle question of `q` (Moodle's stored texts; the harness turns it into fields). */
export function moodleResponse(unit: Unit, q: Question, a: Answer, lang: Lang = 'vi'): MoodleResponse {
  const r = moodleQuestion(unit, q, lang);
  if ('omitted' in r) throw new Error(`${q.id}: no Moodle question`);
  const m = r.question;
  if ((q.type === 'single' || q.type === 'multiple') && m.qtype === 'multichoice') {
    const ids = a.type === 'single' ? [a.choice] : a.type === 'multiple' ? a.choices : [];
    return { kind: 'mc', texts: ids.map((id) => m.answers[q.choices.findIndex((c) => c.id === id)]?.text as string) };
  }
  if (q.type === 'truefalse' && a.type === 'truefalse') return { kind: 'tf', value: a.value };
  if (q.type === 'matching' && a.type === 'matching' && m.qtype === 'match') {
    return { kind: 'match', pairs: q.sources.map((s, i) => [m.subquestions[i]?.text as string, q.targets.find((t) => t.id === a.pairs[s.id])?.text[lang] as string]) };
  }
  if (q.type === 'ordering' && a.type === 'ordering' && m.qtype === 'ddwtos') {
    return { kind: 'dd', places: a.order.map((id) => m.dragboxes[q.steps.findIndex((s) => s.id === id)] as string) };
  }
  if (q.type === 'fillin' && a.type === 'fillin') return { kind: 'sa', text: a.text };
  throw new Error(`${q.id}: answer of type ${a.type} does not fit`);
}
