import { describe, expect, it } from 'vitest';
import { STATE_BUDGET, parseState, serializeState, worstCaseStateSize, type LearnerState } from '../../src/core/state.ts';
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
    expect(serializeState(sample()).length).toBeLessThan(160);
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
});
