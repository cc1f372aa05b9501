import type { ProblemList } from '../../errors/unit-error.ts';
import type { Unit } from '../unit.ts';
import { lineMatching } from './question-lines.ts';

/** The slug of a lesson as its file names it, without language: "01-internet-risks". */
export function lessonSlug(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.(vi|en)\.mdx$/, '');
}

/**
 * Checks a unit's shortPath: every lesson it names exists (by file slug or lesson id), none twice. Rewrites
 * the names to lesson ids, the name every other part of the model uses.
 */
export function checkShortPath(root: string, unit: Unit, problems: ProblemList): void {
  const sp = unit.shortPath;
  if (!sp) return;
  const file = `${unit.dir}/unit.mdx`;
  const line = lineMatching(root, file, /^\s*lessons:/) ?? lineMatching(root, file, /^shortPath:/);
  const ids: string[] = [];
  for (const name of sp.lessons) {
    const lesson = unit.lessons.find((l) => lessonSlug(l.files.vi) === name || l.id === name);
    if (!lesson) {
      problems.add({ location: { file, line }, field: 'shortPath.lessons', message: `shortPath names lesson "${name}", which is not a lesson of this unit`, hint: `use the lesson file names without language: ${unit.lessons.map((l) => lessonSlug(l.files.vi)).join(', ')}` });
      continue;
    }
    if (ids.includes(lesson.id)) problems.add({ location: { file, line }, field: 'shortPath.lessons', message: `shortPath names lesson "${name}" twice` });
    ids.push(lesson.id);
  }
  sp.lessons = ids;
}
