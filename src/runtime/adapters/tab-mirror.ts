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
