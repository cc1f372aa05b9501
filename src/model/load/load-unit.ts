import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ProblemList } from '../../errors/unit-error.ts';
import { UnitFrontmatterSchema } from '../unit-schema.ts';
import { AssessmentFrontmatterSchema, LessonEnFrontmatterSchema, LessonFrontmatterSchema } from '../lesson-schema.ts';
import type { Lesson, Unit } from '../unit.ts';
import { readSourceFile } from './source-file.ts';
import { parseWithFriendlyErrors } from './validate.ts';
import { parseMdx } from './mdx-ast.ts';
import { renderLessonHtml, wordCount } from './lesson-html.ts';
import { countVisuals } from './visuals.ts';
import { programFiles } from './program-files.ts';
import { extractQuestions } from './questions.ts';
import { checkOutcomes } from './check-outcomes.ts';
import { lessonLooksVietnamese, shortTextLooksVietnamese } from './check-language.ts';
import type { UnitLinkRef } from './lesson-html.ts';
import type { SourceFile } from './source-file.ts';
import type { z } from '../zod.ts';
import { STATE_BUDGET, worstCaseStateSize } from '../../core/state.ts';

/** What loading one unit needs to know about the rest of the curriculum. */
export interface UnitLoadContext {
  /** Grade of an outcome code, for outcomes that belong to one grade (CT GDPT 2018). */
  outcomeGrade?: (code: string) => number | undefined;
  /** Every unit id of the whole curriculum (id → folder), to check links between units. */
  unitIds?: ReadonlyMap<string, { dir: string; lessons?: readonly string[] }>;
  /** Largest allowed learner state in characters (default: SCORM 1.2's 4096). */
  stateBudget?: number;
}

/** Validates a file's frontmatter, unless its YAML was already reported as broken (no cascade of errors). */
function frontmatter<S extends z.ZodType>(schema: S, src: SourceFile, problems: ProblemList): z.output<S> | undefined {
  return src.yamlOk ? parseWithFriendlyErrors(schema, src.data, { file: src.file, lineOf: src.lineOf, problems }) : undefined;
}

const LESSON_FILE = /^(\d{2})-([a-z0-9-]+)\.(vi|en)\.mdx$/;

/** Loads one unit folder. Problems are collected; returns undefined when the unit is unusable. */
export function loadUnit(absDir: string, root: string, problems: ProblemList, knownOutcomes: ReadonlySet<string>, ctx: UnitLoadContext = {}): Unit | undefined {
  const rel = (p: string) => relative(root, p).split('\\').join('/');
  const before = problems.items.length;
  const unitPath = join(absDir, 'unit.mdx');
  if (!existsSync(unitPath)) {
    problems.add({ location: { file: rel(absDir) }, message: 'unit folder has no unit.mdx', hint: 'every unit needs unit.mdx with the unit metadata in its frontmatter (see docs/authoring.md)' });
    return undefined;
  }
  const src = readSourceFile(unitPath, rel(unitPath), problems);
  const front = frontmatter(UnitFrontmatterSchema, src, problems);
  const links: UnitLinkRef[] = [];
  const overviewTree = parseMdx(src.body, src.file, problems);
  const overviewHtml = overviewTree ? renderLessonHtml(overviewTree, 'vi', src.file, problems, links) : '';
  if (front) {
    for (const key of ['title', 'summary'] as const) {
      if (shortTextLooksVietnamese(front[key].en)) problems.add({ location: { file: src.file, line: src.lineOf([key, 'en']) }, field: `${key}.en`, message: `the English ${key} is Vietnamese ("${front[key].en.slice(0, 50)}")`, hint: 'write the English version here' });
    }
  }

  const lessons = loadLessons(join(absDir, 'lessons'), rel, problems, links);
  const assessment = loadAssessment(join(absDir, 'assessment.mdx'), rel, problems);
  if (front && assessment) {
    checkOutcomes(front, lessons, assessment.questions, knownOutcomes, { unitFile: src.file, unitLineOf: src.lineOf, assessmentFile: assessment.file, questionLines: assessment.lines, outcomeGrade: ctx.outcomeGrade }, problems);
  }
  if (assessment) {
    // Checked on the questions that are valid so far, so a state over budget is reported with every other problem.
    const budget = ctx.stateBudget ?? STATE_BUDGET;
    const size = worstCaseStateSize({ lessons, maxAttempts: front?.maxAttempts ?? 0, assessment });
    if (size > budget) problems.add({ location: { file: assessment.file }, message: `the learner state can reach ${size} characters, over the ${budget}-character budget (SCORM 1.2 suspend_data)`, hint: 'lower draw, shorten fill-in maxLength or question ids, or split the unit' });
  }
  if (ctx.unitIds) {
    const self = front?.id;
    for (const l of links) {
      const target = ctx.unitIds.get(l.unit);
      if (!target) problems.add({ location: { file: l.file, line: l.line }, message: `link to unit "${l.unit}", which does not exist`, hint: nearestHint(l.unit, [...ctx.unitIds.keys()]) });
      else if (l.unit === self) problems.add({ location: { file: l.file, line: l.line }, message: `link to unit "${l.unit}" points to this same unit`, hint: 'link to a section of this page with #id instead' });
      else if (l.lesson && target.lessons && !target.lessons.includes(l.lesson)) problems.add({ location: { file: l.file, line: l.line }, message: `unit "${l.unit}" has no lesson "${l.lesson}"`, hint: `its lessons are ${target.lessons.join(', ')}` });
    }
  }
  if (!front || !assessment || problems.items.length > before) return undefined;
  const { lines: _lines, invalidFront: _invalid, ...bank } = assessment;
  return { ...front, dir: rel(absDir), overviewHtml, lessons, assessment: bank };
}

