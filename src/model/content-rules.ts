import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../errors/unit-error.ts';
import { checkItemStats, unitStats } from './item-stats.ts';
import { questionLines } from './load/question-lines.ts';
import { performanceOutcomes } from './performance.ts';
import { sloganHits } from './slogans.ts';
import { spellingHits } from './spelling.ts';
import type { Unit } from './unit.ts';
import { isYoungGrade } from './school-level.ts';

/**
 * Content rules of issue 12 (fair item statistics, performance items, one spelling convention, one spiral
 * safety slogan). Each can be
 * enforced (the build fails with file:line) or pending (printed as warnings) while the content is fixed.
 */
export type ContentRule = 'item-stats' | 'performance' | 'spelling' | 'visuals' | 'slogans';
export const CONTENT_RULES: readonly ContentRule[] = ['item-stats', 'performance', 'spelling', 'visuals', 'slogans'];
/** Which rules fail the build. A rule is switched on once the content satisfies it. */
// visuals (issue 13): an error, since every lesson now meets it, so a new or edited lesson cannot drop below the
// minimum unnoticed (as a warning it scrolled past in the build log, which is how 21 units ended up with none).
export const ENFORCED: Record<ContentRule, boolean> = { 'item-stats': true, performance: true, spelling: true, visuals: true, slogans: true };

/** Fewest visuals (mock-ups, illustrations, comics) per lesson: young grades get pictures on every lesson. */
export function minVisuals(grade: number): number {
  return isYoungGrade(grade) ? 2 : 1;
}

/** A problem found by a content rule. */
export interface ContentProblem {
  rule: ContentRule;
  unit: string;
  problem: Problem;
}

type Wording = (code: string) => { framework: string; vi: string } | undefined;

/** Every content-rule problem of the given units, enforced or not. */
export function contentProblems(root: string, units: readonly Unit[], wording: Wording): ContentProblem[] {
  return units.flatMap((u) => [...itemStatProblems(root, u), ...performanceProblems(root, u, wording), ...spellingProblems(root, u), ...visualProblems(root, u), ...sloganProblems(root, u)]);
}

function visualProblems(root: string, unit: Unit): ContentProblem[] {
  const min = minVisuals(unit.grade);
  const lessons = unit.lessons.filter((l) => l.visuals < min).map((l): ContentProblem => ({
    rule: 'visuals', unit: unit.id,
    problem: { location: { file: l.files.vi }, field: 'visuals', message: `lesson "${l.id}" has ${l.visuals} visual(s); grade ${unit.grade} lessons need at least ${min}`, hint: 'add a mock-up, <Illustration> or <Comic> in both languages (docs/authoring.md, "Pictures and mock-ups")' },
  }));
  // "Click the signs" items show the message, page or call as learners meet it: a mock-up, not a paragraph.
  const plain = unit.assessment.questions.filter((q) => 'picture' in q && q.picture && !(q.picture.vi.includes('data-mock=') && q.picture.en.includes('data-mock=')));
  const lines = plain.length ? questionLines(root, unit) : new Map<string, number>();
  return [...lessons, ...plain.map((q): ContentProblem => ({
    rule: 'visuals', unit: unit.id,
    problem: { location: { file: unit.assessment.file, line: lines.get(q.id) }, field: 'visuals', message: `${q.type === 'hotspot' ? 'hotspot' : 'question'} "${q.id}" shows its picture as plain text; it needs a mock-up of the message, page or call in both languages`, hint: 'put a <Phone>, <Email>, <Browser>, <WebPage>, <Popup>, <Call>, <Post> or <Notice> in each <Picture> and mark regions with part="…" or <Area> (docs/authoring.md)' },
  }))];
}

function itemStatProblems(root: string, unit: Unit): ContentProblem[] {
  const violations = checkItemStats(unitStats(unit));
  if (!violations.length) return [];
  const lines = questionLines(root, unit);
  return violations.map((v) => ({
    rule: 'item-stats', unit: unit.id,
    problem: {
      location: { file: unit.assessment.file, line: lines.get(v.items[0] ?? '') },
      field: v.rule,
      message: `${v.message}: ${v.items.map((id) => `${id} (line ${lines.get(id) ?? '?'})`).join(', ')}`,
      hint: 'see docs/editorial-checklist.md, "Fair questions"; `npm run item-stats` prints the figures',
    },
  }));
}

