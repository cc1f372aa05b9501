import { mkdirSync, rmSync, renameSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadCurriculum, type Curriculum, type LoadOptions } from '../src/model/load/load-curriculum.ts';
import { CurriculumError, formatWarnings } from '../src/errors/unit-error.ts';
import type { Unit } from '../src/model/unit.ts';
import { contentProblems, ENFORCED, type ContentProblem } from '../src/model/content-rules.ts';
import { catalogEntry, type CatalogUnit } from './catalog.ts';
import { CMI5_XSD, PACKAGE_FORMATS, lessonFiles, unitFiles, type PackageFormat } from './formats.ts';
import { validateAllPackages } from './validate-manifest.ts';
import { iris } from '../src/core/iris.ts';
import { sha256, zipPackage, type PackageFiles } from './zip.ts';

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

/** Gzipped sizes by content: every unit shares the same scripts and styles, measured once per process. */
const gzCache = new Map<string | Uint8Array, number>();
const gz = (s: string | Uint8Array) => {
  let n = gzCache.get(s);
  if (n === undefined) {
    n = gzipSync(typeof s === 'string' ? Buffer.from(s) : s, { level: 9 }).length;
    if (s.length > 4096) gzCache.set(s, n);
  }
  return n;
};

/**
 * Validates the curriculum, then builds units: the standalone lesson player, one package per format
 * (manifests checked against the official XSDs), and dist/catalog.json with sizes and SHA-256.
 * Invalid sources throw CurriculumError before anything is written; output is staged and swapped in only
 * when every unit and package built.
 *
 * With `only` (KHIENSO_ONLY) and an existing dist, the build is incremental: only the selected units'
 * folders, packages and catalogue entries are replaced; every other unit and its entry is kept.
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
  if (curriculum.warnings.length) log(formatWarnings(curriculum.warnings));
  const staging = join(opts.dist, `.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const write = (rel: string, content: string | Uint8Array) => {
    mkdirSync(dirname(join(staging, rel)), { recursive: true });
    writeFileSync(join(staging, rel), content);
  };
  try {
    const built: CatalogUnit[] = [];
    const rows: BuildRow[] = [];
    const toValidate: { unit: Unit; format: PackageFormat; files: PackageFiles }[] = [];
    for (const unit of curriculum.units) {
      const entry = catalogEntry(unit, (code) => curriculum.outcomes.get(code));
      let t0 = performance.now();
      const shared = await unitFiles(unit);
      const standalone = await lessonFiles(shared, 'standalone');
      for (const [name, content] of standalone.content) write(`units/${unit.id}/${name}`, content);
      // Sizes of the files every format shares, measured once per unit.
      const sum = (pick: (name: string) => boolean) => [...shared.keys()].filter(pick).reduce((s, n) => s + gz(shared.get(n) ?? ''), 0);
      const common = { htmlGz: sum((n) => n === 'index.html'), cssGz: sum((n) => n === 'player.css'), labsGz: sum((n) => n.startsWith('lab-') && n.endsWith('.js')), binaryBytes: [...shared].filter(([n]) => n.endsWith('.wasm')).reduce((s, [, c]) => s + c.length, 0), state: entry.state.worstCase };
      rows.push({ unit: unit.id, format: 'standalone', zipBytes: null, jsGz: gz(standalone.content.get('player.js') ?? ''), ...common, ms: Math.round(performance.now() - t0) });
      log(`  • ${unit.id}: lesson player`);
      for (const format of PACKAGE_FORMATS) {
        t0 = performance.now();
        const lesson = await lessonFiles(shared, format.runtime);
        const files = format.build(unit, lesson, (code) => {
          const o = curriculum.outcomes.get(code);
          return { vi: o?.vi ?? code, en: o?.en ?? code };
        });
        const zip = zipPackage(files);
        const file = `packages/${format.id}/${unit.id}.zip`;
        write(file, zip);
        entry.packages[format.id] = { file, bytes: zip.length, sha256: sha256(zip) };
        const row: BuildRow = { unit: unit.id, format: format.id, zipBytes: zip.length, jsGz: gz(lesson.content.get('player.js') ?? ''), ...common, ms: Math.round(performance.now() - t0) };
        rows.push(row);
        toValidate.push({ unit, format, files });
        log(`  • ${unit.id}: ${format.label} package (${Math.round(zip.length / 1024)} KB)`);
      }
      built.push(entry);
    }
    // Every manifest of every package (all formats) is checked in one validator run.
    const t0 = performance.now();
    const results = await validateAllPackages(toValidate.map((p) => ({ format: p.format.id, files: p.files, unitIri: iris.unit(p.unit.id) })), CMI5_XSD);
    const invalid = results.flatMap((list, i) => {
      const { unit, format } = toValidate[i] as (typeof toValidate)[number];
      return list.map((p) => ({ location: { file: `${unit.dir}/unit.mdx` }, message: `${format.label} package of "${unit.id}" is invalid: ${format.id === 'xapi' ? 'tincan.xml' : format.id === 'cmi5' ? 'cmi5.xml' : 'imsmanifest.xml'}${p.line ? `:${p.line}` : ''} ${p.message}`, hint: 'no package was written; this is a packaging bug or a value the manifest cannot hold' }));
    });
    if (invalid.length) throw new CurriculumError(invalid);
    log(`  ✓ ${toValidate.length} manifests valid against the official schemas (${Math.round(performance.now() - t0)} ms)`);

    const catalogFile = join(opts.dist, 'catalog.json');
    const incremental = opts.only !== undefined && existsSync(catalogFile) && existsSync(join(opts.dist, 'units'));
    const catalog = incremental ? mergeCatalog(readCatalog(catalogFile), built, curriculum) : built;
    write('catalog.json', JSON.stringify({ generator: 'khien-so', units: catalog }, null, 2) + '\n');
    mkdirSync(opts.dist, { recursive: true });
    const swap = (rel: string) => {
      const target = join(opts.dist, rel);
      if (!existsSync(join(staging, rel))) return;
      mkdirSync(dirname(target), { recursive: true });
      if (existsSync(target)) rmSync(target, { recursive: true, force: true });
      renameSync(join(staging, rel), target);
    };
    if (incremental) {
      for (const u of curriculum.units) {
        swap(`units/${u.id}`);
        for (const f of PACKAGE_FORMATS) swap(`packages/${f.id}/${u.id}.zip`);
      }
      swap('catalog.json');
      log(`  ✓ Updated ${built.length} unit(s) in ${opts.dist}; ${catalog.length - built.length} other unit(s) kept`);
    } else {
      for (const name of ['units', 'packages', 'catalog.json']) swap(name);
    }
    return { curriculum, catalog, rows, pending };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function readCatalog(file: string): CatalogUnit[] {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { units?: CatalogUnit[] };
    return Array.isArray(parsed.units) ? parsed.units : [];
  } catch {
    return [];
  }
}

/** The previous catalogue with the rebuilt units replaced, in curriculum order; units no longer in the curriculum are dropped. */
function mergeCatalog(previous: CatalogUnit[], built: CatalogUnit[], curriculum: Curriculum): CatalogUnit[] {
  const byId = new Map(previous.map((u) => [u.id, u]));
  for (const u of built) byId.set(u.id, u);
  return [...curriculum.allUnitIds.keys()].flatMap((id) => {
    const u = byId.get(id);
    return u ? [u] : [];
  });
}
