import type { ProblemList } from '../../errors/unit-error.ts';
import type { Question } from '../question-schema.ts';
import type { LocalizedText } from '../text.ts';

interface Ctx { file: string; line: number | undefined; where: string; problems: ProblemList; lineOf?: (key: string) => number | undefined }

const same = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Reports options of one list whose text is the same in either language (a learner cannot tell them apart). */
function distinctTexts(list: { id: string; text: LocalizedText }[], tag: string, key: string, ctx: Ctx): void {
  for (const lang of ['vi', 'en'] as const) {
    const seen = new Map<string, string>();
    list.forEach((o, i) => {
      const t = same(o.text[lang]);
      const other = seen.get(t);
      if (other !== undefined) ctx.problems.add({ location: { file: ctx.file, line: ctx.lineOf?.(`${key}.${i}`) ?? ctx.line }, message: `${ctx.where}: <${tag} id="${o.id}"> has the same ${lang === 'vi' ? 'Vietnamese' : 'English'} text as <${tag} id="${other}"> ("${o.text[lang]}")`, hint: `a learner cannot tell them apart, and ${tag === 'Step' ? 'either order would be right' : 'the answer would be ambiguous'}: reword one of them` });
      else seen.set(t, o.id);
    });
  }
}

/**
 * The structural rules of each question type beyond ids and references (question-refs.ts): options a learner
 * can tell apart, and matching that is one-to-one with every unused target declared a distractor.
 */
export function checkQuestionStructure(q: Question, ctx: Ctx): void {
  const add = (message: string, hint?: string) => ctx.problems.add({ location: { file: ctx.file, line: ctx.line }, message: `${ctx.where}: ${message}`, hint });
  switch (q.type) {
    case 'single':
    case 'multiple':
      distinctTexts(q.choices, 'Choice', 'choices', ctx);
      break;
    case 'hotspot':
      distinctTexts(q.regions, 'Region', 'regions', ctx);
      break;
    case 'ordering':
      distinctTexts(q.steps, 'Step', 'steps', ctx);
      break;
    case 'matching': {
      distinctTexts(q.sources, 'Source', 'sources', ctx);
      distinctTexts(q.targets, 'Target', 'targets', ctx);
      const bySource = new Map<string, string>();
      for (const [s, t] of q.correct) {
        const other = [...bySource].find(([, tt]) => tt === t)?.[0];
        if (other !== undefined && other !== s) add(`sources "${other}" and "${s}" are both paired with target "${t}"`, 'matching is one-to-one: pair each <Source> with its own <Target>');
        bySource.set(s, t);
      }
      const used = new Set(q.correct.map((p) => p[1]));
      for (const t of q.targets) {
        if (used.has(t.id) && t.distractor) add(`<Target id="${t.id}"> is declared a distractor but correct="…" pairs a source with it`, 'remove distractor from the target, or fix correct="…"');
        if (!used.has(t.id) && !t.distractor) add(`no source is paired with <Target id="${t.id}">`, `if it is a deliberate wrong option write <Target id="${t.id}" distractor …/>; otherwise pair it in correct="…"`);
      }
      break;
    }
    default:
      break;
  }
}
