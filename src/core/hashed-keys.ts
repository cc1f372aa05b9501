import type { FillIn, Hotspot, Lab, Matching, MultipleResponse, Ordering, Question, SingleChoice, TrueFalse } from '../model/question-schema.ts';
import type { Lang, LocalizedText } from '../model/text.ts';
import { normalizeAnswer } from './normalize.ts';
import { createRandom, shuffled } from './random.ts';
import { sha256Bytes, sha256Hex, utf8 } from './sha256.ts';

/**
 * Keys not in plain sight (issue 12). The page JSON of a unit carries, instead of each question's key:
 * - a salted SHA-256 (first 64 bits, hex) of each right answer: the key choice (single), each choice with
 *   its right/wrong bit (multiple; each region of a hotspot the same way), the true/false value, each source.target pair, each position:step, and
 *   every accepted fill-in variant after the question's normalisation;
 * - options, targets and steps in a seeded order (authored order often is the key order);
 * - feedback texts and the fill-in answer shown in review, character-substituted (spaces and punctuation
 *   too) with a table per text, so that "Đúng." / "Correct." cannot be read in the page source.
 * The salt is derived from the unit id, version and bank, so builds stay byte-for-byte reproducible while
 * each unit (and each new version) has its own. Scoring reveals a key only by hashing the candidates the
 * question itself lists, so it gives exactly the plain-key scores (tests/unit/hashed-keys.test.ts).
 * This stops copying keys from the page source; it does not stop a learner with devtools from testing
 * candidates (docs/teacher-guide-keys.md).
 */

type Hashed<Q, K> = Omit<Q, 'correct' | 'accept'> & { /** salt */ hs: string; /** hashed key */ hk: K };
export type HashedSingle = Hashed<SingleChoice, string>;
export type HashedMultiple = Hashed<MultipleResponse, Record<string, string>>;
export type HashedTrueFalse = Hashed<TrueFalse, string>;
export type HashedMatching = Hashed<Matching, [string, string][]>;
export type HashedOrdering = Hashed<Ordering, string[]>;
export type HashedHotspot = Hashed<Hotspot, Record<string, string>>;
export type HashedFillIn = Hashed<FillIn, string[]> & { /** One accepted answer per language, letter-substituted, shown in review. */ show: LocalizedText };
export type HashedQuestion = HashedSingle | HashedMultiple | HashedTrueFalse | HashedMatching | HashedOrdering | HashedFillIn | HashedHotspot;
/** A question as the player holds it: hashed in built pages; plain questions (labs, tests) work the same. */
export type RuntimeQuestion = HashedQuestion | Question;

export function isHashed(q: RuntimeQuestion): q is HashedQuestion {
  return 'hk' in q;
}

/** The salted hash of one candidate answer of one question. */
export function keyHash(salt: string, questionId: string, value: string): string {
  return sha256Hex(`${salt}\u001f${questionId}\u001f${value}`).slice(0, 16);
}

/** The salt of a unit build: from the unit id, its version and its bank (reproducible, per unit/version). */
export function bankSalt(unitId: string, version: string, questions: readonly Question[]): string {
  return sha256Hex(`khienso-keys\u001f${unitId}\u001f${version}\u001f${JSON.stringify(questions)}`).slice(0, 16);
}

// ---- Letter substitution for texts that would give the key away (feedback, the review answer) ----

/** Printable ASCII, spaces and punctuation included, so word lengths and "Đúng." shapes do not show. */
const RANGES: [number, number][] = [[0x20, 0x7e]];
/** Classes of code points that are permuted among themselves (same UTF-8 length, so sizes do not change). */
const CLASSES: number[][] = [
  RANGES.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i)),
  Array.from({ length: 0x250 - 0xc0 }, (_, i) => 0xc0 + i),
  Array.from({ length: 0x100 }, (_, i) => 0x1e00 + i),
];
const tables = new Map<string, { enc: Map<number, number>; dec: Map<number, number> }>();
function table(salt: string, questionId: string, slot: string) {
  const k = `${salt}\u001f${questionId}\u001f${slot}`;
  let t = tables.get(k);
  if (!t) {
    const d = sha256Bytes(utf8(`${k}\u001ftext`));
    const random = createRandom(((d[0] ?? 0) << 24 | (d[1] ?? 0) << 16 | (d[2] ?? 0) << 8 | (d[3] ?? 0)) >>> 0);
    t = { enc: new Map(), dec: new Map() };
    for (const cls of CLASSES) {
      const perm = shuffled(cls, random);
      cls.forEach((c, i) => {
        t?.enc.set(c, perm[i] as number);
        t?.dec.set(perm[i] as number, c);
      });
    }
    tables.set(k, t);
  }
  return t;
}
const mapText = (s: string, m: Map<number, number>) => {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    out += String.fromCodePoint(m.get(c) ?? c);
  }
  return out;
};
/**
 * Character-substitutes a text for the page, with its own table per question and slot (which text of the
 * question): not encryption, it only keeps the text unreadable as page source.
 */
