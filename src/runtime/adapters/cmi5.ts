import type { Activity, Context } from '@xapi/xapi';
import { parseState } from '../../core/state.ts';
import type { RuntimeUnit } from '../runtime-unit.ts';
import type { Tracker, TrackerStart, UnitOutcome } from '../tracker.ts';
import { startCmi5 } from '../xapi/cmi5-launch.ts';
import type { Cmi5Launch } from '../xapi/launch.ts';
import { createOutbox, localOutboxStore, type Outbox } from '../xapi/outbox.ts';
import { createStatementFactory, type StatementFactory } from '../xapi/statements.ts';
import { LmsUnavailableError } from './scorm12.ts';
import { RESUME_STATE_ID } from './xapi.ts';

const CATEGORY_CMI5: Activity = { objectType: 'Activity', id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' };
const CATEGORY_MOVEON: Activity = { objectType: 'Activity', id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' };
const EXT_MASTERY = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';

/**
 * cmi5 adapter (AU side). Follows the cmi5 statement rules: initialized first and terminated last in a
 * session; at most one of passed/failed per session (a failure is sent at the end of the session, so a
 * learner who retries and passes is reported as passed); completed and passed at most once per
 * registration; no completed/passed/failed in Browse or Review mode; every statement uses the LMS's
 * contextTemplate (session id), and cmi5 defined statements carry the cmi5 category (§9.6.2).
 */
export function createCmi5Tracker(unit: RuntimeUnit, launch: Cmi5Launch, retry?: { baseMs: number; maxMs: number }): Tracker {
  let statements: StatementFactory;
  let outbox: Outbox;
  let template: Context = {};
  let normal = true;
  let mastery = unit.masteryScore / 100;
  let started = 0;
  let completedSent = false;
  let passedSent = false;
  let pendingFail: number | null = null;
  let answeredSinceGrade = false;
  let finished = false;
  const stateQuery = { agent: launch.actor, activityId: launch.activityId, stateId: RESUME_STATE_ID, registration: launch.registration };
  /** Context of a cmi5 defined statement: the template plus the cmi5 (and moveOn) categories. */
  const defined = (moveOn: boolean, extensions: Record<string, unknown> = {}): Context => ({
    ...template,
    contextActivities: { ...(template.contextActivities ?? {}), category: [...(template.contextActivities?.category ?? []), CATEGORY_CMI5, ...(moveOn ? [CATEGORY_MOVEON] : [])] },
    extensions: { ...(template.extensions ?? {}), ...extensions },
  });
  const tracker: Tracker = {
    name: 'cmi5',
    async initialize(): Promise<TrackerStart> {
      let launched: Awaited<ReturnType<typeof startCmi5>>;
      try {
        launched = await startCmi5(launch);
      } catch (e) {
        tracker.onNotice?.({ kind: 'launch-failed', detail: (e as Error).message });
        throw new LmsUnavailableError((e as Error).message);
      }
      const { transport, launchData, lang } = launched;
      started = Date.now();
      template = launchData.contextTemplate ?? {};
      normal = launchData.launchMode === 'Normal';
      if (typeof launchData.masteryScore === 'number') mastery = launchData.masteryScore;
      statements = createStatementFactory({ actor: launch.actor, unit, activityId: launch.activityId, registration: launch.registration, lang: lang ?? 'vi', extra: template, uuid: () => crypto.randomUUID(), now: () => new Date() });
      const store = localOutboxStore(`khienso:cmi5-outbox:${launch.activityId}:${launch.registration}`);
      outbox = createOutbox(transport, store, stateQuery, {
        onPending: () => tracker.onNotice?.({ kind: 'save-failed' }),
        onDrained: () => tracker.onNotice?.({ kind: 'saved-again' }),
      }, retry);
      let state = store.load().state;
      if (state === null) state = await transport.getState(stateQuery).catch(() => null);
      // What earlier sessions of this registration already reported (each is sent at most once).
      const saved = parseState(state);
      if ('state' in saved) {
        completedSent = saved.state.viewed.every(Boolean) && saved.state.best !== null;
        passedSent = saved.state.best !== null && saved.state.best / 100 >= mastery;
      }
      void outbox.send([statements.unitVerb('initialized', undefined, defined(false))]);
      const mode = launchData.launchMode === 'Browse' ? 'browse' : launchData.launchMode === 'Review' ? 'review' : 'normal';
      return { state, mode, credit: true, masteryScore: Math.round(mastery * 100), returnUrl: launchData.returnURL, lang, alreadyPassed: passedSent };
    },
    pageViewed(index) {
      if (index < unit.lessons.length) void outbox.send([statements.experienced(index)]);
    },
    answerRecorded(rec) {
      answeredSinceGrade = true;
      void outbox.send([statements.answered(rec)]);
    },
    reportOutcome(out: UnitOutcome) {
      if (!normal) return;
      const batch = [];
      if (answeredSinceGrade && out.score !== null) {
        answeredSinceGrade = false;
        const passed = out.score / 100 >= mastery;
        if (passed && !passedSent) {
          passedSent = true;
          pendingFail = null;
          batch.push(statements.graded(true, out.score, Date.now() - started, defined(true, { [EXT_MASTERY]: mastery })));
        } else if (!passed && !passedSent) {
          pendingFail = out.score;
        }
      }
      if (out.completed && !completedSent) {
        completedSent = true;
        batch.push(statements.completed(Date.now() - started, defined(true)));
      }
      if (batch.length) void outbox.send(batch);
    },
    saveState(state) {
      if (!finished) void outbox.saveState(state);
    },
    commit() {
      void outbox.flush();
    },
    terminate() {
      if (finished || !outbox) return;
      finished = true;
      const batch = [];
      if (normal && pendingFail !== null && !passedSent) batch.push(statements.graded(false, pendingFail, Date.now() - started, defined(true, { [EXT_MASTERY]: mastery })));
      batch.push(statements.unitVerb('terminated', { duration: `PT${((Date.now() - started) / 1000).toFixed(2)}S` }, defined(false)));
      void outbox.send(batch);
      outbox.flushUrgent();
    },
    whenIdle: () => outbox?.flush() ?? Promise.resolve(),
  };
  return tracker;
}
