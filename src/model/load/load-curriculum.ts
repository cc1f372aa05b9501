import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ProblemList } from '../../errors/unit-error.ts';
import { STATE_BUDGET, worstCaseStateSize } from '../../core/state.ts';
import type { Framework } from '../framework-schema.ts';
import type { Unit } from '../unit.ts';
import { loadFrameworks, type OutcomeEntry } from './load-frameworks.ts';
import { loadUnit } from './load-unit.ts';
import { checkUnitRules } from './unit-rules.ts';

/** The whole validated curriculum. */
export interface Curriculum {
  frameworks: Framework[];
  outcomes: Map<string, OutcomeEntry>;
  units: Unit[];
}

export interface LoadOptions {
  /** Repository root; error messages show paths relative to it. */
  root: string;
  /** Folder of unit folders (default <root>/curriculum/units). */
  unitsDir?: string;
  /** Folder of framework files (default <root>/curriculum/frameworks). */
  frameworksDir?: string;
  /** Load only these unit folders (names under unitsDir); all when omitted. */
  only?: string[];
  /** Largest allowed learner state in characters (default: SCORM 1.2's 4096). */
  stateBudget?: number;
}

/**
 * The one validation entry: loads frameworks and every unit, checks everything, and either returns the
 * curriculum or throws a CurriculumError listing every problem with its file and line.
 */
export function loadCurriculum(opts: LoadOptions): Curriculum {
  const problems = new ProblemList();
  const { frameworks, outcomes } = loadFrameworks(opts.frameworksDir ?? join(opts.root, 'curriculum/frameworks'), opts.root, problems);
  const unitsDir = opts.unitsDir ?? join(opts.root, 'curriculum/units');
  const dirs = existsSync(unitsDir) ? readdirSync(unitsDir).filter((n) => !n.startsWith('.') && statSync(join(unitsDir, n)).isDirectory() && (!opts.only || opts.only.includes(n))).sort() : [];
  const known = new Set(outcomes.keys());
  const units: Unit[] = [];
  for (const d of dirs) {
    const unit = loadUnit(join(unitsDir, d), opts.root, problems, known);
    if (unit) units.push(unit);
  }
  const byId = new Map<string, Unit>();
  for (const u of units) {
    const file = `${u.dir}/unit.mdx`;
    const other = byId.get(u.id);
    if (other) problems.add({ location: { file }, field: 'id', message: `duplicate unit id "${u.id}" (also used by ${other.dir}/unit.mdx)`, hint: 'unit ids are unique and never change once published; pick a new id for the newer unit' });
    byId.set(u.id, u);
    const budget = opts.stateBudget ?? STATE_BUDGET;
    const size = worstCaseStateSize(u);
    if (size > budget) problems.add({ location: { file: u.assessment.file }, message: `the learner state can reach ${size} characters, over the ${budget}-character budget (SCORM 1.2 suspend_data)`, hint: 'lower draw, shorten fill-in maxLength or question ids, or split the unit' });
    checkUnitRules(opts.root, u, problems);
  }
  for (const u of units) {
    for (const p of u.prerequisites) if (!byId.has(p)) problems.add({ location: { file: `${u.dir}/unit.mdx` }, field: 'prerequisites', message: `prerequisite "${p}" is not a unit id` });
  }
  if (dirs.length === 0) problems.add({ location: { file: relative(opts.root, unitsDir) || '.' }, message: 'no units found' });
  problems.throwIfAny();
  return { frameworks, outcomes, units };
}
