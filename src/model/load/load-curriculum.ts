import { join, relative } from 'node:path';
import { ProblemList, type Problem } from '../../errors/unit-error.ts';
import type { Framework } from '../framework-schema.ts';
import type { Unit } from '../unit.ts';
import { loadFrameworks, type OutcomeEntry } from './load-frameworks.ts';
import { loadUnit, nearestHint } from './load-unit.ts';
import { scanUnits } from './scan-units.ts';
import { checkUnitRules } from './unit-rules.ts';

/** The whole validated curriculum. */
export interface Curriculum {
  frameworks: Framework[];
  outcomes: Map<string, OutcomeEntry>;
  units: Unit[];
  /** Problems that do not stop the build (a declared cross-grade outcome, a file normalised to NFC). */
  warnings: Problem[];
  /** Unit ids of the whole curriculum, also when only some units were loaded (id → folder). */
  allUnitIds: Map<string, string>;
}

export interface LoadOptions {
  /** Repository root; error messages show paths relative to it. */
  root: string;
  /** Folder of unit folders (default <root>/curriculum/units). */
  unitsDir?: string;
  /** Folder of framework files (default <root>/curriculum/frameworks). */
  frameworksDir?: string;
  /** Load only these units (folder names or unit ids); all when omitted. */
  only?: string[];
  /** Largest allowed learner state in characters (default: SCORM 1.2's 4096). */
  stateBudget?: number;
}

/**
 * The one validation entry: loads frameworks and every unit, checks everything, and either returns the
 * curriculum or throws a CurriculumError listing every problem with its file and line. Ids, prerequisites
 * and links between units are checked against the whole curriculum even when only some units are loaded.
 */
export function loadCurriculum(opts: LoadOptions): Curriculum {
  const problems = new ProblemList();
  const { frameworks, outcomes } = loadFrameworks(opts.frameworksDir ?? join(opts.root, 'curriculum/frameworks'), opts.root, problems);
  const unitsDir = opts.unitsDir ?? join(opts.root, 'curriculum/units');
  const relDir = (folder: string) => relative(opts.root, join(unitsDir, folder)).split('\\').join('/');
  const scanned = scanUnits(unitsDir);
  const only = opts.only?.map((s) => s.trim()).filter(Boolean);
  if (only) {
    const names = new Set(scanned.flatMap((s) => [s.folder, ...(s.id ? [s.id] : [])]));
    for (const want of only) {
      if (!names.has(want)) problems.add({ location: { file: relative(opts.root, unitsDir) || '.' }, message: `KHIENSO_ONLY names "${want}", which is not a unit folder or unit id`, hint: nearestHint(want, [...names].sort()) });
    }
  }
  const selected = scanned.filter((s) => !only || only.includes(s.folder) || (s.id !== undefined && only.includes(s.id)));
  const unitIds = new Map<string, { dir: string; lessons: string[] }>();
  for (const s of scanned) if (s.id && !unitIds.has(s.id)) unitIds.set(s.id, { dir: relDir(s.folder), lessons: s.lessons });
  const known = new Set(outcomes.keys());
  const outcomeGrade = (code: string) => outcomes.get(code)?.grade;
  const units: Unit[] = [];
  for (const s of selected) {
    const unit = loadUnit(join(unitsDir, s.folder), opts.root, problems, known, { outcomeGrade, unitIds, stateBudget: opts.stateBudget });
    if (unit) units.push(unit);
  }
  // Duplicate ids are looked for in the whole curriculum, not only in the selection.
  for (const s of selected) {
    if (!s.id) continue;
    const others = scanned.filter((o) => o.id === s.id && o.folder !== s.folder);
    if (others.length) problems.add({ location: { file: `${relDir(s.folder)}/unit.mdx`, line: 2 }, field: 'id', message: `duplicate unit id "${s.id}" (also used by ${others.map((o) => `${relDir(o.folder)}/unit.mdx`).join(', ')})`, hint: 'unit ids are unique and never change once published; pick a new id for the newer unit' });
  }
  for (const u of units) {
    checkUnitRules(opts.root, u, problems);
    for (const p of u.prerequisites) if (!unitIds.has(p)) problems.add({ location: { file: `${u.dir}/unit.mdx` }, field: 'prerequisites', message: `prerequisite "${p}" is not a unit id`, hint: nearestHint(p, [...unitIds.keys()]) });
  }
  if (scanned.length === 0) problems.add({ location: { file: relative(opts.root, unitsDir) || '.' }, message: 'no units found', hint: 'each unit is a folder with unit.mdx, lessons/ and assessment.mdx (docs/authoring.md)' });
  problems.throwIfAny();
  return { frameworks, outcomes, units, warnings: problems.warnings, allUnitIds: new Map([...unitIds].map(([id, v]) => [id, v.dir])) };
}