function loadLessons(dir: string, rel: (p: string) => string, problems: ProblemList, links: UnitLinkRef[]): Lesson[] {
  if (!existsSync(dir)) {
    problems.add({ location: { file: rel(dir) }, message: 'unit has no lessons/ folder', hint: 'add lessons/01-<slug>.vi.mdx and lessons/01-<slug>.en.mdx' });
    return [];
  }
  const names = readdirSync(dir).filter((n) => n.endsWith('.mdx')).sort();
  const stems = new Map<string, { vi?: string; en?: string }>();
  for (const n of names) {
    const m = LESSON_FILE.exec(n);
    if (!m) {
      problems.add({ location: { file: rel(join(dir, n)) }, message: 'lesson file name must look like 01-some-slug.vi.mdx or 01-some-slug.en.mdx' });
      continue;
    }
    const stem = `${m[1]}-${m[2]}`;
    const entry = stems.get(stem) ?? {};
    entry[m[3] as 'vi' | 'en'] = join(dir, n);
    stems.set(stem, entry);
  }
  const lessons: Lesson[] = [];
  for (const [stem, files] of stems) {
    if (!files.vi || !files.en) {
      const have = files.vi ?? files.en ?? '';
      const missing = files.vi ? 'English' : 'Vietnamese';
      problems.add({ location: { file: rel(have) }, message: `missing ${missing} text: ${stem}.${files.vi ? 'en' : 'vi'}.mdx does not exist`, hint: 'every lesson needs both a .vi.mdx and an .en.mdx file' });
      continue;
    }
    const vi = readSourceFile(files.vi, rel(files.vi), problems);
    const en = readSourceFile(files.en, rel(files.en), problems);
    const meta = frontmatter(LessonFrontmatterSchema, vi, problems);
    const metaEn = frontmatter(LessonEnFrontmatterSchema, en, problems);
    const treeVi = parseMdx(vi.body, vi.file, problems);
    const treeEn = parseMdx(en.body, en.file, problems);
    if (metaEn && shortTextLooksVietnamese(metaEn.title)) problems.add({ location: { file: en.file, line: en.lineOf(['title']) }, field: 'title', message: `the English title is Vietnamese ("${metaEn.title}")`, hint: 'write the English title of the lesson' });
    if (treeEn && lessonLooksVietnamese(treeEn)) problems.add({ location: { file: en.file }, message: 'this English lesson file is written in Vietnamese', hint: `put the English text here (the Vietnamese text belongs in ${stem}.vi.mdx)` });
    if (!meta || !metaEn || !treeVi || !treeEn) continue;
    const words = { vi: wordCount(treeVi), en: wordCount(treeEn) };
    if (words.vi === 0) problems.add({ location: { file: vi.file }, message: 'missing Vietnamese text: the lesson body is empty' });
    if (words.en === 0) problems.add({ location: { file: en.file }, message: 'missing English text: the lesson body is empty' });
    const visuals = { vi: countVisuals(treeVi), en: countVisuals(treeEn) };
    if (visuals.vi !== visuals.en) problems.add({ location: { file: en.file }, message: `the English lesson has ${visuals.en} visual(s) but the Vietnamese one has ${visuals.vi}`, hint: 'both languages show the same pictures and mock-ups, with translated text' });
    const programs = { vi: programFiles(treeVi, vi.file, problems), en: programFiles(treeEn, en.file, problems) };
    const names = (l: 'vi' | 'en') => programs[l].map((p) => p.name).join(', ');
    if (names('vi') !== names('en')) problems.add({ location: { file: en.file, line: programs.en[0]?.line }, message: `the English lesson ships the files [${names('en')}] but the Vietnamese one [${names('vi')}]`, hint: 'both languages ship the same program files (file="…" on the same code blocks), with translated comments and messages' });
    if (meta.teacher) {
      const total = meta.teacher.activities.reduce((s, a) => s + a.minutes, 0);
      if (total !== meta.minutes) problems.add({ location: { file: vi.file, line: vi.lineOf(['teacher', 'activities']) }, field: 'teacher.activities', message: `activities add up to ${total} minutes but the lesson is ${meta.minutes} minutes`, hint: 'make the timed sequence fit the class period exactly' });
    }
    lessons.push({
      id: meta.id,
      order: lessons.length + 1,
      title: { vi: meta.title, en: metaEn.title },
      minutes: meta.minutes,
      outcomes: meta.outcomes,
      teacher: meta.teacher,
      html: { vi: renderLessonHtml(treeVi, 'vi', vi.file, problems, links), en: renderLessonHtml(treeEn, 'en', en.file, problems, links) },
      words,
      visuals: visuals.vi,
      files: { vi: vi.file, en: en.file },
      programs,
    });
  }
  const ids = new Map<string, string>();
  for (const l of lessons) {
    const other = ids.get(l.id);
    if (other) problems.add({ location: { file: l.files.vi }, field: 'id', message: `duplicate lesson id "${l.id}" (also in ${other})`, hint: 'lesson ids must be unique within a unit' });
    ids.set(l.id, l.files.vi);
  }
  const shipped = new Map<string, string>();
  for (const l of lessons) for (const p of l.programs.vi) {
    const other = shipped.get(p.name);
    if (other) problems.add({ location: { file: l.files.vi, line: p.line }, message: `file="${p.name}" is also shipped by ${other}`, hint: 'the program files of a unit are downloaded side by side: give each a unique name' });
    shipped.set(p.name, l.files.vi);
  }
  if (lessons.length === 0 && names.length === 0) problems.add({ location: { file: rel(dir) }, message: 'unit has no lessons', hint: 'add at least one lesson pair 01-<slug>.vi.mdx / .en.mdx' });
  return lessons;
}