function performanceProblems(root: string, unit: Unit, wording: Wording): ContentProblem[] {
  const file = `${unit.dir}/unit.mdx`;
  let text = '';
  try { text = readFileSync(join(root, file), 'utf8'); } catch { /* line unknown */ }
  const lineOf = (code: string) => {
    const i = text.split('\n').findIndex((l) => l.includes(code));
    return i >= 0 ? i + 1 : undefined;
  };
  return performanceOutcomes(unit, wording).filter((p) => p.items.length === 0).map((p) => ({
    rule: 'performance', unit: unit.id,
    problem: {
      location: { file, line: lineOf(p.code) },
      field: 'outcomes',
      message: `outcome "${p.code}" says "${p.verb}" but no performing item assesses it (a lab, an ordering of a procedure, or a scenario decision)`,
      hint: `add a <Lab>, an <Ordering> or a <SingleChoice kind="scenario"> with outcomes="${p.code}" (docs/authoring.md), or mark the outcome level: opportunity`,
    },
  }));
}

/** The Vietnamese sources of a unit: unit.mdx, the .vi.mdx lessons, assessment.mdx. */
export function vietnameseFiles(root: string, unit: Unit): string[] {
  let lessons: string[] = [];
  try { lessons = readdirSync(join(root, unit.dir, 'lessons')).filter((n) => n.endsWith('.vi.mdx')).sort().map((n) => `${unit.dir}/lessons/${n}`); } catch { /* none */ }
  return [`${unit.dir}/unit.mdx`, ...lessons, unit.assessment.file];
}

/** The English lessons of a unit (.en.mdx); the English of unit.mdx and assessment.mdx is inside those files. */
export function englishLessonFiles(root: string, unit: Unit): string[] {
  try { return readdirSync(join(root, unit.dir, 'lessons')).filter((n) => n.endsWith('.en.mdx')).sort().map((n) => `${unit.dir}/lessons/${n}`); } catch { return []; }
}

/** One spiral slogan (src/model/slogans.ts): every line of every source file, in both languages. */
function sloganProblems(root: string, unit: Unit): ContentProblem[] {
  return [...vietnameseFiles(root, unit), ...englishLessonFiles(root, unit)].flatMap((file) => {
    let text = '';
    try { text = readFileSync(join(root, file), 'utf8'); } catch { return []; }
    return sloganHits(text, unit.grade).map((h) => ({
      rule: 'slogans' as const, unit: unit.id,
      problem: { location: { file, line: h.line, column: h.column }, message: `"${h.found}" → "${h.fix}" (${h.kind === 'retired' ? 'a retired slogan' : "a later school level's slogan"}; grade ${unit.grade} teaches "${h.fix}")`, hint: 'one spiral slogan per school level; an earlier level\'s slogan may be quoted to build on it (docs/editorial-checklist.md, "One spiral slogan")' },
    }));
  });
}

function spellingProblems(root: string, unit: Unit): ContentProblem[] {
  return vietnameseFiles(root, unit).flatMap((file) => {
    let text = '';
    try { text = readFileSync(join(root, file), 'utf8'); } catch { return []; }
    return spellingHits(text, ['ki-li', 'tone-placement']).map((h) => ({
      rule: 'spelling' as const, unit: unit.id,
      problem: { location: { file, line: h.line, column: h.column }, message: `"${h.found}" → "${h.fix}" (${h.rule === 'ki-li' ? "the textbooks' kĩ/lí spelling" : "the textbooks' tone placement: hoá, khoá, khoẻ, thuỷ"})`, hint: 'write kĩ năng, kĩ thuật, quản lí, xử lí, lí do, hoá, khoá… (docs/editorial-checklist.md); proper names keep theirs' },
    }));
  });
}
