import type { Question } from '../model/question-schema.ts';
import type { Answer } from './answers.ts';
import { fillinMatches, isHashed, plainQuestion, type RuntimeQuestion } from './hashed-keys.ts';
import { normalizeAnswer } from './normalize.ts';

/** How one answer scored. */
export interface QuestionResult {
  /** 0–1 share of the question's weight earned. */
  fraction: number;
  result: 'correct' | 'incorrect' | 'partial' | 'unanswered';
}

/**
 * Scores one answer. Multiple response, hotspot, matching and ordering give partial credit. A question with hashed
 * keys (the page form, src/core/hashed-keys.ts) scores exactly like its plain form.
 */
export function scoreQuestion(question: RuntimeQuestion, a: Answer | undefined): QuestionResult {
  if (!a || a.type !== question.type) return { fraction: 0, result: 'unanswered' };
  if (isHashed(question) && question.type === 'fillin') {
    if (a.type !== 'fillin') return { fraction: 0, result: 'unanswered' };
    const ok = fillinMatches(question, a.text);
    return ok === undefined ? { fraction: 0, result: 'unanswered' } : ok ? { fraction: 1, result: 'correct' } : { fraction: 0, result: 'incorrect' };
  }
  return scorePlain(plainQuestion(question), a);
}

/** Scores an answer against a question's plain key (the reference the hashed scorer is tested against). */
export function scorePlain(q: Question, a: Answer | undefined): QuestionResult {
  if (!a || a.type !== q.type) return { fraction: 0, result: 'unanswered' };
  const grade = (fraction: number): QuestionResult => ({
    fraction: Math.max(0, Math.min(1, fraction)),
    result: fraction >= 1 ? 'correct' : fraction > 0 ? 'partial' : 'incorrect',
  });
  switch (q.type) {
    case 'single':
      return grade(a.type === 'single' && a.choice === q.correct[0] ? 1 : 0);
    case 'multiple': {
      if (a.type !== 'multiple') break;
      return grade(rightMinusWrong(a.choices, q.correct));
    }
    case 'hotspot': {
      // Same rule as multiple response: a picture whose every region is marked scores 0, never full marks.
      if (a.type !== 'hotspot') break;
      return grade(rightMinusWrong(a.regions, q.correct));
    }
    case 'truefalse':
      return grade(a.type === 'truefalse' && a.value === q.correct ? 1 : 0);
    case 'matching': {
      if (a.type !== 'matching') break;
      return grade(q.correct.filter(([s, t]) => a.pairs[s] === t).length / q.correct.length);
    }
    case 'ordering': {
      if (a.type !== 'ordering') break;
      return grade(q.correct.filter((id, i) => a.order[i] === id).length / q.correct.length);
    }
    case 'lab':
      return a.type === 'lab' ? grade(a.score) : { fraction: 0, result: 'unanswered' };
    case 'fillin': {
      if (a.type !== 'fillin') break;
      const opts = { ignoreCase: q.ignoreCase, ignoreDiacritics: q.ignoreDiacritics };
      const typed = normalizeAnswer(a.text, opts);
      if (!typed) return { fraction: 0, result: 'unanswered' };
      const ok = q.accept.some((acc) => [acc.vi, acc.en].some((v) => v !== undefined && normalizeAnswer(v, opts) === typed));
      return grade(ok ? 1 : 0);
    }
  }
  return { fraction: 0, result: 'unanswered' };
}

/** (right picks − wrong picks) / number of right options; the caller floors it at 0 and caps it at 1. */
function rightMinusWrong(picked: readonly string[], correct: readonly string[]): number {
  const unique = [...new Set(picked)];
  const right = unique.filter((c) => correct.includes(c)).length;
  return (right - (unique.length - right)) / correct.length;
}

/** Unit score 0–100 (rounded) over the drawn questions, weighting each question. */
export function scoreAttempt(drawn: readonly RuntimeQuestion[], answers: ReadonlyMap<string, Answer>): { score: number; results: Map<string, QuestionResult> } {
  const results = new Map<string, QuestionResult>();
  let earned = 0;
  let total = 0;
  for (const q of drawn) {
    const r = scoreQuestion(q, answers.get(q.id));
    results.set(q.id, r);
    earned += q.weight * r.fraction;
    total += q.weight;
  }
  return { score: total === 0 ? 0 : Math.round((100 * earned) / total), results };
}

/**
 * Per outcome code, the weighted score (0–100) of the scored items that target it: what the player reports as
 * objectives and what the results view recomputes from an LMS export.
 */
export function outcomeScores(items: Iterable<{ weight: number; outcomes: readonly string[]; fraction: number }>): Map<string, number> {
  const acc = new Map<string, { earned: number; total: number }>();
  for (const it of items) {
    for (const code of it.outcomes) {
      const a = acc.get(code) ?? { earned: 0, total: 0 };
      a.earned += it.weight * it.fraction;
      a.total += it.weight;
      acc.set(code, a);
    }
  }
  return new Map([...acc].filter(([, a]) => a.total > 0).map(([code, a]) => [code, Math.round((100 * a.earned) / a.total)]));
}

/** Passed when the score reaches the mastery score. */
export function isPassed(score: number, masteryScore: number): boolean {
  return score >= masteryScore;
}
