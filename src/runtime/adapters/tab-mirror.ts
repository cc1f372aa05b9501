import type { StateMirror } from '../tracker.ts';

/**
 * A same-browser copy of the learner state, shared by every tab of one unit and one learner (localStorage of
 * the LMS's origin). An LMS API in a second tab only holds what the LMS had when that tab loaded, so without
 * this an older tab would write its stale state over newer progress. The session merges this copy into its
 * own before every save (mergeStates: best never downgraded, newer progress wins); the LMS stays the truth.
 */
export function createTabMirror(unitId: string, learnerId: string): StateMirror | undefined {
  if (!unitId || !learnerId) return undefined;
  const key = `khienso:state:${unitId}:${learnerId}`;
  let storage: Storage;
  try {
    storage = window.localStorage;
    storage.getItem(key);
  } catch {
    return undefined; // storage blocked (privacy settings, sandboxed frame): one tab still works as before
  }
  return {
    read() {
      try {
        return storage.getItem(key);
      } catch {
        return null;
      }
    },
    write(state) {
      try {
        storage.setItem(key, state);
      } catch {
        /* quota or blocked: the LMS copy is still written */
      }
    },
  };
}

/**
 * Interaction records shared by the tabs of one unit and one learner. An LMS API in a second tab only knows
 * the `cmi.interactions._count` the LMS had when that tab loaded, and an LMS accepts a new record only at
 * that index (SCORM RTE: arrays grow one at a time), so an older tab would write its answer over record N
 * that a newer tab stored. This keeps, in localStorage, the next free index any tab of this learner wrote;
 * `claim(n)` says whether record n is still free here (and takes it). A stale tab whose next index is
 * already taken writes no interaction record (its answers still reach suspend data, score and status).
 * A fresh attempt (the LMS has no records and no suspend data) starts the count again.
 */
export function createInteractionGuard(unitId: string, learnerId: string, lmsCount: number, fresh: boolean): { claim(n: number): boolean } {
  const always = { claim: () => true };
  if (!unitId || !learnerId) return always;
  const key = `khienso:interactions:${unitId}:${learnerId}`;
  let storage: Storage;
  try {
    storage = window.localStorage;
    storage.getItem(key);
  } catch {
    return always;
  }
  const next = () => parseInt(storage.getItem(key) ?? '0', 10) || 0;
  const put = (n: number) => {
    try {
      storage.setItem(key, String(n));
    } catch {
      /* quota or blocked */
    }
  };
  if (fresh || lmsCount > next()) put(lmsCount);
  return {
    claim(n) {
      try {
        if (next() > n) return false;
      } catch {
        return true;
      }
      put(n + 1);
      return true;
    },
  };
}
