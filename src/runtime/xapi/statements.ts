import type { Activity, Actor, Context, InteractionActivityDefinition, Result, Statement } from '@xapi/xapi';
import { iris } from '../../core/iris.ts';
import type { Question } from '../../model/question-schema.ts';
import type { Lang } from '../../model/text.ts';
import { SCORM2004_SPELLING as S, duration2004, formatCorrect, formatResponse } from '../adapters/scorm-format.ts';
import type { RuntimeUnit } from '../runtime-unit.ts';
import type { InteractionRecord } from '../tracker.ts';

/** ADL verbs (xAPI vocabulary). */
export const VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  experienced: 'http://adlnet.gov/expapi/verbs/experienced',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  progressed: 'http://adlnet.gov/expapi/verbs/progressed',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  suspended: 'http://adlnet.gov/expapi/verbs/suspended',
  resumed: 'http://adlnet.gov/expapi/verbs/resumed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const;
export type VerbName = keyof typeof VERBS;

/** cmi5 extension for progress 0–100, widely used outside cmi5 too. */
export const PROGRESS_EXTENSION = 'https://w3id.org/xapi/cmi5/result/extensions/progress';

/** Everything every statement of a session shares. */
export interface StatementContext {
  actor: Actor;
  unit: RuntimeUnit;
  /** The unit's activity id (from the launch; defaults to the stable unit IRI). */
  activityId: string;
  registration?: string;
  lang: Lang;
  /** Merged into every statement's context (cmi5 contextTemplate, session id). */
  extra?: Context;
  /** Makes statement ids; crypto.randomUUID in browsers. */
  uuid: () => string;
  now: () => Date;
}

const display = (name: string) => ({ 'en-US': name });

/** Builds the statements of one session; each gets a client-generated UUID so re-sending never duplicates. */
export function createStatementFactory(ctx: StatementContext) {
  const unitActivity = (): Activity => ({
    objectType: 'Activity', id: ctx.activityId,
    definition: { type: 'http://adlnet.gov/expapi/activities/course', name: { vi: ctx.unit.title.vi, en: ctx.unit.title.en } },
  });
  const outcomeActivities = (codes: string[]): Activity[] => codes.map((code) => ({ objectType: 'Activity', id: iris.outcome(code), definition: { type: 'http://adlnet.gov/expapi/activities/objective', name: { en: code } } }));
  const context = (parent: Activity | null, outcomes: string[], extra: Context | undefined = ctx.extra): Context => {
    const base = extra?.contextActivities ?? {};
    return {
      ...(extra ?? {}),
      ...(ctx.registration ? { registration: ctx.registration } : {}),
      language: ctx.lang,
      contextActivities: {
        ...base,
        parent: [...(base.parent ?? []), ...(parent ? [parent] : [])],
        grouping: [...(base.grouping ?? []), { objectType: 'Activity', id: iris.course() }, ...(parent && parent.id !== ctx.activityId ? [unitActivity()] : [])],
        ...(outcomes.length || base.other ? { other: [...(base.other ?? []), ...outcomeActivities(outcomes)] } : {}),
      },
    };
  };
  const make = (verb: VerbName, object: Activity, parts: { result?: Result; context?: Context }): Statement => ({
    id: ctx.uuid(), actor: ctx.actor, verb: { id: VERBS[verb], display: display(verb) }, object,
    ...(parts.result ? { result: parts.result } : {}), context: parts.context ?? context(null, []), timestamp: ctx.now().toISOString(),
  });
  const unitCodes = ctx.unit.outcomes.map((o) => o.code);
  return {
    /** A verb about the unit itself (initialized, suspended, resumed, terminated). */
    unitVerb: (verb: VerbName, result?: Result, extra?: Context) => make(verb, unitActivity(), { result, context: context(null, [], extra) }),
    experienced(lessonIndex: number) {
      const l = ctx.unit.lessons[lessonIndex];
      const object: Activity = { objectType: 'Activity', id: iris.lesson(ctx.unit.id, l?.id ?? String(lessonIndex)), definition: { type: 'http://adlnet.gov/expapi/activities/lesson', name: { vi: l?.title.vi ?? '', en: l?.title.en ?? '' } } };
      return make('experienced', object, { context: context(unitActivity(), []) });
    },
    answered(rec: InteractionRecord) {
      const q = rec.question;
      const object: Activity = { objectType: 'Activity', id: iris.question(ctx.unit.id, q.id), definition: interactionDefinition(q) };
      return make('answered', object, {
        result: { response: formatResponse(rec.answer, S, 1000), success: rec.result.result === 'correct', score: { scaled: round(rec.result.fraction), raw: round(rec.result.fraction * q.weight), min: 0, max: q.weight }, duration: duration2004(rec.latencyMs) },
        context: context(unitActivity(), q.outcomes),
      });
    },
    progressed: (percent: number) => make('progressed', unitActivity(), { result: { extensions: { [PROGRESS_EXTENSION]: Math.round(percent) } }, context: context(null, []) }),
    completed: (durationMs: number, extra?: Context) => make('completed', unitActivity(), { result: { completion: true, duration: duration2004(durationMs) }, context: context(null, unitCodes, extra) }),
    graded(passed: boolean, score: number, durationMs: number, extra?: Context) {
      return make(passed ? 'passed' : 'failed', unitActivity(), {
        result: { success: passed, score: { scaled: round(score / 100), raw: score, min: 0, max: 100 }, duration: duration2004(durationMs) },
        context: context(null, unitCodes, extra),
      });
    },
  };
}
export type StatementFactory = ReturnType<typeof createStatementFactory>;

const round = (n: number) => Math.round(n * 100) / 100;

/** The full xAPI interaction definition of a question (type, components and correct-responses pattern). */
export function interactionDefinition(q: Question): InteractionActivityDefinition {
  const base = { type: 'http://adlnet.gov/expapi/activities/cmi.interaction' as const, name: { vi: q.prompt.vi, en: q.prompt.en }, description: { vi: q.prompt.vi, en: q.prompt.en } };
  const comp = (o: { id: string; text: { vi: string; en: string } }) => ({ id: o.id, description: { vi: o.text.vi, en: o.text.en } });
  switch (q.type) {
    case 'single':
    case 'multiple':
      return { ...base, interactionType: 'choice', choices: q.choices.map(comp), correctResponsesPattern: [formatCorrect(q, S, 'vi')] };
    case 'hotspot':
      // No hotspot interaction type in xAPI: a choice whose choices are the regions (label as description).
      return { ...base, interactionType: 'choice', choices: q.regions.map(comp), correctResponsesPattern: [formatCorrect(q, S, 'vi')] };
    case 'truefalse':
      return { ...base, interactionType: 'true-false', correctResponsesPattern: [q.correct ? 'true' : 'false'] };
    case 'matching':
      return { ...base, interactionType: 'matching', source: q.sources.map(comp), target: q.targets.map(comp), correctResponsesPattern: [formatCorrect(q, S, 'vi')] };
    case 'ordering':
      return { ...base, interactionType: 'sequencing', choices: q.steps.map(comp), correctResponsesPattern: [formatCorrect(q, S, 'vi')] };
    case 'fillin': {
      const answers = [...new Set(q.accept.flatMap((a) => [a.vi, a.en]).filter((v): v is string => !!v))];
      return { ...base, interactionType: 'fill-in', correctResponsesPattern: answers.map((a) => `{case_matters=${!q.ignoreCase}}${a}`) };
    }
    case 'lab':
      return { ...base, interactionType: 'other', extensions: { 'https://khienso.github.io/xapi/extensions/lab-kind': q.kind } };
  }
}
