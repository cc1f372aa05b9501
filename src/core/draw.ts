import { createRandom, shuffled, subSeed } from './random.ts';

/** What the draw needs to know about a question. */
export interface Drawable {
  id: string;
  /** Labs are part of every attempt; only the other questions are drawn. */
  type?: string;
  /** Outcome codes the question assesses; the draw covers every assessed outcome of the unit. */
  outcomes?: readonly string[];
}

/**
 * Draws `count` questions of a bank for one attempt, reproducibly from the attempt seed.
 *
 * Stratified by outcome: labs are always in; then, for each outcome of `strata` (the unit's assessed
 * outcomes) that the attempt does not yet cover, in a seeded order, one random question that targets it;
 * then random questions fill the attempt up to `count`. Every outcome in `strata` is therefore in every
 * attempt whenever the bank can do it, which `drawProblems` checks at build time. The drawn questions
 * keep the bank's authored order, so related questions stay together.
 */
export function drawQuestions<Q extends Drawable>(bank: readonly Q[], count: number, seed: number, strata: readonly string[] = []): Q[] {
  const random = createRandom(seed);
  const picked = new Set<number>();
  const covered = new Set<string>();
  const take = (i: number) => {
    picked.add(i);
    for (const c of bank[i]?.outcomes ?? []) covered.add(c);
  };
  bank.forEach((q, i) => q.type === 'lab' && take(i));
  const drawable = bank.flatMap((q, i) => (q.type === 'lab' ? [] : [i]));
  const budget = Math.max(0, Math.min(count, bank.length));
  for (const code of shuffled([...new Set(strata)], random)) {
    if (picked.size >= budget) break;
    if (covered.has(code)) continue;
    const candidates = drawable.filter((i) => !picked.has(i) && (bank[i]?.outcomes ?? []).includes(code));
    if (candidates.length) take(candidates[Math.floor(random() * candidates.length)] as number);
  }
  const rest = shuffled(drawable.filter((i) => !picked.has(i)), random);
  for (const i of rest) {
    if (picked.size >= budget) break;
    take(i);
  }
  return bank.filter((_, i) => picked.has(i));
}

/** The assessed outcome codes of a unit: the strata of its draw. */
export function assessedOutcomes(outcomes: readonly { code: string; level: string }[]): string[] {
  return outcomes.filter((o) => o.level === 'assessed').map((o) => o.code);
}

/**
 * Why a bank cannot put every assessed outcome in every attempt (empty when it can). The draw takes the
 * labs, then at most one question per outcome still missing, so it always succeeds when every outcome has
 * a question and `count` leaves room for the labs plus one question per outcome the labs do not cover.
 */
export function drawProblems(bank: readonly Drawable[], count: number, strata: readonly string[]): string[] {
  const out: string[] = [];
  const labs = bank.filter((q) => q.type === 'lab');
  const byLabs = new Set(labs.flatMap((q) => q.outcomes ?? []));
  for (const code of new Set(strata)) {
    if (!bank.some((q) => q.type !== 'lab' && (q.outcomes ?? []).includes(code)) && !byLabs.has(code)) out.push(`outcome "${code}" is assessed but no question targets it, so no attempt can include it`);
  }
  const needed = [...new Set(strata)].filter((c) => !byLabs.has(c));
  if (labs.length > count) out.push(`draw is ${count} but the bank has ${labs.length} labs, which are in every attempt`);
  else if (labs.length + needed.length > count && count < bank.length) {
    out.push(`draw is ${count}, too few for one question per assessed outcome: ${labs.length} lab(s) + ${needed.length} outcome(s) not covered by labs (${needed.join(', ')}) need at least ${labs.length + needed.length}`);
  }
  return out;
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

/** Version of the draw algorithm, part of the fingerprint: a saved seed only means the same draw under it. */
const DRAW_VERSION = 's1';

/**
 * A short fingerprint of everything the draw depends on besides the seed: the algorithm, the question
 * ids in order, which are labs, their outcomes, the strata and the draw count. A saved attempt is only
 * valid for the same fingerprint (else the same seed could draw other questions).
 */
export function bankFingerprint(bank: readonly Drawable[], strata: readonly string[] = [], count = 0): string {
  let h = 0x811c9dc5;
  const mix = (s: string) => {
    for (let i = 0; i <= s.length; i++) h = Math.imul(h ^ (s.charCodeAt(i) || 124), 0x01000193) >>> 0;
  };
  mix(DRAW_VERSION);
  mix(String(count));
  for (const c of strata) mix(c);
  for (const q of bank) {
    mix(q.id);
    if (q.type === 'lab') mix('#lab');
    for (const c of q.outcomes ?? []) mix('@' + c);
  }
  return (h >>> 0).toString(36);
}
