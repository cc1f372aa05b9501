/** The school level of a grade (CT GDPT 2018): primary 3–5, lower secondary 6–9, upper secondary 10–12. */
export type SchoolLevel = 'primary' | 'lower-secondary' | 'upper-secondary';

export function schoolLevel(grade: number): SchoolLevel {
  return grade <= 5 ? 'primary' : grade <= 9 ? 'lower-secondary' : 'upper-secondary';
}

/** Grades 3–5 (8–10-year-olds): pictures on every lesson, the young learners' wording and bigger targets. */
export const isYoungGrade = (grade: number): boolean => schoolLevel(grade) === 'primary';
