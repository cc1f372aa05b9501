// `npm run item-stats`: item statistics of every unit's question bank and of the whole set, checked against
// the limits of docs/editorial-checklist.md ("Fair questions"), then the other content rules of issue 12
// (performance items, kĩ/lí spelling, visuals, one spiral slogan). Exits 1 listing each unit, file:line and item that breaks a rule.
// KHIENSO_ONLY=unit-a,unit-b limits it to some units.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CurriculumError, formatProblem } from '../src/errors/unit-error.ts';
import { loadCurriculum } from '../src/model/load/load-curriculum.ts';
import { itemStatsReport } from '../src/model/item-stats-report.ts';
import { CONTENT_RULES, ENFORCED, contentProblems } from '../src/model/content-rules.ts';

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
  const others = contentProblems(root, curriculum.units, (code) => curriculum.outcomes.get(code)).filter((p) => p.rule !== 'item-stats');
  let failed = false;
  if (report.violations.length) {
    failed = true;
    console.error(`\n✗ item-stats${ENFORCED['item-stats'] ? '' : ' (not yet enforced by the build)'}: ${report.violations.length} limit(s) broken in ${new Set(report.violations.map((v) => v.unit)).size} unit(s):\n${report.problems}`);
  }
  for (const rule of CONTENT_RULES.filter((r) => r !== 'item-stats')) {
    const ps = others.filter((p) => p.rule === rule);
    if (!ps.length) continue;
    failed = true;
    console.error(`\n✗ ${rule}${ENFORCED[rule] ? '' : ' (not yet enforced by the build)'}: ${ps.length} problem(s) in ${new Set(ps.map((p) => p.unit)).size} unit(s):\n${ps.map((p) => '  ' + formatProblem({ ...p.problem, hint: undefined })).join('\n')}\n  → ${ps[0]?.problem.hint ?? ''}`);
  }
  if (failed) process.exit(1);
  console.log('\n✓ Every unit is within the item-statistics limits and the other content rules.');
} catch (e) {
  if (e instanceof CurriculumError) {
    console.error(`✗ The curriculum does not load:\n${e.message}`);
    process.exit(2);
  }
  throw e;
}
