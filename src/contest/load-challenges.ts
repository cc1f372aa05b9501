import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { ProblemList } from '../errors/unit-error.ts';
import { loadFrameworks } from '../model/load/load-frameworks.ts';
import { CHALLENGE_MODULES } from './challenges/index.ts';
import { ChallengeSchema, ContestSchema, type ChallengeText, type ContestDef } from './schema.ts';
import type { ChallengeModule } from './types.ts';

export interface LoadedChallenge {
  text: ChallengeText;
  module: ChallengeModule;
  /** Folder of the challenge sources, relative to the repo. */
  dir: string;
}

export interface ContestSources {
  challenges: LoadedChallenge[];
  /** Outcome codes of the frameworks, with their texts. */
  outcomes: Map<string, { vi: string; en: string }>;
  contests: ContestDef[];
  rules: { vi: string; en: string };
}

/** Parses one YAML file, mapping schema problems to file and line. */
function readYaml(abs: string, file: string, problems: ProblemList): { data: unknown; lineOf(path: (string | number)[]): number | undefined } {
  const lc = new LineCounter();
  const doc = parseDocument(readFileSync(abs, 'utf8'), { lineCounter: lc });
  for (const e of doc.errors) problems.add({ location: { file, line: e.linePos?.[0]?.line }, message: e.message });
  return {
    data: doc.toJS(),
    lineOf(path) {
      for (let p = path; p.length; p = p.slice(0, -1)) {
        const node = doc.getIn(p, true) as { range?: [number, number, number] } | undefined;
        if (node?.range) return lc.linePos(node.range[0]).line;
      }
      return undefined;
    },
  };
}

/**
 * Loads and validates curriculum/challenges: every challenge.yaml against the schema, a code module for
 * each, outcome codes that exist in the frameworks, hints that cost less than the challenge is worth, and
 * contests.yaml naming only known challenges. Throws one CurriculumError listing every problem.
 */
export function loadContestSources(root: string, dir = join(root, 'curriculum/challenges')): ContestSources {
  const problems = new ProblemList();
  const { outcomes } = loadFrameworks(join(root, 'curriculum/frameworks'), root, problems);
  const challenges: LoadedChallenge[] = [];
  /** Folders whose challenge.yaml is invalid (already reported; contests naming them are not reported again). */
  const invalid = new Set<string>();
  const ids = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  for (const id of ids) {
    const abs = join(dir, id, 'challenge.yaml');
    const file = relative(root, abs);
    if (!existsSync(abs)) { problems.add({ location: { file }, message: 'missing challenge.yaml' }); continue; }
    const y = readYaml(abs, file, problems);
    const parsed = ChallengeSchema.safeParse(y.data);
    if (!parsed.success) {
      for (const i of parsed.error.issues) problems.add({ location: { file, line: y.lineOf(i.path as (string | number)[]) }, field: i.path.join('.'), message: i.message });
      invalid.add(id);
      continue;
    }
    const text = parsed.data;
    if (text.id !== id) problems.add({ location: { file, line: y.lineOf(['id']) }, field: 'id', message: `id "${text.id}" must equal the folder name "${id}"` });
    const module = CHALLENGE_MODULES[text.id];
    if (!module) { problems.add({ location: { file, line: y.lineOf(['id']) }, field: 'id', message: `no code module for "${text.id}"`, hint: 'add src/contest/challenges/<id>.ts and list it in src/contest/challenges/index.ts' }); continue; }
    for (const [i, code] of text.outcomes.entries()) if (!outcomes.has(code)) problems.add({ location: { file, line: y.lineOf(['outcomes', i]) }, field: `outcomes.${i}`, message: `unknown outcome code "${code}"` });
    const hintTotal = text.hints.reduce((s, h) => s + h.cost, 0);
    if (hintTotal >= text.value) problems.add({ location: { file, line: y.lineOf(['hints']) }, field: 'hints', message: `hints cost ${hintTotal}, not less than the challenge's value ${text.value}` });
    if (!!module.fix !== text.fixValue > 0) problems.add({ location: { file, line: y.lineOf(['fixValue']) }, field: 'fixValue', message: module.fix ? 'this challenge has a fix-check: give it a fixValue' : 'fixValue set but the challenge has no fix-check' });
    challenges.push({ text, module, dir: relative(root, join(dir, id)) });
  }
  const contestsFile = join(dir, 'contests.yaml');
  const cf = relative(root, contestsFile);
  const y = readYaml(contestsFile, cf, problems);
  const contests: ContestDef[] = [];
  for (const [i, raw] of (Array.isArray(y.data) ? y.data : []).entries()) {
    const parsed = ContestSchema.safeParse(raw);
    if (!parsed.success) {
      for (const is of parsed.error.issues) problems.add({ location: { file: cf, line: y.lineOf([i, ...(is.path as (string | number)[])]) }, message: is.message });
      continue;
    }
    for (const [j, c] of parsed.data.challenges.entries()) if (!challenges.some((ch) => ch.text.id === c) && !invalid.has(c)) problems.add({ location: { file: cf, line: y.lineOf([i, 'challenges', j]) }, message: `unknown challenge "${c}"` });
    contests.push(parsed.data);
  }
  const rules = { vi: readFileSync(join(dir, 'rules.vi.md'), 'utf8'), en: readFileSync(join(dir, 'rules.en.md'), 'utf8') };
  problems.throwIfAny();
  return { challenges, contests, rules, outcomes };
}
