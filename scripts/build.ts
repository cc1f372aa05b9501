// `npm run build:units`: validates the curriculum and builds every unit into dist/ (see packaging/build-units.ts).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CurriculumError } from '../src/errors/unit-error.ts';
import { buildUnits } from '../packaging/build-units.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const started = performance.now();
try {
  const { rows, catalog } = await buildUnits({
    root,
    dist: process.env.KHIENSO_DIST ? resolve(process.env.KHIENSO_DIST) : join(root, 'dist'),
    unitsDir: process.env.KHIENSO_UNITS ? resolve(process.env.KHIENSO_UNITS) : undefined,
    frameworksDir: process.env.KHIENSO_FRAMEWORKS ? resolve(process.env.KHIENSO_FRAMEWORKS) : undefined,
    only: process.env.KHIENSO_ONLY ? process.env.KHIENSO_ONLY.split(',') : undefined,
    log: (l) => console.log(l),
  });
  console.log('\nunit                       lessons  questions  state(worst/budget)  html gz  js gz  css gz   ms');
  for (const r of rows) console.log(`${r.unit.padEnd(27)}${String(r.lessons).padStart(7)}  ${r.questions.padStart(9)}  ${r.state.padStart(19)}  ${String(r.htmlGz).padStart(7)}  ${String(r.jsGz).padStart(5)}  ${String(r.cssGz).padStart(6)}  ${String(r.ms).padStart(3)}`);
  console.log(`\n✓ Built ${catalog.length} unit(s) in ${Math.round(performance.now() - started)} ms (sizes in bytes, gzipped)`);
} catch (e) {
  if (e instanceof CurriculumError) {
    console.error(`✗ Build stopped; nothing was written.\n${e.message}`);
    process.exit(1);
  }
  throw e;
}
