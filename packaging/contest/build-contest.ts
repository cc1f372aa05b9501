import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadContestSources, type ContestSources, type LoadedChallenge } from '../../src/contest/load-challenges.ts';
import type { ContestDef, RuntimeChallenge, RuntimeContest } from '../../src/contest/schema.ts';
import { contestRuntimeUnit } from '../../src/contest/scoring.ts';
import { deriveFlag } from '../../src/contest/flags.ts';
import { CurriculumError } from '../../src/errors/unit-error.ts';
import type { Unit } from '../../src/model/unit.ts';
import { PACKAGE_FORMATS } from '../formats.ts';
import { labAssets } from '../runtime-bundle.ts';
import { sha256, zipPackage, type PackageFiles } from '../zip.ts';
import { bundleContest, type ContestEntry } from './bundle.ts';
import { buildCtfdChallenge } from './ctfd.ts';
import { buildContestPage } from './page.ts';
import { solutionSheet } from './solution-sheet.ts';

/** The flag seed when the organiser sets none (KHIENSO_CONTEST_SEED): fine for practice, not for a real contest. */
export const DEFAULT_SEED = 'khien-so-practice-seed-v1';
/** The contest formats: SCORM 1.2 for Moodle, xAPI (tincan.xml) and cmi5. */
export const CONTEST_FORMATS = ['scorm12', 'xapi', 'cmi5'] as const;

export interface ContestBuildOptions {
  root: string;
  dist: string;
  seed?: string;
  /** Team (or student) codes: writes solutions/<contest>-flags.csv so organisers can check flags on paper. */
  teams?: string[];
  log?: (line: string) => void;
}

export interface ContestCatalogEntry {
  id: string;
  challenges: string[];
  packages: Record<string, { file: string; bytes: number; sha256: string }>;
}

/** A challenge as the player's page needs it: texts, points, hints, the code to fix; no solution. */
export function runtimeChallenge(c: LoadedChallenge): RuntimeChallenge {
  const t = c.text;
  return {
    id: t.id, tier: t.tier, title: t.title, category: t.category, story: t.story, task: t.task, value: t.value, fixValue: t.fixValue,
    hints: t.hints, outcomes: t.outcomes, ...(c.module.fix ? { fix: { fn: c.module.fix.fn, vulnerable: c.module.fix.vulnerable } } : {}),
  };
}

export function runtimeContest(def: ContestDef, sources: ContestSources, seed: string, fixedPlayer?: string): RuntimeContest {
  return {
    id: def.id, version: def.version, title: def.title, masteryScore: def.masteryScore, seed, ...(fixedPlayer ? { fixedPlayer } : {}),
    challenges: def.challenges.map((id) => runtimeChallenge(sources.challenges.find((c) => c.text.id === id) as LoadedChallenge)),
    rules: sources.rules,
  };
}

/** The unit-shaped view of a contest that the project's packagers (manifests, LOM, tincan.xml, cmi5.xml) read. */
function packagingUnit(def: ContestDef, contest: RuntimeContest): Unit {
  const ru = contestRuntimeUnit(contest);
  return {
    id: def.id, version: def.version, title: def.title, summary: def.summary, masteryScore: def.masteryScore, grade: def.grade,
    onFail: 'incomplete', maxAttempts: 0, lessons: [], outcomes: ru.outcomes, assessment: { draw: 0, questions: ru.bank },
  } as unknown as Unit;
}

/**
 * The files of one contest page for one runtime. LMS packages are served over http and load the SQLite
 * engine file; the offline pages (play/, CTFd) may be opened straight from disk (file://), where browsers
 * refuse to fetch files, so they carry the engine as a script instead.
 */
async function pageFiles(contest: RuntimeContest, entry: ContestEntry): Promise<PackageFiles> {
  const offline = entry === 'standalone';
  const files: PackageFiles = new Map<string, string | Uint8Array>([
    ['index.html', buildContestPage(contest, await bundleContest('runner'), 'contest.js', offline ? ['sql-wasm-data.js'] : [])],
    ['contest.js', await bundleContest(entry)],
  ]);
  for (const a of labAssets('sql').filter((x) => x.name.endsWith('.wasm'))) {
    if (offline) files.set('sql-wasm-data.js', `window.KS_SQL_WASM=${JSON.stringify(Buffer.from(a.bytes).toString('base64'))};\n`);
    else files.set(a.name, a.bytes);
  }
  return files;
}

