import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { COMMON_PASSWORDS, VIETNAMESE_WORDS } from './dictionary.ts';

let factory: ZxcvbnFactory | null = null;

/**
 * Estimates how hard a password is to guess, with zxcvbn (a well-kept estimator) and our dictionaries.
 * Runs only in this page: nothing typed is stored or sent. Score 0–4; `guessesLog10` for the explanation.
 */
export function estimate(password: string, userInputs: string[] = []): { score: number; guessesLog10: number } {
  factory ??= new ZxcvbnFactory({ dictionary: { common: COMMON_PASSWORDS, vietnamese: VIETNAMESE_WORDS } });
  const r = factory.check(password, userInputs);
  return { score: r.score, guessesLog10: r.guessesLog10 };
}
