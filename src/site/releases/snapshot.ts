// Writes a release snapshot of the catalogue for the change log (see README.md beside this file).
//   node src/site/releases/snapshot.ts <release> <YYYY-MM-DD> "<note vi>" "<note en>" [curriculum root]
// With a curriculum root (e.g. an older checkout unpacked with `git archive <commit> curriculum | tar -x -C dir`)
// the units are read from its sources; without one, from this repository's curriculum.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCurriculum } from '../../model/load/load-curriculum.ts';
import { catalogEntry } from '../../../packaging/catalog.ts';
import { snapshotUnits, type Snapshot } from './changes.ts';

const [release, date, vi, en, root] = process.argv.slice(2);
if (!release || !date || !vi || !en) {
  console.error('usage: node src/site/releases/snapshot.ts <release> <YYYY-MM-DD> "<note vi>" "<note en>" [curriculum root]');
  process.exit(2);
}
const base = resolve(root ?? '.');
const model = loadCurriculum({ root: base, frameworksDir: join(base, 'curriculum/frameworks') });
const snapshot: Snapshot = { release, date, note: { vi, en }, units: snapshotUnits(model.units.map((u) => catalogEntry(u, (code) => model.outcomes.get(code)))) };
const out = join(import.meta.dirname, `${release}.json`);
writeFileSync(out, JSON.stringify(snapshot, null, 1) + '\n');
console.log(`${out}: ${snapshot.units.length} unit(s)`);
