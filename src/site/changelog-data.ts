// The change log of the site: committed release snapshots (src/site/releases/) and the current build.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog } from './data.ts';
import { reportMeta } from './coverage-data.ts';
import { diffSnapshots, isEmptyDiff, loadSnapshots, snapshotUnits, type ReleaseDiff, type Snapshot } from './releases/changes.ts';

export interface ChangeEntry { snapshot: Snapshot; diff: ReleaseDiff | null; current: boolean }

/** Newest first: this build against the last release (when it differs), then each release against the one before. */
export function changeLog(): ChangeEntry[] {
  const snaps = loadSnapshots(join(process.cwd(), 'src/site/releases'), (f) => readFileSync(f, 'utf8'), (d) => readdirSync(d));
  const entries: ChangeEntry[] = snaps.map((s, i) => ({ snapshot: s, diff: i === 0 ? null : diffSnapshots(snaps[i - 1] as Snapshot, s), current: false }));
  const meta = reportMeta();
  const now: Snapshot = { release: `${meta.version}+${meta.catalogue}`, date: meta.date, note: { vi: 'Bản dựng hiện tại (chưa phát hành)', en: 'This build (not yet released)' }, units: snapshotUnits(catalog()) };
  const last = snaps[snaps.length - 1];
  if (last) {
    const d = diffSnapshots(last, now);
    if (!isEmptyDiff(d)) entries.push({ snapshot: now, diff: d, current: true });
  } else entries.push({ snapshot: now, diff: null, current: true });
  return entries.reverse();
}
