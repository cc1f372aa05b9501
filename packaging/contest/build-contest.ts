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
import { bundleContest, contestParts, type ContestEntry } from './bundle.ts';
import { lazyFile } from '../../src/contest/page/lazy-names.ts';
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

export interface ContestFile { file: string; bytes: number; sha256: string }

export interface ContestCatalogEntry {
  id: string;
  challenges: string[];
  /** The LMS packages by format (file paths relative to dist/). */
  packages: Record<string, ContestFile>;
  /** The standalone page (play/<id>/) as one zip, for a school lab with no LMS and no server. */
  offline: ContestFile;
}

/** dist/contest/catalog.json: what the teacher site lists for download. */
export interface ContestCatalog {
  generator: 'khien-so';
  contests: ContestCatalogEntry[];
  /** Every ctfcli challenge folder (ctfd/<challenge>/…) in one zip, for organisers running CTFd. */
  ctfd: ContestFile & { challenges: number };
}

const fileEntry = (file: string, zip: Uint8Array): ContestFile => ({ file: `contest/${file}`, bytes: zip.length, sha256: sha256(zip) });

/** A challenge as the player's page needs it: texts, points, hints, the code to fix; no solution. */
export function runtimeChallenge(c: LoadedChallenge): RuntimeChallenge {
  const t = c.text;
  return {
    id: t.id, tier: t.tier, title: t.title, category: t.category, story: t.story, task: t.task, value: t.value, fixValue: t.fixValue,
    hints: t.hints, outcomes: t.outcomes, start: c.module.start, usesSql: c.module.usesSql === true, ...(c.module.fix ? { fix: { fn: c.module.fix.fn, vulnerable: c.module.fix.vulnerable } } : {}),
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
 * The files of one contest page for one runtime: index.html, contest.js (what the page needs to start)
 * and its lazy parts (lazy/…: each challenge's code, the SQLite glue, the code runner), loaded only when
 * a challenge that needs them is opened. LMS packages are served over http and fetch the SQLite engine
 * file; the offline pages (play/, CTFd) may be opened straight from disk (file://), where browsers refuse
 * to fetch files, so their engine is a lazy script part too.
 */
async function pageFiles(contest: RuntimeContest, entry: ContestEntry): Promise<PackageFiles> {
  const offline = entry === 'standalone';
  const page: RuntimeContest = offline ? { ...contest, offline: true } : contest;
  const wasm = labAssets('sql').find((x) => x.name.endsWith('.wasm'));
  if (!wasm) throw new Error('the SQLite engine (sql-wasm.wasm) is missing from the lab assets');
  const files: PackageFiles = new Map<string, string | Uint8Array>([
    ['index.html', buildContestPage(page, 'contest.js')],
    ['contest.js', await bundleContest(entry)],
    ...await contestParts(contest.challenges, offline, wasm.bytes),
  ]);
  if (!offline && contest.challenges.some((c) => c.usesSql)) files.set(wasm.name, wasm.bytes);
  return files;
}

/**
 * The lazy parts opening a challenge loads: its code, the SQLite glue if it uses SQL (and, in an offline
 * page, the engine as a script). The code runner comes at the first fix check.
 */
export function challengeScripts(contest: RuntimeContest, c: RuntimeChallenge): string[] {
  return [lazyFile(`challenge-${c.id}`), ...(c.usesSql ? [lazyFile('sql'), ...(contest.offline ? [lazyFile('sql-wasm')] : [])] : [])];
}

/**
 * The scripts the browser runs before the contest is interactive: contest.js (the page opens on the
 * contest's overview), and a one-challenge page's challenge parts (it opens on that challenge).
 * `npm run bench` measures these; the e2e test checks the page requests no other script on load.
 */
export function initialScripts(contest: RuntimeContest): string[] {
  const only = contest.challenges.length === 1 ? contest.challenges[0] : undefined;
  return ['contest.js', ...(only ? challengeScripts(contest, only) : [])];
}

/**
 * Builds dist/contest/: for each contest unit a standalone page (play/<id>/, also zipped as offline/<id>.zip),
 * SCORM 1.2, xAPI and cmi5 packages (<format>/<id>.zip, manifests validated like every unit's), organiser
 * solution sheets, and a ctfcli challenge folder per challenge (ctfd/<challenge>/challenge.yml + files, all
 * of them also in ctfd.zip); catalog.json lists the downloads with size and SHA-256. Written to a staging
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
      const play = await pageFiles(contest, 'standalone');
      for (const [name, content] of play) write(`play/${def.id}/${name}`, content);
      const offlineZip = zipPackage(play);
      write(`offline/${def.id}.zip`, offlineZip);
      const entry: ContestCatalogEntry = { id: def.id, challenges: def.challenges, packages: {}, offline: fileEntry(`offline/${def.id}.zip`, offlineZip) };
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
        entry.packages[id] = fileEntry(file, zip);
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
    const ctfdFiles: PackageFiles = new Map();
    for (const c of sources.challenges) {
      const contest = runtimeContest({ id: `contest-${c.text.id}`, version: '1.0.0', title: c.text.title, summary: c.text.title, masteryScore: 0, grade: 12, challenges: [c.text.id] }, sources, seed, 'ctfd');
      const folder = buildCtfdChallenge(c, sources, seed, zipPackage(await pageFiles(contest, 'standalone')));
      for (const [name, content] of folder) {
        write(`ctfd/${c.text.id}/${name}`, content);
        ctfdFiles.set(`ctfd/${c.text.id}/${name}`, content);
      }
    }
    const ctfdZip = zipPackage(ctfdFiles);
    write('ctfd.zip', ctfdZip);
    log(`  • ctfcli: ${sources.challenges.length} challenge folders (also as ctfd.zip)`);
    const index: ContestCatalog = { generator: 'khien-so', contests: catalog, ctfd: { ...fileEntry('ctfd.zip', ctfdZip), challenges: sources.challenges.length } };
    write('catalog.json', JSON.stringify(index, null, 2) + '\n');
    const target = join(opts.dist, 'contest');
    mkdirSync(opts.dist, { recursive: true });
    if (existsSync(target)) rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
    return { sources, catalog };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
