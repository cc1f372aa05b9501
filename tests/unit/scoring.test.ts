import { describe, expect, it } from 'vitest';
import { isPassed, scoreAttempt, scoreQuestion } from '../../src/core/scoring.ts';
import { normalizeAnswer } from '../../src/core/normalize.ts';
import type { Answer } from '../../src/core/answers.ts';
import { Q } from '../helpers/questions.ts';

describe('scoring one question', () => {
  it('single choice: right or wrong', () => {
    expect(scoreQuestion(Q.single(), { type: 'single', choice: 'b' })).toEqual({ fraction: 1, result: 'correct' });
    expect(scoreQuestion(Q.single(), { type: 'single', choice: 'a' })).toEqual({ fraction: 0, result: 'incorrect' });
    expect(scoreQuestion(Q.single(), undefined).result).toBe('unanswered');
  });
  it('multiple response: partial credit, wrong picks cancel right ones, never below zero', () => {
    const q = Q.multiple();
    expect(scoreQuestion(q, { type: 'multiple', choices: ['a', 'c'] })).toEqual({ fraction: 1, result: 'correct' });
    expect(scoreQuestion(q, { type: 'multiple', choices: ['a'] })).toEqual({ fraction: 0.5, result: 'partial' });
    expect(scoreQuestion(q, { type: 'multiple', choices: ['a', 'b'] })).toEqual({ fraction: 0, result: 'incorrect' });
    expect(scoreQuestion(q, { type: 'multiple', choices: ['a', 'b', 'c', 'd'] })).toEqual({ fraction: 0, result: 'incorrect' });
    expect(scoreQuestion(q, { type: 'multiple', choices: ['b', 'd'] }).fraction).toBe(0);
  });
  it('true/false', () => {
    expect(scoreQuestion(Q.truefalse(), { type: 'truefalse', value: false }).result).toBe('correct');
    expect(scoreQuestion(Q.truefalse(), { type: 'truefalse', value: true }).result).toBe('incorrect');
  });
  it('matching: share of correct pairs', () => {
    const q = Q.matching();
    expect(scoreQuestion(q, { type: 'matching', pairs: { 1: 'a', 2: 'b', 3: 'c', 4: 'd' } }).fraction).toBe(1);
    expect(scoreQuestion(q, { type: 'matching', pairs: { 1: 'a', 2: 'b', 3: 'd', 4: 'c' } })).toEqual({ fraction: 0.5, result: 'partial' });
    expect(scoreQuestion(q, { type: 'matching', pairs: { 1: 'a' } }).fraction).toBe(0.25);
  });
  it('ordering: share of steps in the right place', () => {
    const q = Q.ordering();
    expect(scoreQuestion(q, { type: 'ordering', order: ['c', 'a', 'b', 'd'] }).result).toBe('correct');
    expect(scoreQuestion(q, { type: 'ordering', order: ['c', 'a', 'd', 'b'] }).fraction).toBe(0.5);
  });
  it('fill-in: accepted answers in either language, with case, spaces, punctuation and diacritics ignored', () => {
    const q = Q.fillin();
    for (const typed of ['mật khẩu', 'Mật Khẩu', '  mat   khau. ', 'MAT KHAU', 'password', 'cum mat khau', '“mật khẩu”']) {
      expect(scoreQuestion(q, { type: 'fillin', text: typed }).result, typed).toBe('correct');
    }
    expect(scoreQuestion(q, { type: 'fillin', text: 'tên đăng nhập' }).result).toBe('incorrect');
    expect(scoreQuestion(q, { type: 'fillin', text: '   ' }).result).toBe('unanswered');
  });
  it('fill-in that keeps diacritics rejects an answer typed without them', () => {
    const q = Q.fillin('q-strict', { ignoreDiacritics: false });
    expect(scoreQuestion(q, { type: 'fillin', text: 'Mật khẩu' }).result).toBe('correct');
    expect(scoreQuestion(q, { type: 'fillin', text: 'mat khau' }).result).toBe('incorrect');
  });
  it('an answer of the wrong shape scores nothing', () => {
    expect(scoreQuestion(Q.single(), { type: 'truefalse', value: true }).result).toBe('unanswered');
  });
});

describe('normalisation', () => {
  it('keeps an answer that is only punctuation, such as the SQL placeholder "?"', () => {
    expect(normalizeAnswer('?', { ignoreCase: true, ignoreDiacritics: true })).toBe('?');
    expect(normalizeAnswer(' ? ', { ignoreCase: true, ignoreDiacritics: true })).toBe('?');
    expect(normalizeAnswer('mật khẩu?', { ignoreCase: true, ignoreDiacritics: false })).toBe('mật khẩu');
  });
  it('handles đ and decomposed input', () => {
    expect(normalizeAnswer('Đường dẫn', { ignoreCase: true, ignoreDiacritics: true })).toBe('duong dan');
    expect(normalizeAnswer('Mật khẩu'.normalize('NFD'), { ignoreCase: false, ignoreDiacritics: false })).toBe('Mật khẩu');
  });
});

describe('scoring an attempt', () => {
  it('weights questions and rounds to 0–100', () => {
    const drawn = [Q.single('a1', 1), Q.matching('a2', 2), Q.truefalse('a3')];
    const answers = new Map<string, Answer>([
      ['a1', { type: 'single', choice: 'b' }],
      ['a2', { type: 'matching', pairs: { 1: 'a', 2: 'b', 3: 'd', 4: 'c' } }],
    ]);
    // (1*1 + 2*0.5 + 1*0) / 4 = 0.5
    expect(scoreAttempt(drawn, answers).score).toBe(50);
    answers.set('a3', { type: 'truefalse', value: false });
    expect(scoreAttempt(drawn, answers).score).toBe(75);
    expect(scoreAttempt(drawn, new Map()).score).toBe(0);
  });
  it('passes at exactly the mastery score', () => {
    expect(isPassed(70, 70)).toBe(true);
    expect(isPassed(69, 70)).toBe(false);
  });
});
