// Mastery per requirement from exports a school already has: Moodle's SCORM reports (downloaded as text or
// Excel) and xAPI statements exported from an LRS. Pure functions, used by the results page in the browser
// (nothing is uploaded) and by the tests.
//
// Found with a real Moodle 4.3.0 (tests/moodle/results-exports.test.ts, files in tests/fixtures/moodle-exports):
// the Objectives report's download has a header per objective but leaves every objective cell empty (its
// get_scorm_objectives() keys the objectives by an undefined $record->scoid, so no SCO's row finds them). The
// export that does hold per-question results is the Interactions report with its "Summary of question" and
// "Summary of result" options ticked: per interaction N, "Question N" (cmi.interactions_N.id, our question id)
// and "Result N" (correct, wrong or the fraction earned). Its code reads only SCORM 1.2 track names
// (cmi.interactions_N), so it is empty for SCORM 2004 packages. With the catalogue's questions (weight, requirement codes) the page recomputes each
// requirement's score as the lesson runtime does (weighted share earned over the questions that target it).
//
// Moodle 4.3, mod/scorm/report/objectives/classes/report.php, on download: columns Name, the identity fields
// (Email address by default), Attempt, Started on, Last accessed on, Score, one column per SCO (its title), then
// one column per objective id (cmi.objectives.n.id): "<id>" holding the objective status, or "<id> status" and
// "<id> score" when "Show objective score" is ticked. One row per learner and attempt; the text download is
// tab-separated (csv_export_writer('tab'), .txt), Excel is .xlsx (sheet "Report"). Headers are translated in a
// Vietnamese Moodle, so columns are found by position and by the objective ids, not by English names.
import { iris } from '../../core/iris.ts';
import { isPassed, outcomeScores } from '../../core/scoring.ts';
import { VERBS } from '../../runtime/xapi/statements.ts';
import type { Table } from './tables.ts';

/** What the page knows about a requirement (from the catalogue and the frameworks). */
export interface RequirementInfo {
  code: string;
  grade?: number;
  vi: string;
  en: string;
  /** Mastery score (0–100) of the units that assess it. */
  mastery: number;
}

/** One learner's standing on one requirement (best over attempts). */
export interface LearnerResult {
  learner: string;
  code: string;
  /** 0–100, or null when the export has only a status. */
  score: number | null;
  mastered: boolean;
}

/** A loaded file: the class (or school) it stands for and the results in it. */
export interface ResultSource {
  name: string;
  kind: 'moodle-objectives' | 'moodle-interactions' | 'xapi';
  learners: number;
  results: LearnerResult[];
}

/** What a file lacks; the page words each in the reader's language (see MISSING_EN for the English). */
export type Missing = 'objectiveColumns' | 'objectiveValues' | 'interactionResults' | 'statementsArray' | 'answeredStatements' | 'outcomeActivities';
/** What to do about it. */
export type Hint = 'interactionsReport' | 'interactionsOptions' | 'gradeExport' | 'lrsExport';

/** A unit's questions as the results page knows them (from the catalogue), to read Moodle's Interactions report. */
export interface UnitQuestions {
  id: string;
  title: { vi: string; en: string };
  mastery: number;
  /** Questions in one try of the assessment (labs and drawn questions). */
  perTry: number;
  /** Question id → [weight, requirement codes…]. */
  questions: Record<string, [number, ...string[]]>;
}

export const MISSING_EN: Record<Missing, string> = {
  objectiveColumns: 'results per requirement: the Interactions report\'s "Question N" and "Result N" columns, or a column per objective named by its requirement code (for example "TH-G6-D-05 score")',
  objectiveValues: 'values in the objective columns (they are all empty: Moodle 4.3\'s Objectives report does not fill them)',
  interactionResults: 'a "Result N" column beside each "Question N" column (the Interactions report\'s "Summary of result" option)',
  statementsArray: 'a JSON array of statements, or an object with a "statements" array',
  answeredStatements: `statements with the verb "answered" (${VERBS.answered})`,
  outcomeActivities: `requirement activities (${iris.outcome('CODE')}) in context.contextActivities.other of the "answered" statements`,
};

