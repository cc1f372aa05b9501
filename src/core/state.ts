import type { Question } from '../model/question-schema.ts';
import type { Answer } from './answers.ts';

/**
 * Everything needed to resume a learner where they left off. Serialised as one ASCII string that fits
 * SCORM 1.2's 4096-character cmi.suspend_data (the build proves the worst case fits, see worstCaseStateSize).
 */
export interface LearnerState {
  /** Page shown: 0..lessons-1 for lessons, lessons for the assessment. */
  position: number;
  /** Which lessons have been viewed. */
  viewed: boolean[];
  /** Number of the current assessment attempt (1-based). */
  attempt: number;
  /** Seed of the current attempt's draw. */
  seed: number;
  /** Fingerprint of the question bank the seed was drawn from. */
  bank: string;
  /** Whether the current attempt has been submitted. */
  submitted: boolean;
  /** Best score of all submitted attempts, 0–100, or null. */
  best: number | null;
  /** Answers of the current attempt, by question id. */
  answers: Map<string, Answer>;
  /**
   * When this state was last changed (whole seconds since 1970, the saving device's clock), 0 when unknown
   * (states saved before K2). Used by mergeStates() so a stale tab or device never erases newer progress.
   */
  savedAt: number;
}

/** Format version; bump when the layout changes, and keep reading the old one where possible. */
export const STATE_VERSION = 'K2';
/** The previous layout (no savedAt), still read. */
const STATE_VERSION_K1 = 'K1';
/** SCORM 1.2 cmi.suspend_data limit (CMIString4096). */
export const STATE_BUDGET = 4096;

const CODE: Record<Answer['type'], string> = { single: 's', multiple: 'm', truefalse: 't', matching: 'x', ordering: 'o', fillin: 'f', hotspot: 'h', lab: 'l' };
/** Longest lab summary kept in the state. */
export const LAB_DETAIL_MAX = 40;

function encodeAnswer(a: Answer): string {
  switch (a.type) {
    case 'single': return a.choice;
    case 'multiple': return a.choices.join('');
    case 'hotspot': return a.regions.join('');
    case 'truefalse': return a.value ? '1' : '0';
    case 'matching': return Object.keys(a.pairs).sort().map((s) => s + (a.pairs[s] ?? '')).join('');
    case 'ordering': return a.order.join('');
    case 'fillin': return encodeURIComponent(wellFormed(a.text));
    case 'lab': return `${Math.round(Math.max(0, Math.min(1, a.score)) * 100)}.${a.detail.replace(/[^A-Za-z0-9-]/g, '').slice(0, LAB_DETAIL_MAX)}`;
  }
}

function decodeAnswer(code: string, v: string): Answer | undefined {
  switch (code) {
    case 's': return v.length === 1 ? { type: 'single', choice: v } : undefined;
    case 'm': return { type: 'multiple', choices: v.split('') };
    case 'h': return /^[a-z0-9]*$/.test(v) ? { type: 'hotspot', regions: v.split('') } : undefined;
    case 't': return v === '1' || v === '0' ? { type: 'truefalse', value: v === '1' } : undefined;
    case 'x': {
      const pairs: Record<string, string> = {};
      for (let i = 0; i + 1 < v.length; i += 2) pairs[v[i] as string] = v[i + 1] as string;
      return { type: 'matching', pairs };
    }
    case 'o': return { type: 'ordering', order: v.split('') };
    case 'f': return { type: 'fillin', text: decodeURIComponent(v) };
    case 'l': {
      const m = /^(\d{1,3})\.([A-Za-z0-9-]*)$/.exec(v);
      return m ? { type: 'lab', score: Number(m[1]) / 100, detail: m[2] ?? '' } : undefined;
    }
  }
  return undefined;
}

/**
 * Replaces lone UTF-16 surrogates (a cut emoji, a script's junk) with U+FFFD so the text can always be
 * percent-encoded: encodeURIComponent throws "URI malformed" on a lone surrogate.
 */
export function wellFormed(text: string): string {
  // A scan rather than a regular expression: the browsers we support lack lookbehind (Safari 14) and
  // String.prototype.toWellFormed (Chrome 109), and a regex without lookbehind misses runs of lone surrogates.
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const n = text.charCodeAt(i + 1);
      if (n >= 0xdc00 && n <= 0xdfff) {
        out += text.slice(i, i + 2);
        i++;
      } else out += '\uFFFD';
    } else out += c >= 0xdc00 && c <= 0xdfff ? '\uFFFD' : text.charAt(i);
  }
  return out;
}

/** Cuts text to at most `max` UTF-16 units without splitting a character made of a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Serialises state to a compact ASCII string: `K2|position|viewed bits|attempt|seed|bank|submitted|best|savedAt|answers`. */
export function serializeState(s: LearnerState): string {
  const viewed = s.viewed.map((v) => (v ? '1' : '0')).join('');
  const answers = [...s.answers].map(([id, a]) => `${id}:${CODE[a.type]}${encodeAnswer(a)}`).join(';');
  return [STATE_VERSION, s.position, viewed, s.attempt, s.seed.toString(36), s.bank, s.submitted ? 1 : 0, s.best ?? '', Math.max(0, Math.floor(s.savedAt)).toString(36), answers].join('|');
}

