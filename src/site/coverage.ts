// Coverage of framework requirements by units: pure functions over catalogue units and framework outcomes,
// shared by the dashboard, its CSV/JSON exports and the tests that recompute the figures.

export type Level = 'assessed' | 'opportunity';
export type Status = Level | 'none';

/** What coverage needs of a catalogue unit (a subset of CatalogUnit). */
export interface CoverageUnit {
  id: string;
  grade: number;
  strand: string;
  title: { vi: string; en: string };
  outcomes: { code: string; level: Level }[];
}

/** One requirement of a framework, addressed by the code units write (prefix + code). */
export interface Requirement {
  code: string;
  framework: string;
  grade?: number;
  strand?: string;
  vi: string;
  en: string;
}

/** A requirement with the units that address it and its overall status. */
export interface CoverageRow extends Requirement {
  status: Status;
  assessedBy: string[];
  opportunityIn: string[];
}

/** Counts and percentages over a group of requirements. */
export interface Bucket {
  key: string;
  total: number;
  assessed: number;
  opportunity: number;
  none: number;
  /** Share assessed by at least one unit, in percent with one decimal. */
  assessedPct: number;
  /** Share assessed or given an opportunity by at least one unit, in percent with one decimal. */
  coveredPct: number;
}

export interface Coverage {
  rows: CoverageRow[];
  total: Bucket;
  byFramework: Bucket[];
  /** Requirements that have a grade (the national programme), per grade. */
  byGrade: Bucket[];
  /** Requirements that have a strand (the national programme), per strand. */
  byStrand: Bucket[];
  uncovered: CoverageRow[];
}

/** Percentage with one decimal; 0 for an empty group. */
export const percent = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((1000 * part) / whole) / 10);

/** Requirements from the curriculum's outcome index (`curriculum.outcomes.values()`), in framework order. */
export function requirementsFrom(outcomes: Iterable<{ key: string; framework: string; grade?: number; strand?: string; vi: string; en: string }>): Requirement[] {
  return [...outcomes].map((o) => ({ code: o.key, framework: o.framework, grade: o.grade, strand: o.strand, vi: o.vi, en: o.en }));
}

function bucket(key: string, rows: CoverageRow[]): Bucket {
  const assessed = rows.filter((r) => r.status === 'assessed').length;
  const opportunity = rows.filter((r) => r.status === 'opportunity').length;
  return { key, total: rows.length, assessed, opportunity, none: rows.length - assessed - opportunity, assessedPct: percent(assessed, rows.length), coveredPct: percent(assessed + opportunity, rows.length) };
}

function groupBy(rows: CoverageRow[], key: (r: CoverageRow) => string | undefined, order: (a: string, b: string) => number): Bucket[] {
  const groups = new Map<string, CoverageRow[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === undefined) continue;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups.keys()].sort(order).map((k) => bucket(k, groups.get(k) ?? []));
}

/**
 * Which units assess or give an opportunity for each requirement. A requirement is "assessed" when at
 * least one unit assesses it, "opportunity" when units only give an opportunity, "none" otherwise.
 * `framework` keeps only that framework's requirements.
 */
export function computeCoverage(units: CoverageUnit[], requirements: Requirement[], framework?: string): Coverage {
  const sorted = [...units].sort((a, b) => a.grade - b.grade || a.id.localeCompare(b.id));
  const rows: CoverageRow[] = requirements
    .filter((r) => !framework || r.framework === framework)
    .map((r) => {
      const assessedBy = sorted.filter((u) => u.outcomes.some((o) => o.code === r.code && o.level === 'assessed')).map((u) => u.id);
      const opportunityIn = sorted.filter((u) => u.outcomes.some((o) => o.code === r.code && o.level === 'opportunity')).map((u) => u.id);
      const status: Status = assessedBy.length ? 'assessed' : opportunityIn.length ? 'opportunity' : 'none';
      return { ...r, status, assessedBy, opportunityIn };
    });
  const frameworks = [...new Set(rows.map((r) => r.framework))];
  return {
    rows,
    total: bucket('all', rows),
    byFramework: frameworks.map((f) => bucket(f, rows.filter((r) => r.framework === f))),
    byGrade: groupBy(rows, (r) => (r.grade === undefined ? undefined : String(r.grade)), (a, b) => Number(a) - Number(b)),
    byStrand: groupBy(rows, (r) => r.strand, (a, b) => a.localeCompare(b)),
    uncovered: rows.filter((r) => r.status === 'none'),
  };
}

/** Short names of the frameworks, for filters, chart labels and the CSV. */
const SHORT: Record<string, string> = {
  'ct-gdpt-2018-tin-hoc': 'CT GDPT 2018',
  'csta-2017': 'CSTA 2017',
  'digcomp-2.2': 'DigComp 2.2',
  'tt02-2025-nls': 'TT 02/2025',
};
export const frameworkShortName = (id: string): string => SHORT[id] ?? id;

/** Per-grade figures: what the units of a grade hold and how the programme's requirements of that grade fare. */
export interface GradeUnit { id: string; grade: number; lessons: unknown[]; minutes: number; questions: { count: number } }
export interface GradeRow {
  grade: number;
  units: number;
  /** Class periods (one lesson is one period). */
  periods: number;
  minutes: number;
  /** Questions in the units' banks. */
  questions: number;
  /** The programme's requirements of the grade. */
  requirements: number;
  assessed: number;
  /** Assessed or given an opportunity. */
  covered: number;
  assessedPct: number;
  coveredPct: number;
}

