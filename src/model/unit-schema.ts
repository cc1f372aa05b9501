import { z } from './zod.ts';
import { LocalizedTextSchema } from './text.ts';
import { OUTCOME_CODE, UNIT_ID, isAscii } from './ids.ts';

const asciiId = (rule: RegExp, what: string) =>
  z
    .string({ error: `missing ${what}` })
    .refine((s) => isAscii(s), `${what} must be ASCII (a–z, 0–9, "-"): LMSes store it`)
    .refine((s) => rule.test(s), `${what} must match ${rule.source}`);

/** An outcome a unit or lesson addresses, and whether it is assessed or only an opportunity. */
export const OutcomeRefSchema = z.object({
  /** @example "TH-G6-D-05" or "CSTA:1B-NI-05" */
  code: z.string().regex(OUTCOME_CODE, 'outcome codes are ASCII without spaces'),
  /** assessed: at least one question targets it; opportunity: touched but not assessed. */
  level: z.enum(['assessed', 'opportunity'], { error: 'level must be "assessed" or "opportunity"' }),
  /** Set to true to use an outcome of another grade on purpose (a review or a bridge); the build warns. */
  crossGrade: z.boolean({ error: 'crossGrade is true or left out' }).optional(),
});
export type OutcomeRef = z.output<typeof OutcomeRefSchema>;

/**
 * The short path of a unit: which lessons to teach in 1–2 periods and how.
 * @example { periods: 2, lessons: [01-internet-risks, 03-scam-messages], plan: { vi: "…", en: "…" } }
 */
export const ShortPathSchema = z.strictObject({
  /** Class periods the short path takes: 1 or 2. */
  periods: z.number({ error: 'shortPath.periods must be 1 or 2' }).int('shortPath.periods must be 1 or 2').min(1, 'shortPath.periods must be 1 or 2').max(2, 'shortPath.periods must be 1 or 2'),
  /** Lessons kept, by file slug without language (01-internet-risks) or lesson id (internet-risks). */
  lessons: z.array(z.string(), { error: 'shortPath.lessons lists lesson slugs, e.g. [01-internet-risks, 03-scam-messages]' }).min(1, 'shortPath.lessons must name at least one lesson'),
  /** What to do in those periods: activities kept, the assessment as homework, … */
  plan: LocalizedTextSchema,
});
export type ShortPath = z.output<typeof ShortPathSchema>;

/** Frontmatter of a unit's unit.mdx. */
export const UnitFrontmatterSchema = z.strictObject({
  /** Stable ASCII unit id; never change it once published. @example "g6-internet-safety" */
  id: asciiId(UNIT_ID, 'unit id'),
  /** Semantic version of the unit content. @example "1.0.0" */
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'version must look like 1.0.0'),
  /** School grade 3–12. */
  grade: z.number().int().min(3, 'grade must be 3–12').max(12, 'grade must be 3–12'),
  /** Programme strand A–G. */
  strand: z.string().regex(/^[A-G]$/, 'strand must be one letter A–G'),
  title: LocalizedTextSchema,
  summary: LocalizedTextSchema,
  /** The pass mark of the assessment, 0–100. @example 70 */
  masteryScore: z.number({ error: 'masteryScore must be a number 0–100' }).int().min(0, 'masteryScore must be between 0 and 100').max(100, 'masteryScore must be between 0 and 100'),
  /** What the LMS is told on failure: incomplete allows retries in Moodle, failed is final. */
  onFail: z.enum(['incomplete', 'failed']).default('incomplete'),
  /** Assessment attempts allowed; 0 = unlimited. */
  maxAttempts: z.number().int().min(0).max(20).default(3),
  outcomes: z.array(OutcomeRefSchema).min(1, 'a unit must address at least one outcome'),
  /** Unit ids a student should have done first. */
  prerequisites: z.array(z.string()).default([]),
  /** The unit in 1–2 periods, for schools that follow the textbook's time (optional for now). */
  shortPath: ShortPathSchema.optional(),
});
export type UnitFrontmatter = z.output<typeof UnitFrontmatterSchema>;
