// Moodle-native downloads listed on the Downloads page (dist/moodle/moodle.json): the course backups per grade and
// for all grades (with the contest quizzes they carry), and the competency framework, each with size and SHA-256.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distDir } from './dist.ts';
import type { Lang } from './i18n.ts';
import type { MoodleFileEntry, MoodleIndex } from '../../packaging/moodle/build-moodle.ts';
import { LEVEL_NAMES } from '../../packaging/moodle/mbz/contest-quiz.ts';

export interface MoodleDownload { label: string; note: string; f: MoodleFileEntry }

export function moodleDownloads(lang: Lang): MoodleDownload[] {
  const file = join(distDir(), 'moodle', 'moodle.json');
  if (!existsSync(file)) return [];
  const m = JSON.parse(readFileSync(file, 'utf8')) as MoodleIndex;
  const vi = lang === 'vi';
  const rows: MoodleDownload[] = (m.backups ?? []).map((b) => ({
    label: b.kind === 'all' ? (vi ? 'Khoá học mọi lớp (3–12)' : 'Course, all grades (3–12)') : (vi ? `Khoá học lớp ${b.grade}` : `Course, grade ${b.grade}`),
    note: [vi ? `${b.units.length} chủ đề` : `${b.units.length} unit(s)`,
      ...(b.contests ?? []).map((c) => (vi ? `cuộc thi ${LEVEL_NAMES[c.level].vi} (${c.questions} câu)` : `${LEVEL_NAMES[c.level].en.toLowerCase()} contest (${c.questions} questions)`))].join(', '), f: b.file,
  }));
  if (m.competencies) rows.push({ label: vi ? 'Khung năng lực (nhập trước)' : 'Competency framework (import first)', note: vi ? `${m.competencies.requirements} yêu cầu cần đạt` : `${m.competencies.requirements} requirements`, f: m.competencies.file });
  return rows;
}
