// Two tabs of one learner in one browser: the older tab never writes older progress or a lower result.
import { describe, expect, it } from 'vitest';
import { startSession } from '../../src/runtime/session.ts';
import { plainQuestion } from '../../src/core/hashed-keys.ts';
import { parseState, serializeState, stateClock } from '../../src/core/state.ts';
import { bankFingerprint } from '../../src/core/draw.ts';
import type { RuntimeUnit } from '../../src/runtime/runtime-unit.ts';
import type { Answer } from '../../src/core/answers.ts';
import type { Question } from '../../src/model/question-schema.ts';
import type { StateMirror } from '../../src/runtime/tracker.ts';
import { Q } from '../helpers/questions.ts';
import { recordingTracker } from '../helpers/recording-tracker.ts';

const L = (s: string) => ({ vi: s, en: s });
const unit = (): RuntimeUnit => ({
  id: 'u', version: '1.0.0', title: L('U'), masteryScore: 70, onFail: 'incomplete', maxAttempts: 3,
  lessons: [{ id: 'l1', title: L('1') }, { id: 'l2', title: L('2') }, { id: 'l3', title: L('3') }], draw: 3,
  bank: [Q.single('s1'), Q.single('s2'), Q.truefalse('t1'), Q.truefalse('t2')], outcomes: [],
});
const right = (q: Question): Answer => (q.type === 'single' ? { type: 'single', choice: q.correct[0] as string } : { type: 'truefalse', value: (q as { correct: boolean }).correct });
const memoryMirror = (): StateMirror & { value: string | null } => {
  const m = { value: null as string | null, read: () => m.value, write: (s: string) => { m.value = s; } };
  return m;
};
const state = (text: string | null) => {
  const p = parseState(text);
  if (!('state' in p)) throw new Error(p.problem);
  return p.state;
};

describe('tabs sharing a same-browser mirror', () => {
  it('an older tab that changes page after the newer tab passed keeps the pass, the score and every viewed lesson', async () => {
    const mirror = memoryMirror();
    const b = recordingTracker({ mirror });
    const tabB = await startSession(unit(), b.tracker);
    tabB.view(0);
    const a = recordingTracker({ mirror });
    const tabA = await startSession(unit(), a.tracker);
    for (let i = 0; i < 3; i++) tabA.view(i);
    for (const q of tabA.drawn()) tabA.answer(q.id, right(plainQuestion(q)));
    expect(tabA.submit('vi').score).toBe(100);
    // Tab B knew nothing of this; it moves on a page.
    tabB.view(1);
    const saved = state(b.lastState());
    expect(saved.viewed).toEqual([true, true, true]);
    expect(saved.best).toBe(100);
    expect(saved.submitted).toBe(true);
    // Its outcome (sent with the view, all lessons viewed and submitted) is the pass, not a downgrade.
    expect(b.calls.outcomes.at(-1)).toMatchObject({ success: 'passed', score: 100, completed: true });
  });

  it('a new attempt (empty LMS state) does not take in an earlier attempt\'s local copy', async () => {
    const mirror = memoryMirror();
    const old = { position: 2, viewed: [true, true, true], attempt: 1, seed: 7, bank: bankFingerprint(unit().bank), submitted: true, best: 90, answers: new Map(), savedAt: stateClock() - 3600 };
    mirror.value = serializeState(old);
    const t = recordingTracker({ mirror });
    const s = await startSession(unit(), t.tracker);
    s.view(0);
    const saved = state(t.lastState());
    expect(saved.best).toBeNull();
    expect(saved.viewed).toEqual([true, false, false]);
  });

  it('a local copy newer than the LMS copy of the same attempt fills the gap (a save the LMS never got)', async () => {
    const u = unit();
    const first = recordingTracker();
    const s1 = await startSession(u, first.tracker);
    s1.view(0);
    const lms = first.lastState();
    const mirror = memoryMirror();
    const local = state(lms);
    local.viewed = [true, true, false];
    local.position = 1;
    local.savedAt = state(lms).savedAt + 5;
    mirror.value = serializeState(local);
    const t = recordingTracker({ state: lms, mirror });
    const s2 = await startSession(u, t.tracker);
    expect(s2.state.viewed).toEqual([true, true, false]);
  });
});
