// Answer keys derived from the question bank (never written by hand): for each question, its options with
// the correct ones marked, the correct answer in words, and the feedback the learner sees.
import type { Question } from '../model/question-schema.ts';
import type { Lang } from './i18n.ts';
import { t } from './i18n.ts';

export interface KeyOption { id: string; text: string; correct: boolean; feedback?: string }
export interface KeyFeedback { when: string; text: string }

export interface AnswerKeyEntry {
  id: string;
  type: Question['type'];
  weight: number;
  outcomes: string[];
  prompt: string;
  /** The mock-up the question shows (HTML rendered by the build from the unit's MDX), when it has one. */
  picture?: string;
  /** Options as shown to learners, correct ones marked (choices, true/false). */
  options: KeyOption[];
  /** The correct answer as lines of text (pairs, ordered steps, accepted answers …). */
  answer: string[];
  feedback: KeyFeedback[];
  notes: string[];
}

/** The answer key of one question in one language. */
export function answerKey(q: Question, lang: Lang): AnswerKeyEntry {
  const s = t(lang);
  const picture = 'picture' in q && q.picture ? { picture: q.picture[lang] } : {};
  const base = { id: q.id, type: q.type, weight: q.weight, outcomes: q.outcomes, prompt: q.prompt[lang], ...picture, options: [] as KeyOption[], answer: [] as string[], feedback: [] as KeyFeedback[], notes: [] as string[] };
  const outcomeFeedback = (f: { correct: { vi: string; en: string }; incorrect: { vi: string; en: string }; partial?: { vi: string; en: string } }) => [
    { when: s.feedbackCorrect, text: f.correct[lang] },
    ...(f.partial ? [{ when: s.feedbackPartial, text: f.partial[lang] }] : []),
    { when: s.feedbackIncorrect, text: f.incorrect[lang] },
  ];
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const options = q.choices.map((c) => ({ id: c.id, text: c.text[lang], correct: q.correct.includes(c.id), feedback: c.feedback[lang] }));
      return { ...base, options, answer: options.filter((o) => o.correct).map((o) => `${o.id}. ${o.text}`), notes: q.type === 'multiple' ? [s.partialCredit] : [] };
    }
    case 'hotspot': {
      const options = q.regions.map((r) => ({ id: r.id, text: r.text[lang], correct: q.correct.includes(r.id), feedback: r.feedback[lang] }));
      return { ...base, options, answer: options.filter((o) => o.correct).map((o) => `${o.id}. ${o.text}`), notes: [s.hotspotNote] };
    }
    case 'truefalse': {
      const word = (v: boolean) => (v ? s.trueWord : s.falseWord);
      return {
        ...base,
        options: [true, false].map((v) => ({ id: String(v), text: word(v), correct: q.correct === v, feedback: q.feedback[String(v) as 'true' | 'false'][lang] })),
        answer: [word(q.correct)],
      };
    }
    case 'matching': {
      const src = new Map(q.sources.map((o) => [o.id, o.text[lang]]));
      const tgt = new Map(q.targets.map((o) => [o.id, o.text[lang]]));
      return { ...base, answer: q.correct.map(([a, b]) => `${src.get(a) ?? a} → ${tgt.get(b) ?? b}`), feedback: outcomeFeedback(q.feedback) };
    }
    case 'ordering': {
      const step = new Map(q.steps.map((o) => [o.id, o.text[lang]]));
      return { ...base, answer: q.correct.map((id, i) => `${i + 1}. ${step.get(id) ?? id}`), feedback: outcomeFeedback(q.feedback) };
    }
    case 'fillin': {
      const accepted = [...new Set(q.accept.map((a) => a[lang] ?? a.vi ?? a.en ?? '').filter(Boolean))];
      return { ...base, answer: accepted, feedback: outcomeFeedback(q.feedback), notes: [s.fillRules(q.ignoreCase, q.ignoreDiacritics)] };
    }
    case 'lab':
      return { ...base, notes: [s.labNote(q.kind)] };
    default:
      // A question type this page does not know yet: its prompt and metadata are still listed.
      return base;
  }
}
