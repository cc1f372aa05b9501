import type { RuntimeUnit } from '../src/runtime/runtime-unit.ts';
import type { Unit } from '../src/model/unit.ts';
import { bankSalt, hashBank, pageBank } from '../src/core/hashed-keys.ts';

/** The slice of the unit model the browser needs (lesson bodies travel as HTML, not here); keys hashed. */
export function toRuntimeUnit(unit: Unit): RuntimeUnit {
  return {
    id: unit.id, version: unit.version, grade: unit.grade, title: unit.title, masteryScore: unit.masteryScore, onFail: unit.onFail, maxAttempts: unit.maxAttempts,
    lessons: unit.lessons.map((l) => ({ id: l.id, title: l.title })),
    draw: unit.assessment.draw, bank: hashBank(unit.assessment.questions, bankSalt(unit.id, unit.version, unit.assessment.questions)), outcomes: unit.outcomes,
  };
}

/** The unit as its page carries it: the runtime unit with question ids letter-substituted (read back by readPageUnit). */
export function toPageUnit(unit: Unit): RuntimeUnit {
  const ru = toRuntimeUnit(unit);
  return { ...ru, bank: pageBank(ru.bank) };
}
