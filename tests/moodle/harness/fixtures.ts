// Courses, users, enrolments and SCORM activities made the way Moodle's own forms make them (PHP API), and
// what Moodle stored: SCORM tracks, gradebook grade, activity completion.
import type { MoodleSite } from './site.ts';

export interface Course { id: number; shortname: string }
export interface User { id: number; username: string; password: string }

/**
 * The SCORM activity settings (mod_form field names and values). Defaults are Moodle's site defaults;
 * `GUIDE_SCORM_SETTINGS` are those docs/moodle-import.md tells teachers to use.
 */
export interface ScormSettings {
  name?: string;
  /** Display package: 0 current window, 1 new window. */
  popup?: 0 | 1;
  /** Student skip content structure page: 0 never, 1 first access, 2 always. */
  skipview?: 0 | 1 | 2;
  /** Display course structure in player: 0 to the side, 1 hidden, 2 in a drop-down, 3 disabled. */
  hidetoc?: 0 | 1 | 2 | 3;
  /** Show navigation: 0 no, 1 under content, 2 floating. */
  nav?: 0 | 1 | 2;
  /** Display course structure on entry page. */
  displaycoursestructure?: 0 | 1;
  /** Disable preview mode ("Hide preview"). */
  hidebrowse?: 0 | 1;
  /** Grading method: 0 learning objects, 1 highest grade, 2 average, 3 sum. */
  grademethod?: 0 | 1 | 2 | 3;
  maxgrade?: number;
  /** Number of attempts: 0 unlimited. */
  maxattempt?: number;
  /** Attempts grading: 0 highest, 1 average, 2 first, 3 last completed. */
  whatgrade?: 0 | 1 | 2 | 3;
  /** Force new attempt: 0 no, 1 when previous attempt completed, passed or failed, 2 always. */
  forcenewattempt?: 0 | 1 | 2;
  lastattemptlock?: 0 | 1;
  forcecompleted?: 0 | 1;
  auto?: 0 | 1;
  autocommit?: 0 | 1;
  /** Mastery score overrides status. */
  masteryoverride?: 0 | 1;
  /** Activity completion (automatic): required statuses and/or minimum score. */
  completion?: { status?: ('passed' | 'completed')[]; minScore?: number };
}

/** The settings docs/moodle-import.md gives teachers (completion added per scenario). */
export const GUIDE_SCORM_SETTINGS: ScormSettings = {
  popup: 0, skipview: 2, hidetoc: 3, nav: 0, displaycoursestructure: 0,
  grademethod: 1, maxgrade: 100, maxattempt: 0, whatgrade: 0, forcenewattempt: 0, lastattemptlock: 0,
  forcecompleted: 0, auto: 0, autocommit: 0, masteryoverride: 1,
};

export interface Scorm { id: number; cmid: number; courseid: number; version: string; scoid: number }

export async function createCourse(site: MoodleSite, shortname = 'khs101', fullname = 'Khiên Số test course'): Promise<Course> {
  return site.php<Course>(`
    require_once($CFG->dirroot . '/course/lib.php');
    $c = create_course((object)['fullname' => $args->fullname, 'shortname' => $args->shortname, 'category' => 1,
      'enablecompletion' => 1, 'format' => 'topics', 'numsections' => 1]);
    return ['id' => (int)$c->id, 'shortname' => $c->shortname];`, { shortname, fullname });
}