function loadAssessment(path: string, rel: (p: string) => string, problems: ProblemList) {
  if (!existsSync(path)) {
    problems.add({ location: { file: rel(path) }, message: 'unit has no assessment.mdx', hint: 'every unit is graded: add assessment.mdx with a question bank' });
    return undefined;
  }
  const src = readSourceFile(path, rel(path), problems);
  const front = frontmatter(AssessmentFrontmatterSchema, src, problems);
  const tree = parseMdx(src.body, src.file, problems);
  if (!tree) return undefined;
  const sourced = extractQuestions(tree, src.file, problems);
  const seen = new Map<string, number | undefined>();
  for (const { question, line } of sourced) {
    if (seen.has(question.id)) problems.add({ location: { file: src.file, line }, message: `duplicate question id "${question.id}" (also on line ${seen.get(question.id)})`, hint: 'question ids must be unique within a unit' });
    seen.set(question.id, line);
  }
  if (!front) return { file: src.file, draw: sourced.length, questions: sourced.map((s) => s.question), lines: new Map(sourced.map((s) => [s.question.id, s.line])), invalidFront: true };
  // (draw is unknown while the frontmatter is invalid: the state budget is then checked with the whole bank)
  if (sourced.length < front.draw) problems.add({ location: { file: src.file, line: src.lineOf(['draw']) }, field: 'draw', message: `draw is ${front.draw} but the bank has only ${sourced.length} valid questions`, hint: 'add questions or lower draw' });
  return { file: src.file, draw: front.draw, questions: sourced.map((s) => s.question), lines: new Map(sourced.map((s) => [s.question.id, s.line])), invalidFront: false };
}

/** "did you mean …" for a misspelt id: the closest known ids by edit distance. */
export function nearestHint(id: string, known: readonly string[]): string {
  const near = nearest(id, known);
  return near.length ? `did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : `known ids: ${known.slice(0, 8).join(', ')}${known.length > 8 ? ', …' : ''}`;
}

/** Up to three known ids closest to `id` (edit distance at most a third of its length, or sharing a prefix). */
export function nearest(id: string, known: readonly string[]): string[] {
  const scored = known.map((k) => ({ k, d: editDistance(id.toLowerCase(), k.toLowerCase()) }));
  const limit = Math.max(2, Math.ceil(id.length / 3));
  return scored.filter((s) => s.d <= limit || (id.length >= 4 && s.k.includes(id))).sort((a, b) => a.d - b.d || a.k.localeCompare(b.k)).slice(0, 3).map((s) => s.k);
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
