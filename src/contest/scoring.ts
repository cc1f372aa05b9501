import type { Question } from '../model/question-schema.ts';
import type { RuntimeUnit } from '../runtime/runtime-unit.ts';
import type { UnitOutcome } from '../runtime/tracker.ts';
import type { RuntimeChallenge, RuntimeContest } from './schema.ts';

/** What a player has done in a contest (saved as the learner state). */
export interface ContestProgress {
  /** The player (learner id from the LMS, or the team code typed in standalone mode). */
  player: string;
  /** Challenge ids whose flag was accepted. */
  solved: string[];
  /** Challenge ids whose fix was accepted. */
  fixed: string[];
  /** Hints opened per challenge id (hints open in order). */
  hints: Record<string, number>;
}

export const emptyProgress = (player: string): ContestProgress => ({ player, solved: [], fixed: [], hints: {} });

export function serializeProgress(p: ContestProgress): string {
  return JSON.stringify({ k: 'ks-contest-1', p: p.player, s: p.solved, f: p.fixed, h: p.hints });
}

/** Reads a saved state; null when it is not a contest state (then the player starts fresh). */
export function parseProgress(raw: string | null): ContestProgress | null {
  if (!raw) return null;
  try {
    const o = JSON.parse(raw) as { k?: string; p?: unknown; s?: unknown; f?: unknown; h?: unknown };
    if (o.k !== 'ks-contest-1' || typeof o.p !== 'string') return null;
    const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    const hints: Record<string, number> = {};
    if (o.h && typeof o.h === 'object') for (const [k, v] of Object.entries(o.h)) if (typeof v === 'number' && v >= 0) hints[k] = Math.floor(v);
    return { player: o.p, solved: ids(o.s), fixed: ids(o.f), hints };
  } catch {
    return null;
  }
}

/** Points a challenge is worth now: its value minus the hints opened for it (never below zero). */
export function challengePoints(c: RuntimeChallenge, p: ContestProgress): number {
  const cost = c.hints.slice(0, p.hints[c.id] ?? 0).reduce((s, h) => s + h.cost, 0);
  return Math.max(0, c.value - cost);
}

/**
 * The score: each solved challenge earns its value minus the cost of the hints opened for it, and each
 * accepted fix earns the challenge's fix value. Hints opened on a challenge never solved cost nothing, so
 * the score only ever grows — what LMSes that keep the best score (Moodle) record is the true score.
 */
export function contestScore(contest: RuntimeContest, p: ContestProgress): { points: number; max: number; percent: number } {
  let points = 0;
  let max = 0;
  for (const c of contest.challenges) {
    max += c.value + c.fixValue;
    if (p.solved.includes(c.id)) points += challengePoints(c, p);
    if (p.fixed.includes(c.id)) points += c.fixValue;
  }
  return { points, max, percent: max ? Math.round((100 * points) / max) : 0 };
}

/** The standing reported to the LMS through the Tracker. */
export function contestOutcome(contest: RuntimeContest, p: ContestProgress): UnitOutcome {
  const { percent } = contestScore(contest, p);
  const started = p.solved.length + p.fixed.length > 0;
  const passed = percent >= contest.masteryScore;
  const codes = [...new Set(contest.challenges.flatMap((c) => c.outcomes))];
  return {
    completed: passed || p.solved.length === contest.challenges.length,
    success: !started ? 'unknown' : passed ? 'passed' : 'failed',
    final: false,
    score: started ? percent : null,
    objectives: started ? codes.map((code) => {
      const cs = contest.challenges.filter((c) => c.outcomes.includes(code));
      const max = cs.reduce((s, c) => s + c.value + c.fixValue, 0);
      const got = cs.reduce((s, c) => s + (p.solved.includes(c.id) ? challengePoints(c, p) : 0) + (p.fixed.includes(c.id) ? c.fixValue : 0), 0);
      const score = max ? Math.round((100 * got) / max) : 0;
      return { code, score, passed: score >= contest.masteryScore };
    }) : [],
  };
}

/** A challenge (or its fix) as a graded interaction, so each adapter records it in its own format. */
export function challengeQuestion(c: RuntimeChallenge, part: 'flag' | 'fix', weight: number): Question {
  return {
    type: 'lab', id: part === 'flag' ? c.id : `${c.id}-fix`, weight, outcomes: c.outcomes,
    prompt: part === 'flag' ? c.title : { vi: `${c.title.vi} (sửa lỗi)`, en: `${c.title.en} (fix)` },
    // Contest challenges are labs graded by the contest page; the lab-kind extension names them "contest".
    kind: 'contest',
  } as unknown as Question;
}

/** The contest as the runtime unit the Tracker adapters (SCORM, xAPI, cmi5) expect: no lessons, one
 * interaction per challenge and per fix. */
export function contestRuntimeUnit(contest: RuntimeContest): RuntimeUnit {
  const codes = [...new Set(contest.challenges.flatMap((c) => c.outcomes))];
  return {
    id: contest.id, version: contest.version, title: contest.title, masteryScore: contest.masteryScore, onFail: 'incomplete', maxAttempts: 0,
    lessons: [], draw: 0,
    bank: contest.challenges.flatMap((c) => [challengeQuestion(c, 'flag', c.value), ...(c.fixValue ? [challengeQuestion(c, 'fix', c.fixValue)] : [])]),
    outcomes: codes.map((code) => ({ code, level: 'assessed' as const })),
  };
}
