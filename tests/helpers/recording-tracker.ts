import type { InteractionRecord, Tracker, TrackerStart, UnitOutcome } from '../../src/runtime/tracker.ts';

/** A tracker that records every call, with a configurable start (for session tests). */
export function recordingTracker(start: Partial<TrackerStart> = {}) {
  const calls = { pages: [] as string[], answers: [] as InteractionRecord[], outcomes: [] as UnitOutcome[], states: [] as string[], commits: 0, terminated: [] as string[] };
  const tracker: Tracker = {
    name: 'recording',
    initialize: async () => ({ state: null, mode: 'normal', credit: true, ...start }),
    pageViewed: (_i, id) => calls.pages.push(id),
    answerRecorded: (r) => calls.answers.push(r),
    reportOutcome: (o) => calls.outcomes.push(o),
    saveState: (s) => calls.states.push(s),
    commit: () => { calls.commits++; },
    terminate: (exit) => calls.terminated.push(exit),
  };
  return { tracker, calls, lastState: () => calls.states.at(-1) ?? null };
}
