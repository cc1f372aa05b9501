import { mkdirSync, rmSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadCurriculum, type Curriculum, type LoadOptions } from '../src/model/load/load-curriculum.ts';
import { bundleCss, bundleRuntime } from './runtime-bundle.ts';
import { buildUnitPage } from './player-page.ts';
import { catalogEntry, type CatalogUnit } from './catalog.ts';

export interface BuildOptions extends LoadOptions {
  /** Output folder (dist/). */
  dist: string;
  /** Progress lines; silent when omitted. */
  log?: (line: string) => void;
}

/** One row of the build summary. */
export interface BuildRow {
  unit: string;
  lessons: number;
  questions: string;
  state: string;
  htmlGz: number;
  jsGz: number;
  cssGz: number;
  ms: number;
}

const gz = (s: string) => gzipSync(Buffer.from(s), { level: 9 }).length;

/**
 * Validates the curriculum, then builds every unit's lesson player and dist/catalog.json.
 * Throws CurriculumError (naming files and lines) before anything is written when a source is invalid;
 * output is staged and swapped in only when every unit built.
 */
export async function buildUnits(opts: BuildOptions): Promise<{ curriculum: Curriculum; catalog: CatalogUnit[]; rows: BuildRow[] }> {
  const log = opts.log ?? (() => {});
  const curriculum = loadCurriculum(opts);
  log(`✓ Curriculum valid: ${curriculum.units.length} unit(s), ${curriculum.outcomes.size} outcomes in ${curriculum.frameworks.length} frameworks`);
  const staging = join(opts.dist, `.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    const js = await bundleRuntime('standalone');
    const css = await bundleCss();
    const catalog: CatalogUnit[] = [];
    const rows: BuildRow[] = [];
    for (const unit of curriculum.units) {
      const t0 = performance.now();
      const out = join(staging, 'units', unit.id);
      mkdirSync(out, { recursive: true });
      const html = buildUnitPage(unit, { script: 'player.js', css: 'player.css' });
      writeFileSync(join(out, 'index.html'), html);
      writeFileSync(join(out, 'player.js'), js);
      writeFileSync(join(out, 'player.css'), css);
      const entry = catalogEntry(unit);
      catalog.push(entry);
      rows.push({ unit: unit.id, lessons: unit.lessons.length, questions: `${unit.assessment.draw}/${unit.assessment.questions.length}`, state: `${entry.state.worstCase}/${entry.state.budget}`, htmlGz: gz(html), jsGz: gz(js), cssGz: gz(css), ms: Math.round(performance.now() - t0) });
      log(`  • ${unit.id}: lesson player built`);
    }
    writeFileSync(join(staging, 'catalog.json'), JSON.stringify({ generator: 'khien-so', units: catalog }, null, 2) + '\n');
    mkdirSync(opts.dist, { recursive: true });
    for (const name of ['units', 'catalog.json']) {
      const target = join(opts.dist, name);
      if (existsSync(target)) rmSync(target, { recursive: true, force: true });
      renameSync(join(staging, name), target);
    }
    return { curriculum, catalog, rows };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
