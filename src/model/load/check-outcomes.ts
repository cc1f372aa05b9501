import type { ProblemList } from '../../errors/unit-error.ts';
import type { UnitFrontmatter } from '../unit-schema.ts';
import type { Lesson } from '../unit.ts';
import type { Question } from '../question-schema.ts';

interface Sources {
  unitFile: string;
  unitLineOf: (path: readonly PropertyKey[]) => number | undefined;
  assessmentFile: string;
  questionLines: Map<string, number | undefined>;
  /** Grade of an outcome that belongs to one grade (CT GDPT 2018 codes), undefined for the others. */
  outcomeGrade?: (code: string) => number | undefined;
}

/** Checks every outcome code a unit, its lessons and its questions use against the frameworks and each other. */
export function checkOutcomes(front: UnitFrontmatter, lessons: Lesson[], questions: Question[], known: ReadonlySet<string>, src: Sources, problems: ProblemList): void {
  const unitCodes = new Map<string, string>();
  front.outcomes.forEach((o, i) => {
    if (!known.has(o.code)) problems.add({ location: { file: src.unitFile, line: src.unitLineOf(['outcomes', i, 'code']) }, field: `outcomes.${i}.code`, message: `unknown outcome code "${o.code}"`, hint: suggest(o.code, known) });
    if (unitCodes.has(o.code)) problems.add({ location: { file: src.unitFile, line: src.unitLineOf(['outcomes', i]) }, field: `outcomes.${i}`, message: `outcome "${o.code}" is listed twice` });
    unitCodes.set(o.code, o.level);
    const grade = src.outcomeGrade?.(o.code);
    if (grade !== undefined && grade !== front.grade) {
      const location = { file: src.unitFile, line: src.unitLineOf(['outcomes', i]) };
      if (o.crossGrade) problems.warn({ location, field: `outcomes.${i}`, message: `outcome "${o.code}" belongs to grade ${grade}, but this is a grade ${front.grade} unit (declared crossGrade: true)`, hint: 'make sure the lessons say why a grade ' + grade + ' outcome is taught here' });
      else problems.add({ location, field: `outcomes.${i}`, message: `outcome "${o.code}" belongs to grade ${grade}, but this is a grade ${front.grade} unit`, hint: `use an outcome of grade ${front.grade}, or if it is on purpose (a review or a bridge) write { code: ${o.code}, level: ${o.level}, crossGrade: true }` });
    }
  });
  for (const l of lessons) {
    for (const c of l.outcomes) if (!unitCodes.has(c)) problems.add({ location: { file: l.files.vi }, field: 'outcomes', message: `lesson outcome "${c}" is not in the unit's outcomes`, hint: known.has(c) ? `add { code: ${c}, level: … } to unit.mdx` : suggest(c, known) });
  }
  const assessed = new Set<string>();
  for (const q of questions) {
    for (const c of q.outcomes) {
      assessed.add(c);
      if (!unitCodes.has(c)) problems.add({ location: { file: src.assessmentFile, line: src.questionLines.get(q.id) }, message: `question "${q.id}" targets outcome "${c}", which is ${known.has(c) ? "not in the unit's outcomes" : 'an unknown outcome code'}`, hint: known.has(c) ? `add { code: ${c}, level: assessed } to unit.mdx` : suggest(c, known) });
    }
  }
  front.outcomes.forEach((o, i) => {
    if (o.level === 'assessed' && !assessed.has(o.code)) problems.add({ location: { file: src.unitFile, line: src.unitLineOf(['outcomes', i]) }, field: `outcomes.${i}`, message: `outcome "${o.code}" is marked assessed but no question targets it`, hint: 'add a question with outcomes="' + o.code + '" or mark it level: opportunity' });
  });
}

function suggest(code: string, known: ReadonlySet<string>): string {
  const near = [...known].filter((k) => k.toLowerCase().startsWith(code.slice(0, Math.max(3, code.length - 3)).toLowerCase())).slice(0, 5);
  return near.length ? `codes come from curriculum/frameworks/*.yaml; did you mean ${near.join(', ')}?` : 'codes come from curriculum/frameworks/*.yaml (CSTA, DigComp and TT02 codes need their prefix, e.g. CSTA:1B-NI-05)';
}
