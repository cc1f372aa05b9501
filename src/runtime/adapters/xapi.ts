import type { Agent } from '@xapi/xapi';
import { iris } from '../../core/iris.ts';
import type { RuntimeUnit } from '../runtime-unit.ts';
import type { Tracker, TrackerStart, UnitOutcome } from '../tracker.ts';
import { createOutbox, tabOutboxStore, type Outbox } from '../xapi/outbox.ts';
import { mergeStateText } from '../xapi/resume.ts';
import { createStatementFactory, type StatementFactory } from '../xapi/statements.ts';
import { uuid } from '../xapi/uuid.ts';
import type { LrsTransport } from '../xapi/transport.ts';
import type { Lang } from '../../model/text.ts';

/** The id of the resume-state document in the xAPI State API. */
export const RESUME_STATE_ID = 'https://khienso.github.io/xapi/state/resume';

export interface XapiTrackerOptions {
  unit: RuntimeUnit;
  transport: LrsTransport;
  actor: Agent;
  registration?: string;
  activityId?: string;
  /** Backoff timing for retries (tests shorten it). */
  retry?: { baseMs: number; maxMs: number };
}

/** Plain xAPI adapter (tincan.xml launch): rich statements, resume from the State API, nothing lost. */
export function createXapiTracker(o: XapiTrackerOptions): Tracker {
  const activityId = o.activityId ?? iris.unit(o.unit.id);
  const lang: Lang = 'vi';
  let statements: StatementFactory;
  let outbox: Outbox;
  let started = 0;
  let gradedSinceAnswer = true;
  let completedSent = false;
  let finished = false;
  const stateQuery = { agent: o.actor, activityId, stateId: RESUME_STATE_ID, ...(o.registration ? { registration: o.registration } : {}) };
  const tracker: Tracker = {
    name: 'xapi',
    async initialize(): Promise<TrackerStart> {
      started = Date.now();
      statements = createStatementFactory({ actor: o.actor, unit: o.unit, activityId, registration: o.registration, lang, uuid: () => uuid(), now: () => new Date() });
      const store = tabOutboxStore(`khienso:xapi-outbox:${activityId}:${o.registration ?? 'none'}`);
      // The local copy only covers what did not reach the LRS (an offline gap); the LRS's copy is the truth.
      outbox = createOutbox(o.transport, store, stateQuery, {
        onPending: () => tracker.onNotice?.({ kind: 'save-failed' }),
        onDrained: () => tracker.onNotice?.({ kind: 'saved-again' }),
        onRefused: () => tracker.onNotice?.({ kind: 'statement-refused' }),
      }, { timing: o.retry, leftovers: 'verify', mergeState: (remote, ours) => mergeStateText(ours, remote) ?? ours });
      const local = outbox.localState;
      let remote: string | null = null;
      let reached = false;
      try {
        remote = await o.transport.getState(stateQuery);
        reached = true;
        outbox.remoteState = remote;
      } catch {
        remote = null;
      }
      const state = reached ? mergeStateText(remote, local) : local;
      void outbox.send([statements.unitVerb(state ? 'resumed' : 'initialized')]);
      return { state, mode: 'normal', credit: true };
    },
    pageViewed(index) {
      if (index < o.unit.lessons.length) void outbox.send([statements.experienced(index)]);
    },
    answerRecorded(rec) {
      gradedSinceAnswer = false;
      void outbox.send([statements.answered(rec)]);
    },
    reportOutcome(out: UnitOutcome) {
      const batch = [];
      if (!gradedSinceAnswer && out.score !== null && out.success !== 'unknown') {
        gradedSinceAnswer = true;
        batch.push(statements.graded(out.success === 'passed', out.score, Date.now() - started));
      }
      if (out.completed && !completedSent) {
        completedSent = true;
        batch.push(statements.completed(Date.now() - started));
      }
      batch.push(statements.progressed(out.completed ? 100 : 90));
      void outbox.send(batch);
    },
    saveState(state) {
      if (!finished) void outbox.saveState(state);
    },
    commit() {
      void outbox.flush();
    },
    terminate(exit) {
      if (finished) return;
      finished = true;
      const duration = { duration: durationOf(Date.now() - started) };
      void outbox.send([...(exit === 'suspend' ? [statements.unitVerb('suspended', duration)] : []), statements.unitVerb('terminated', duration)]);
      outbox.flushUrgent();
    },
    whenIdle: () => outbox.flush(),
  };
  return tracker;
}

function durationOf(ms: number): string {
  return `PT${(Math.max(0, ms) / 1000).toFixed(2)}S`;
}
