// Course backups in the real Moodle: restore with Moodle's own CLI (admin/cli/restore_backup.php, as an
// administrator would), then read back what the restore made.
import { join } from 'node:path';
import type { MoodleSite } from './site.ts';
import { PHP, phpIni, run } from './tools.ts';
import type { Course, Scorm } from './fixtures.ts';

/** Restores `mbz` into a new course of category 1 with admin/cli/restore_backup.php; returns the new course and its CLI output. */
export async function restoreBackup(site: MoodleSite, mbz: string): Promise<{ course: Course; output: string }> {
  const before = await site.sql<{ id: number }>('SELECT coalesce(max(id), 0) AS id FROM mdl_course');
  const { stdout, stderr } = await run(PHP, [...phpIni(join(site.info.cacheDir, 'opcache')), 'admin/cli/restore_backup.php', `--file=${mbz}`, '--categoryid=1'], {
    env: { ...process.env, KHIENSO_MOODLE_RUN: site.info.runDir }, cwd: site.dirroot, timeoutMs: 600_000,
  });
  const rows = await site.sql<{ id: number; shortname: string }>(`SELECT id, shortname FROM mdl_course WHERE id > ${Number(before[0]?.id ?? 0)} ORDER BY id`);
  const c = rows[0];
  if (!c) throw new Error(`restore made no course:\n${stdout}\n${stderr}`);
  return { course: { id: c.id, shortname: c.shortname }, output: `${stdout}\n${stderr}` };
}

export interface RestoredScorm extends Scorm {
  name: string;
  idnumber: string;
  section: number;
  settings: Record<string, number>;
  completion: number;
}

/** The SCORM activities of a course, in course order, with their settings as stored. */
export async function restoredScorms(site: MoodleSite, course: Course): Promise<RestoredScorm[]> {
  const rows = await site.sql<Record<string, unknown>>(`
    SELECT s.*, cm.id AS cmid, cm.idnumber AS cmidnumber, cm.completion AS cmcompletion, cs.section AS sectionnum,
           (SELECT min(sc.id) FROM mdl_scorm_scoes sc WHERE sc.scorm = s.id AND sc.scormtype = 'sco') AS scoid
      FROM mdl_scorm s
      JOIN mdl_course_modules cm ON cm.instance = s.id AND cm.module = (SELECT id FROM mdl_modules WHERE name = 'scorm')
      JOIN mdl_course_sections cs ON cs.id = cm.section
     WHERE s.course = ${Number(course.id)} ORDER BY cs.section, cm.id`);
  const keys = ['popup', 'skipview', 'hidetoc', 'nav', 'displaycoursestructure', 'hidebrowse', 'grademethod', 'maxgrade', 'maxattempt', 'whatgrade', 'forcenewattempt', 'lastattemptlock', 'forcecompleted', 'auto', 'autocommit', 'masteryoverride', 'completionstatusrequired'];
  return rows.map((r) => ({
    id: Number(r.id), cmid: Number(r.cmid), courseid: course.id, version: String(r.version), scoid: Number(r.scoid),
    name: String(r.name), idnumber: String(r.cmidnumber ?? ''), section: Number(r.sectionnum), completion: Number(r.cmcompletion),
    settings: Object.fromEntries(keys.map((k) => [k, Number(r[k])])),
  }));
}