/** A manual-auth user with a complete profile (so login goes straight in), enrolled as `role` when a course is given. */
export async function createUser(site: MoodleSite, username: string, opts: { course?: Course; role?: 'student' | 'editingteacher'; password?: string } = {}): Promise<User> {
  const password = opts.password ?? 'Khienso-1-pass';
  const r = await site.php<{ id: number }>(`
    require_once($CFG->dirroot . '/user/lib.php');
    require_once($CFG->libdir . '/enrollib.php');
    $id = user_create_user((object)['username' => $args->username, 'password' => $args->password, 'auth' => 'manual',
      'confirmed' => 1, 'mnethostid' => $CFG->mnet_localhost_id, 'firstname' => 'Học', 'lastname' => 'Sinh ' . $args->username,
      'email' => $args->username . '@khienso.test', 'lang' => 'en'], true, false);
    if ($args->courseid) {
      $instance = $DB->get_record('enrol', ['courseid' => $args->courseid, 'enrol' => 'manual'], '*', MUST_EXIST);
      $role = $DB->get_record('role', ['shortname' => $args->role], '*', MUST_EXIST);
      enrol_get_plugin('manual')->enrol_user($instance, $id, $role->id);
    }
    return ['id' => (int)$id];`, { username, password, courseid: opts.course?.id ?? 0, role: opts.role ?? 'student' });
  return { id: r.id, username, password };
}

/** Adds a SCORM activity from a package zip on this machine, as the "Add an activity → SCORM package" form does. */
export async function addScorm(site: MoodleSite, course: Course, packageZip: string, settings: ScormSettings = {}): Promise<Scorm> {
  const { completion, ...fields } = settings;
  let statusBits = 0;
  for (const s of completion?.status ?? []) statusBits |= s === 'passed' ? 2 : 4;
  return site.php<Scorm>(`
    require_once($CFG->dirroot . '/course/modlib.php');
    require_once($CFG->dirroot . '/mod/scorm/lib.php');
    require_once($CFG->dirroot . '/mod/scorm/locallib.php');
    $course = get_course($args->courseid);
    $draft = file_get_unused_draft_itemid();
    get_file_storage()->create_file_from_pathname(['contextid' => context_user::instance($USER->id)->id,
      'component' => 'user', 'filearea' => 'draft', 'itemid' => $draft, 'filepath' => '/',
      'filename' => basename($args->zip)], $args->zip);
    $cfg = get_config('scorm');
    $mi = (object)[
      'modulename' => 'scorm', 'module' => $DB->get_field('modules', 'id', ['name' => 'scorm']), 'course' => $course->id,
      'section' => 1, 'visible' => 1, 'visibleoncoursepage' => 1, 'cmidnumber' => '', 'groupmode' => 0, 'groupingid' => 0,
      'name' => 'Khiên Số unit', 'intro' => '', 'introformat' => FORMAT_HTML,
      'scormtype' => SCORM_TYPE_LOCAL, 'packagefile' => $draft, 'updatefreq' => 0,
      'popup' => $cfg->popup, 'width' => $cfg->framewidth, 'height' => $cfg->frameheight,
      'skipview' => $cfg->skipview, 'hidebrowse' => $cfg->hidebrowse, 'displaycoursestructure' => $cfg->displaycoursestructure,
      'hidetoc' => $cfg->hidetoc, 'nav' => $cfg->nav, 'navpositionleft' => $cfg->navpositionleft, 'navpositiontop' => $cfg->navpositiontop,
      'displayattemptstatus' => $cfg->displayattemptstatus, 'displayactivityname' => 1,
      'grademethod' => $cfg->grademethod, 'maxgrade' => $cfg->maxgrade, 'maxattempt' => $cfg->maxattempt, 'whatgrade' => $cfg->whatgrade,
      'forcenewattempt' => $cfg->forcenewattempt, 'lastattemptlock' => $cfg->lastattemptlock, 'forcecompleted' => $cfg->forcecompleted,
      'auto' => $cfg->auto, 'autocommit' => $cfg->autocommit, 'masteryoverride' => $cfg->masteryoverride,
      'timeopen' => 0, 'timeclose' => 0,
      'completion' => COMPLETION_TRACKING_NONE, 'completionview' => 0, 'completionexpected' => 0,
      'completionstatusrequired' => null, 'completionscorerequired' => null, 'completionstatusallscos' => 0,
    ];
    foreach ((array)$args->fields as $k => $v) { $mi->$k = $v; }
    if ($args->statusbits || $args->minscore !== null) {
      $mi->completion = COMPLETION_TRACKING_AUTOMATIC;
      $mi->completionstatusrequired = $args->statusbits ?: null;
      $mi->completionscorerequired = $args->minscore;
    }
    $mi = add_moduleinfo($mi, $course);
    $scorm = $DB->get_record('scorm', ['id' => $mi->instance], '*', MUST_EXIST);
    $sco = $DB->get_record_select('scorm_scoes', "scorm = ? AND scormtype = 'sco'", [$scorm->id], 'id', MUST_EXIST);
    return ['id' => (int)$scorm->id, 'cmid' => (int)$mi->coursemodule, 'courseid' => (int)$course->id, 'version' => $scorm->version, 'scoid' => (int)$sco->id];`,
  { courseid: course.id, zip: packageZip, fields, statusbits: statusBits, minscore: completion?.minScore ?? null });
}

