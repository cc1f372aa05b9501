import { describe, expect, it } from 'vitest';
import { startSession } from '../../src/runtime/session.ts';
import type { RuntimeUnit } from '../../src/runtime/runtime-unit.ts';
import type { Answer } from '../../src/core/answers.ts';
import type { Question } from '../../src/model/question-schema.ts';
import type { TrackerNotice } from '../../src/runtime/tracker.ts';
import { Q } from '../helpers/questions.ts';
import { plainQuestion, type RuntimeQuestion } from '../../src/core/hashed-keys.ts';
import { recordingTracker } from '../helpers/recording-tracker.ts';

const L = (s: string) => ({ vi: s, en: s });
function unit(over: Partial<RuntimeUnit> = {}): RuntimeUnit {
  const bank = [Q.single('s1'), Q.single('s2'), Q.multiple('m1'), Q.truefalse('t1'), Q.matching('x1'), Q.ordering('o1'), Q.fillin('f1'), Q.truefalse('t2')];
  return { id: 'u', version: '1.0.0', title: L('U'), masteryScore: 70, onFail: 'incomplete', maxAttempts: 2, lessons: [{ id: 'l1', title: L('1') }, { id: 'l2', title: L('2') }], draw: 4, bank, outcomes: [], ...over };
}
const right = (rq: RuntimeQuestion): Answer => {
  const q = plainQuestion(rq);
  switch (q.type) {
    case 'single': return { type: 'single', choice: q.correct[0] as string };
    case 'multiple': return { type: 'multiple', choices: q.correct };
    case 'hotspot': return { type: 'hotspot', regions: q.correct };
    case 'truefalse': return { type: 'truefalse', value: q.correct };
    case 'matching': return { type: 'matching', pairs: Object.fromEntries(q.correct) };
    case 'ordering': return { type: 'ordering', order: q.correct };
    case 'fillin': return { type: 'fillin', text: q.accept[0]?.vi ?? '' };
    case 'lab': return { type: 'lab', score: 1, detail: 'done' };
  }
};

