// `npm run item-stats`: item statistics of every unit's question bank and of the whole set, checked against
// the limits of docs/editorial-checklist.md ("Fair questions"). Exits 1 listing each unit and item that breaks
// a limit. KHIENSO_ONLY=unit-a,unit-b limits it to some units.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CurriculumError } from '../src/errors/unit-error.ts';
import { loadCurriculum } from '../src/model/load/load-curriculum.ts';
import { itemStatsReport } from '../src/model/item-stats-report.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
try {
  const curriculum = loadCurriculum({
    root,
    unitsDir: process.env.KHIENSO_UNITS ? resolve(process.env.KHIENSO_UNITS) : undefined,
    frameworksDir: process.env.KHIENSO_FRAMEWORKS ? resolve(process.env.KHIENSO_FRAMEWORKS) : undefined,
    only: process.env.KHIENSO_ONLY ? process.env.KHIENSO_ONLY.split(',') : undefined,
  });
  const report = itemStatsReport(root, curriculum.units);
  console.log(report.text);
  if (report.violations.length) {
    console.error(`\n✗ ${report.violations.length} item-statistics limit(s) broken in ${new Set(report.violations.map((v) => v.unit)).size} unit(s):\n${report.problems}`);
    process.exit(1);
  }
  console.log('\n✓ Every unit is within the item-statistics limits.');
} catch (e) {
  if (e instanceof CurriculumError) {
    console.error(`✗ The curriculum does not load:\n${e.message}`);
    process.exit(2);
  }
  throw e;
}
