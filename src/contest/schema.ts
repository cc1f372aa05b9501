import { z } from 'zod';

const Text = z.object({ vi: z.string().min(1), en: z.string().min(1) }, { error: 'needs vi: and en:' });

/** The three tiers of the contest: lower secondary, upper secondary, university. */
export const TIERS = ['thcs', 'thpt', 'dai-hoc'] as const;
export type Tier = (typeof TIERS)[number];

export const HintSchema = z.object({ cost: z.number().int().min(0), text: Text });

/** curriculum/challenges/<id>/challenge.yaml */
export const ChallengeSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'id: lower-case ASCII letters, digits and hyphens'),
  tier: z.enum(TIERS),
  category: Text,
  /** ASCII category for CTFd. */
  ctfdCategory: z.string().regex(/^[A-Za-z0-9 /-]+$/),
  value: z.number().int().min(10).max(1000),
  /** Extra points for an accepted fix (coding challenges only). */
  fixValue: z.number().int().min(0).default(0),
  author: z.string().min(1),
  title: Text,
  story: Text,
  task: Text,
  hints: z.array(HintSchema).min(1),
  outcomes: z.array(z.string().min(1)).min(1),
  tags: z.array(z.string()).default([]),
  solution: Text,
  fixNotes: Text.optional(),
});
export type ChallengeText = z.output<typeof ChallengeSchema>;

/** A contest unit: the challenges of one tier (or a chosen list), packaged like a lesson unit. */
export const ContestSchema = z.object({
  id: z.string().regex(/^contest-[a-z0-9-]+$/),
  version: z.string(),
  title: Text,
  summary: Text,
  /** Percentage of the maximum score that counts as passed. */
  masteryScore: z.number().int().min(0).max(100),
  /** School grade the contest suits (package metadata: typical ages); 12 for university entrants. */
  grade: z.number().int().min(6).max(12),
  challenges: z.array(z.string()).min(1),
});
export type ContestDef = z.output<typeof ContestSchema>;

/** Everything one contest page needs at run time (no reference fixes, no solutions). */
export interface RuntimeContest {
  id: string;
  version: string;
  title: { vi: string; en: string };
  masteryScore: number;
  /** Seed of the flags (the organiser sets their own with KHIENSO_CONTEST_SEED). */
  seed: string;
  /** CTFd export: every player is this one (one static flag per challenge), no team code asked. */
  fixedPlayer?: string;
  /** An offline page (may be opened from file://, where fetch is refused): the SQLite engine comes as a script. */
  offline?: true;
  challenges: RuntimeChallenge[];
  rules: { vi: string; en: string };
}

export interface RuntimeChallenge {
  id: string;
  tier: Tier;
  title: { vi: string; en: string };
  category: { vi: string; en: string };
  story: { vi: string; en: string };
  task: { vi: string; en: string };
  value: number;
  fixValue: number;
  hints: { cost: number; text: { vi: string; en: string } }[];
  outcomes: string[];
  /** The vulnerable code to fix, when this is a coding challenge. */
  fix?: { fn: string; vulnerable: string };
  /** The first address the simulated browser opens (known before the challenge's code is loaded). */
  start: string;
  /** The challenge needs the SQLite engine (loaded with its code, not before). */
  usesSql: boolean;
}