/** Now, in the unit of LearnerState.savedAt. */
export function stateClock(now = Date.now()): number {
  return Math.floor(now / 1000);
}

/** How far a state has got: a later attempt, then a submitted attempt, then the later save. */
function progressKey(s: LearnerState): [number, number, number] {
  return [s.attempt, s.submitted ? 1 : 0, s.savedAt];
}

function compareProgress(a: LearnerState, b: LearnerState): number {
  const ka = progressKey(a), kb = progressKey(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return (ka[i] as number) - (kb[i] as number);
  return 0;
}

/**
 * Combines two copies of one learner's state (the LMS's and a local one, or two tabs'): the best score is
 * never downgraded, a lesson once viewed stays viewed, and the copy with more progress (later attempt,
 * then submitted, then later save) supplies the attempt, its draw and answers and the position.
 * Symmetric apart from exact ties, where `a` wins.
 */
export function mergeStates(a: LearnerState, b: LearnerState): LearnerState {
  const newer = compareProgress(a, b) >= 0 ? a : b;
  const n = Math.max(a.viewed.length, b.viewed.length);
  const best = a.best === null ? b.best : b.best === null ? a.best : Math.max(a.best, b.best);
  return {
    ...newer,
    viewed: Array.from({ length: n }, (_, i) => Boolean(a.viewed[i] || b.viewed[i])),
    best,
    answers: new Map(newer.answers),
    savedAt: Math.max(a.savedAt, b.savedAt),
  };
}

/** Why a saved state could not be used as it is. */
export type StateProblem = 'empty' | 'unknown-version' | 'corrupt';

/** Parses a saved state; returns a problem instead of throwing on bad input. */
export function parseState(text: string | null | undefined): { state: LearnerState } | { problem: StateProblem } {
  if (!text) return { problem: 'empty' };
  const parts = text.split('|');
  if (parts[0] === STATE_VERSION_K1 && parts.length === 9) parts.splice(8, 0, '0');
  else if (parts[0] !== STATE_VERSION) return { problem: 'unknown-version' };
  if (parts.length !== 10) return { problem: 'corrupt' };
  const [, pos, bits, attempt, seed, bank, submitted, best, savedAt, answersText] = parts as [string, string, string, string, string, string, string, string, string, string];
  try {
    if (!/^[01]*$/.test(bits)) return { problem: 'corrupt' };
    const answers = new Map<string, Answer>();
    for (const item of answersText ? answersText.split(';') : []) {
      const colon = item.indexOf(':');
      const a = decodeAnswer(item.charAt(colon + 1), item.slice(colon + 2));
      if (colon < 1 || !a) return { problem: 'corrupt' };
      answers.set(item.slice(0, colon), a);
    }
    const state: LearnerState = {
      position: toInt(pos), viewed: bits.split('').map((b) => b === '1'), attempt: toInt(attempt),
      seed: parseInt(seed, 36) >>> 0, bank, submitted: submitted === '1', best: best === '' ? null : toInt(best), answers,
      savedAt: /^[0-9a-z]{1,8}$/.test(savedAt) ? parseInt(savedAt, 36) : NaN,
    };
    if (!Number.isFinite(state.savedAt)) return { problem: 'corrupt' };
    if (state.attempt < 1 || (state.best !== null && (state.best < 0 || state.best > 100))) return { problem: 'corrupt' };
    return { state };
  } catch {
    return { problem: 'corrupt' };
  }
}

function toInt(s: string): number {
  if (!/^\d+$/.test(s)) throw new Error('not a number');
  return Number(s);
}

/** The longest answer a question can produce in the serialised state. */
function worstAnswerLength(q: Question): number {
  const idPart = q.id.length + 2; // "id:" + type code
  switch (q.type) {
    case 'single': case 'truefalse': return idPart + 1;
    case 'multiple': return idPart + q.choices.length;
    case 'hotspot': return idPart + q.regions.length;
    case 'matching': return idPart + 2 * q.sources.length;
    case 'ordering': return idPart + q.steps.length;
    // Each UTF-16 unit of typed text encodes to at most 9 characters (%XX%XX%XX for a 3-byte character).
    case 'fillin': return idPart + 9 * q.maxLength;
    case 'lab': return idPart + 4 + LAB_DETAIL_MAX;
  }
}

/** The largest state a unit can ever produce: every lesson viewed, the largest draw fully answered. */
export function worstCaseStateSize(unit: { lessons: unknown[]; maxAttempts: number; assessment: { draw: number; questions: Question[] } }): number {
  const n = unit.lessons.length;
  const viewed = '1'.repeat(n);
  const answers = unit.assessment.questions.map(worstAnswerLength).sort((a, b) => b - a).slice(0, unit.assessment.draw);
  const answersLen = answers.reduce((s, l) => s + l, 0) + Math.max(0, answers.length - 1);
  const fixed = [STATE_VERSION, String(n), viewed, String(Math.max(unit.maxAttempts, 9999)), (2 ** 32 - 1).toString(36), (2 ** 32 - 1).toString(36), '1', '100', (36 ** 8 - 1).toString(36)];
  return fixed.join('|').length + 1 + answersLen;
}