describe('a learner session', () => {
  it('completes only when every lesson is viewed and the assessment submitted', async () => {
    const { tracker, calls } = recordingTracker();
    const s = await startSession(unit(), tracker);
    s.view(0);
    for (const q of s.drawn()) s.answer(q.id, right(q));
    s.submit('vi');
    expect(calls.outcomes.at(-1)).toMatchObject({ completed: false, success: 'passed', score: 100 });
    s.view(1);
    expect(calls.outcomes.at(-1)).toMatchObject({ completed: true, success: 'passed', score: 100, final: true });
    expect(calls.answers).toHaveLength(4);
    expect(calls.answers.every((a) => a.result.result === 'correct')).toBe(true);
  });

  it('retries draw new questions, keep the best score and stop after maxAttempts', async () => {
    const { tracker, calls } = recordingTracker();
    const s = await startSession(unit(), tracker);
    const first = s.drawn().map((q) => q.id);
    const q0 = s.drawn()[0] as Question;
    s.answer(q0.id, right(q0));
    s.submit('vi'); // 1 of 4 right at most → failed
    const firstScore = calls.outcomes.at(-1)?.score ?? -1;
    expect(calls.outcomes.at(-1)).toMatchObject({ success: 'failed', final: false });
    expect(s.retry()).toBe(true);
    expect(s.state.attempt).toBe(2);
    expect(s.state.answers.size).toBe(0);
    // A new seed usually changes the draw; the best score never goes down.
    s.submit('vi');
    expect(calls.outcomes.at(-1)?.score).toBe(firstScore);
    expect(calls.outcomes.at(-1)).toMatchObject({ success: 'failed', final: true });
    expect(s.retry()).toBe(false);
    expect(first).toHaveLength(4);
  });

  it('resumes from saved state: same page, same draw, same answers', async () => {
    const a = recordingTracker();
    const s1 = await startSession(unit(), a.tracker);
    s1.view(1);
    s1.view(2);
    const q = s1.drawn()[1] as Question;
    s1.answer(q.id, right(q));
    const b = recordingTracker({ state: a.lastState() });
    const s2 = await startSession(unit(), b.tracker);
    expect(s2.state.position).toBe(2);
    expect(s2.drawn().map((x) => x.id)).toEqual(s1.drawn().map((x) => x.id));
    expect(s2.state.answers.get(q.id)).toEqual(right(q));
    expect(s2.state.viewed).toEqual([false, true]);
  });

  it('a changed question bank restarts the attempt but keeps lessons viewed and the best score', async () => {
    const a = recordingTracker();
    const s1 = await startSession(unit(), a.tracker);
    s1.view(0);
    s1.submit('vi');
    const notices: TrackerNotice[] = [];
    const changed = unit({ bank: unit().bank.slice(1) });
    const s2 = await startSession(changed, recordingTracker({ state: a.lastState() }).tracker, (n) => notices.push(n));
    expect(notices).toEqual([{ kind: 'state-reset', detail: 'bank-changed' }]);
    expect(s2.state.viewed).toEqual([true, false]);
    expect(s2.state.best).toBe(s1.state.best);
    expect(s2.state.submitted).toBe(false);
    expect(s2.state.answers.size).toBe(0);
  });

  it('an unreadable saved state starts fresh with a notice instead of crashing', async () => {
    const notices: TrackerNotice[] = [];
    const s = await startSession(unit(), recordingTracker({ state: '{"old":"format"}' }).tracker, (n) => notices.push(n));
    expect(notices[0]).toEqual({ kind: 'state-reset', detail: 'unknown-version' });
    expect(s.state.position).toBe(0);
  });

  it('review mode records no answers and no outcome', async () => {
    const { tracker, calls } = recordingTracker({ mode: 'review' });
    const s = await startSession(unit(), tracker);
    for (const q of s.drawn()) s.answer(q.id, right(q));
    s.submit('vi');
    expect(calls.answers).toEqual([]);
    expect(calls.outcomes).toEqual([]);
  });

  it('a unit passed in an earlier session is never reported as failed', async () => {
    const { tracker, calls } = recordingTracker({ alreadyPassed: true });
    const s = await startSession(unit(), tracker);
    s.submit('vi');
    expect(calls.outcomes.at(-1)?.success).toBe('passed');
  });

  it('ends with suspend while unfinished and normal when complete, and only once', async () => {
    const a = recordingTracker();
    const s = await startSession(unit(), a.tracker);
    s.end();
    s.end();
    expect(a.calls.terminated).toEqual(['suspend']);
    const b = recordingTracker();
    const t = await startSession(unit(), b.tracker);
    t.view(0); t.view(1);
    for (const q of t.drawn()) t.answer(q.id, right(q));
    t.submit('en');
    t.end();
    expect(b.calls.terminated).toEqual(['normal']);
    expect(b.calls.answers[0]?.description).toBe('p');
  });

  it('a failed unit with retries left ends suspended, so the learner can come back', async () => {
    const a = recordingTracker();
    const s = await startSession(unit(), a.tracker);
    s.view(0); s.view(1);
    s.submit('vi');
    s.end();
    expect(a.calls.terminated).toEqual(['suspend']);
  });

  it('reports one objective per outcome code with its score', async () => {
    const { tracker, calls } = recordingTracker();
    const s = await startSession(unit({ draw: 8 }), tracker);
    for (const q of s.drawn()) if (q.outcomes.includes('X-1')) s.answer(q.id, right(q));
    s.submit('vi');
    const objectives = calls.outcomes.at(-1)?.objectives ?? [];
    expect(objectives.find((o) => o.code === 'X-1')).toEqual({ code: 'X-1', score: 100, passed: true });
    expect(objectives.find((o) => o.code === 'X-2')).toEqual({ code: 'X-2', score: 0, passed: false });
  });
});
