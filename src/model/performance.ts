import type { Question } from './question-schema.ts';
import type { Unit } from './unit.ts';

/**
 * Performance outcomes (issue 12): a CT GDPT 2018 requirement whose wording asks learners to do or analyse
 * ("thực hiện", "vận dụng", "phân tích") needs at least one item of a performing kind in the unit that
 * assesses it: a lab, an ordering of a procedure, or a scenario decision (kind="scenario").
 */
export const PERFORMANCE_VERBS = /thực hiện|vận dụng|phân tích/iu;
/** The framework whose wording is read. */
export const PERFORMANCE_FRAMEWORK = 'ct-gdpt-2018-tin-hoc';

/** Whether an item shows doing rather than recognising. */
export function isPerformingItem(q: Question): boolean {
  return q.type === 'lab' || q.type === 'ordering' || ((q.type === 'single' || q.type === 'multiple') && q.kind === 'scenario');
}

/** What kind of performing item a question is, for reports. */
export function performingKind(q: Question): 'lab' | 'ordering' | 'scenario' | undefined {
  if (q.type === 'lab') return 'lab';
  if (q.type === 'ordering') return 'ordering';
  if ((q.type === 'single' || q.type === 'multiple') && q.kind === 'scenario') return 'scenario';
  return undefined;
}

/** One assessed outcome of a unit whose wording demands performance, and the unit's performing items for it. */
export interface PerformanceOutcome {
  code: string;
  /** The verb found in the wording. */
  verb: string;
  items: { id: string; kind: 'lab' | 'ordering' | 'scenario' }[];
}

/** The performance outcomes of a unit; `wording` gives an outcome's framework id and Vietnamese text. */
export function performanceOutcomes(unit: Unit, wording: (code: string) => { framework: string; vi: string } | undefined): PerformanceOutcome[] {
  const out: PerformanceOutcome[] = [];
  for (const o of unit.outcomes) {
    if (o.level !== 'assessed') continue;
    const w = wording(o.code);
    const verb = w && w.framework === PERFORMANCE_FRAMEWORK ? PERFORMANCE_VERBS.exec(w.vi)?.[0] : undefined;
    if (!verb) continue;
    const items = unit.assessment.questions.flatMap((q) => {
      const kind = q.outcomes.includes(o.code) ? performingKind(q) : undefined;
      return kind ? [{ id: q.id, kind }] : [];
    });
    out.push({ code: o.code, verb: verb.toLowerCase(), items });
  }
  return out;
}
