// The small XML files of a Moodle 2 course backup, written as Moodle 4.3's own backup writes them
// (backup/moodle2/backup_stepslib.php, mod/scorm/backup/moodle2/backup_scorm_stepslib.php): same elements, same order,
// `$@NULL@$` for a database NULL. Pure string builders.
import { xmlEscape } from '../../xml.ts';

export const NULL = '$@NULL@$';
/** Every time field in the backup: fixed, so the .mbz is reproducible (2025-01-01T00:00:00Z). */
export const TIME = 1735689600;
/** Moodle 4.3.0 (the oldest release these backups are tested with; later releases restore older backups). */
export const MOODLE_VERSION = 2023100900;
export const MOODLE_RELEASE = '4.3';

export type Value = string | number | null | undefined;
const v = (x: Value) => (x === null || x === undefined ? NULL : xmlEscape(String(x)));

/** `<name>value</name>` lines for each field, indented. */
export function fields(obj: Record<string, Value>, indent: number): string {
  const pad = ' '.repeat(indent);
  return Object.entries(obj).map(([k, x]) => `${pad}<${k}>${v(x)}</${k}>`).join('\n');
}

export const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`;

/** A gradebook grade item (gradebook.xml for the course total, grades.xml for an activity). */
export function gradeItem(id: number, f: { categoryid: number | null; itemname: string | null; itemtype: 'course' | 'mod'; itemmodule: string | null; iteminstance: number; itemnumber: number | null; idnumber: string | null; grademax: number; gradepass: number; sortorder: number }): string {
  return `    <grade_item id="${id}">
${fields({
  categoryid: f.categoryid, itemname: f.itemname, itemtype: f.itemtype, itemmodule: f.itemmodule, iteminstance: f.iteminstance,
  itemnumber: f.itemnumber, iteminfo: null, idnumber: f.idnumber, calculation: null, gradetype: 1,
  grademax: f.grademax.toFixed(5), grademin: '0.00000', scaleid: null, outcomeid: null, gradepass: f.gradepass.toFixed(5),
  multfactor: '1.00000', plusfactor: '0.00000', aggregationcoef: '0.00000', aggregationcoef2: '0.00000', weightoverride: 0,
  sortorder: f.sortorder, display: 0, decimals: null, hidden: 0, locked: 0, locktime: 0, needsupdate: 0,
  timecreated: TIME, timemodified: TIME,
}, 6)}
      <grade_grades>
      </grade_grades>
    </grade_item>`;
}

/** An activity's grades.xml: its one grade item. */
export const activityGrades = (item: string) => doc(`<activity_gradebook>
  <grade_items>
${item}
  </grade_items>
  <grade_letters>
  </grade_letters>
</activity_gradebook>`);

/** One row of files.xml. `mimetype` null lets Moodle derive it from the file name on restore. */
export function fileRecord(id: number, f: { contenthash: string; contextid: number; component: string; filearea: string; filepath: string; filename: string; filesize: number; mimetype: string | null }): string {
  return `  <file id="${id}">
${fields({
  contenthash: f.contenthash, contextid: f.contextid, component: f.component, filearea: f.filearea, itemid: 0,
  filepath: f.filepath, filename: f.filename, userid: null, filesize: f.filesize, mimetype: f.mimetype, status: 0,
  timecreated: TIME, timemodified: TIME, source: null, author: null, license: null, sortorder: 0,
  repositorytype: null, repositoryid: null, reference: null,
}, 4)}
  </file>`;
}

export const EMPTY = {
  calendar: doc('<events>\n</events>'),
  filters: doc('<filters>\n  <filter_actives>\n  </filter_actives>\n  <filter_configs>\n  </filter_configs>\n</filters>'),
  gradeHistory: doc('<grade_history>\n  <grade_grades>\n  </grade_grades>\n</grade_history>'),
  roles: doc('<roles>\n  <role_overrides>\n  </role_overrides>\n  <role_assignments>\n  </role_assignments>\n</roles>'),
  /** The student role, which the manual enrolment method below refers to. */
  rolesDefinition: doc('<roles_definition>\n  <role id="5">\n    <name></name>\n    <shortname>student</shortname>\n    <nameincourse>$@NULL@$</nameincourse>\n    <description></description>\n    <sortorder>5</sortorder>\n    <archetype>student</archetype>\n  </role>\n</roles_definition>'),
  courseInforef: doc('<inforef>\n  <roleref>\n    <role>\n      <id>5</id>\n    </role>\n  </roleref>\n</inforef>'),
  scales: doc('<scales_definition>\n</scales_definition>'),
  outcomes: doc('<outcomes_definition>\n</outcomes_definition>'),
  groups: doc('<groups>\n  <groupcustomfields>\n  </groupcustomfields>\n  <groupings>\n    <groupingcustomfields>\n    </groupingcustomfields>\n  </groupings>\n</groups>'),
  completion: doc('<course_completion>\n</course_completion>'),
  completionDefaults: doc('<course_completion_defaults>\n</course_completion_defaults>'),
  contentbank: doc('<contents>\n</contents>'),
  inforef: doc('<inforef>\n</inforef>'),
};

/** The manual enrolment method (so a teacher can enrol a class straight after restoring). */
export const ENROLMENTS = doc(`<enrolments>
  <enrols>
    <enrol id="1">
${fields({
  enrol: 'manual', status: 0, name: null, enrolperiod: 0, enrolstartdate: 0, enrolenddate: 0, expirynotify: 0, expirythreshold: 86400,
  notifyall: 0, password: null, cost: null, currency: null, roleid: 5,
  customint1: null, customint2: null, customint3: null, customint4: null, customint5: null, customint6: null, customint7: null, customint8: null,
  customchar1: null, customchar2: null, customchar3: null, customdec1: null, customdec2: null,
  customtext1: null, customtext2: null, customtext3: null, customtext4: null, timecreated: TIME, timemodified: TIME,
}, 6)}
      <user_enrolments>
      </user_enrolments>
    </enrol>
  </enrols>
</enrolments>`);
