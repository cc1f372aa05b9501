import type { LocalizedText } from './text.ts';
import type { TeacherNotes } from './lesson-schema.ts';
import type { Question } from './question-schema.ts';
import type { UnitFrontmatter } from './unit-schema.ts';

/** One lesson (one class period), rendered in both languages. */
export interface Lesson {
  id: string;
  /** 1-based position in the unit. */
  order: number;
  title: LocalizedText;
  minutes: number;
  outcomes: string[];
  teacher?: TeacherNotes;
  /** Rendered lesson body. */
  html: LocalizedText;
  words: { vi: number; en: number };
  /** Number of visuals (mock-ups, illustrations, comics) in the lesson; the same in both languages. */
  visuals: number;
  /** Source files, relative to the repository root. */
  files: { vi: string; en: string };
  /** Program files the lesson's code blocks ship (```python file="…"), per language: same names, translated comments. */
  programs: { vi: ProgramFile[]; en: ProgramFile[] };
}

/** A program file written in a lesson's code block, with what it prints when the lesson shows it. */
export interface ProgramFile {
  name: string;
  language: string;
  code: string;
  /** Expected output (a later ```text output="<name>" block); runs of 16+ hex digits vary (random salts). */
  output?: string;
  line: number | undefined;
}

/** The graded question bank of a unit. */
export interface Assessment {
  file: string;
  /** Questions drawn per attempt. */
  draw: number;
  questions: Question[];
}

/** A validated unit: the single source every page, guide, report and package is derived from. */
export interface Unit extends UnitFrontmatter {
  /** Folder, relative to the repository root. */
  dir: string;
  /** Teacher overview from the unit.mdx body (Vietnamese), as HTML. */
  overviewHtml: string;
  lessons: Lesson[];
  assessment: Assessment;
}
