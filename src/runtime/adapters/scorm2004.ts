import type { Tracker, TrackerStart, UnitOutcome } from '../tracker.ts';
import { createLmsChannel, ok, type LmsChannel } from './lms-channel.ts';
import { createObjectiveWriter } from './scorm-objectives.ts';
import { createBestScoreWriter, endScormSession } from './scorm-common.ts';
import { SCORM2004_SPELLING as S, duration2004, formatCorrect, formatResponse } from './scorm-format.ts';
import { LmsUnavailableError } from './scorm12.ts';
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
export function createScorm2004Tracker(api: Scorm2004Api, opts: { onFail: 'incomplete' | 'failed'; lessons: number }): Tracker {
  let lms: LmsChannel;
  let writes = true;
  let wasPassed = false;
  let wasCompleted = false;
  let writeScore: ReturnType<typeof createBestScoreWriter>;
  let interactionCount = 0;
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
      if (writes && !wasCompleted) lms.set('cmi.completion_status', 'incomplete');
      const pref = lms.get('cmi.learner_preference.language').slice(0, 2);
      if (pref === 'en') lang = 'en';
      return {
        state: lms.get('cmi.suspend_data') || null,
        mode: mode === 'browse' || mode === 'review' ? mode : 'normal',
        credit, alreadyPassed: wasPassed, learnerName: lms.get('cmi.learner_name') || undefined,
        lang: pref === 'vi' || pref === 'en' ? pref : undefined,
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
      writeScore(o.score);
      if (o.completed || wasCompleted) {
        wasCompleted = true;
        lms.set('cmi.completion_status', 'completed');
        lms.set('cmi.progress_measure', '1');
      }
      // A failure that still allows retries stays "unknown" unless the unit says failures are final.
      const success = wasPassed || o.success === 'passed' ? 'passed' : o.success === 'failed' && (o.final || opts.onFail === 'failed') ? 'failed' : 'unknown';
      if (success === 'passed') wasPassed = true;
      lms.set('cmi.success_status', success);
      writeObjectives(o.objectives);
    },
    saveState(state, location) {
      if (!writes || finished) return;
      lms.set('cmi.suspend_data', state);
      lms.set('cmi.location', location.slice(0, 1000));
    },
    commit() {
      if (writes && !finished) lms.commit();
    },
    terminate(exit) {
      if (finished) return;
      finished = true;
      endScormSession(lms, writes, { exit: 'cmi.exit', value: exit === 'suspend' ? 'suspend' : 'normal', sessionTime: 'cmi.session_time', time: duration2004(Date.now() - started) });
    },
  };
  return tracker;
}
