import type { ProblemList } from '../../errors/unit-error.ts';
import type { Question } from '../question-schema.ts';
import { normalizeAnswer } from '../../core/normalize.ts';

interface Ctx { file: string; line: number | undefined; where: string; problems: ProblemList }

/** Checks that every id a question's `correct` names is defined, and that ids are unique. */
export function checkQuestionReferences(q: Question, ctx: Ctx): void {
  const add = (message: string, hint?: string) => ctx.problems.add({ location: { file: ctx.file, line: ctx.line }, message: `${ctx.where}: ${message}`, hint });
  const defined = (list: { id: string }[], what: string, tag: string) => {
    const ids = new Set<string>();
    for (const o of list) {
      if (ids.has(o.id)) add(`two <${tag}> elements have id "${o.id}"`, `give each <${tag}> its own id`);
      ids.add(o.id);
    }
    return (id: string) => {
      if (!ids.has(id)) add(`correct names ${what} "${id}" but no <${tag} id="${id}"> is defined`, `define it or fix correct="…" (defined: ${[...ids].join(', ')})`);
    };
  };
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const check = defined(q.choices, 'choice', 'Choice');
      q.correct.forEach(check);
      if (new Set(q.correct).size !== q.correct.length) add('correct lists the same choice twice');
      if (q.type === 'multiple' && q.correct.length === q.choices.length) add('every choice is correct, so the question tests nothing', 'add at least one wrong choice');
      break;
    }
    case 'hotspot': {
      const check = defined(q.regions, 'region', 'Region');
      q.correct.forEach(check);
      if (q.correct.length === q.regions.length) add('every region is marked correct, so the question tests nothing', 'add regions that look suspicious but are fine (without correct)');
      break;
    }
    case 'ordering': {
      const check = defined(q.steps, 'step', 'Step');
      q.correct.forEach(check);
      if (q.correct.length !== q.steps.length || new Set(q.correct).size !== q.steps.length) add('correct must list every step exactly once, in the right order');
      break;
    }
    case 'matching': {
      const src = defined(q.sources, 'source', 'Source');
      const tgt = defined(q.targets, 'target', 'Target');
      for (const pair of q.correct) {
        src(pair[0]);
        tgt(pair[1]);
      }
      const seen = q.correct.map((p) => p[0]);
      if (new Set(seen).size !== seen.length || seen.length !== q.sources.length) add('correct must pair every <Source> exactly once, e.g. correct="1:a 2:b 3:c"');
      break;
    }
    case 'fillin':
      for (const a of q.accept) {
        for (const v of [a.vi, a.en]) {
          if (v === undefined) continue;
          if (v.length > q.maxLength) add(`accepted answer "${v}" is longer than maxLength=${q.maxLength}`);
          if (!normalizeAnswer(v, { ignoreCase: q.ignoreCase, ignoreDiacritics: q.ignoreDiacritics })) add(`accepted answer "${v}" is empty once normalised, so no learner could match it`);
        }
      }
      break;
    case 'truefalse':
    case 'lab':
      break;
  }
}
