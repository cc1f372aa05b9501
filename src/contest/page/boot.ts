import { createStandaloneTracker } from '../../runtime/adapters/standalone.ts';
import { LmsUnavailableError } from '../../runtime/adapters/scorm12.ts';
import type { RuntimeUnit } from '../../runtime/runtime-unit.ts';
import type { Tracker } from '../../runtime/tracker.ts';
import type { RuntimeContest } from '../schema.ts';
import { contestRuntimeUnit } from '../scoring.ts';
import { runContest } from './app.ts';

/** The contest data embedded in the page. */
function pageData(): RuntimeContest {
  return JSON.parse(document.getElementById('ks-contest')?.textContent ?? '{}') as RuntimeContest;
}

/** What an entry gives: the LMS tracker and, once it started, the learner's id in that LMS. */
export interface LmsConnection {
  tracker: Tracker;
  learnerId: () => string | null;
}

/**
 * Starts the contest with the LMS's tracker (the project's own SCORM/xAPI/cmi5 adapters), falling back to
 * standalone mode (a typed team code, progress in this browser) when no LMS is found or it refuses to start.
 */
export async function bootContest(connect: (unit: RuntimeUnit) => LmsConnection | null): Promise<void> {
  const contest = pageData();
  const lms = connect(contestRuntimeUnit(contest));
  if (lms) {
    try {
      await runContest(lms.tracker, { contest, learnerId: lms.learnerId });
      return;
    } catch (e) {
      if (!(e instanceof LmsUnavailableError)) throw e;
    }
  }
  const standalone = createStandaloneTracker(contest.id);
  await runContest(standalone, { contest, learnerId: () => contest.fixedPlayer ?? null });
  if (lms) standalone.onNotice?.({ kind: 'launch-failed' });
}
