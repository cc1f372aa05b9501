// Curriculum change log: a snapshot of the catalogue per release (src/site/releases/*.json, written by
// snapshot.ts) and the differences between consecutive snapshots and between the last one and this build.
// Pure functions: no git history is needed, the snapshots are committed data.

export interface SnapshotUnit {
  id: string;
  version: string;
  grade: number;
  title: { vi: string; en: string };
  lessons: number;
  minutes: number;
  questions: number;
  outcomes: { code: string; level: 'assessed' | 'opportunity' }[];
}

export interface Snapshot {
  /** Release name, e.g. "2026-11-30-e212798" or "0.2.0". */
  release: string;
  /** ISO date (or date and time, which orders releases of one day) of the release. */
  date: string;
  /** What the release was, in both languages. */
  note: { vi: string; en: string };
  units: SnapshotUnit[];
}

export interface UnitChange {
  id: string;
  title: { vi: string; en: string };
  grade: number;
  from: string;
  to: string;
  outcomesAdded: string[];
  outcomesRemoved: string[];
  /** Codes whose level changed, as "CODE: opportunity → assessed". */
  levelChanged: string[];
  questions: [number, number];
  lessons: [number, number];
}

export interface ReleaseDiff {
  from: string;
  to: string;
  added: SnapshotUnit[];
  removed: SnapshotUnit[];
  changed: UnitChange[];
  /** Requirements assessed by some unit now and by none before, and the reverse. */
  newlyAssessed: string[];
  noLongerAssessed: string[];
}

const assessedCodes = (s: SnapshotUnit[]) => new Set(s.flatMap((u) => u.outcomes.filter((o) => o.level === 'assessed').map((o) => o.code)));

/** What changed from one snapshot to the next. */
export function diffSnapshots(a: Snapshot, b: Snapshot): ReleaseDiff {
  const before = new Map(a.units.map((u) => [u.id, u]));
  const after = new Map(b.units.map((u) => [u.id, u]));
  const changed: UnitChange[] = [];
  for (const u of b.units) {
    const old = before.get(u.id);
    if (!old) continue;
    const oldLevels = new Map(old.outcomes.map((o) => [o.code, o.level]));
    const newLevels = new Map(u.outcomes.map((o) => [o.code, o.level]));
    const c: UnitChange = {
      id: u.id, title: u.title, grade: u.grade, from: old.version, to: u.version,
      outcomesAdded: [...newLevels.keys()].filter((k) => !oldLevels.has(k)),
      outcomesRemoved: [...oldLevels.keys()].filter((k) => !newLevels.has(k)),
      levelChanged: [...newLevels].filter(([k, l]) => oldLevels.has(k) && oldLevels.get(k) !== l).map(([k, l]) => `${k}: ${oldLevels.get(k)} → ${l}`),
      questions: [old.questions, u.questions],
      lessons: [old.lessons, u.lessons],
    };
    if (c.from !== c.to || c.outcomesAdded.length || c.outcomesRemoved.length || c.levelChanged.length || c.questions[0] !== c.questions[1] || c.lessons[0] !== c.lessons[1]) changed.push(c);
  }
  const was = assessedCodes(a.units);
  const now = assessedCodes(b.units);
  const byGrade = (x: SnapshotUnit, y: SnapshotUnit) => x.grade - y.grade || x.id.localeCompare(y.id);
  return {
    from: a.release, to: b.release,
    added: b.units.filter((u) => !before.has(u.id)).sort(byGrade),
    removed: a.units.filter((u) => !after.has(u.id)).sort(byGrade),
    changed: changed.sort((x, y) => x.grade - y.grade || x.id.localeCompare(y.id)),
    newlyAssessed: [...now].filter((c) => !was.has(c)).sort(),
    noLongerAssessed: [...was].filter((c) => !now.has(c)).sort(),
  };
}

/** Whether a diff has anything in it. */
export const isEmptyDiff = (d: ReleaseDiff): boolean => !d.added.length && !d.removed.length && !d.changed.length && !d.newlyAssessed.length && !d.noLongerAssessed.length;

/** A snapshot of catalogue units (dist/catalog.json entries or the same fields). */
export function snapshotUnits(units: { id: string; version: string; grade: number; title: { vi: string; en: string }; lessons: unknown[]; minutes: number; questions: { count: number }; outcomes: { code: string; level: 'assessed' | 'opportunity' }[] }[]): SnapshotUnit[] {
  return units.map((u) => ({ id: u.id, version: u.version, grade: u.grade, title: u.title, lessons: u.lessons.length, minutes: u.minutes, questions: u.questions.count, outcomes: u.outcomes.map((o) => ({ code: o.code, level: o.level })) }))
    .sort((a, b) => a.grade - b.grade || a.id.localeCompare(b.id));
}

/** The committed snapshots, oldest first (by date, then name). */
export function loadSnapshots(dir: string, read: (file: string) => string, list: (dir: string) => string[]): Snapshot[] {
  return list(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(read(`${dir}/${f}`)) as Snapshot)
    .sort((a, b) => a.date.localeCompare(b.date) || a.release.localeCompare(b.release));
}
