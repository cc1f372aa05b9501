import { CLUES, MESSAGES, type Clue } from './data.ts';

/** A learner's verdict on one message: unanswered, real, or scam with the clues they marked. */
export type Verdict = { kind: 'none' } | { kind: 'real' } | { kind: 'scam'; clues: Clue[] };

/**
 * Scores the inbox: 1 point per message classified right; a scam earns up to 1 more point for its clues
 * (a quarter per clue marked or left correctly). Returns 0–1.
 */
export function gradeInbox(verdicts: Verdict[]): number {
  let earned = 0;
  let total = 0;
  MESSAGES.forEach((m, i) => {
    const v = verdicts[i] ?? { kind: 'none' };
    total += m.scam ? 2 : 1;
    if (m.scam && v.kind === 'scam') {
      earned += 1;
      earned += CLUES.filter((c) => m.clues.includes(c) === v.clues.includes(c)).length / CLUES.length;
    } else if (!m.scam && v.kind === 'real') earned += 1;
  });
  return earned / total;
}

/** Compact summary for the learner state: one character per message ('-', 'r', or a hex clue mask for scam). */
export function encodeVerdicts(verdicts: Verdict[]): string {
  return MESSAGES.map((_, i) => {
    const v = verdicts[i] ?? { kind: 'none' };
    if (v.kind === 'none') return '-';
    if (v.kind === 'real') return 'r';
    return CLUES.reduce((mask, c, b) => (v.clues.includes(c) ? mask | (1 << b) : mask), 0).toString(16);
  }).join('');
}

export function decodeVerdicts(detail: string): Verdict[] {
  return MESSAGES.map((_, i) => {
    const ch = detail[i] ?? '-';
    if (ch === 'r') return { kind: 'real' };
    const mask = parseInt(ch, 16);
    if (Number.isNaN(mask)) return { kind: 'none' };
    return { kind: 'scam', clues: CLUES.filter((_, b) => mask & (1 << b)) };
  });
}
