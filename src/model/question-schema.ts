import { z } from './zod.ts';
import { LocalizedTextSchema, type LocalizedText } from './text.ts';
import { ITEM_ID, OPTION_ID, OUTCOME_CODE, isAscii } from './ids.ts';

const questionId = z
  .string({ error: 'missing question id: add id="…" (ASCII, stable)' })
  .refine(isAscii, 'question id must be ASCII (a–z, 0–9, "-"): LMSes store it as the interaction id')
  .refine((s) => ITEM_ID.test(s), `question id must match ${ITEM_ID.source}`);
const optionId = z
  .string({ error: 'missing id' })
  .refine((s) => OPTION_ID.test(s), 'option ids are one character a–z or 0–9 (the SCORM 1.2 response format)');

/** A choice, source, target or step: an id and its text. */
export const OptionSchema = z.object({ id: optionId, text: LocalizedTextSchema });
export type Option = z.output<typeof OptionSchema>;
/** A choice with the feedback shown when the learner picks it. */
export const ChoiceSchema = OptionSchema.extend({ feedback: LocalizedTextSchema });
export type Choice = z.output<typeof ChoiceSchema>;

/** A matching target; `distractor` marks a deliberate wrong option that no source is paired with. */
export const TargetSchema = OptionSchema.extend({ distractor: z.boolean().optional() });
export type Target = z.output<typeof TargetSchema>;

/** Feedback on the whole answer, for question types without per-choice feedback. */
export const OutcomeFeedbackSchema = z.object({
  correct: LocalizedTextSchema,
  incorrect: LocalizedTextSchema,
  partial: LocalizedTextSchema.optional(),
}, { error: 'add <Feedback on="correct" …/> and <Feedback on="incorrect" …/>' });

const base = {
  id: questionId,
  /** Relative weight in the unit score. @example 2 */
  weight: z.number({ error: 'weight must be a number' }).positive('weight must be greater than 0').max(10).default(1),
  /** Outcome codes this question assesses. @example ["TH-G6-D-05"] */
  outcomes: z.array(z.string().regex(OUTCOME_CODE, 'outcome codes are ASCII without spaces'), { error: 'link the question to at least one outcome: outcomes="TH-…"' }).min(1, 'link the question to at least one outcome: outcomes="TH-…"'),
  prompt: LocalizedTextSchema.optional().refine((p) => p !== undefined, 'add <Prompt vi="…" en="…"/>').transform((p) => p as LocalizedText),
};
const noCorrect = 'question has no correct answer: add correct="…"';

/**
 * A picture per language: rendered HTML of a mock-up. On a hotspot `data-region="…"` marks each region; on a
 * choice or true/false question it shows what the learner meets (the message, page or call the question is about).
 */
const pictureMissing = (lang: 'vi' | 'en') => `add <Picture lang="${lang}">…</Picture> with the mock-up (a hotspot marks its regions on it)`;
export const PictureSchema = z.object({
  vi: z.string({ error: pictureMissing('vi') }).min(1, pictureMissing('vi')),
  en: z.string({ error: pictureMissing('en') }).min(1, pictureMissing('en')),
}, { error: `${pictureMissing('vi')} and <Picture lang="en">` });
/** What a choice or true/false question shows above its options: the message, page or call it asks about. */
const shown = { picture: PictureSchema.optional() };
/** kind="scenario": a decision in a described situation (what to do next), a performing item (docs/authoring.md). */
const scenarioKind = { kind: z.literal('scenario', { error: 'kind on a choice question can only be "scenario" (a decision in a described situation)' }).optional() };

export const SingleChoiceSchema = z.object({
  type: z.literal('single'), ...base, ...scenarioKind, ...shown,
  choices: z.array(ChoiceSchema, { error: 'add <Choice id="a" vi="…" en="…" feedbackVi="…" feedbackEn="…"/> elements' }).min(2, 'a single-choice question needs at least 2 <Choice>'),
  correct: z.array(z.string(), { error: noCorrect + ' naming one choice id' }).min(1, noCorrect + ' naming one choice id').max(1, 'single choice: correct names exactly one choice (use MultipleResponse for several)'),
});
export const MultipleResponseSchema = z.object({
  type: z.literal('multiple'), ...base, ...scenarioKind, ...shown,
  choices: z.array(ChoiceSchema, { error: 'add <Choice id="a" vi="…" en="…" feedbackVi="…" feedbackEn="…"/> elements' }).min(3, 'a multiple-response question needs at least 3 <Choice>'),
  correct: z.array(z.string(), { error: noCorrect + ' naming the right choice ids' }).min(1, noCorrect + ' naming the right choice ids'),
});
export const TrueFalseSchema = z.object({
  type: z.literal('truefalse'), ...base, ...shown,
  correct: z.boolean({ error: noCorrect + ' ("true" or "false")' }),
  feedback: z.object({ true: LocalizedTextSchema, false: LocalizedTextSchema }, { error: 'add <Feedback on="true" …/> and <Feedback on="false" …/>' }),
});
export const MatchingSchema = z.object({
  type: z.literal('matching'), ...base,
  sources: z.array(OptionSchema, { error: 'add <Source> elements' }).min(2, 'a matching question needs at least 2 <Source>'),
  targets: z.array(TargetSchema, { error: 'add <Target> elements' }).min(2, 'a matching question needs at least 2 <Target>'),
  correct: z.array(z.tuple([z.string(), z.string()]), { error: noCorrect + ' as source:target pairs' }).min(1, noCorrect + ' as source:target pairs, e.g. correct="1:a 2:b"'),
  feedback: OutcomeFeedbackSchema,
});
export const OrderingSchema = z.object({
  type: z.literal('ordering'), ...base,
  steps: z.array(OptionSchema, { error: 'add <Step> elements' }).min(3, 'an ordering question needs at least 3 <Step>'),
  correct: z.array(z.string(), { error: noCorrect + ' listing the step ids in the right order' }).min(1, noCorrect + ' listing the step ids in the right order'),
  feedback: OutcomeFeedbackSchema,
});
/** One accepted answer of a fill-in question, per language (or the same for both). */
export const AcceptSchema = z.object({ vi: z.string().min(1).optional(), en: z.string().min(1).optional() })
  .refine((a) => a.vi !== undefined || a.en !== undefined, '<Accept> needs vi="…", en="…" or value="…"');
