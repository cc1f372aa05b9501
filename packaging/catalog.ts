import { STATE_BUDGET, worstCaseStateSize } from '../src/core/state.ts';
import type { QuestionType } from '../src/model/question-schema.ts';
import type { Unit } from '../src/model/unit.ts';
import { performanceOutcomes } from '../src/model/performance.ts';

/** One unit in dist/catalog.json: what the teacher site, the coverage dashboard and reports read. */
export interface CatalogUnit {
  id: string;
  version: string;
  grade: number;
  strand: string;
  title: { vi: string; en: string };
  summary: { vi: string; en: string };
  masteryScore: number;
  onFail: string;
  maxAttempts: number;
  prerequisites: string[];
  minutes: number;
  /** The unit in 1–2 periods (lesson ids), when the unit has one. */
  shortPath?: { periods: number; lessons: string[]; plan: { vi: string; en: string } };
  lessons: { id: string; title: { vi: string; en: string }; minutes: number; outcomes: string[]; words: { vi: number; en: number }; visuals: number }[];
  questions: { count: number; draw: number; ids: string[]; byType: Partial<Record<QuestionType, number>> };
  /**
   * Per outcome: its level and number of questions; for an assessed outcome whose wording asks to do or
   * analyse (thực hiện / vận dụng / phân tích), `performance` lists the unit's performing items for it.
   */
  outcomes: { code: string; level: 'assessed' | 'opportunity'; questions: number; performance?: { verb: string; items: { id: string; kind: 'lab' | 'ordering' | 'scenario' }[] } }[];
  state: { worstCase: number; budget: number };
  pages: { standalone: string };
  packages: Record<string, { file: string; bytes: number; sha256: string }>;
}

/**
 * Builds the catalogue entry of a unit (pure; packages are added by the packaging steps). `wording` gives
 * an outcome's framework and Vietnamese text, for the performance columns.
 */
export function catalogEntry(unit: Unit, wording: (code: string) => { framework: string; vi: string } | undefined = () => undefined): CatalogUnit {
  const perf = new Map(performanceOutcomes(unit, wording).map((p) => [p.code, { verb: p.verb, items: p.items }]));
  const byType: Partial<Record<QuestionType, number>> = {};
  for (const q of unit.assessment.questions) byType[q.type] = (byType[q.type] ?? 0) + 1;
  return {
    id: unit.id, version: unit.version, grade: unit.grade, strand: unit.strand, title: unit.title, summary: unit.summary,
    masteryScore: unit.masteryScore, onFail: unit.onFail, maxAttempts: unit.maxAttempts, prerequisites: unit.prerequisites,
    minutes: unit.lessons.reduce((s, l) => s + l.minutes, 0),
    ...(unit.shortPath ? { shortPath: unit.shortPath } : {}),
    lessons: unit.lessons.map((l) => ({ id: l.id, title: l.title, minutes: l.minutes, outcomes: l.outcomes, words: l.words, visuals: l.visuals })),
    questions: { count: unit.assessment.questions.length, draw: unit.assessment.draw, ids: unit.assessment.questions.map((q) => q.id), byType },
    outcomes: unit.outcomes.map((o) => ({ ...o, questions: unit.assessment.questions.filter((q) => q.outcomes.includes(o.code)).length, ...(perf.has(o.code) ? { performance: perf.get(o.code) } : {}) })),
    state: { worstCase: worstCaseStateSize(unit), budget: STATE_BUDGET },
    pages: { standalone: `units/${unit.id}/index.html` },
    packages: {},
  };
}