export interface Attempt { attempt: number; tracks: Record<string, string> }

/** What Moodle stored for this learner, per attempt (scorm_attempt + scorm_scoes_value + scorm_element), oldest first. */
export async function scormAttempts(site: MoodleSite, scorm: Scorm, user: User): Promise<Attempt[]> {
  const rows = await site.sql<{ attempt: number; element: string; value: string }>(`
    SELECT a.attempt, e.element, v.value FROM mdl_scorm_attempt a
      JOIN mdl_scorm_scoes_value v ON v.attemptid = a.id JOIN mdl_scorm_element e ON e.id = v.elementid
     WHERE a.scormid = ${Number(scorm.id)} AND a.userid = ${Number(user.id)} ORDER BY a.attempt, e.element`);
  const out = new Map<number, Record<string, string>>();
  for (const r of rows) {
    const t = out.get(r.attempt) ?? {};
    t[r.element] = r.value;
    out.set(r.attempt, t);
  }
  return [...out.entries()].map(([attempt, tracks]) => ({ attempt, tracks }));
}

/** The gradebook grade of the activity for this learner (grade_grades.finalgrade), null when none. */
export async function gradebookGrade(site: MoodleSite, scorm: Scorm, user: User): Promise<number | null> {
  const rows = await site.sql<{ finalgrade: string | number | null }>(`
    SELECT g.finalgrade FROM mdl_grade_grades g JOIN mdl_grade_items i ON i.id = g.itemid
     WHERE i.itemtype = 'mod' AND i.itemmodule = 'scorm' AND i.iteminstance = ${Number(scorm.id)} AND g.userid = ${Number(user.id)}`);
  const g = rows[0]?.finalgrade;
  return g === undefined || g === null ? null : Number(g);
}

/**
 * Activity completion as the course page shows it to the learner (cm_completion_details): the overall state
 * and each rule's state (e.g. completionstatusrequired, completionscorerequired).
 */
export async function completionState(site: MoodleSite, scorm: Scorm, user: User): Promise<{ overall: 'incomplete' | 'complete' | 'complete-pass' | 'complete-fail'; rules: Record<string, string> }> {
  const names = ['incomplete', 'complete', 'complete-pass', 'complete-fail'] as const;
  const r = await site.php<{ overall: number; rules: Record<string, number> }>(`
    require_once($CFG->libdir . '/completionlib.php');
    $course = get_course($args->courseid);
    $cm = get_fast_modinfo($course, $args->userid)->get_cm($args->cmid);
    $details = \\core_completion\\cm_completion_details::get_instance($cm, $args->userid);
    $rules = [];
    foreach ($details->get_details() as $name => $d) { $rules[$name] = (int)$d->status; }
    return ['overall' => (int)$details->get_overall_completion(), 'rules' => (object)$rules];`,
  { courseid: scorm.courseid, cmid: scorm.cmid, userid: user.id }, { readOnly: true });
  const rules: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.rules)) rules[k] = names[v] ?? String(v);
  return { overall: names[r.overall] ?? 'incomplete', rules };
}
