import { createRandom, shuffled, subSeed } from './random.ts';

/** What the draw needs to know about a question. */
export interface Drawable {
  id: string;
  /** Labs are part of every attempt; only the other questions are drawn. */
  type?: string;
}

/**
 * Draws `count` questions of a bank for one attempt, reproducibly from the attempt seed.
 * The drawn questions keep the bank's authored order, so related questions stay together.
 */
export function drawQuestions<Q extends Drawable>(bank: readonly Q[], count: number, seed: number): Q[] {
  const always = bank.flatMap((q, i) => (q.type === 'lab' ? [i] : []));
  const drawable = bank.flatMap((q, i) => (q.type === 'lab' ? [] : [i]));
  const n = Math.max(0, Math.min(count - always.length, drawable.length));
  const picked = new Set([...always, ...shuffled(drawable, createRandom(seed)).slice(0, n)]);
  return bank.filter((_, i) => picked.has(i));
}

/** The display order of a question's options for this attempt (stable for a given seed and question). */
export function optionOrder<T extends { id: string }>(questionId: string, options: readonly T[], seed: number): T[] {
  return shuffled(options, createRandom(subSeed(seed, questionId)));
}

/**
 * The starting arrangement of an ordering question: shuffled, and never already in the right order
 * (an untouched question would otherwise score full marks).
 */
export function orderingStart(questionId: string, correct: readonly string[], seed: number): string[] {
  const random = createRandom(subSeed(seed, questionId + '#order'));
  let order = shuffled(correct, random);
  if (correct.length > 1 && order.every((id, i) => id === correct[i])) order = [...order.slice(1), order[0] as string];
  return order;
}

/** A short fingerprint of a bank's question ids; a saved attempt is only valid for the same bank. */
export function bankFingerprint(bank: readonly Drawable[]): string {
  let h = 0x811c9dc5;
  for (const q of bank) for (let i = 0; i <= q.id.length; i++) h = Math.imul(h ^ (q.id.charCodeAt(i) || 124), 0x01000193) >>> 0;
  return (h >>> 0).toString(36);
}
