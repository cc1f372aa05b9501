import { mkdirSync, rmSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadCurriculum, type Curriculum, type LoadOptions } from '../src/model/load/load-curriculum.ts';
import { CurriculumError } from '../src/errors/unit-error.ts';
import { catalogEntry, type CatalogUnit } from './catalog.ts';
import { PACKAGE_FORMATS, lessonFiles } from './formats.ts';
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
export async function buildUnits(opts: BuildOptions): Promise<{ curriculum: Curriculum; catalog: CatalogUnit[]; rows: BuildRow[] }> {
  const log = opts.log ?? (() => {});
  const curriculum = loadCurriculum(opts);
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
      const entry = catalogEntry(unit);
      let t0 = performance.now();
      const standalone = await lessonFiles(unit, 'standalone');
      for (const [name, content] of standalone.content) write(`units/${unit.id}/${name}`, content);
      const size = (files: Map<string, string | Uint8Array>, name: string) => gz(files.get(name) ?? '');
      const labsGz = (files: Map<string, string | Uint8Array>) => [...files.keys()].filter((n) => n.startsWith('lab-')).reduce((s, n) => s + size(files, n), 0);
      const binary = (files: Map<string, string | Uint8Array>) => [...files.keys()].filter((n) => n.endsWith('.wasm')).reduce((s, n) => s + size(files, n), 0);
      rows.push({ unit: unit.id, format: 'standalone', zipBytes: null, htmlGz: size(standalone.content, 'index.html'), jsGz: size(standalone.content, 'player.js'), labsGz: labsGz(standalone.content), binaryBytes: binary(standalone.content), cssGz: size(standalone.content, 'player.css'), state: entry.state.worstCase, ms: Math.round(performance.now() - t0) });
      log(`  • ${unit.id}: lesson player`);
      for (const format of PACKAGE_FORMATS) {
        t0 = performance.now();
        const lesson = await lessonFiles(unit, format.runtime);
        const files = format.build(unit, lesson, (code) => {
          const o = curriculum.outcomes.get(code);
          return { vi: o?.vi ?? code, en: o?.en ?? code };
        });
        const problems = await format.validate(files);
        if (problems.length) {
          throw new CurriculumError(problems.map((message) => ({ location: { file: `${unit.dir}/unit.mdx` }, message: `${format.label} package of "${unit.id}" is invalid: ${message}`, hint: 'no package was written; this is a packaging bug or a value the manifest cannot hold' })));
        }
        const zip = zipPackage(files);
        const file = `packages/${format.id}/${unit.id}.zip`;
        write(file, zip);
        entry.packages[format.id] = { file, bytes: zip.length, sha256: sha256(zip) };
        rows.push({ unit: unit.id, format: format.id, zipBytes: zip.length, htmlGz: size(lesson.content, 'index.html'), jsGz: size(lesson.content, 'player.js'), labsGz: labsGz(lesson.content), binaryBytes: binary(lesson.content), cssGz: size(lesson.content, 'player.css'), state: entry.state.worstCase, ms: Math.round(performance.now() - t0) });
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
    return { curriculum, catalog, rows };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
