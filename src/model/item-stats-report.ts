import { checkItemStats, itemStatsTable, ITEM_LIMITS, poolStats, unitStats, type ItemViolation } from './item-stats.ts';
import { questionLines, questionWhere } from './load/question-lines.ts';
import type { Unit } from './unit.ts';

/** The printed item statistics of some units: the table, the limits, and every violation with file:line. */
export interface ItemStatsReport {
  text: string;
  violations: ItemViolation[];
  /** One block per violation: unit, rule, then each item as file:line id. */
  problems: string;
}

/** Builds the report the build summary and `npm run item-stats` print. */
export function itemStatsReport(root: string, units: readonly Unit[]): ItemStatsReport {
  const rows = [...units].sort((a, b) => a.grade - b.grade || a.id.localeCompare(b.id)).map(unitStats);
  const total = poolStats(units);
  const violations = rows.flatMap(checkItemStats);
  const byId = new Map(units.map((u) => [u.id, u]));
  const lines = new Map<string, Map<string, number>>();
  const problems = violations.map((v) => {
    const unit = byId.get(v.unit);
    if (!unit) return `  ${v.unit}: ${v.message}`;
    const ls = lines.get(unit.id) ?? questionLines(root, unit);
    lines.set(unit.id, ls);
    return `  ${unit.id} [${v.rule}]: ${v.message}\n` + v.items.map((id) => `    ${questionWhere(unit, ls, id)} ${id}`).join('\n');
  }).join('\n');
  const limits = `Limits per unit: key is the strictly longest option (Vietnamese) in ≤ ${ITEM_LIMITS.longestKeyMax * 100}% of single-choice items; ` +
    `true/false keys ${ITEM_LIMITS.trueMin * 100}–${ITEM_LIMITS.trueMax * 100}% true (±1 item below ${ITEM_LIMITS.smallTrueFalse} T/F items); ` +
    `every multiple-response item has ≥ ${ITEM_LIMITS.multipleWrongMin} wrong options and does not key every option; no "all/none of the above"; ` +
    `no key position holds more than half of the single-choice keys (2 always allowed).`;
  return { text: `Item statistics (${units.length} unit(s))\n${itemStatsTable(rows, total)}\n${limits}`, violations, problems };
}
