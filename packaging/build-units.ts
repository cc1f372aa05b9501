import { mkdirSync, rmSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadCurriculum, type Curriculum, type LoadOptions } from '../src/model/load/load-curriculum.ts';
import { CurriculumError } from '../src/errors/unit-error.ts';
import { contentProblems, ENFORCED, type ContentProblem } from '../src/model/content-rules.ts';
import { catalogEntry, type CatalogUnit } from './catalog.ts';
import { PACKAGE_FORMATS, lessonFiles, unitFiles } from './formats.ts';
import { sha256, zipPackage } from './zip.ts';

export interface BuildOptions extends LoadOptions {
  /** Output folder (dist/). */
  dist: string;
  /** Progress lines; silent when omitted. */
  log?: (line: string) => void;
}

/** One row of the build summary: one unit in one format. */
export interface BuildRow {
  unit: string;
  format: string;
  zipBytes: number | null;
  htmlGz: number;
  jsGz: number;
  /** Lab scripts, only in units that use labs. */
  labsGz: number;
  /** Binary engine files of labs (SQLite), counted like media: outside the package budget. */
  binaryBytes: number;
  cssGz: number;
  state: number;
  ms: number;
}

const gz = (s: string | Uint8Array) => gzipSync(typeof s === 'string' ? Buffer.from(s) : s, { level: 9 }).length;

/**
 * Validates the curriculum, then builds every unit: the standalone lesson player, one package per format
 * (manifests checked against the official XSDs), and dist/catalog.json with sizes and SHA-256.
 * Invalid sources throw CurriculumError before anything is written; output is staged and swapped in only
 * when every unit and package built.
 */
export async function buildUnits(opts: BuildOptions): Promise<{ curriculum: Curriculum; catalog: CatalogUnit[]; rows: BuildRow[]; pending: ContentProblem[] }> {
  const log = opts.log ?? (() => {});
  const curriculum = loadCurriculum(opts);
  // Content rules of issue 12: enforced ones stop the build; the others are returned as warnings.
  const content = contentProblems(opts.root, curriculum.units, (code) => curriculum.outcomes.get(code));
  const enforced = content.filter((p) => ENFORCED[p.rule]);
  if (enforced.length) throw new CurriculumError(enforced.map((p) => ({ ...p.problem, message: `[${p.rule}] ${p.problem.message}` })));
  const pending = content.filter((p) => !ENFORCED[p.rule]);
  log(`✓ Curriculum valid: ${curriculum.units.length} unit(s), ${curriculum.outcomes.size} outcomes in ${curriculum.frameworks.length} frameworks`);
  const staging = join(opts.dist, `.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const write = (rel: string, content: string | Uint8Array) => {
    mkdirSync(dirname(join(staging, rel)), { recursive: true });
    writeFileSync(join(staging, rel), content);
  };
  try {
    const catalog: CatalogUnit[] = [];
    const rows: BuildRow[] = [];
    for (const unit of curriculum.units) {
      const entry = catalogEntry(unit, (code) => curriculum.outcomes.get(code));
      let t0 = performance.now();
      const shared = await unitFiles(unit);
      const standalone = await lessonFiles(shared, 'standalone');
      for (const [name, content] of standalone.content) write(`units/${unit.id}/${name}`, content);
      // Sizes of the files every format shares, measured once per unit.
      const sum = (pick: (name: string) => boolean) => [...shared.keys()].filter(pick).reduce((s, n) => s + gz(shared.get(n) ?? ''), 0);
      const common = { htmlGz: sum((n) => n === 'index.html'), cssGz: sum((n) => n === 'player.css'), labsGz: sum((n) => n.startsWith('lab-')), binaryBytes: sum((n) => n.endsWith('.wasm')), state: entry.state.worstCase };
      rows.push({ unit: unit.id, format: 'standalone', zipBytes: null, jsGz: gz(standalone.content.get('player.js') ?? ''), ...common, ms: Math.round(performance.now() - t0) });
      log(`  • ${unit.id}: lesson player`);
      for (const format of PACKAGE_FORMATS) {
        t0 = performance.now();
        const lesson = await lessonFiles(shared, format.runtime);
        const files = format.build(unit, lesson, (code) => {
          const o = curriculum.outcomes.get(code);
          return { vi: o?.vi ?? code, en: o?.en ?? code };
        });
        const problems = await format.validate(files, unit);
        if (problems.length) {
          throw new CurriculumError(problems.map((message) => ({ location: { file: `${unit.dir}/unit.mdx` }, message: `${format.label} package of "${unit.id}" is invalid: ${message}`, hint: 'no package was written; this is a packaging bug or a value the manifest cannot hold' })));
        }
        const zip = zipPackage(files);
        const file = `packages/${format.id}/${unit.id}.zip`;
        write(file, zip);
        entry.packages[format.id] = { file, bytes: zip.length, sha256: sha256(zip) };
        rows.push({ unit: unit.id, format: format.id, zipBytes: zip.length, jsGz: gz(lesson.content.get('player.js') ?? ''), ...common, ms: Math.round(performance.now() - t0) });
        log(`  • ${unit.id}: ${format.label} package (${Math.round(zip.length / 1024)} KB)`);
      }
      catalog.push(entry);
    }
    write('catalog.json', JSON.stringify({ generator: 'khien-so', units: catalog }, null, 2) + '\n');
    mkdirSync(opts.dist, { recursive: true });
    for (const name of ['units', 'packages', 'catalog.json']) {
      const target = join(opts.dist, name);
      if (existsSync(target)) rmSync(target, { recursive: true, force: true });
      renameSync(join(staging, name), target);
    }
    return { curriculum, catalog, rows, pending };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
