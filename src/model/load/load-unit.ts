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
import { extractQuestions } from './questions.ts';
import { checkOutcomes } from './check-outcomes.ts';

const LESSON_FILE = /^(\d{2})-([a-z0-9-]+)\.(vi|en)\.mdx$/;

/** Loads one unit folder. Problems are collected; returns undefined when the unit is unusable. */
export function loadUnit(absDir: string, root: string, problems: ProblemList, knownOutcomes: ReadonlySet<string>): Unit | undefined {
  const rel = (p: string) => relative(root, p).split('\\').join('/');
  const before = problems.items.length;
  const unitPath = join(absDir, 'unit.mdx');
  if (!existsSync(unitPath)) {
    problems.add({ location: { file: rel(absDir) }, message: 'unit folder has no unit.mdx', hint: 'every unit needs unit.mdx with the unit metadata in its frontmatter (see docs/authoring.md)' });
    return undefined;
  }
  const src = readSourceFile(unitPath, rel(unitPath), problems);
  const front = parseWithFriendlyErrors(UnitFrontmatterSchema, src.data, { file: src.file, lineOf: src.lineOf, problems });
  const overviewTree = parseMdx(src.body, src.file, problems);
  const overviewHtml = overviewTree ? renderLessonHtml(overviewTree, 'vi', src.file, problems) : '';

  const lessons = loadLessons(join(absDir, 'lessons'), rel, problems);
  const assessment = loadAssessment(join(absDir, 'assessment.mdx'), rel, problems);
  if (front && assessment) {
    checkOutcomes(front, lessons, assessment.questions, knownOutcomes, { unitFile: src.file, unitLineOf: src.lineOf, assessmentFile: assessment.file, questionLines: assessment.lines }, problems);
  }
  if (!front || !assessment || problems.items.length > before) return undefined;
  const { lines: _lines, ...bank } = assessment;
  return { ...front, dir: rel(absDir), overviewHtml, lessons, assessment: bank };
}

function loadLessons(dir: string, rel: (p: string) => string, problems: ProblemList): Lesson[] {
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
    const meta = parseWithFriendlyErrors(LessonFrontmatterSchema, vi.data, { file: vi.file, lineOf: vi.lineOf, problems });
    const metaEn = parseWithFriendlyErrors(LessonEnFrontmatterSchema, en.data, { file: en.file, lineOf: en.lineOf, problems });
    const treeVi = parseMdx(vi.body, vi.file, problems);
    const treeEn = parseMdx(en.body, en.file, problems);
    if (!meta || !metaEn || !treeVi || !treeEn) continue;
    const words = { vi: wordCount(treeVi), en: wordCount(treeEn) };
    if (words.vi === 0) problems.add({ location: { file: vi.file }, message: 'missing Vietnamese text: the lesson body is empty' });
    if (words.en === 0) problems.add({ location: { file: en.file }, message: 'missing English text: the lesson body is empty' });
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
      html: { vi: renderLessonHtml(treeVi, 'vi', vi.file, problems), en: renderLessonHtml(treeEn, 'en', en.file, problems) },
      words,
      files: { vi: vi.file, en: en.file },
    });
  }
  const ids = new Map<string, string>();
  for (const l of lessons) {
    const other = ids.get(l.id);
    if (other) problems.add({ location: { file: l.files.vi }, field: 'id', message: `duplicate lesson id "${l.id}" (also in ${other})`, hint: 'lesson ids must be unique within a unit' });
    ids.set(l.id, l.files.vi);
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
  const front = parseWithFriendlyErrors(AssessmentFrontmatterSchema, src.data, { file: src.file, lineOf: src.lineOf, problems });
  const tree = parseMdx(src.body, src.file, problems);
  if (!front || !tree) return undefined;
  const sourced = extractQuestions(tree, src.file, problems);
  const seen = new Map<string, number | undefined>();
  for (const { question, line } of sourced) {
    if (seen.has(question.id)) problems.add({ location: { file: src.file, line }, message: `duplicate question id "${question.id}" (also on line ${seen.get(question.id)})`, hint: 'question ids must be unique within a unit' });
    seen.set(question.id, line);
  }
  if (sourced.length < front.draw) problems.add({ location: { file: src.file, line: src.lineOf(['draw']) }, field: 'draw', message: `draw is ${front.draw} but the bank has only ${sourced.length} valid questions`, hint: 'add questions or lower draw' });
  return { file: src.file, draw: front.draw, questions: sourced.map((s) => s.question), lines: new Map(sourced.map((s) => [s.question.id, s.line])) };
}
