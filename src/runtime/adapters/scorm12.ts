import type { Tracker, TrackerStart, UnitOutcome } from '../tracker.ts';
import { createLmsChannel, ok, type LmsChannel } from './lms-channel.ts';
import { createObjectiveWriter } from './scorm-objectives.ts';
import { createBestScoreWriter, endScormSession } from './scorm-common.ts';
import { SCORM12_SPELLING as S, formatCorrect, formatResponse, status12, timespan12 } from './scorm-format.ts';
import { createInteractionGuard, createTabMirror } from './tab-mirror.ts';

/** The SCORM 1.2 API object an LMS puts on window.API (RTE 1.2 §3.3). */
export interface Scorm12Api {
  LMSInitialize(p: ''): unknown;
  LMSFinish(p: ''): unknown;
  LMSGetValue(el: string): unknown;
  LMSSetValue(el: string, v: string): unknown;
  LMSCommit(p: ''): unknown;
  LMSGetLastError(): unknown;
}

/** Thrown when the LMS refuses LMSInitialize; the player then runs standalone. */
export class LmsUnavailableError extends Error {}

/** SCORM 1.2 adapter: cmi.core.* status, score, bookmark and suspend data, interactions and objectives. */
export function createScorm12Tracker(api: Scorm12Api, opts: { onFail: 'incomplete' | 'failed'; unitId?: string }): Tracker {
  let lms: LmsChannel;
  let writes = true;
  let wasPassed = false;
  let writeScore: ReturnType<typeof createBestScoreWriter>;
  let interactionCount = 0;
  let interactions: ReturnType<typeof createInteractionGuard> = { claim: () => true };
  let writeObjectives: ReturnType<typeof createObjectiveWriter>;
  let lastLocation = '';
  let lastStatus = '';
  let started = 0;
  let finished = false;
  const tracker: Tracker = {
    name: 'scorm12',
    async initialize(): Promise<TrackerStart> {
      if (!ok(api.LMSInitialize('')) && !ok(api.LMSInitialize(''))) throw new LmsUnavailableError('LMSInitialize failed');
      started = Date.now();
      lms = createLmsChannel({
        get: (el) => String(api.LMSGetValue(el) ?? ''), set: (el, v) => ok(api.LMSSetValue(el, v)),
        commit: () => ok(api.LMSCommit('')), finish: () => ok(api.LMSFinish('')), lastError: () => Number(api.LMSGetLastError() ?? 0) || 0,
      }, (n) => tracker.onNotice?.(n));
      const mode = lms.get('cmi.core.lesson_mode');
      const credit = lms.get('cmi.core.credit') !== 'no-credit';
      const status = lms.get('cmi.core.lesson_status');
      wasPassed = status === 'passed';
      writeScore = createBestScoreWriter(lms, { raw: 'cmi.core.score.raw', min: 'cmi.core.score.min', max: 'cmi.core.score.max' });
      interactionCount = parseInt(lms.get('cmi.interactions._count'), 10) || 0;
      writeObjectives = createObjectiveWriter(lms, (p, obj) => lms.set(`${p}.status`, obj.passed ? 'passed' : 'failed'));
      const normal = mode !== 'browse' && mode !== 'review';
      writes = normal && credit;
      lastStatus = status;
      // Moodle turns "not attempted" into "completed" at LMSFinish: claim "incomplete" as soon as we start, and
      // commit it at once, so a tab left open cannot send it later over a result another tab stored meanwhile.
      if (writes && (status === 'not attempted' || status === '' || status === 'browsed')) {
        lms.set('cmi.core.lesson_status', 'incomplete');
        lastStatus = 'incomplete';
        lms.commit();
      }
      // Preview (browse mode): Moodle 4.3 turns "not attempted" into "completed" at LMSFinish even then, and a
      // "completed" attempt reopens in review mode, so the learner could never start for real. Say "browsed".
      if (mode === 'browse' && (status === 'not attempted' || status === '')) lms.set('cmi.core.lesson_status', 'browsed');
      lastLocation = lms.get('cmi.core.lesson_location');
      const lang = lms.get('cmi.student_preference.language').slice(0, 2);
      // An older tab must never write over an interaction record a newer tab stored (same index).
      if (writes) interactions = createInteractionGuard(opts.unitId ?? '', lms.get('cmi.core.student_id'), interactionCount, interactionCount === 0 && !lms.get('cmi.suspend_data'));
      return {
        state: lms.get('cmi.suspend_data') || null,
        mode: mode === 'browse' || mode === 'review' ? mode : 'normal',
        credit, alreadyPassed: wasPassed, learnerName: lms.get('cmi.core.student_name') || undefined,
        lang: lang === 'vi' || lang === 'en' ? lang : undefined,
        mirror: writes ? createTabMirror(opts.unitId ?? '', lms.get('cmi.core.student_id')) : undefined,
      };
    },
    pageViewed() {
      if (writes) lms.commit();
    },
    answerRecorded(rec) {
      if (!writes) return;
      if (!interactions.claim(interactionCount)) return;
      const n = interactionCount++;
      const p = `cmi.interactions.${n}`;
      const q = rec.question;
      lms.set(`${p}.id`, q.id);
      q.outcomes.forEach((code, i) => lms.set(`${p}.objectives.${i}.id`, code));
      lms.set(`${p}.time`, rec.timestamp.toTimeString().slice(0, 8));
      lms.set(`${p}.type`, S.type[q.type]);
      const pattern = formatCorrect(q, S, 'vi');
      if (pattern) lms.set(`${p}.correct_responses.0.pattern`, pattern);
      // Moodle's SCORM 1.2 data model takes weights from -100 to 100 only and refuses others (error 405), after
      // which no commit went through until the tab closed (contest challenges are worth up to 300 points).
      lms.set(`${p}.weighting`, String(Math.max(-100, Math.min(100, q.weight))));
      lms.set(`${p}.student_response`, formatResponse(rec.answer, S, 255));
      lms.set(`${p}.result`, S.result(rec.result));
      lms.set(`${p}.latency`, timespan12(rec.latencyMs));
    },
    reportOutcome(o: UnitOutcome) {
      if (!writes) return;
      // Never downgrade a passed unit (re-entry, retries after passing).
      const status = wasPassed ? 'passed' : status12(o, opts.onFail);
      if (status === 'passed') wasPassed = true;
      if (status !== lastStatus) lms.set('cmi.core.lesson_status', status);
      lastStatus = status;
      writeObjectives(o.objectives);
      // The score goes out only with a final status (passed, or failed with no retake left). Moodle's "mastery
      // score overrides status" (on by default) would turn "incomplete" + a low score into "failed" at LMSFinish,
      // and Moodle reopens a failed attempt in review mode, where no retake is stored; until then the best score
      // waits in suspend_data. The status is committed before the score: Moodle recalculates grade and activity
      // completion when the score is stored, comparing the status it already has (mod/scorm 4.3).
      if (status === 'passed' || status === 'failed' || status === 'completed') {
        lms.commit();
        writeScore(o.score);
      }
    },
    saveState(state, location) {
      if (!writes || finished) return;
      lms.set('cmi.suspend_data', state);
      if (location !== lastLocation) lms.set('cmi.core.lesson_location', location.slice(0, 255));
      lastLocation = location;
    },
    commit() {
      if (writes && !finished) lms.commit();
    },
    terminate(exit) {
      if (finished) return;
      finished = true;
      endScormSession(lms, writes, { exit: 'cmi.core.exit', value: exit === 'suspend' ? 'suspend' : '', sessionTime: 'cmi.core.session_time', time: timespan12(Date.now() - started) });
    },
  };
  return tracker;
}