export const encodeText = (salt: string, questionId: string, slot: string, s: string) => mapText(s, table(salt, questionId, slot).enc);
export const decodeText = (salt: string, questionId: string, slot: string, s: string) => mapText(s, table(salt, questionId, slot).dec);
const encL = (salt: string, id: string, slot: string, t: LocalizedText): LocalizedText => ({ vi: encodeText(salt, id, `${slot}:vi`, t.vi), en: encodeText(salt, id, `${slot}:en`, t.en) });
const decL = (salt: string, id: string, slot: string, t: LocalizedText): LocalizedText => ({ vi: decodeText(salt, id, `${slot}:vi`, t.vi), en: decodeText(salt, id, `${slot}:en`, t.en) });

/** Mixes an order with the salt, so the page does not list options or steps in the authored (key) order. */
function seeded<T>(salt: string, questionId: string, what: string, items: readonly T[]): T[] {
  const d = sha256Bytes(utf8(`${salt}\u001f${questionId}\u001f${what}`));
  return shuffled(items, createRandom(((d[0] ?? 0) << 24 | (d[1] ?? 0) << 16 | (d[2] ?? 0) << 8 | (d[3] ?? 0)) >>> 0));
}

/** Normalised accepted variants of a fill-in question (what a typed answer is compared with). */
export function fillinVariants(q: FillIn): string[] {
  const opts = { ignoreCase: q.ignoreCase, ignoreDiacritics: q.ignoreDiacritics };
  return [...new Set(q.accept.flatMap((a) => [a.vi, a.en]).filter((v): v is string => v !== undefined).map((v) => normalizeAnswer(v, opts)))];
}

/** The page form of a question (labs stay as they are: they grade themselves). */
export function hashQuestion(q: Question, salt: string): RuntimeQuestion {
  const H = (v: string) => keyHash(salt, q.id, v);
  const fb = <T extends { id: string; feedback: LocalizedText }>(c: T): T => ({ ...c, feedback: encL(salt, q.id, `c.${c.id}`, c.feedback) });
  const outcomeFb = (f: Matching['feedback']) => ({ correct: encL(salt, q.id, 'correct', f.correct), incorrect: encL(salt, q.id, 'incorrect', f.incorrect), ...(f.partial ? { partial: encL(salt, q.id, 'partial', f.partial) } : {}) });
  switch (q.type) {
    case 'single': {
      const { correct, ...rest } = q;
      return { ...rest, choices: seeded(salt, q.id, 'choices', q.choices).map(fb), hs: salt, hk: H(correct[0] ?? '') };
    }
    case 'multiple': {
      const { correct, ...rest } = q;
      const choices = seeded(salt, q.id, 'choices', q.choices);
      return { ...rest, choices: choices.map(fb), hs: salt, hk: Object.fromEntries(choices.map((c) => [c.id, H(`${c.id}:${correct.includes(c.id) ? 1 : 0}`)])) };
    }
    case 'hotspot': {
      const { correct, ...rest } = q;
      const regions = seeded(salt, q.id, 'regions', q.regions);
      return { ...rest, regions: regions.map(fb), hs: salt, hk: Object.fromEntries(regions.map((r) => [r.id, H(`${r.id}:${correct.includes(r.id) ? 1 : 0}`)])) };
    }
    case 'truefalse': {
      const { correct, ...rest } = q;
      return { ...rest, feedback: { true: encL(salt, q.id, 'true', q.feedback.true), false: encL(salt, q.id, 'false', q.feedback.false) }, hs: salt, hk: H(String(correct)) };
    }
    case 'matching': {
      const { correct, ...rest } = q;
      return { ...rest, targets: seeded(salt, q.id, 'targets', q.targets), feedback: outcomeFb(q.feedback), hs: salt, hk: correct.map(([s, t]) => [s, H(`${s}.${t}`)] as [string, string]) };
    }
    case 'ordering': {
      const { correct, ...rest } = q;
      return { ...rest, steps: seeded(salt, q.id, 'steps', q.steps), feedback: outcomeFb(q.feedback), hs: salt, hk: correct.map((id, i) => H(`${i}:${id}`)) };
    }
    case 'fillin': {
      const { accept, ...rest } = q;
      const first = accept[0] ?? {};
      const show = { vi: first.vi ?? first.en ?? '', en: first.en ?? first.vi ?? '' };
      return { ...rest, feedback: outcomeFb(q.feedback), hs: salt, hk: fillinVariants(q).map(H).sort(), show: encL(salt, q.id, 'show', show) };
    }
    case 'lab':
      return q;
  }
}

