import type { Tracker, TrackerStart, UnitOutcome } from '../tracker.ts';
import { createLmsChannel, ok, type LmsChannel } from './lms-channel.ts';
import { createObjectiveWriter } from './scorm-objectives.ts';
import { createBestScoreWriter, endScormSession } from './scorm-common.ts';
import { SCORM2004_SPELLING as S, duration2004, formatCorrect, formatResponse } from './scorm-format.ts';
import { LmsUnavailableError } from './scorm12.ts';
import { createInteractionGuard, createTabMirror } from './tab-mirror.ts';
import type { Lang } from '../../model/text.ts';

/** The SCORM 2004 API object an LMS puts on window.API_1484_11 (RTE 2004 §3.1). */
export interface Scorm2004Api {
  Initialize(p: ''): unknown;
  Terminate(p: ''): unknown;
  GetValue(el: string): unknown;
  SetValue(el: string, v: string): unknown;
  Commit(p: ''): unknown;
  GetLastError(): unknown;
}

/** SCORM 2004 4th edition adapter: completion and success separately, scaled and raw scores. */
export function createScorm2004Tracker(api: Scorm2004Api, opts: { onFail: 'incomplete' | 'failed'; lessons: number; unitId?: string }): Tracker {
  let lms: LmsChannel;
  let writes = true;
  let wasPassed = false;
  let wasCompleted = false;
  let writeScore: ReturnType<typeof createBestScoreWriter>;
  let interactionCount = 0;
  let interactions: ReturnType<typeof createInteractionGuard> = { claim: () => true };
  let lang: Lang = 'vi';
  let writeObjectives: ReturnType<typeof createObjectiveWriter>;
  let started = 0;
  let finished = false;
  const viewed = new Set<number>();
  const tracker: Tracker = {
    name: 'scorm2004',
    async initialize(): Promise<TrackerStart> {
      if (!ok(api.Initialize('')) && !ok(api.Initialize(''))) throw new LmsUnavailableError('Initialize failed');
      started = Date.now();
      lms = createLmsChannel({
        get: (el) => String(api.GetValue(el) ?? ''), set: (el, v) => ok(api.SetValue(el, v)),
        commit: () => ok(api.Commit('')), finish: () => ok(api.Terminate('')), lastError: () => Number(api.GetLastError() ?? 0) || 0,
      }, (n) => tracker.onNotice?.(n));
      const mode = lms.get('cmi.mode');
      const credit = lms.get('cmi.credit') !== 'no-credit';
      wasPassed = lms.get('cmi.success_status') === 'passed';
      wasCompleted = lms.get('cmi.completion_status') === 'completed';
      writeScore = createBestScoreWriter(lms, { raw: 'cmi.score.raw', min: 'cmi.score.min', max: 'cmi.score.max', scaled: 'cmi.score.scaled' });
      interactionCount = parseInt(lms.get('cmi.interactions._count'), 10) || 0;
      writeObjectives = createObjectiveWriter(lms, (p, obj) => {
        lms.set(`${p}.score.scaled`, (obj.score / 100).toFixed(2));
        lms.set(`${p}.success_status`, obj.passed ? 'passed' : 'failed');
        lms.set(`${p}.completion_status`, 'completed');
      });
      writes = mode !== 'browse' && mode !== 'review' && credit;
      // Claimed and committed at once, so a tab left open cannot send it later over another tab's result.
      if (writes && !wasCompleted && lms.get('cmi.completion_status') !== 'incomplete') {
        lms.set('cmi.completion_status', 'incomplete');
        lms.commit();
      }
      const pref = lms.get('cmi.learner_preference.language').slice(0, 2);
      if (pref === 'en') lang = 'en';
      // An older tab must never write over an interaction record a newer tab stored (same index).
      if (writes) interactions = createInteractionGuard(opts.unitId ?? '', lms.get('cmi.learner_id'), interactionCount, interactionCount === 0 && !lms.get('cmi.suspend_data'));
      return {
        state: lms.get('cmi.suspend_data') || null,
        mode: mode === 'browse' || mode === 'review' ? mode : 'normal',
        credit, alreadyPassed: wasPassed, learnerName: lms.get('cmi.learner_name') || undefined,
        lang: pref === 'vi' || pref === 'en' ? pref : undefined,
        mirror: writes ? createTabMirror(opts.unitId ?? '', lms.get('cmi.learner_id')) : undefined,
      };
    },
    pageViewed(index) {
      if (!writes) return;
      if (index < opts.lessons) viewed.add(index);
      lms.set('cmi.progress_measure', Math.min(1, viewed.size / (opts.lessons + 1)).toFixed(2));
      lms.commit();
    },
    answerRecorded(rec) {
      if (!writes) return;
      if (!interactions.claim(interactionCount)) return;
      const p = `cmi.interactions.${interactionCount++}`;
      const q = rec.question;
      lms.set(`${p}.id`, q.id);
      lms.set(`${p}.type`, S.type[q.type]);
      q.outcomes.forEach((code, i) => lms.set(`${p}.objectives.${i}.id`, code));
      lms.set(`${p}.timestamp`, rec.timestamp.toISOString().slice(0, 19));
      const pattern = formatCorrect(q, S, lang);
      if (pattern) lms.set(`${p}.correct_responses.0.pattern`, pattern);
      lms.set(`${p}.weighting`, String(q.weight));
      const response = formatResponse(rec.answer, S, 250);
      if (response) lms.set(`${p}.learner_response`, response);
      lms.set(`${p}.result`, S.result(rec.result));
      lms.set(`${p}.latency`, duration2004(rec.latencyMs));
      lms.set(`${p}.description`, rec.description.slice(0, 250));
    },
    reportOutcome(o: UnitOutcome) {
      if (!writes) return;
      // "completed" only when the unit is finished (passed, or no retake left): Moodle treats a completed
      // attempt as over and reopens it in review mode, where a retake is never stored.
      if ((o.completed && (o.success === 'passed' || o.final)) || wasCompleted) {
        wasCompleted = true;
        lms.set('cmi.completion_status', 'completed');
        lms.set('cmi.progress_measure', '1');
      }
      // A failure that still allows retries stays "unknown" unless the unit says failures are final.
      const success = wasPassed || o.success === 'passed' ? 'passed' : o.success === 'failed' && (o.final || opts.onFail === 'failed') ? 'failed' : 'unknown';
      if (success === 'passed') wasPassed = true;
      lms.set('cmi.success_status', success);
      writeObjectives(o.objectives);
      // Statuses are committed before the score: Moodle recalculates grade and activity completion when the
      // score is stored, comparing the statuses it already has (mod/scorm 4.3).
      lms.commit();
      writeScore(o.score);
    },
    saveState(state, location) {
      if (!writes || finished) return;
      lms.set('cmi.suspend_data', state);
      lms.set('cmi.location', location.slice(0, 1000));
    },
    commit() {
      if (writes && !finished) lms.commit();
    },
    terminate() {
      if (finished) return;
      finished = true;
      // Always "suspend": RTE 2004 §4.2.8 gives the next launch the saved data (suspend_data, location) only after
      // exit = suspend, so with "normal" a learner re-opening a finished unit would see none of their progress.
      // Whether the unit is finished is told by completion_status/success_status, which Moodle and other LMSes
      // use to decide review mode or a new attempt.
      endScormSession(lms, writes, { exit: 'cmi.exit', value: 'suspend', sessionTime: 'cmi.session_time', time: duration2004(Date.now() - started) });
    },
  };
  return tracker;
}
