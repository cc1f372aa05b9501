// Which course backups a release offers: one per grade (course-grade-N.mbz) and one of all grades
// (course-all-grades.mbz), units in grade order, then in the curriculum's order; each with the knowledge-contest quiz
// of its school level (all three in course-all-grades.mbz). Pure: packages come in as bytes.
import type { Unit } from '../../../src/model/unit.ts';
import { schoolLevel, type SchoolLevel } from '../../../src/model/school-level.ts';
import { moodleQuestion } from '../question-xml.ts';
import { contestSlots } from './contest-quiz.ts';
import { courseBackup } from './course-backup.ts';

/** Questions of a unit that Moodle gets (labs and hotspots have no Moodle type). */
const moodleQuestionCount = (u: Unit) => u.assessment.questions.filter((q) => !('omitted' in moodleQuestion(u, q, 'vi'))).length;

export interface BuiltBackup {
  kind: 'grade' | 'all'; grade?: number; units: string[]; file: string; bytes: Uint8Array;
  /** The contest quizzes it carries: school level and questions per attempt. */
  contests: { level: SchoolLevel; questions: number }[];
}

const courseSummary = (what: string, n: number) =>
  `<p>Khiên Số — an toàn thông tin, ${what}: ${n} chủ đề, mỗi chủ đề một gói SCORM 1.2 đã cài sẵn (điểm 0–100, hoàn thành khi đạt).</p>` +
  `<p lang="en">Khiên Số information-security units: ${n} unit(s), each a SCORM 1.2 activity already set up (grade 0–100, complete when passed).</p>`;

export function courseBackups(units: Unit[], scorm12: (unitId: string) => Uint8Array, competencies: Set<string>, guideUrl?: string): BuiltBackup[] {
  const ordered = units.map((u, i) => ({ u, i })).sort((a, b) => a.u.grade - b.u.grade || a.i - b.i).map((x) => x.u);
  const base = guideUrl ? (guideUrl.endsWith('/') ? guideUrl : `${guideUrl}/`) : undefined;
  // The contest of a school level draws from every unit of the level, whichever backup carries it.
  const levels = [...new Set(ordered.map((u) => schoolLevel(u.grade)))];
  const contest = (level: SchoolLevel) => ({ level, units: ordered.filter((u) => schoolLevel(u.grade) === level) });
  const contestsOf = (list: Unit[]) => levels.filter((l) => list.some((u) => schoolLevel(u.grade) === l)).map(contest);
  const make = (list: Unit[], shortname: string, fullname: string, summary: string) =>
    courseBackup({ shortname, fullname, summary, units: list.map((unit) => ({ unit, scorm12: scorm12(unit.id) })), competencies, guideUrl: base, contests: contestsOf(list) });
  const described = (list: Unit[]) => contestsOf(list).map((c) => ({ level: c.level, questions: contestSlots({ level: c.level, units: c.units.map((u) => ({ id: u.id, categoryId: 0, questions: moodleQuestionCount(u) })) }).length }));
  const out: BuiltBackup[] = [];
  for (const grade of [...new Set(ordered.map((u) => u.grade))]) {
    const list = ordered.filter((u) => u.grade === grade);
    out.push({ kind: 'grade', grade, units: list.map((u) => u.id), file: `course-grade-${grade}.mbz`, contests: described(list),
      bytes: make(list, `khienso-lop${grade}`, `Khiên Số — An toàn thông tin lớp ${grade}`, courseSummary(`lớp ${grade}`, list.length)) });
  }
  out.push({ kind: 'all', units: ordered.map((u) => u.id), file: 'course-all-grades.mbz', contests: described(ordered),
    bytes: make(ordered, 'khienso-all', 'Khiên Số — An toàn thông tin lớp 3–12', courseSummary('lớp 3–12', ordered.length)) });
  return out;
}