export const FillInSchema = z.object({
  type: z.literal('fillin'), ...base,
  accept: z.array(AcceptSchema, { error: 'question has no correct answer: add at least one <Accept vi="…" en="…"/>' }).min(1, 'question has no correct answer: add at least one <Accept vi="…" en="…"/>'),
  ignoreCase: z.boolean().default(true),
  ignoreDiacritics: z.boolean().default(false),
  /** Longest answer a learner may type; bounds the saved state. */
  maxLength: z.number().int().min(1).max(80).default(30),
  feedback: OutcomeFeedbackSchema,
});

/**
 * A region of a hotspot picture: its id (one character, like a choice: the SCORM 1.2 choice response), its
 * label (the accessible name of the region, read by screen readers and listed in keys and reports) and the
 * feedback shown for it after submission.
 */
export const RegionSchema = z.object({
  id: optionId,
  text: LocalizedTextSchema.optional().refine((t) => t !== undefined, 'missing region label: add vi="…" en="…" (what the region shows, read aloud by screen readers)').transform((t) => t as LocalizedText),
  feedback: LocalizedTextSchema,
});
export type Region = z.output<typeof RegionSchema>;
/** "Click the signs of a scam": toggle regions of a mock-up; scored like multiple response (docs/authoring.md). */
export const HotspotSchema = z.object({
  type: z.literal('hotspot'), ...base,
  regions: z.array(RegionSchema, { error: 'add <Region id="a" vi="…" en="…" feedbackVi="…" feedbackEn="…"/> elements' }).min(3, 'a hotspot question needs at least 3 <Region> (signs and regions that are fine)'),
  correct: z.array(z.string(), { error: 'hotspot has no correct region: mark the signs with <Region … correct>' }).min(1, 'hotspot has no correct region: mark the signs with <Region … correct>'),
  picture: PictureSchema,
});

/** The interactive labs (src/labs/<kind>/): each grades itself and reports a 0–1 score. */
export const LAB_KINDS = ['inbox', 'password', 'links', 'scenario', 'sql'] as const;
/** An interactive lab, graded like a question and always part of every attempt. */
export const LabSchema = z.object({
  type: z.literal('lab'), ...base,
  kind: z.enum(LAB_KINDS, { error: `kind must be one of ${LAB_KINDS.join(', ')}` }),
});

/** A graded question: a discriminated union on `type`. */
export const QuestionSchema = z.discriminatedUnion('type', [
  SingleChoiceSchema, MultipleResponseSchema, TrueFalseSchema, MatchingSchema, OrderingSchema, FillInSchema, HotspotSchema, LabSchema,
]);
export type Question = z.output<typeof QuestionSchema>;
export type QuestionType = Question['type'];
export type SingleChoice = z.output<typeof SingleChoiceSchema>;
export type MultipleResponse = z.output<typeof MultipleResponseSchema>;
export type TrueFalse = z.output<typeof TrueFalseSchema>;
export type Matching = z.output<typeof MatchingSchema>;
export type Ordering = z.output<typeof OrderingSchema>;
export type FillIn = z.output<typeof FillInSchema>;
export type Hotspot = z.output<typeof HotspotSchema>;
export type Lab = z.output<typeof LabSchema>;
export type LabKind = Lab['kind'];

/** MDX component name → question type. */
export const QUESTION_COMPONENTS: Record<string, QuestionType> = {
  SingleChoice: 'single',
  MultipleResponse: 'multiple',
  TrueFalse: 'truefalse',
  Matching: 'matching',
  Ordering: 'ordering',
  FillIn: 'fillin',
  Hotspot: 'hotspot',
  Lab: 'lab',
};
