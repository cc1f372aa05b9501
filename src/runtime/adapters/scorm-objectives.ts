import type { UnitOutcome } from '../tracker.ts';
import type { LmsChannel } from './lms-channel.ts';

/**
 * cmi.objectives as a curriculum report: one objective per outcome code, found again by id on re-entry,
 * and never lowered (an objective keeps its best score). Both SCORM versions share the layout
 * (RTE 1.2 §3.4.2.8, RTE 2004 §4.2.17); each adds its own status fields through `writeStatus`.
 */
export function createObjectiveWriter(lms: LmsChannel, writeStatus: (prefix: string, objective: UnitOutcome['objectives'][number]) => void) {
  const index = new Map<string, { index: number; raw: number | null }>();
  const count = parseInt(lms.get('cmi.objectives._count'), 10) || 0;
  for (let i = 0; i < count; i++) {
    const r = parseFloat(lms.get(`cmi.objectives.${i}.score.raw`));
    index.set(lms.get(`cmi.objectives.${i}.id`), { index: i, raw: Number.isFinite(r) ? r : null });
  }
  return (objectives: UnitOutcome['objectives']) => {
    for (const obj of objectives) {
      let entry = index.get(obj.code);
      if (!entry) {
        entry = { index: index.size, raw: null };
        index.set(obj.code, entry);
        lms.set(`cmi.objectives.${entry.index}.id`, obj.code);
      }
      if (entry.raw !== null && obj.score < entry.raw) continue;
      entry.raw = obj.score;
      const p = `cmi.objectives.${entry.index}`;
      lms.set(`${p}.score.min`, '0');
      lms.set(`${p}.score.max`, '100');
      lms.set(`${p}.score.raw`, String(obj.score));
      writeStatus(p, obj);
    }
  };
}
