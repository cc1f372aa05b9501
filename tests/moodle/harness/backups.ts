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

/** Imports the competency framework CSV (dist/moodle/competencies.csv) as Site administration → Competencies → Import does. */
export async function importCompetencyFramework(site: MoodleSite, csvPath: string): Promise<{ idnumber: string; competencies: number }> {
  return site.php(`
    $importer = new \\tool_lpimportcsv\\framework_importer(file_get_contents($args->csv), 'UTF-8', 'comma');
    if ($error = $importer->get_error()) { throw new moodle_exception('generalexceptionmessage', 'error', '', $error); }
    $fw = $importer->import();
    return ['idnumber' => $fw->get('idnumber'), 'competencies' => \\core_competency\\competency::count_records(['competencyframeworkid' => $fw->get('id')])];`,
  { csv: csvPath });
}

/** The competencies linked to a course and to each of its activities (by course-module id), as id numbers. */
export async function competencyLinks(site: MoodleSite, course: Course): Promise<{ course: string[]; modules: Record<number, { idnumber: string; ruleoutcome: number }[]> }> {
  const cc = await site.sql<{ idnumber: string }>(`SELECT c.idnumber FROM mdl_competency_coursecomp cc JOIN mdl_competency c ON c.id = cc.competencyid WHERE cc.courseid = ${Number(course.id)} ORDER BY c.idnumber`);
  const mc = await site.sql<{ cmid: number; idnumber: string; ruleoutcome: number }>(`
    SELECT m.cmid, c.idnumber, m.ruleoutcome FROM mdl_competency_modulecomp m JOIN mdl_competency c ON c.id = m.competencyid
      JOIN mdl_course_modules cm ON cm.id = m.cmid WHERE cm.course = ${Number(course.id)} ORDER BY m.cmid, m.sortorder`);
  const modules: Record<number, { idnumber: string; ruleoutcome: number }[]> = {};
  for (const r of mc) (modules[r.cmid] ??= []).push({ idnumber: r.idnumber, ruleoutcome: Number(r.ruleoutcome) });
  return { course: cc.map((r) => r.idnumber), modules };
}

/** The learner's competency ratings (user_competency) and how much evidence each has. */
export async function userCompetencies(site: MoodleSite, userId: number): Promise<Record<string, { proficiency: number | null; grade: number | null; evidence: number }>> {
  const rows = await site.sql<{ idnumber: string; proficiency: number | null; grade: number | null; evidence: number }>(`
    SELECT c.idnumber, uc.proficiency, uc.grade, (SELECT count(*) FROM mdl_competency_evidence e WHERE e.usercompetencyid = uc.id) AS evidence
      FROM mdl_competency_usercomp uc JOIN mdl_competency c ON c.id = uc.competencyid WHERE uc.userid = ${Number(userId)}`);
  return Object.fromEntries(rows.map((r) => [r.idnumber, { proficiency: r.proficiency === null ? null : Number(r.proficiency), grade: r.grade === null ? null : Number(r.grade), evidence: Number(r.evidence) }]));
}
