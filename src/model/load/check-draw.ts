import type { ProblemList } from '../../errors/unit-error.ts';
import { assessedOutcomes, drawProblems } from '../../core/draw.ts';
import type { Unit } from '../unit.ts';
import { lineMatching, literal } from './question-lines.ts';

/**
 * The build refuses a bank whose draw cannot include every assessed outcome in every attempt
 * (the per-outcome report in the LMS would have holes). Points at the outcome in unit.mdx, or at `draw:`.
 */
export function checkDraw(root: string, unit: Unit, problems: ProblemList): void {
  const strata = assessedOutcomes(unit.outcomes);
  for (const message of drawProblems(unit.assessment.questions, unit.assessment.draw, strata)) {
    const code = /^outcome "([^"]+)"/.exec(message)?.[1];
    const location = code
      ? { file: `${unit.dir}/unit.mdx`, line: lineMatching(root, `${unit.dir}/unit.mdx`, literal(code)) }
      : { file: unit.assessment.file, line: lineMatching(root, unit.assessment.file, /^draw:/) };
    problems.add({ location, field: code ? 'outcomes' : 'draw', message, hint: code ? `add a question with outcomes="${code}" or mark it level: opportunity` : 'raise draw, or let questions target several outcomes; every attempt must report every assessed outcome' });
  }
}
