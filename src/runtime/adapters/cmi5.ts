import type { Activity, Context, Statement } from '@xapi/xapi';
import { isPassed } from '../../core/scoring.ts';
import { parseState } from '../../core/state.ts';
import type { RuntimeUnit } from '../runtime-unit.ts';
import type { Tracker, TrackerStart, UnitOutcome } from '../tracker.ts';
import { startCmi5 } from '../xapi/cmi5-launch.ts';
import type { Cmi5Launch } from '../xapi/launch.ts';
import { createOutbox, tabOutboxStore, type Outbox } from '../xapi/outbox.ts';
import { mergeStateText } from '../xapi/resume.ts';
import { VERBS, createStatementFactory, type StatementFactory } from '../xapi/statements.ts';
import type { LrsTransport } from '../xapi/transport.ts';
import { uuid } from '../xapi/uuid.ts';
import { LmsUnavailableError } from './scorm12.ts';
import { RESUME_STATE_ID } from './xapi.ts';

const CATEGORY_CMI5: Activity = { objectType: 'Activity', id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' };
const CATEGORY_MOVEON: Activity = { objectType: 'Activity', id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' };
const EXT_MASTERY = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const EXT_SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
/** State document where the AU notes that it sent passed/completed in this registration, for LMSes that refuse its statement queries. */
export const REPORTED_STATE_ID = `${RESUME_STATE_ID}.reported`;

/** What one tab keeps of its cmi5 launch so a reload (F5) needs no second call of the one-time fetch URL. */
export interface KeptCmi5Launch {
  launch: Cmi5Launch;
  token?: string;
  /** The LMS session id of that launch, and whether this AU already sent "terminated" for it. */
  session?: string;
  closed?: boolean;
}

export interface Cmi5TrackerOptions {
  retry?: { baseMs: number; maxMs: number };
  /** This tab's kept launch when the page is a reload of the same launch. */
  kept?: KeptCmi5Launch | null;
  /** Keeps (or, with null, removes) this tab's launch: sessionStorage in browsers. */
  keep?: (value: KeptCmi5Launch | null) => void;
}

/**
 * cmi5 adapter (AU side). Follows the cmi5 statement rules: initialized first and terminated last in a
 * session, and nothing after terminated (a reload after the session closed keeps saving the resume state,
 * and what the learner earns is reported at the next launch); at most one of passed/failed per session (a
 * failure is sent at the end of the session, so a learner who retries and passes is reported as passed);
 * completed and passed at most once per registration, checked with the LRS, which is the truth; no
 * completed/passed/failed and no resume state in Browse or Review mode; every statement uses the LMS's
 * contextTemplate (session id), and cmi5 defined statements carry the cmi5 category (§9.6.2). Statements
 * left over from an earlier page belong to a closed session and are never re-sent.
 */
export function createCmi5Tracker(unit: RuntimeUnit, launch: Cmi5Launch, options: Cmi5TrackerOptions = {}): Tracker {
  let statements: StatementFactory;
  let outbox: Outbox;
  let transport: LrsTransport;
  let template: Context = {};
  let normal = true;
  /** The session was closed (terminated) by an earlier load of this page: no more statements in it. */
  let closed = false;
  let mastery = unit.masteryScore / 100;
  let started = 0;
  let completedSent = false;
  let passedSent = false;
  let pendingFail: number | null = null;
  let answeredSinceGrade = false;
  let finished = false;
  let kept: KeptCmi5Launch = { launch };
  const stateQuery = { agent: launch.actor, activityId: launch.activityId, stateId: RESUME_STATE_ID, registration: launch.registration };
  /** Context of a cmi5 defined statement: the template plus the cmi5 (and moveOn) categories. */
  const defined = (moveOn: boolean, extensions: Record<string, unknown> = {}): Context => ({
    ...template,
    contextActivities: { ...(template.contextActivities ?? {}), category: [...(template.contextActivities?.category ?? []), CATEGORY_CMI5, ...(moveOn ? [CATEGORY_MOVEON] : [])] },
    extensions: { ...(template.extensions ?? {}), ...extensions },
  });
  const send = (batch: Statement[]) => {
    if (closed || !batch.length) return;
    void outbox.send(batch);
    if (batch.some((s) => s.verb.id === VERBS.passed || s.verb.id === VERBS.completed)) {
      void transport.setState({ ...stateQuery, stateId: REPORTED_STATE_ID }, JSON.stringify({ passed: passedSent, completed: completedSent })).catch(() => {});
    }
  };
  /** What this AU noted it sent in the registration (asked only when the LRS does not answer statement queries). */
  const reported = async (): Promise<{ passed?: boolean; completed?: boolean }> => {
    try {
      return (JSON.parse((await transport.getState({ ...stateQuery, stateId: REPORTED_STATE_ID })) ?? '{}') as { passed?: boolean; completed?: boolean }) ?? {};
    } catch {
      return {};
    }
  };
  /** Whether the LRS already has this verb for the AU in this registration (null: could not ask). */
  const lrsHas = (verb: string) => transport.hasVerb({ agent: launch.actor, verb, activityId: launch.activityId, registration: launch.registration }).catch(() => null);
  const graded = (passed: boolean, score: number) => statements.graded(passed, score, Date.now() - started, defined(true, { [EXT_MASTERY]: mastery }));

  const tracker: Tracker = {
    name: 'cmi5',
    async initialize(): Promise<TrackerStart> {
      const reuse = options.kept && options.kept.launch.fetch === launch.fetch && options.kept.token ? options.kept : null;
      let launched: Awaited<ReturnType<typeof startCmi5>>;
      try {
        launched = await startCmi5(launch, reuse?.token);
      } catch (e) {
        tracker.onNotice?.({ kind: 'launch-failed', detail: (e as Error).message });
        throw new LmsUnavailableError((e as Error).message);
      }
      const { launchData, lang } = launched;
      transport = launched.transport;
      started = Date.now();
      template = launchData.contextTemplate ?? {};
      const session = String(template.extensions?.[EXT_SESSION] ?? '');
      closed = !!reuse?.closed && reuse.session === session;
      kept = { launch, token: launched.token, session, closed };
      options.keep?.(kept);
      normal = launchData.launchMode === 'Normal';
      if (typeof launchData.masteryScore === 'number') mastery = launchData.masteryScore;
      statements = createStatementFactory({ actor: launch.actor, unit, activityId: launch.activityId, registration: launch.registration, lang: lang ?? 'vi', extra: template, uuid: () => uuid(), now: () => new Date() });
      const store = tabOutboxStore(`khienso:cmi5-outbox:${launch.activityId}:${launch.registration}`);
      // The local copy only covers what did not reach the LRS; Browse/Review sittings never write one.
      outbox = createOutbox(transport, store, stateQuery, {
        onPending: () => tracker.onNotice?.({ kind: 'save-failed' }),
        onDrained: () => tracker.onNotice?.({ kind: 'saved-again' }),
        onRefused: () => tracker.onNotice?.({ kind: 'statement-refused' }),
      }, { timing: options.retry, leftovers: 'drop', mergeState: (remote, ours) => mergeStateText(ours, remote) ?? ours });
      const local = outbox.localState;
      let remote: string | null = null;
      let reached = false;
      try {
        remote = await transport.getState(stateQuery);
        reached = true;
        outbox.remoteState = remote;
      } catch {
        remote = null;
      }
      const state = reached ? mergeStateText(remote, normal ? local : null) : normal ? local : null;
      // What this registration already reported: the LRS is asked; the state is the fallback when it cannot be.
      const saved = parseState(state);
      const best = 'state' in saved ? saved.state.best : null;
      const done = 'state' in saved && saved.state.viewed.every(Boolean) && best !== null;
      const earnedPass = best !== null && isPassed(best, Math.round(mastery * 100));
      const [hasPassed, hasCompleted] = await Promise.all([lrsHas(VERBS.passed), lrsHas(VERBS.completed)]);
      const noted = hasPassed === null || hasCompleted === null ? await reported() : {};
      passedSent = hasPassed ?? (noted.passed === true || earnedPass);
      completedSent = hasCompleted ?? (noted.completed === true || done);
      if (closed) tracker.onNotice?.({ kind: 'session-closed' });
      else {
        const batch = [statements.unitVerb('initialized', undefined, defined(false))];
        // Earned in a sitting whose statements could not be sent (closed session, outage at the end): report now.
        if (normal && earnedPass && !passedSent && best !== null) {
          passedSent = true;
          batch.push(graded(true, best));
        }
        if (normal && done && !completedSent) {
          completedSent = true;
          batch.push(statements.completed(Date.now() - started, defined(true)));
        }
        // A failure whose "failed" never reached the LMS is reported at the end of this session, unless the
        // learner passes first (at most one of passed/failed per session, never failed after passed).
        if (normal && best !== null && !earnedPass && !passedSent && (await lrsHas(VERBS.failed)) === false) pendingFail = best;
        send(batch);
      }
      const mode = launchData.launchMode === 'Browse' ? 'browse' : launchData.launchMode === 'Review' ? 'review' : 'normal';
      return { state, mode, credit: true, masteryScore: Math.round(mastery * 100), returnUrl: launchData.returnURL, lang, alreadyPassed: normal && (passedSent || earnedPass) };
    },
    pageViewed(index) {
      if (index < unit.lessons.length) send([statements.experienced(index)]);
    },
    answerRecorded(rec) {
      answeredSinceGrade = true;
      send([statements.answered(rec)]);
    },
    reportOutcome(out: UnitOutcome) {
      if (!normal || closed) return;
      const batch = [];
      if (answeredSinceGrade && out.score !== null) {
        answeredSinceGrade = false;
        const passed = out.score / 100 >= mastery;
        if (passed && !passedSent) {
          passedSent = true;
          pendingFail = null;
          batch.push(graded(true, out.score));
        } else if (!passed && !passedSent) {
          pendingFail = out.score;
        }
      }
      if (out.completed && !completedSent) {
        completedSent = true;
        batch.push(statements.completed(Date.now() - started, defined(true)));
      }
      send(batch);
    },
    saveState(state) {
      // Browse and Review sittings never write the resume state: their results must not enter Normal sittings.
      if (!finished && normal) void outbox.saveState(state);
    },
    commit() {
      void outbox.flush();
    },
    terminate() {
      if (finished || !outbox) return;
      finished = true;
      if (!closed) {
        const batch = [];
        if (normal && pendingFail !== null && !passedSent) batch.push(graded(false, pendingFail));
        batch.push(statements.unitVerb('terminated', { duration: `PT${((Date.now() - started) / 1000).toFixed(2)}S` }, defined(false)));
        void outbox.send(batch);
        // The session is over: a reload of this page must not send anything in it. Closing the tab and
        // reloading it look the same here, and a reload still resumes tracked (the resume state is saved with
        // the LRS, results are reported at the next launch), so the tab keeps its token until the learner
        // leaves with Finish (release) or the tab is closed (sessionStorage dies with it).
        closed = true;
        options.keep?.({ ...kept, closed: true });
      }
      outbox.flushUrgent();
    },
    release() {
      options.keep?.(null);
    },
    whenIdle: () => outbox?.flush() ?? Promise.resolve(),
  };
  return tracker;
}