/** Whether a typed answer matches a hashed fill-in question: undefined when it is empty once normalised. */
export function fillinMatches(q: HashedFillIn, text: string): boolean | undefined {
  const typed = normalizeAnswer(text, { ignoreCase: q.ignoreCase, ignoreDiacritics: q.ignoreDiacritics });
  if (!typed) return undefined;
  return q.hk.includes(keyHash(q.hs, q.id, typed));
}

const plainCache = new WeakMap<object, Question>();
/**
 * The plain question back, found by hashing the candidates the question lists (choices, values, pairs,
 * steps) and decoding its texts: for scoring, for the LMS's correct-response patterns, and for the review
 * after the last attempt. A fill-in question gets the one answer per language kept for review as `accept`
 * (its other accepted variants stay hashed; fillinMatches() grades against all of them).
 */
export function plainQuestion(q: RuntimeQuestion): Question {
  if (!isHashed(q)) return q;
  const cached = plainCache.get(q);
  if (cached) return cached;
  const { hs: salt, hk: _hk, ...rest } = q;
  const H = (v: string) => keyHash(salt, q.id, v);
  const dec = (slot: string, t: LocalizedText) => decL(salt, q.id, slot, t);
  const outcomeFb = (f: Matching['feedback']) => ({ correct: dec('correct', f.correct), incorrect: dec('incorrect', f.incorrect), ...(f.partial ? { partial: dec('partial', f.partial) } : {}) });
  let out: Question;
  switch (q.type) {
    case 'single':
      out = { ...(rest as Omit<HashedSingle, 'hs' | 'hk'>), choices: q.choices.map((c) => ({ ...c, feedback: dec(`c.${c.id}`, c.feedback) })), correct: q.choices.filter((c) => H(c.id) === q.hk).map((c) => c.id).slice(0, 1) };
      break;
    case 'multiple':
      out = { ...(rest as Omit<HashedMultiple, 'hs' | 'hk'>), choices: q.choices.map((c) => ({ ...c, feedback: dec(`c.${c.id}`, c.feedback) })), correct: q.choices.filter((c) => q.hk[c.id] === H(`${c.id}:1`)).map((c) => c.id).sort() };
      break;
    case 'hotspot':
      out = { ...(rest as Omit<HashedHotspot, 'hs' | 'hk'>), regions: q.regions.map((r) => ({ ...r, feedback: dec(`c.${r.id}`, r.feedback) })), correct: q.regions.filter((r) => q.hk[r.id] === H(`${r.id}:1`)).map((r) => r.id).sort() };
      break;
    case 'truefalse':
      out = { ...(rest as Omit<HashedTrueFalse, 'hs' | 'hk'>), feedback: { true: dec('true', q.feedback.true), false: dec('false', q.feedback.false) }, correct: H('true') === q.hk };
      break;
    case 'matching':
      out = { ...(rest as Omit<HashedMatching, 'hs' | 'hk'>), feedback: outcomeFb(q.feedback), correct: q.hk.map(([s, h]) => [s, q.targets.find((t) => H(`${s}.${t.id}`) === h)?.id ?? ''] as [string, string]) };
      break;
    case 'ordering':
      out = { ...(rest as Omit<HashedOrdering, 'hs' | 'hk'>), feedback: outcomeFb(q.feedback), correct: q.hk.map((h, i) => q.steps.find((s) => H(`${i}:${s.id}`) === h)?.id ?? '') };
      break;
    case 'fillin': {
      const { show, ...fill } = rest as Omit<HashedFillIn, 'hs' | 'hk'>;
      const shown = dec('show', show);
      out = { ...fill, feedback: outcomeFb(q.feedback), accept: [{ vi: shown.vi, en: shown.en }] };
      break;
    }
  }
  plainCache.set(q, out);
  return out;
}

/** The page form of a whole bank. */
export function hashBank(questions: readonly Question[], salt: string): RuntimeQuestion[] {
  return questions.map((q) => hashQuestion(q, salt));
}

/**
 * Question ids in the page. An id often names its answer (`fill-hotline-111`, `fill-passphrase`) and cannot
 * change, since the LMS files its interaction records under it. So the page JSON carries each hashed
 * question's id letter-substituted like its feedback (one table per unit build), and the player decodes the
 * ids once, as it reads the page (pageBank/readBank): everything after that, and the LMS, sees the real ids.
 */
const ID_SLOT = 'question-id';
export function pageBank(bank: readonly RuntimeQuestion[]): RuntimeQuestion[] {
  return bank.map((q) => (isHashed(q) ? { ...q, id: encodeText(q.hs, '', ID_SLOT, q.id) } : q));
}
export function readBank(bank: readonly RuntimeQuestion[]): RuntimeQuestion[] {
  return bank.map((q) => (isHashed(q) ? { ...q, id: decodeText(q.hs, '', ID_SLOT, q.id) } : q));
}

export type { Lab };
