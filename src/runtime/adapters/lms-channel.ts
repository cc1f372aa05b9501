import type { TrackerNotice } from '../tracker.ts';

/** The five LMS calls both SCORM versions have, under their own names. */
export interface LmsCalls {
  get(element: string): string;
  set(element: string, value: string): boolean;
  commit(): boolean;
  finish(): boolean;
  lastError(): number;
}

/** A reliable way to talk to an LMS: checks the error code after each call, retries once, and keeps
 * every value the LMS did not confirm so the next commit sends it again (nothing is lost). */
export interface LmsChannel {
  get(element: string): string;
  set(element: string, value: string): void;
  commit(): boolean;
  finish(): boolean;
  /** Values not yet confirmed by a successful commit. */
  readonly unsaved: number;
}

/** SCORM returns the strings "true"/"false"; some LMSes return booleans. */
export const ok = (r: unknown) => r === true || r === 'true';

export function createLmsChannel(calls: LmsCalls, notify: (n: TrackerNotice) => void): LmsChannel {
  // Everything set since the last confirmed commit, in order; re-sent when a set or commit failed.
  const journal = new Map<string, string>();
  let failing = false;
  const attempt = (fn: () => boolean) => {
    for (let i = 0; i < 2; i++) {
      let good = false;
      try {
        good = fn() && calls.lastError() === 0;
      } catch {
        good = false;
      }
      if (good) return true;
    }
    return false;
  };
  const fail = () => {
    if (!failing) notify({ kind: 'save-failed' });
    failing = true;
  };
  return {
    get(element) {
      try {
        return String(calls.get(element) ?? '');
      } catch {
        return '';
      }
    },
    set(element, value) {
      journal.delete(element);
      journal.set(element, value);
      if (!attempt(() => calls.set(element, value))) fail();
    },
    commit() {
      if (failing) for (const [el, v] of journal) if (!attempt(() => calls.set(el, v))) { fail(); return false; }
      if (!attempt(() => calls.commit())) { fail(); return false; }
      journal.clear();
      if (failing) notify({ kind: 'saved-again' });
      failing = false;
      return true;
    },
    finish() {
      return attempt(() => calls.finish());
    },
    get unsaved() {
      return journal.size;
    },
  };
}
