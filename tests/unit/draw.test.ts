import { describe, expect, it } from 'vitest';
import { bankFingerprint, drawQuestions, optionOrder, orderingStart } from '../../src/core/draw.ts';

const bank = Array.from({ length: 30 }, (_, i) => ({ id: `q${i}` }));

describe('question banks', () => {
  it('the same seed draws the same questions', () => {
    expect(drawQuestions(bank, 15, 12345).map((q) => q.id)).toEqual(drawQuestions(bank, 15, 12345).map((q) => q.id));
  });
  it('different seeds draw different questions', () => {
    const draws = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((s) => drawQuestions(bank, 15, s).map((q) => q.id).join(',')));
    expect(draws.size).toBe(8);
  });
  it('draws N distinct questions in the authored order', () => {
    const d = drawQuestions(bank, 15, 99).map((q) => Number(q.id.slice(1)));
    expect(d).toHaveLength(15);
    expect(new Set(d).size).toBe(15);
    expect([...d].sort((a, b) => a - b)).toEqual(d);
  });
  it('over many seeds every question gets drawn', () => {
    const seen = new Set<string>();
    for (let s = 1; s <= 50; s++) for (const q of drawQuestions(bank, 15, s)) seen.add(q.id);
    expect(seen.size).toBe(30);
  });
  it('draws the whole bank when N ≥ M', () => {
    expect(drawQuestions(bank.slice(0, 5), 15, 1)).toHaveLength(5);
  });
  it('option order is stable per seed and question', () => {
    const opts = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
    expect(optionOrder('q1', opts, 7)).toEqual(optionOrder('q1', opts, 7));
    const orders = new Set(Array.from({ length: 10 }, (_, s) => optionOrder('q1', opts, s).map((o) => o.id).join('')));
    expect(orders.size).toBeGreaterThan(3);
  });
  it('an ordering question never starts in the right order', () => {
    for (let s = 0; s < 200; s++) expect(orderingStart('o', ['a', 'b', 'c'], s)).not.toEqual(['a', 'b', 'c']);
  });
  it('the bank fingerprint changes when questions change', () => {
    expect(bankFingerprint(bank)).toBe(bankFingerprint(bank.slice()));
    expect(bankFingerprint(bank)).not.toBe(bankFingerprint(bank.slice(1)));
  });
});