/** One row per grade that has units or programme requirements, in grade order. */
export function gradeTable(units: GradeUnit[], c: Coverage, programme: string | undefined): GradeRow[] {
  const req = c.rows.filter((r) => r.framework === programme && r.grade !== undefined);
  const grades = [...new Set([...units.map((u) => u.grade), ...req.map((r) => r.grade as number)])].sort((a, b) => a - b);
  return grades.map((grade) => {
    const us = units.filter((u) => u.grade === grade);
    const rs = req.filter((r) => r.grade === grade);
    const assessed = rs.filter((r) => r.status === 'assessed').length;
    const covered = rs.filter((r) => r.status !== 'none').length;
    return {
      grade, units: us.length, periods: us.reduce((n, u) => n + u.lessons.length, 0), minutes: us.reduce((n, u) => n + u.minutes, 0),
      questions: us.reduce((n, u) => n + u.questions.count, 0), requirements: rs.length, assessed, covered,
      assessedPct: percent(assessed, rs.length), coveredPct: percent(covered, rs.length),
    };
  });
}

/** Where an uncovered requirement belongs: its grade (programme) or the part of its code before the last step. */
export function uncoveredGroupKey(r: Requirement, prefix: string): string {
  if (r.grade !== undefined) return `grade ${r.grade}`;
  const code = r.code.slice(prefix.length);
  const cut = Math.max(code.lastIndexOf('.'), code.lastIndexOf('-'));
  return cut > 0 ? code.slice(0, cut) : code;
}

/** Uncovered requirements of one framework, in groups, with requirements of identical wording merged into one item. */
export function groupUncovered(rows: CoverageRow[], prefix: string): { key: string; items: { codes: string[]; vi: string; en: string; grade?: number; strand?: string }[] }[] {
  const groups = new Map<string, CoverageRow[]>();
  for (const r of rows) {
    const k = uncoveredGroupKey(r, prefix);
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups].map(([key, rs]) => {
    const items = new Map<string, { codes: string[]; vi: string; en: string; grade?: number; strand?: string }>();
    for (const r of rs) {
      const same = items.get(r.vi);
      if (same) same.codes.push(r.code);
      else items.set(r.vi, { codes: [r.code], vi: r.vi, en: r.en, grade: r.grade, strand: r.strand });
    }
    return { key, items: [...items.values()] };
  });
}

/** A percentage as spreadsheet text in Vietnamese style (decimal comma), as the page shows it. */
export const decimalComma = (n: number, digits = 1): string => n.toFixed(digits).replace('.', ',');

const csvCell = (v: string | number): string => {
  const s = String(v);
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
/**
 * CSV for Excel in a Vietnamese locale: UTF-8 with a byte-order mark (so Vietnamese letters show), ';' between
 * fields (the list separator of locales with a decimal comma, such as vi-VN) and CRLF line ends. No "sep=" line:
 * with one, Excel ignores the byte-order mark and garbles the diacritics.
 */
export const toCsv = (table: (string | number)[][]): string => '\uFEFF' + table.map((r) => r.map(csvCell).join(';')).join('\r\n') + '\r\n';

const STATUS_VI: Record<Status, string> = { assessed: 'Được đánh giá', opportunity: 'Chỉ có cơ hội rèn luyện', none: 'Chưa được đề cập' };

/** One row per requirement. */
export function coverageCsv(c: Coverage): string {
  return toCsv([
    ['Khung chương trình', 'Mã', 'Lớp', 'Mạch', 'Trạng thái', 'Status', 'Được đánh giá trong chủ đề', 'Có cơ hội rèn luyện trong chủ đề', 'Yêu cầu cần đạt', 'Requirement (English)'],
    ...c.rows.map((r) => [frameworkShortName(r.framework), r.code, r.grade ?? '', r.strand ?? '', STATUS_VI[r.status], r.status, r.assessedBy.join(' '), r.opportunityIn.join(' '), r.vi, r.en]),
  ]);
}

/**
 * Counts and percentages per framework, and per grade and strand of the national programme (percentages with a
 * decimal comma, as on the page). No line adds up different frameworks: their requirements are not comparable.
 */
export function coverageSummaryCsv(c: Coverage, grades: GradeRow[] = []): string {
  const line = (group: string, b: Bucket, label: string) => [group, b.key, label, b.total, b.assessed, b.opportunity, b.none, decimalComma(b.assessedPct), decimalComma(b.coveredPct)];
  return toCsv([
    ['Nhóm (group)', 'Khoá (key)', 'Tên (name)', 'Số yêu cầu (total)', 'Được đánh giá (assessed)', 'Chỉ có cơ hội (opportunity)', 'Chưa đề cập (none)', '% được đánh giá', '% được đề cập'],
    ...c.byFramework.map((b) => line('framework', b, frameworkShortName(b.key))),
    ...c.byGrade.map((b) => line('grade', b, `Lớp ${b.key}`)),
    ...c.byStrand.map((b) => line('strand', b, `Mạch ${b.key}`)),
    ...(grades.length ? [[], ['Lớp (grade)', 'Số chủ đề (units)', 'Số tiết (periods)', 'Số phút (minutes)', 'Số câu hỏi (questions)', 'Số YCCĐ của lớp (requirements)', 'Được đánh giá (assessed)', 'Được đề cập (covered)', '% được đánh giá', '% được đề cập'],
      ...grades.map((g) => [`Lớp ${g.grade}`, g.units, g.periods, g.minutes, g.questions, g.requirements, g.assessed, g.covered, decimalComma(g.assessedPct), decimalComma(g.coveredPct)])] : []),
  ]);
}
