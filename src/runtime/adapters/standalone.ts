import type { Tracker, TrackerStart, UnitOutcome } from '../tracker.ts';

/** Where the standalone adapter keeps its data. */
export const standaloneKey = (unitId: string) => `khienso:${unitId}`;

/**
 * Standalone mode (no LMS): the learner state and latest outcome live in localStorage, so a reload or a
 * later visit on the same browser resumes. When storage is unavailable the session still works in memory.
 */
export function createStandaloneTracker(unitId: string, storage: Storage | null = safeLocalStorage()): Tracker {
  const key = standaloneKey(unitId);
  let memory: { state: string | null; outcome: UnitOutcome | null } = { state: null, outcome: null };
  const tracker: Tracker = {
    name: 'standalone',
    async initialize(): Promise<TrackerStart> {
      if (!storage) tracker.onNotice?.({ kind: 'storage-unavailable' });
      try {
        const raw = storage?.getItem(key);
        if (raw) memory = { ...memory, ...(JSON.parse(raw) as typeof memory) };
      } catch {
        memory = { state: null, outcome: null };
      }
      return { state: memory.state, mode: 'normal', credit: true, alreadyPassed: memory.outcome?.success === 'passed' };
    },
    pageViewed() {},
    answerRecorded() {},
    reportOutcome(outcome) {
      memory.outcome = outcome;
    },
    saveState(state) {
      memory.state = state;
      write();
    },
    commit: write,
    terminate: write,
  };
  function write() {
    try {
      storage?.setItem(key, JSON.stringify(memory));
    } catch {
      tracker.onNotice?.({ kind: 'storage-unavailable' });
    }
  }
  return tracker;
}

function safeLocalStorage(): Storage | null {
  try {
    const s = globalThis.localStorage;
    const probe = '__khienso_probe__';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}
