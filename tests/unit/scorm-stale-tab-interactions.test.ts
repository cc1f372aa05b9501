import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScorm12Tracker, type Scorm12Api } from '../../src/runtime/adapters/scorm12.ts';
import { createScorm2004Tracker, type Scorm2004Api } from '../../src/runtime/adapters/scorm2004.ts';
import type { InteractionRecord, Tracker } from '../../src/runtime/tracker.ts';
import { Q } from '../helpers/questions.ts';

/**
 * Two tabs of one learner on one SCORM attempt, as Moodle runs them: each tab's API holds the tracks the LMS
 * had when the tab loaded, accepts a new interaction only at index _count (arrays grow one at a time, as
 * Moodle's datamodels/scorm_12.js and scorm_13.js check), and LMSCommit writes its elements into the
 * attempt's tracks. An older tab must never write over an interaction record a newer tab stored.
 */
function moodleAttempt(v12: boolean) {
  const tracks = new Map<string, string>([[v12 ? 'cmi.core.student_id' : 'cmi.learner_id', 'u42'], [v12 ? 'cmi.core.lesson_status' : 'cmi.completion_status', v12 ? 'not attempted' : 'unknown']]);
  const count = (m: Map<string, string>) => new Set([...m.keys()].filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k))).size;
  function tab() {
    const local = new Map(tracks);
    const dirty = new Map<string, string>();
    const get = (el: string) => (el === 'cmi.interactions._count' ? String(count(local)) : local.get(el) ?? '');
    const set = (el: string, v: string) => {
      const m = /^cmi\.interactions\.(\d+)\./.exec(el);
      if (m && Number(m[1]) > count(local)) return 'false';
      local.set(el, v);
      dirty.set(el, v);
      return 'true';
    };
    const commit = () => { for (const [k, v] of dirty) tracks.set(k, v); dirty.clear(); return 'true'; };
    const api12: Scorm12Api = { LMSInitialize: () => 'true', LMSFinish: () => commit(), LMSGetValue: get, LMSSetValue: set, LMSCommit: () => commit(), LMSGetLastError: () => '0' };
    const api2004: Scorm2004Api = { Initialize: () => 'true', Terminate: () => commit(), GetValue: get, SetValue: set, Commit: () => commit(), GetLastError: () => '0' } as unknown as Scorm2004Api;
    return v12 ? createScorm12Tracker(api12, { onFail: 'incomplete', unitId: 'g6-x' }) : createScorm2004Tracker(api2004, { onFail: 'incomplete', lessons: 2, unitId: 'g6-x' });
  }
  return { tracks, tab };
}
const answer = (id: string): InteractionRecord => ({ question: Q.single(id), answer: { kind: 'choice', ids: ['b'] } as never, result: { fraction: 1, correct: true } as never, latencyMs: 1000, timestamp: new Date(), description: id });

let store: Map<string, string>;
beforeEach(() => {
  store = new Map();
  (globalThis as { window?: unknown }).window = { localStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) } };
});
afterEach(() => { delete (globalThis as { window?: unknown }).window; });

describe.each([['SCORM 1.2', true], ['SCORM 2004', false]])('%s: a stale second tab and cmi.interactions', (_name, v12) => {
  it('the newer tab\'s interaction records are never overwritten by an older tab; a new attempt starts at 0 again', async () => {
    const moodle = moodleAttempt(v12);
    const older: Tracker = moodle.tab();
    await older.initialize();
    older.commit();
    const newer: Tracker = moodle.tab();
    await newer.initialize();
    newer.answerRecorded(answer('q-newer-1'));
    newer.answerRecorded(answer('q-newer-2'));
    newer.commit();
    // The older tab (its API still thinks _count is 0) answers later.
    older.answerRecorded(answer('q-older'));
    older.commit();
    expect(moodle.tracks.get('cmi.interactions.0.id')).toBe('q-newer-1');
    expect(moodle.tracks.get('cmi.interactions.1.id')).toBe('q-newer-2');
    expect(moodle.tracks.get('cmi.interactions.2.id')).toBeUndefined();
    // A new attempt (no records, no suspend data) records its answers from index 0.
    const next = moodleAttempt(v12);
    const fresh = next.tab();
    await fresh.initialize();
    fresh.answerRecorded(answer('q-attempt-2'));
    fresh.commit();
    expect(next.tracks.get('cmi.interactions.0.id')).toBe('q-attempt-2');
  });
});
