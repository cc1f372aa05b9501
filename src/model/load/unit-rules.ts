import type { ProblemList } from '../../errors/unit-error.ts';
import type { Unit } from '../unit.ts';
import { checkDraw } from './check-draw.ts';
import { checkShortPath } from './check-short-path.ts';

/**
 * Rules over a whole loaded unit (issue 12): each lives in its own small file. Problems fail the build
 * with file and line like every other validation problem.
 */
export function checkUnitRules(root: string, unit: Unit, problems: ProblemList): void {
  checkDraw(root, unit, problems);
  checkShortPath(root, unit, problems);
}
