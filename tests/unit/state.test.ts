import { describe, expect, it } from 'vitest';
import { STATE_BUDGET, cutText, mergeStates, parseState, serializeState, worstCaseStateSize, type LearnerState } from '../../src/core/state.ts';
import type { Answer } from '../../src/core/answers.ts';
import { Q } from '../helpers/questions.ts';

const sample = (): LearnerState => ({
  position: 3, viewed: [true, true, false, true], attempt: 2, seed: 4294967295, bank: 'abc123', submitted: false, best: 55,
  answers: new Map<string, Answer>([
    ['otp-call', { type: 'single', choice: 'b' }],
    ['signs', { type: 'multiple', choices: ['a', 'c'] }],
    ['tf', { type: 'truefalse', value: false }],
    ['match', { type: 'matching', pairs: { 1: 'c', 2: 'a' } }],
    ['order', { type: 'ordering', order: ['c', 'a', 'b'] }],
    ['fill', { type: 'fillin', text: 'Mật khẩu | ; : % 🙂' }],
  ]),
  savedAt: 1796471234,
});

describe('learner state', () => {
  it('round-trips every answer type', () => {
    const s = sample();
    const text = serializeState(s);
    const back = parseState(text);
    expect('state' in back && back.state).toEqual(s);
  });
  it('is plain ASCII (so characters = bytes in every LMS)', () => {
    expect(serializeState(sample())).toMatch(/^[\x20-\x7e]*$/);
  });
  it('is compact', () => {
    expect(serializeState(sample()).length).toBeLessThan(170);
  });
  it('rejects another version without throwing', () => {
    expect(parseState('K0|1|1|1|1|x|0||')).toEqual({ problem: 'unknown-version' });
    expect(parseState('{"json":true}')).toEqual({ problem: 'unknown-version' });
    expect(parseState('')).toEqual({ problem: 'empty' });
    expect(parseState(null)).toEqual({ problem: 'empty' });
  });
  it('reports corrupt data instead of guessing', () => {
    const text = serializeState(sample());
    expect(parseState(text.slice(0, 20))).toEqual({ problem: 'corrupt' });
    expect(parseState(text.replace('|2|', '|x|'))).toEqual({ problem: 'corrupt' });
    expect(parseState(text.replace('fill:f', 'fill:q'))).toEqual({ problem: 'corrupt' });
  });
  it('computes a worst case that real states never exceed', () => {
    const questions = [Q.single('s1'), Q.multiple('m1'), Q.matching('x1'), Q.ordering('o1'), Q.fillin('f1', { maxLength: 30 })];
    const unit = { lessons: [1, 2, 3, 4], maxAttempts: 3, assessment: { draw: 5, questions } };
    const worst = worstCaseStateSize(unit);
    const longest: LearnerState = {
      position: 4, viewed: [true, true, true, true], attempt: 9999, seed: 4294967295, bank: (2 ** 32 - 1).toString(36), submitted: true, best: 100,
      answers: new Map<string, Answer>([
        ['s1', { type: 'single', choice: 'c' }], ['m1', { type: 'multiple', choices: ['a', 'b', 'c', 'd'] }],
        ['x1', { type: 'matching', pairs: { 1: 'a', 2: 'b', 3: 'c', 4: 'd' } }], ['o1', { type: 'ordering', order: ['a', 'b', 'c', 'd'] }],
        ['f1', { type: 'fillin', text: 'ữ'.repeat(30) }],
      ]),
      savedAt: 36 ** 8 - 1,
    };
    expect(serializeState(longest).length).toBeLessThanOrEqual(worst);
    expect(worst - serializeState(longest).length).toBeLessThan(10);
  });
  it('worst case grows with the draw and with fill-in length', () => {
    const questions = Array.from({ length: 40 }, (_, i) => Q.fillin(`fill-${i}`, { maxLength: 80 }));
    const small = worstCaseStateSize({ lessons: [1], maxAttempts: 3, assessment: { draw: 2, questions } });
    const big = worstCaseStateSize({ lessons: [1], maxAttempts: 3, assessment: { draw: 10, questions } });
    expect(big).toBeGreaterThan(STATE_BUDGET);
    expect(small).toBeLessThan(STATE_BUDGET);
  });
  it('never throws on text a learner or a script can type: emoji cut in half, lone surrogates, combining marks', () => {
    const cut = cutText('ab🙂', 3); // a maxlength of 3 would split the emoji
    expect(cut).toBe('ab');
    for (const text of ['ab\uD83D', '\uDE42x', '\uDE42\uD83D', 'e\u0301\u0323 ', '🙂'.repeat(5) + '\uD83D', '\u0000|;:%']) {
      const s = { ...sample(), answers: new Map<string, Answer>([['fill', { type: 'fillin', text }]]) };
      const back = parseState(serializeState(s));
      expect('state' in back).toBe(true);
      const a = 'state' in back ? back.state.answers.get('fill') : undefined;
      expect(a?.type === 'fillin' && a.text.length).toBe(text.length); // a lone surrogate becomes U+FFFD, same length
    }
  });
  it('still reads K1 states saved before the save time was added', () => {
    const k1 = 'K1|2|1100|1|abc|bank1|0|40|s1:sb';
    const back = parseState(k1);
    expect('state' in back && back.state.savedAt).toBe(0);
    expect('state' in back && back.state.best).toBe(40);
  });
});

describe('merging two copies of the state (two tabs, two devices, LMS vs local)', () => {
  const base = (over: Partial<LearnerState>): LearnerState => ({ ...sample(), attempt: 1, submitted: false, best: null, savedAt: 100, ...over });
  it('never downgrades the best score, whichever copy is newer', () => {
    const passed = base({ best: 90, submitted: true, savedAt: 100 });
    const staleButLater = base({ best: null, savedAt: 200, position: 1 });
    expect(mergeStates(staleButLater, passed).best).toBe(90);
    expect(mergeStates(passed, staleButLater).best).toBe(90);
  });
  it('keeps every lesson viewed in either copy', () => {
    const m = mergeStates(base({ viewed: [true, false, false, false] }), base({ viewed: [false, false, true, true], savedAt: 50 }));
    expect(m.viewed).toEqual([true, false, true, true]);
  });
  it('takes the attempt, answers and position from the copy with more progress', () => {
    const submitted = base({ submitted: true, best: 80, position: 4, savedAt: 100 });
    const olderTabMovedLater = base({ submitted: false, position: 1, savedAt: 300, answers: new Map() });
    const m = mergeStates(olderTabMovedLater, submitted);
    expect(m.submitted).toBe(true);
    expect(m.position).toBe(4);
    expect(m.answers.size).toBe(submitted.answers.size);
    const retake = base({ attempt: 2, savedAt: 50, answers: new Map() });
    expect(mergeStates(submitted, retake).attempt).toBe(2);
  });
  it('within one unsubmitted attempt the later save wins', () => {
    const a = base({ savedAt: 100, position: 1 });
    const b = base({ savedAt: 101, position: 2 });
    expect(mergeStates(a, b).position).toBe(2);
    expect(mergeStates(b, a).position).toBe(2);
    expect(mergeStates(a, b).savedAt).toBe(101);
  });
});
