// `npm run build:units`: validates the curriculum and builds every unit and package into dist/
// (see packaging/build-units.ts), showing progress and ending with a summary table.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CurriculumError } from '../src/errors/unit-error.ts';
import { buildUnits, type BuildRow } from '../packaging/build-units.ts';
import { buildContentSummary } from '../src/model/content-summary.ts';
import { buildMoodle } from '../packaging/moodle/build-moodle.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const started = performance.now();
const kb = (n: number | null) => (n === null ? '—' : (n / 1024).toFixed(1));
try {
  const dist = process.env.KHIENSO_DIST ? resolve(process.env.KHIENSO_DIST) : join(root, 'dist');
  const { rows, catalog, curriculum, pending } = await buildUnits({
    root,
    dist,
    unitsDir: process.env.KHIENSO_UNITS ? resolve(process.env.KHIENSO_UNITS) : undefined,
    frameworksDir: process.env.KHIENSO_FRAMEWORKS ? resolve(process.env.KHIENSO_FRAMEWORKS) : undefined,
    only: process.env.KHIENSO_ONLY ? process.env.KHIENSO_ONLY.split(',') : undefined,
    log: (l) => console.log(l),
  });
  // The contest does not depend on the units: a KHIENSO_ONLY build (an author's one-unit rebuild) keeps the one
  // already in dist/ and builds it only when there is none.
  if (process.env.KHIENSO_ONLY && existsSync(join(dist, 'contest', 'catalog.json'))) {
    console.log('✓ Contest: kept as built (KHIENSO_ONLY rebuilds units only; run a full build after changing curriculum/contests)');
  } else {
    const { buildContest } = await import('../packaging/contest/build-contest.ts');
    await buildContest({ root, dist, seed: process.env.KHIENSO_CONTEST_SEED, teams: process.env.KHIENSO_CONTEST_TEAMS?.split(','), log: (l) => console.log(l) });
  }
  const moodle = buildMoodle(curriculum, dist, { partial: Boolean(process.env.KHIENSO_ONLY) });
  console.log(`✓ Moodle: ${moodle.questionBanks.length} question-bank files${moodle.competencies ? `, competency framework (${moodle.competencies.requirements} requirements)` : ''} in ${join(dist, 'moodle')}`);
  console.log('\nSummary (KB; html/js/css gzipped; state = worst-case suspend_data characters of 4096)');
  console.log(summaryTable(rows));
  console.log('\n' + buildContentSummary(root, curriculum.units, pending));
  console.log(`\n✓ Built ${rows.filter((r) => r.format === 'standalone').length} unit(s) and ${rows.filter((r) => r.zipBytes !== null).length} packages (catalogue: ${catalog.length} units) in ${Math.round(performance.now() - started)} ms`);
} catch (e) {
  if (e instanceof CurriculumError) {
    console.error(`✗ Build stopped; nothing was written.\n${e.message}`);
    process.exit(1);
  }
  throw e;
}

function summaryTable(rows: BuildRow[]): string {
  const head = ['unit', 'format', 'zip', 'html gz', 'js gz', 'labs gz', 'css gz', 'state', 'ms'];
  const body = rows.map((r) => [r.unit, r.format, kb(r.zipBytes), kb(r.htmlGz), kb(r.jsGz), r.labsGz ? kb(r.labsGz) : '—', kb(r.cssGz), String(r.state), String(r.ms)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  return [head, ...body].map((cols) => cols.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')).join('\n');
}