/** A file that cannot be read as results: what is missing, in words a teacher can act on. */
export class ResultsFileError extends Error {
  readonly file: string;
  readonly missing: Missing[];
  readonly hint: Hint;
  constructor(file: string, missing: Missing[], hint: Hint) {
    super(`${file}: missing ${missing.map((m) => MISSING_EN[m]).join('; ')}`);
    this.file = file;
    this.missing = missing;
    this.hint = hint;
  }
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The requirement code an LMS id stands for: the code itself ("TH-G6-D-05"), or an id that holds it as a
 * part ("khienso.g6-internet-safety.TH-G6-D-05", "urn:khienso:outcome:CSTA:3B-AP-18"), also when the LMS
 * replaced ":" by another character. The longest matching code wins.
 */
export function codeFinder(codes: Iterable<string>): (id: string) => string | undefined {
  const known = [...codes].sort((a, b) => b.length - a.length);
  const byNorm = new Map(known.map((c) => [norm(c), c]));
  return (raw: string) => {
    const id = raw.trim();
    if (byNorm.has(norm(id)) && known.includes(id)) return id;
    for (const c of known) if (id === c || id.endsWith(`.${c}`) || id.endsWith(`:${c}`) || id.includes(`.${c}.`)) return c;
    const n = norm(id);
    if (byNorm.has(n)) return byNorm.get(n);
    for (const c of known) if (norm(c).length >= 5 && n.endsWith(norm(c))) return c;
    return undefined;
  };
}

/** Keeps each learner's best result per requirement (mastered once mastered, as SCORM objectives keep the best). */
function best(results: LearnerResult[]): LearnerResult[] {
  const map = new Map<string, LearnerResult>();
  for (const r of results) {
    const key = `${r.learner}\u0000${r.code}`;
    const was = map.get(key);
    if (!was) { map.set(key, r); continue; }
    map.set(key, { ...was, score: was.score === null ? r.score : r.score === null ? was.score : Math.max(was.score, r.score), mastered: was.mastered || r.mastered });
  }
  return [...map.values()];
}

const PASSED = new Set(['passed', 'đạt', 'dat']);
const FAILED = new Set(['failed', 'không đạt', 'khong dat', 'chưa đạt']);
const number = (s: string) => {
  const t = s.trim().replace(',', '.');
  return t !== '' && /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
};

/** The learner a report row stands for: the e-mail column when the report has one, else the name (first column). */
function learnerOf(head: string[]): (row: string[]) => string {
  const mail = head.findIndex((h) => /e-?mail|thư điện tử/i.test(h));
  return (row) => ((mail >= 0 ? row[mail] : '') || row[0] || '').trim();
}

/**
 * Results from a Moodle SCORM report download (text or Excel): the Interactions report (with its Question and
 * Result options) or the Objectives report; anything else gets a ResultsFileError naming what is missing.
 */
export function fromMoodleReport(file: string, table: Table, requirements: Map<string, RequirementInfo>, units: UnitQuestions[]): ResultSource {
  const interactions = fromMoodleInteractions(file, table, requirements, units);
  if (interactions) return interactions;
  return fromMoodleObjectives(file, table, requirements);
}

const RESULT_WORD = /^(correct|wrong|incorrect|unanticipated|neutral)$/i;
const RESULT_NUMBER = /^(0(\.\d+)?|1(\.0+)?)$/;

/**
 * Results from Moodle's SCORM Interactions report (SCORM 1.2 tracks; "Summary of question" and
 * "Summary of result" ticked):
 * each row is one attempt; its interactions, split into tries of the assessment, give each requirement the
 * weighted share earned, and the learner's best try counts. Null when the file has no question-id columns.
 */
export function fromMoodleInteractions(file: string, table: Table, requirements: Map<string, RequirementInfo>, units: UnitQuestions[]): ResultSource | null {
  const [head = [], ...rows] = table;
  // Columns holding question ids of one unit: the unit whose bank holds every id in them.
  const values = (i: number) => rows.map((r) => (r[i] ?? '').trim()).filter((v) => v !== '' && v !== '-');
  let unit: UnitQuestions | undefined;
  const idColumns: number[] = [];
  for (const u of units) {
    const cols = head.map((_, i) => i).filter((i) => {
      const v = values(i);
      return v.length > 0 && v.every((x) => x in u.questions);
    });
    if (cols.length > idColumns.length) { unit = u; idColumns.splice(0, idColumns.length, ...cols); }
  }
  if (!unit || idColumns.length === 0) return null;
  // Each "Question N" column's result is the "Result N" column: the same trailing number (any language), holding
  // result words or fractions.
  const isResult = (i: number) => {
    const v = values(i);
    return v.length > 0 && v.every((x) => RESULT_WORD.test(x) || RESULT_NUMBER.test(x)) && v.some((x) => RESULT_WORD.test(x));
  };
  const nth = (h: string) => /(\d+)\s*$/.exec(h)?.[1];
  const pairs = idColumns.map((q) => {
    const n = nth(head[q] ?? '');
    const r = head.findIndex((h, i) => i > q && nth(h) === n && isResult(i));
    return { q, r };
  });
  if (pairs.every((p) => p.r < 0)) throw new ResultsFileError(file, ['interactionResults'], 'interactionsOptions');
  const u = unit;
  const find = codeFinder(requirements.keys());
  const learnerIn = learnerOf(head);
  const results: LearnerResult[] = [];
  const learners = new Set<string>();
  for (const row of rows) {
    const learner = learnerIn(row);
    if (!learner) continue;
    // The attempt's interactions in order, split into tries: a try ends when a question comes again or when it
    // has as many questions as one try of the assessment.
    const tries: { id: string; fraction: number }[][] = [[]];
    for (const { q, r } of pairs) {
      const id = (row[q] ?? '').trim();
      const result = r >= 0 ? (row[r] ?? '').trim().toLowerCase() : '';
      if (!(id in u.questions) || result === '') continue;
      let current = tries[tries.length - 1] as { id: string; fraction: number }[];
      if (current.length >= u.perTry || current.some((x) => x.id === id)) tries.push((current = []));
      current.push({ id, fraction: result === 'correct' ? 1 : RESULT_NUMBER.test(result) ? Number(result) : 0 });
    }
    for (const t of tries) {
      const scores = outcomeScores(t.map(({ id, fraction }) => {
        const [weight, ...codes] = u.questions[id] as [number, ...string[]];
        return { weight, fraction, outcomes: codes.map(find).filter((c): c is string => !!c) };
      }));
      for (const [code, score] of scores) {
        results.push({ learner, code, score, mastered: isPassed(score, u.mastery) });
        learners.add(learner);
      }
    }
  }
  return { name: file, kind: 'moodle-interactions', learners: learners.size, results: best(results) };
}

/** Results from Moodle's SCORM Objectives report (text or Excel download). */
export function fromMoodleObjectives(file: string, table: Table, requirements: Map<string, RequirementInfo>): ResultSource {
  const [head = [], ...rows] = table;
  const find = codeFinder(requirements.keys());
  const columns = head.map((h, i) => {
    const token = h.trim().split(/\s+/)[0] ?? '';
    const code = find(token);
    if (!code) return undefined;
    const values = rows.map((r) => (r[i] ?? '').trim()).filter(Boolean);
    const numeric = values.length > 0 && values.every((v) => number(v) !== null);
    return { i, code, kind: numeric ? ('score' as const) : ('status' as const) };
  }).filter((c): c is NonNullable<typeof c> => c !== undefined);
  if (head.length === 0 || columns.length === 0) {
    const gradeExport = head.some((h) => /\(real\)|\(thực\)|\(percentage\)|\(phần trăm\)/i.test(h));
    throw new ResultsFileError(file, ['objectiveColumns'], gradeExport ? 'gradeExport' : 'interactionsReport');
  }
  if (columns.every((c) => rows.every((r) => (r[c.i] ?? '').trim() === ''))) throw new ResultsFileError(file, ['objectiveValues'], 'interactionsReport');
  const learnerIn = learnerOf(head);
  const results: LearnerResult[] = [];
  const learners = new Set<string>();
  for (const r of rows) {
    const learner = learnerIn(r);
    if (!learner) continue;
    const perCode = new Map<string, { score: number | null; status: string }>();
    for (const c of columns) {
      const v = (r[c.i] ?? '').trim();
      if (!v) continue;
      const e = perCode.get(c.code) ?? { score: null, status: '' };
      if (c.kind === 'score') e.score = number(v);
      else e.status = v.toLowerCase();
      perCode.set(c.code, e);
    }
    if (perCode.size === 0) continue;
    learners.add(learner);
    for (const [code, e] of perCode) {
      const mastery = requirements.get(code)?.mastery ?? 70;
      const mastered = PASSED.has(e.status) ? true : FAILED.has(e.status) ? false : e.score !== null && e.score >= mastery;
      if (e.score === null && !PASSED.has(e.status) && !FAILED.has(e.status)) continue; // completed/incomplete only: no mastery information
      results.push({ learner, code, score: e.score, mastered });
    }
  }
  return { name: file, kind: 'moodle-objectives', learners: learners.size, results: best(results) };
}

interface XStatement {
  actor?: { name?: string; mbox?: string; mbox_sha1sum?: string; openid?: string; account?: { homePage?: string; name?: string } };
  verb?: { id?: string };
  object?: { id?: string };
  result?: { score?: { raw?: number; max?: number; scaled?: number }; success?: boolean };
  context?: { contextActivities?: { parent?: { id?: string }[]; grouping?: { id?: string }[]; other?: { id?: string }[] } };
  timestamp?: string;
}

const actorKey = (a: XStatement['actor']) => a?.mbox ?? a?.mbox_sha1sum ?? a?.openid ?? (a?.account ? `${a.account.homePage ?? ''}|${a.account.name ?? ''}` : undefined);

/**
 * Results from xAPI statements (a JSON array, or an LRS answer {statements: […]}): for each learner and unit,
 * the "answered" statements of an attempt (ended by its passed/failed statement) give each requirement the
 * weighted score of the questions that target it, as the lesson runtime reports objectives; the best attempt
 * counts. Requirements are the outcome activities (urn:khienso:outcome:CODE) in context.contextActivities.other.
 */
export function fromXapi(file: string, json: unknown, requirements: Map<string, RequirementInfo>, masteryOfUnit: (unitId: string) => number | undefined): ResultSource {
  const list = Array.isArray(json) ? json : json && typeof json === 'object' && Array.isArray((json as { statements?: unknown }).statements) ? (json as { statements: unknown[] }).statements : null;
  if (!list) throw new ResultsFileError(file, ['statementsArray'], 'lrsExport');
  const statements = (list as XStatement[]).filter((s) => s && typeof s === 'object').sort((a, b) => String(a.timestamp ?? '').localeCompare(String(b.timestamp ?? '')));
  const find = codeFinder(requirements.keys());
  const outcomePrefix = iris.outcome('');
  const unitOf = (s: XStatement): string | undefined => {
    const ids = [s.object?.id, ...(s.context?.contextActivities?.parent ?? []).map((p) => p.id), ...(s.context?.contextActivities?.grouping ?? []).map((p) => p.id)];
    for (const id of ids) {
      const m = /^urn:khienso:unit:([a-z0-9-]+)/.exec(id ?? '');
      if (m) return m[1];
    }
    return undefined;
  };
  type Attempt = Map<string, { earned: number; total: number }>;
  const open = new Map<string, Attempt>();
  const results: LearnerResult[] = [];
  const learners = new Set<string>();
  let answered = 0;
  let withOutcomes = 0;
  const close = (key: string, learner: string, unitId: string) => {
    const attempt = open.get(key);
    open.delete(key);
    if (!attempt) return;
    for (const [code, a] of attempt) {
      if (a.total <= 0) continue;
      const score = Math.round((100 * a.earned) / a.total);
      const mastery = masteryOfUnit(unitId) ?? requirements.get(code)?.mastery ?? 70;
      results.push({ learner, code, score, mastered: score >= mastery });
    }
  };
  /** Unit activity ids given by a launch (xAPI/cmi5) → unit id, learnt from the answered statements' parents. */
  const unitActivities = new Map<string, string>();
  const graded = new Set<string>([VERBS.passed, VERBS.failed]);
  for (const s of statements) {
    const learner = actorKey(s.actor);
    if (!learner) continue;
    if (s.verb?.id === VERBS.answered) {
      const unitId = unitOf(s);
      if (!unitId) continue;
      answered++;
      for (const p of s.context?.contextActivities?.parent ?? []) if (p.id) unitActivities.set(p.id, unitId);
      const codes = (s.context?.contextActivities?.other ?? []).map((o) => o.id ?? '').filter((id) => id.startsWith(outcomePrefix)).map((id) => find(id.slice(outcomePrefix.length))).filter((c): c is string => !!c);
      if (codes.length === 0) continue;
      withOutcomes++;
      const sc = s.result?.score;
      const max = typeof sc?.max === 'number' && sc.max > 0 ? sc.max : 1;
      const raw = typeof sc?.raw === 'number' ? sc.raw : typeof sc?.scaled === 'number' ? sc.scaled * max : s.result?.success ? max : 0;
      const key = `${learner}\u0000${unitId}`;
      const attempt: Attempt = open.get(key) ?? new Map();
      for (const code of codes) {
        const a = attempt.get(code) ?? { earned: 0, total: 0 };
        a.earned += raw;
        a.total += max;
        attempt.set(code, a);
      }
      open.set(key, attempt);
      learners.add(learner);
    } else if (graded.has(s.verb?.id ?? '')) {
      // The unit's result ends the attempt whose answers came before it.
      const unitId = /^urn:khienso:unit:([a-z0-9-]+)$/.exec(s.object?.id ?? '')?.[1] ?? unitActivities.get(s.object?.id ?? '');
      if (unitId) close(`${learner}\u0000${unitId}`, learner, unitId);
    }
  }
  for (const key of [...open.keys()]) {
    const [learner = '', unitId = ''] = key.split('\u0000');
    close(key, learner, unitId);
  }
  if (withOutcomes === 0) {
    throw new ResultsFileError(file, [answered === 0 ? 'answeredStatements' : 'outcomeActivities'], 'lrsExport');
  }
  return { name: file, kind: 'xapi', learners: learners.size, results: best(results) };
}

/** Mastery of one requirement over a group of learners. */
export interface Mastery {
  learners: number;
  mastered: number;
  /** Share of learners who mastered it, percent with one decimal. */
  masteredPct: number;
  /** Mean score (0–100, one decimal) over the learners with a score, or null. */
  meanScore: number | null;
}

export interface MasteryRow extends Mastery {
  code: string;
  /** Per source (class), by source name. */
  bySource: Record<string, Mastery>;
}

const pct = (a: number, b: number) => (b === 0 ? 0 : Math.round((1000 * a) / b) / 10);

function masteryOf(results: LearnerResult[]): Mastery {
  const scores = results.map((r) => r.score).filter((s): s is number => s !== null);
  const mastered = results.filter((r) => r.mastered).length;
  return { learners: results.length, mastered, masteredPct: pct(mastered, results.length), meanScore: scores.length ? Math.round((10 * scores.reduce((a, b) => a + b, 0)) / scores.length) / 10 : null };
}

/**
 * One row per requirement with any result: over all sources (the school) and per source (a class), weakest
 * first (lowest share mastered, then lowest mean score). Learners are told apart per source.
 */
export function masteryTable(sources: ResultSource[]): MasteryRow[] {
  const all = sources.flatMap((s) => s.results.map((r) => ({ ...r, learner: `${s.name}\u0000${r.learner}` })));
  const codes = [...new Set(all.map((r) => r.code))];
  return codes.map((code) => {
    const bySource: Record<string, Mastery> = {};
    for (const s of sources) {
      const rs = s.results.filter((r) => r.code === code);
      if (rs.length) bySource[s.name] = masteryOf(rs);
    }
    return { code, ...masteryOf(all.filter((r) => r.code === code)), bySource };
  }).sort((a, b) => a.masteredPct - b.masteredPct || (a.meanScore ?? 101) - (b.meanScore ?? 101) || a.code.localeCompare(b.code));
}
