import { z } from './zod.ts';
import { LocalizedTextSchema } from './text.ts';
import { ITEM_ID, OUTCOME_CODE, isAscii } from './ids.ts';

/** One timed step of a class period in the teacher guide. */
export const ActivitySchema = z.object({
  minutes: z.number().int().positive(),
  title: LocalizedTextSchema,
  description: LocalizedTextSchema,
});

/** A printable set of cards for a class activity: a title and the text of each card. */
export const CardSetSchema = z.strictObject({
  title: LocalizedTextSchema,
  cards: z.array(LocalizedTextSchema).min(2, 'a card set has at least 2 cards').max(24, 'a card set has at most 24 cards (3 A4 pages)'),
});
export type CardSet = z.output<typeof CardSetSchema>;

/** The teacher guide for one class period. */
export const TeacherNotesSchema = z.object({
  preparation: LocalizedTextSchema,
  materials: z.array(LocalizedTextSchema).default([]),
  activities: z.array(ActivitySchema).min(1, 'list the timed activities of the period'),
  discussion: z.array(LocalizedTextSchema).default([]),
  misconceptions: z.array(LocalizedTextSchema).default([]),
  support: LocalizedTextSchema,
  challenge: LocalizedTextSchema,
  extension: LocalizedTextSchema,
  sources: z.array(z.string()).default([]),
  /** What students answer on the exit ticket (student wording), printed as cut-out slips. */
  exitTicket: LocalizedTextSchema.optional(),
  /** Card sets the period uses, printed as cut-out cards (one card per entry). */
  cards: z.array(CardSetSchema).optional(),
});
export type TeacherNotes = z.output<typeof TeacherNotesSchema>;

/** Frontmatter of a Vietnamese lesson file (NN-slug.vi.mdx): all lesson metadata. */
export const LessonFrontmatterSchema = z.strictObject({
  /** Stable ASCII lesson id. @example "accounts" */
  id: z
    .string({ error: 'missing lesson id' })
    .refine(isAscii, 'lesson id must be ASCII (a–z, 0–9, "-")')
    .refine((s) => ITEM_ID.test(s), `lesson id must match ${ITEM_ID.source}`),
  title: z.string({ error: 'missing Vietnamese title' }).min(1, 'missing Vietnamese title'),
  /** Length of the class period: 35 (primary) or 45 (secondary). */
  minutes: z.number().int().min(20).max(90),
  outcomes: z.array(z.string().regex(OUTCOME_CODE)).default([]),
  teacher: TeacherNotesSchema.optional(),
});
export type LessonFrontmatter = z.output<typeof LessonFrontmatterSchema>;

/** Frontmatter of an English lesson file (NN-slug.en.mdx). */
export const LessonEnFrontmatterSchema = z.strictObject({
  title: z.string({ error: 'missing English title' }).min(1, 'missing English title'),
});

/** Frontmatter of assessment.mdx. */
export const AssessmentFrontmatterSchema = z.strictObject({
  /** Questions drawn per attempt from the bank. */
  draw: z.number().int().min(1, 'draw must be at least 1'),
});
