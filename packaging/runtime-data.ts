import type { RuntimeUnit } from '../src/runtime/runtime-unit.ts';
import type { Unit } from '../src/model/unit.ts';

/** The slice of the unit model the browser needs (lesson bodies travel as HTML, not here). */
export function toRuntimeUnit(unit: Unit): RuntimeUnit {
  return {
    id: unit.id, version: unit.version, title: unit.title, masteryScore: unit.masteryScore, onFail: unit.onFail, maxAttempts: unit.maxAttempts,
    lessons: unit.lessons.map((l) => ({ id: l.id, title: l.title })),
    draw: unit.assessment.draw, bank: unit.assessment.questions, outcomes: unit.outcomes,
  };
}
