/** What the learner achieved in the passwords lab; never the password itself. */
export interface PasswordProgress {
  /** Best strength score reached (0–4) for a passphrase, or -1. */
  best: number;
  /** Reuse question answered correctly. */
  reuse: boolean | null;
  /** Two-step verification set up without an unsafe step. */
  twoStep: 'done' | 'unsafe' | null;
}

/** The estimator score a passphrase must reach: 4, "very strong" (about 10^10 guesses or more). */
export const PASSPHRASE_GOAL = 4;

/** A third each: a very strong passphrase, the reuse question, a safe two-step setup. */
export function gradePassword(p: PasswordProgress): number {
  return ((p.best >= PASSPHRASE_GOAL ? 1 : 0) + (p.reuse ? 1 : 0) + (p.twoStep === 'done' ? 1 : 0)) / 3;
}

export function encodePassword(p: PasswordProgress): string {
  return `p${p.best < 0 ? 'x' : p.best}r${p.reuse === null ? 'x' : p.reuse ? 1 : 0}t${p.twoStep === null ? 'x' : p.twoStep === 'done' ? 1 : 0}`;
}

export function decodePassword(detail: string): PasswordProgress {
  const m = /^p([0-4x])r([01x])t([01x])$/.exec(detail);
  if (!m) return { best: -1, reuse: null, twoStep: null };
  return { best: m[1] === 'x' ? -1 : Number(m[1]), reuse: m[2] === 'x' ? null : m[2] === '1', twoStep: m[3] === 'x' ? null : m[3] === '1' ? 'done' : 'unsafe' };
}
