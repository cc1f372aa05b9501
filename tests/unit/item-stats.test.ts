import { describe, expect, it } from 'vitest';
import { QuestionSchema, type Question } from '../../src/model/question-schema.ts';
import { bankStats, checkItemStats, positionLimit, trueRange } from '../../src/model/item-stats.ts';

const L = (vi: string, en = vi) => ({ vi, en });
const single = (id: string, key: string, texts: string[]): Question => QuestionSchema.parse({
  type: 'single', id, outcomes: ['X-1'], prompt: L('p'), correct: [key],
  choices: texts.map((t, i) => ({ id: String.fromCharCode(97 + i), text: L(t, t.toUpperCase()), feedback: L('f') })),
});
const tf = (id: string, correct: boolean): Question => QuestionSchema.parse({ type: 'truefalse', id, outcomes: ['X-1'], prompt: L('p'), correct, feedback: { true: L('t'), false: L('f') } });
const multi = (id: string, correct: string[], n = 4, texts?: string[]): Question => QuestionSchema.parse({
  type: 'multiple', id, outcomes: ['X-1'], prompt: L('p'), correct,
  choices: Array.from({ length: n }, (_, i) => ({ id: String.fromCharCode(97 + i), text: L(texts?.[i] ?? `lựa chọn ${i}`), feedback: L('f') })),
});

describe('item statistics', () => {
  it('counts a key as longest only when it is strictly longer than every other option, in Vietnamese', () => {
    const bank = [
      single('long', 'b', ['ngắn', 'dài hơn hẳn', 'vừa']),
      single('tie', 'a', ['bằng nhau', 'bằng nhau', 'x']),
      single('short', 'c', ['một câu rất dài', 'hai', 'ba']),
      // Runs of spaces count as one: 'a  b' is 3 characters, shorter than 'abcd'.
      single('spaces', 'a', ['a  b', 'abcd', 'x']),
    ];
    const s = bankStats('u', bank);
    expect(s.single.longestKey.vi).toEqual(['long']);
    expect(s.single.count).toBe(4);
  });

  it('fails a unit over 35% longest keys and names the items', () => {
    const bank = [single('q1', 'b', ['a', 'bbbb', 'c']), single('q2', 'a', ['aaaa', 'b', 'c']), single('q3', 'c', ['aaaa', 'b', 'c']), single('q4', 'a', ['a', 'bbbb', 'c'])];
    const v = checkItemStats(bankStats('u', bank));
    expect(v.find((x) => x.rule === 'longest-key')?.items).toEqual(['q1', 'q2']);
    // 1 of 4 = 25%: within the limit.
    const ok = checkItemStats(bankStats('u', [bank[0]!, bank[2]!, bank[3]!, single('q5', 'c', ['aaaa', 'b', 'c'])]));
    expect(ok.find((x) => x.rule === 'longest-key')).toBeUndefined();
  });

  it('balances true/false keys 40–60% with one item of slack for small banks', () => {
    expect(trueRange(10)).toEqual([4, 6]);
    expect(trueRange(6)).toEqual([2, 4]);
    expect(trueRange(3)).toEqual([1, 2]);
    const allFalse = Array.from({ length: 6 }, (_, i) => tf(`t${i}`, false));
    const v = checkItemStats(bankStats('u', allFalse)).find((x) => x.rule === 'true-false-balance');
    expect(v?.message).toContain('0 of 6');
    expect(v?.items).toHaveLength(6);
    const balanced = allFalse.map((q, i) => (i < 2 ? tf(q.id, true) : q));
    expect(checkItemStats(bankStats('u', balanced)).find((x) => x.rule === 'true-false-balance')).toBeUndefined();
    const twelve = Array.from({ length: 12 }, (_, i) => tf(`t${i}`, i < 4));
    expect(checkItemStats(bankStats('u', twelve)).map((x) => x.rule)).toContain('true-false-balance');
  });

  it('flags multiple-response items with one wrong option, every option keyed, or "all of the above"', () => {
    const bank = [multi('one-wrong', ['a', 'b', 'c']), multi('all', ['a', 'b', 'c'], 3), multi('fine', ['a', 'b']), multi('aota', ['a', 'b'], 4, ['x', 'y', 'z', 'Tất cả các ý trên'])];
    const v = checkItemStats(bankStats('u', bank));
    expect(v.find((x) => x.rule === 'multiple-response')?.items.sort()).toEqual(['all', 'one-wrong']);
    expect(v.find((x) => x.rule === 'all-of-the-above')?.items).toEqual(['aota']);
  });

  it('limits the keys on one position to half of the single-choice items (2 always allowed)', () => {
    expect(positionLimit(3)).toBe(2);
    expect(positionLimit(7)).toBe(3);
    expect(positionLimit(10)).toBe(5);
    const bank = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7'].map((id, i) => single(id, i < 4 ? 'b' : 'a', ['x', 'y', 'z']));
    const v = checkItemStats(bankStats('u', bank)).find((x) => x.rule === 'key-position');
    expect(v?.message).toContain('option b');
    expect(v?.items).toEqual(['q1', 'q2', 'q3', 'q4']);
  });
});
