// What a real Moodle stored for a class (its SCORM tracks) and the mastery per requirement the results view must
// show for it, shared by the real-Moodle test that downloads the exports (tests/moodle/results-exports.test.ts)
// and the tests that read the saved exports without Moodle (tests/unit/results.test.ts, tests/e2e/site-results.test.ts).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FIXTURES } from './fixtures.ts';
import type { Hint, Missing } from '../../src/site/results/mastery.ts';

/** Where the saved real exports live (README.md there says how they were made). */
export const MOODLE_EXPORTS = join(FIXTURES, 'moodle-exports');

/** The downloads that hold no results per requirement, and what the results page must say each lacks. */
export const WRONG_REPORTS: Record<string, { missing: Missing; hint: Hint }> = {
  'interactions-responses.txt': { missing: 'objectiveColumns', hint: 'interactionsReport' }, // Interactions report, default options
  'interactions-no-result.txt': { missing: 'interactionResults', hint: 'interactionsOptions' }, // "Summary of question" only
  'objectives.txt': { missing: 'objectiveValues', hint: 'interactionsReport' },
  'objectives.xlsx': { missing: 'objectiveValues', hint: 'interactionsReport' },
  'basic.txt': { missing: 'objectiveColumns', hint: 'interactionsReport' },
  'grades.csv': { missing: 'objectiveColumns', hint: 'gradeExport' },
  'grades.xlsx': { missing: 'objectiveColumns', hint: 'gradeExport' },
  // Moodle 4.3.0's Interactions report reads SCORM 1.2 track names only: no question columns for a 2004 package.
  'scorm2004-interactions.txt': { missing: 'objectiveColumns', hint: 'interactionsReport' },
};

/** One learner's stored tracks in one SCORM activity: per attempt, element → value (mdl_scorm_scoes_value). */
export interface StoredLearner { username: string; email: string; attempts: { attempt: number; tracks: Record<string, string> }[] }

/** What Moodle stored for the class, saved beside the exports as tracks.json. */
export interface StoredClass {
  unit: string;
  masteryScore: number;
  /** SCORM version of each activity, keyed as the export file names are (e.g. "scorm12"). */
  activities: Record<string, { version: string; learners: StoredLearner[] }>;
  /** Saved file name → the name Moodle gave the download. */
  downloads: Record<string, string>;
}

/** Each learner's best stored objective per requirement code (cmi.objectives.n / cmi.objectives_n, both SCORM versions). */
export function storedObjectives(learners: StoredLearner[]): Map<string, Map<string, { score: number | null; passed: boolean }>> {
  const out = new Map<string, Map<string, { score: number | null; passed: boolean }>>();
  for (const l of learners) {
    const best = new Map<string, { score: number | null; passed: boolean }>();
    for (const a of l.attempts) {
      for (const [k, code] of Object.entries(a.tracks)) {
        const m = /^cmi\.objectives[._](\d+)\.id$/.exec(k);
        if (!m) continue;
        const p = k.slice(0, -'.id'.length);
        const raw = a.tracks[`${p}.score.raw`];
        const score = raw === undefined || raw === '' ? null : Number(raw);
        const passed = (a.tracks[`${p}.status`] ?? a.tracks[`${p}.success_status`]) === 'passed';
        const was = best.get(code);
        best.set(code, { score: was?.score == null ? score : score === null ? was.score : Math.max(was.score, score), passed: (was?.passed ?? false) || passed });
      }
    }
    if (best.size) out.set(l.email, best);
  }
  return out;
}

export interface ExpectedRow { code: string; learners: number; mastered: number; pct: number; mean: number | null }

/**
 * The figures the results view must show for one class from what Moodle stored: per code, the learners with an
 * objective on it, those who mastered it (stored status "passed", or a stored score at or above the unit's mastery
 * score when the export carries no passed/failed status), the share and the mean score.
 */
export function expectedMastery(learners: StoredLearner[], masteryScore: number, opts: { withScore: boolean; statusKnown: boolean }): ExpectedRow[] {
  const per = new Map<string, { score: number | null; mastered: boolean }[]>();
  for (const best of storedObjectives(learners).values()) {
    for (const [code, o] of best) {
      const mastered = opts.statusKnown ? o.passed : o.score !== null && o.score >= masteryScore;
      per.set(code, [...(per.get(code) ?? []), { score: opts.withScore ? o.score : null, mastered }]);
    }
  }
  return [...per].map(([code, rs]) => {
    const scores = rs.map((r) => r.score).filter((s): s is number => s !== null);
    const mastered = rs.filter((r) => r.mastered).length;
    return { code, learners: rs.length, mastered, pct: Math.round((1000 * mastered) / rs.length) / 10, mean: scores.length ? Math.round((10 * scores.reduce((x, y) => x + y, 0)) / scores.length) / 10 : null };
  });
}

/** The mastery table as the results page shows it (one row per requirement, in the page's order). */
export function shownMastery(page: Page): Promise<ExpectedRow[]> {
  return page.$$eval('#mastery tbody tr', (trs) => trs.map((tr) => {
    const d = (tr as HTMLElement).dataset;
    return { code: d.code as string, learners: Number(d.learners), mastered: Number(d.mastered), pct: Number(d.pct), mean: d.mean ? Number(d.mean) : null };
  }));
}

/** The saved exports: file name → bytes, and what Moodle stored (tracks.json); null when none are saved. */
export function savedExports(): { files: Map<string, Buffer>; stored: StoredClass } | null {
  if (!existsSync(join(MOODLE_EXPORTS, 'tracks.json'))) return null;
  const files = new Map(readdirSync(MOODLE_EXPORTS).filter((f) => !/^(tracks\.json|README\.md)$/.test(f)).map((f) => [f, readFileSync(join(MOODLE_EXPORTS, f))]));
  return { files, stored: JSON.parse(readFileSync(join(MOODLE_EXPORTS, 'tracks.json'), 'utf8')) as StoredClass };
}
