import { z } from './zod.ts';
import { LocalizedTextSchema } from './text.ts';
import { OUTCOME_CODE } from './ids.ts';

/** One outcome (learning requirement or standard) of a framework. */
export const FrameworkOutcomeSchema = z.object({
  /** The code as the framework publishes it (or our project code for CT GDPT 2018). @example "TH-G6-D-05" */
  code: z.string().regex(OUTCOME_CODE, 'codes are ASCII without spaces'),
  vi: z.string().min(1, 'missing Vietnamese text (vi)'),
  en: z.string().min(1, 'missing English text (en)'),
  /** School grade (CT GDPT 2018 only). @example 6 */
  grade: z.number().int().min(1).max(12).optional(),
  /** Programme strand A–G (CT GDPT 2018 only). @example "D" */
  strand: z.string().regex(/^[A-G]$/).optional(),
  topic: LocalizedTextSchema.optional(),
  themes: z.array(z.string()).optional(),
  /** How sure we are of the wording. */
  status: z.string().optional(),
  verification: z.string().optional(),
}).loose();
export type FrameworkOutcome = z.output<typeof FrameworkOutcomeSchema>;

/** A framework file under curriculum/frameworks/. */
export const FrameworkSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]+$/),
  /** Prefix units write before a code, e.g. "CSTA:"; empty for the national programme. */
  prefix: z.string().default(''),
  name: LocalizedTextSchema,
  kind: z.string().optional(),
  source: z.string().optional(),
  strands: z.array(z.object({ code: z.string(), vi: z.string(), en: z.string() }).loose()).optional(),
  outcomes: z.array(FrameworkOutcomeSchema).min(1),
}).loose();
export type Framework = z.output<typeof FrameworkSchema>;
