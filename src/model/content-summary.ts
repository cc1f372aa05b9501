import { formatProblem } from '../errors/unit-error.ts';
import { CONTENT_RULES, ENFORCED, type ContentProblem } from './content-rules.ts';
import { itemStatsReport } from './item-stats-report.ts';
import type { Unit } from './unit.ts';

/** How many pending problems of each rule the build summary lists in full. */
const SHOWN = 8;

/** The item statistics and the state of each content rule, as the build summary prints them. */
export function buildContentSummary(root: string, units: readonly Unit[], pending: readonly ContentProblem[]): string {
  const out = [itemStatsReport(root, units).text, ''];
  for (const rule of CONTENT_RULES) {
    const ps = pending.filter((p) => p.rule === rule);
    if (ENFORCED[rule]) out.push(`✓ ${rule}: enforced, no problems`);
    else if (!ps.length) out.push(`✓ ${rule}: no problems (not yet enforced)`);
    else {
      out.push(`⚠ ${rule}: ${ps.length} problem(s) in ${new Set(ps.map((p) => p.unit)).size} unit(s) (not yet enforced; the build will fail on them once the content is fixed)`);
      for (const p of ps.slice(0, SHOWN)) out.push('  ' + formatProblem(p.problem).replace(/\n/g, '\n  '));
      if (ps.length > SHOWN) out.push(`  … ${ps.length - SHOWN} more (${rule === 'item-stats' ? '`npm run item-stats`' : '`npm run item-stats` lists them all'})`);
    }
  }
  return out.join('\n');
}