/**
 * Builds dist/contest/: for each contest unit a standalone page (play/<id>/), SCORM 1.2, xAPI and cmi5
 * packages (<format>/<id>.zip, manifests validated like every unit's), organiser solution sheets, and a
 * ctfcli challenge folder per challenge (ctfd/<challenge>/challenge.yml + files). Written to a staging
 * folder and swapped in only when everything built.
 */
export async function buildContest(opts: ContestBuildOptions): Promise<{ sources: ContestSources; catalog: ContestCatalogEntry[] }> {
  const log = opts.log ?? (() => {});
  const seed = opts.seed ?? DEFAULT_SEED;
  const sources = loadContestSources(opts.root);
  const staging = join(opts.dist, `.contest-staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const write = (rel: string, content: string | Uint8Array) => {
    mkdirSync(dirname(join(staging, rel)), { recursive: true });
    writeFileSync(join(staging, rel), content);
  };
  try {
    const catalog: ContestCatalogEntry[] = [];
    for (const def of sources.contests) {
      const contest = runtimeContest(def, sources, seed);
      const unit = packagingUnit(def, contest);
      for (const [name, content] of await pageFiles(contest, 'standalone')) write(`play/${def.id}/${name}`, content);
      const entry: ContestCatalogEntry = { id: def.id, challenges: def.challenges, packages: {} };
      for (const id of CONTEST_FORMATS) {
        const format = PACKAGE_FORMATS.find((f) => f.id === id);
        if (!format) throw new Error(`no package format ${id}`);
        const files = format.build(unit, { content: await pageFiles(contest, id), launch: 'index.html' }, (code) => {
          const o = sources.outcomes.get(code);
          return { vi: o?.vi ?? code, en: o?.en ?? code };
        });
        const problems = await format.validate(files, unit);
        if (problems.length) throw new CurriculumError(problems.map((message) => ({ location: { file: 'curriculum/challenges/contests.yaml' }, message: `${format.label} package of "${def.id}" is invalid: ${message}` })));
        const zip = zipPackage(files);
        const file = `${id}/${def.id}.zip`;
        write(file, zip);
        entry.packages[id] = { file: `contest/${file}`, bytes: zip.length, sha256: sha256(zip) };
        log(`  • ${def.id}: ${format.label} contest package (${Math.round(zip.length / 1024)} KB)`);
      }
      for (const lang of ['vi', 'en'] as const) write(`solutions/${def.id}.${lang}.md`, solutionSheet(def, sources, lang));
      const teams = (opts.teams ?? []).map((t) => t.trim()).filter(Boolean);
      if (teams.length) {
        const csv = (v: string) => `"${v.replace(/"/g, '""')}"`;
        write(`solutions/${def.id}-flags.csv`, ['team,challenge,flag', ...teams.flatMap((team) => def.challenges.map((id) => [csv(team), id, deriveFlag(seed, id, team)].join(',')))].join('\n') + '\n');
      }
      catalog.push(entry);
    }
    // ctfcli folders: one per challenge, each with an offline page of that challenge alone.
    for (const c of sources.challenges) {
      const contest = runtimeContest({ id: `contest-${c.text.id}`, version: '1.0.0', title: c.text.title, summary: c.text.title, masteryScore: 0, grade: 12, challenges: [c.text.id] }, sources, seed, 'ctfd');
      const folder = buildCtfdChallenge(c, sources, seed, zipPackage(await pageFiles(contest, 'standalone')));
      for (const [name, content] of folder) write(`ctfd/${c.text.id}/${name}`, content);
    }
    log(`  • ctfcli: ${sources.challenges.length} challenge folders`);
    write('catalog.json', JSON.stringify({ generator: 'khien-so', contests: catalog }, null, 2) + '\n');
    const target = join(opts.dist, 'contest');
    mkdirSync(opts.dist, { recursive: true });
    if (existsSync(target)) rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
    return { sources, catalog };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
