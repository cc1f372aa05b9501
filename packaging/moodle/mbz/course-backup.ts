// A Moodle 2 course backup (.mbz) of Khiên Số units, derived from the unit model and each unit's SCORM 1.2 package:
// one section per unit (summary, lessons, where the lesson plan is), one SCORM activity per unit with the settings
// the real-Moodle tests prove (tests/moodle/harness/fixtures.ts GUIDE_SCORM_SETTINGS + completion "passed"),
// the package and its unpacked content as Moodle stores them (files.xml + files/<2 hex>/<sha1>), a gradebook (one
// course category, "Mean of grades" over the units a learner has a grade in, pass mark = the unit's mastery score)
// and competency links (course + activity, "complete the competency" when the activity is completed) to the
// framework of competencies.csv, matched by id number on restore.
// Layout and elements follow a backup Moodle 4.3 itself made of such a course (admin/cli/backup.php).
// Pure: bytes in, bytes out.
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import type { Unit } from '../../../src/model/unit.ts';
import { packageIds, xmlEscape } from '../../xml.ts';
import { FRAMEWORK_IDNUMBER } from '../competencies-csv.ts';
import type { SchoolLevel } from '../../../src/model/school-level.ts';
import { CONTEST_GRADE, CONTEST_PASS, contestName, contestQuizXml, LEVEL_NAMES } from './contest-quiz.ts';
import { backupQuestionBank } from './questions.ts';
import { tgz } from './tgz.ts';
import { activityGrades, doc, EMPTY, ENROLMENTS, fields, fileRecord, gradeItem, MOODLE_RELEASE, MOODLE_VERSION, NULL, TIME } from './xml-parts.ts';

export interface BackupUnit {
  unit: Unit;
  /** The unit's SCORM 1.2 package (dist/packages/scorm12/<id>.zip). */
  scorm12: Uint8Array;
}

export interface CourseBackupSpec {
  shortname: string;
  fullname: string;
  /** Course summary (HTML). */
  summary: string;
  units: BackupUnit[];
  /** Programme outcome codes that exist in competencies.csv: only these are linked. */
  competencies: Set<string>;
  /** Base URL of the published teacher guide (ending in /); without it the sections name the page instead of linking. */
  guideUrl?: string;
  /**
   * Knowledge-contest quizzes, one per school level, in a last section; each draws random questions from its units'
   * categories. The question bank (questions.xml) holds the questions of every unit of every contest.
   */
  contests?: { level: SchoolLevel; units: Unit[] }[];
}

/** The SCORM settings every activity gets (mod_scorm field → value), as the real-Moodle tests prove right. */
export const BACKUP_SCORM_SETTINGS = {
  popup: 0, skipview: 2, hidetoc: 3, nav: 0, displaycoursestructure: 0, hidebrowse: 0,
  grademethod: 1, maxgrade: 100, maxattempt: 0, whatgrade: 0, forcenewattempt: 0, lastattemptlock: 0,
  forcecompleted: 0, auto: 0, autocommit: 0, masteryoverride: 1,
  /** Activity completion: automatic, "Require status: Passed" (bit 2). */
  completion: 2, completionstatusrequired: 2,
} as const;

/** Moodle's grade aggregation "Mean of grades" (grade/lib GRADE_AGGREGATE_MEAN). */
const AGGREGATE_MEAN = 0;
/** The course's context id in the backup (course/course.xml contextid); the question categories live there. */
const COURSE_CONTEXT = 2;

const sha1 = (b: Uint8Array) => createHash('sha1').update(b).digest('hex');
const esc = xmlEscape;

/** The HTML summary of a unit's section: what it is about, its lessons, where the lesson plan and key are. */
export function sectionSummary(unit: Unit, guideUrl?: string): string {
  const lessons = unit.lessons.map((l) => `<li>${esc(l.title.vi)} <span lang="en">(${esc(l.title.en)})</span></li>`).join('');
  const plan = guideUrl
    ? `<a href="${esc(`${guideUrl}units/${unit.id}/`)}">Kế hoạch bài dạy, đáp án, phiếu học tập</a> <span lang="en">(lesson plan, answer key, handouts)</span>`
    : `Kế hoạch bài dạy, đáp án, phiếu học tập: trang hướng dẫn giáo viên Khiên Số → Chủ đề → <code>${esc(unit.id)}</code> <span lang="en">(lesson plan, answer key, handouts: Khiên Số teacher guide → Units → ${esc(unit.id)})</span>`;
  return `<p>${esc(unit.summary.vi)}</p><p lang="en">${esc(unit.summary.en)}</p><p>Lớp ${unit.grade} · ${unit.lessons.length} bài · đạt từ ${unit.masteryScore}/100</p><ol>${lessons}</ol><p>${plan}</p>`;
}

interface PackFile { hash: string; content: Uint8Array; path: string; name: string; area: 'package' | 'content' }

function packageFiles(b: BackupUnit): { files: PackFile[]; launch: string } {
  const zipName = `${b.unit.id}.zip`;
  const files: PackFile[] = [{ hash: sha1(b.scorm12), content: b.scorm12, path: '/', name: zipName, area: 'package' }];
  const entries = unzipSync(b.scorm12);
  for (const name of Object.keys(entries).sort()) {
    if (name.endsWith('/')) continue;
    const content = entries[name] as Uint8Array;
    const slash = name.lastIndexOf('/');
    files.push({ hash: sha1(content), content, path: slash < 0 ? '/' : `/${name.slice(0, slash + 1)}`, name: name.slice(slash + 1), area: 'content' });
  }
  const manifest = new TextDecoder().decode(entries['imsmanifest.xml']);
  const launch = /adlcp:scormtype="sco"[^>]*href="([^"]+)"/.exec(manifest)?.[1] ?? /href="([^"]+)"[^>]*adlcp:scormtype="sco"/.exec(manifest)?.[1];
  if (!launch) throw new Error(`${b.unit.id}: the SCORM 1.2 package has no launchable SCO in imsmanifest.xml`);
  return { files, launch };
}

function scormXml(n: number, b: BackupUnit, launch: string, zipHash: string, ctx: number): string {
  const u = b.unit;
  const ids = packageIds(u.id);
  const s = BACKUP_SCORM_SETTINGS;
  const sco = (id: number, f: Record<string, string | number>, datas: [string, string][]) => `      <sco id="${id}">
${fields(f, 8)}
        <sco_datas>
${datas.map(([name, value], i) => `          <sco_data id="${id * 10 + i}">\n            <name>${name}</name>\n            <value>${esc(value)}</value>\n          </sco_data>`).join('\n')}
        </sco_datas>
        <seq_ruleconds>
        </seq_ruleconds>
        <seq_rolluprules>
        </seq_rolluprules>
        <seq_objectives>
        </seq_objectives>
        <sco_tracks>
        </sco_tracks>
      </sco>`.replace('<sco_datas>\n\n', '<sco_datas>\n');
  const orgSco = 2 * n - 1;
  const itemSco = 2 * n;
  return doc(`<activity id="${n}" moduleid="${n + 1}" modulename="scorm" contextid="${ctx}">
  <scorm id="${n}">
${fields({
  name: u.title.vi, scormtype: 'local', reference: `${u.id}.zip`,
  intro: `<p>${esc(u.summary.vi)}</p>`, introformat: 1, version: 'SCORM_1.2',
  maxgrade: s.maxgrade, grademethod: s.grademethod, whatgrade: s.whatgrade, maxattempt: s.maxattempt, forcecompleted: s.forcecompleted,
  forcenewattempt: s.forcenewattempt, lastattemptlock: s.lastattemptlock, masteryoverride: s.masteryoverride, displayattemptstatus: 1,
  displaycoursestructure: s.displaycoursestructure, updatefreq: 0, sha1hash: zipHash, md5hash: '', revision: 1, launch: itemSco,
  skipview: s.skipview, hidebrowse: s.hidebrowse, hidetoc: s.hidetoc, nav: s.nav, navpositionleft: -100, navpositiontop: -100,
  auto: s.auto, popup: s.popup, options: '', width: 100, height: 500, timeopen: 0, timeclose: 0, timemodified: TIME,
  completionstatusrequired: s.completionstatusrequired, completionscorerequired: null, completionstatusallscos: 0, autocommit: s.autocommit,
}, 4)}
    <scoes>
${sco(orgSco, { manifest: ids.manifest, organization: '', parent: '/', identifier: ids.organization, launch: '', scormtype: '', title: u.title.vi, sortorder: 1 }, [])}
${sco(itemSco, { manifest: ids.manifest, organization: ids.organization, parent: ids.organization, identifier: ids.item, launch, scormtype: 'sco', title: u.title.vi, sortorder: 2 }, [['isvisible', 'true'], ['parameters', ''], ['masteryscore', String(u.masteryScore)]])}
    </scoes>
  </scorm>
</activity>`);
}

/** The .mbz entries (path → bytes) of a course; `courseBackup` packs them. */
export function courseBackupFiles(spec: CourseBackupSpec): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const put = (path: string, text: string) => out.set(path, Buffer.from(text, 'utf8'));
  /** An activity's files that hold nothing here: calendar events, filters, grade history, role overrides. */
  const putEmpty = (dir: string) => {
    for (const [name, xml] of [['calendar', EMPTY.calendar], ['filters', EMPTY.filters], ['grade_history', EMPTY.gradeHistory], ['roles', EMPTY.roles]] as const) put(`${dir}/${name}.xml`, xml);
  };
  const fileRows: string[] = [];
  const activities: string[] = [];
  const sections: string[] = [];
  const settings: string[] = [];
  const gradeItems: string[] = [];
  const courseCompetencies = new Set<string>();
  let fileId = 0;
  const setting = (level: string, name: string, value: string | number, scope?: [string, string]) =>
    settings.push(`      <setting>\n        <level>${level}</level>\n${scope ? `        <${scope[0]}>${scope[1]}</${scope[0]}>\n` : ''}        <name>${name}</name>\n        <value>${value}</value>\n      </setting>`);
  const root = { filename: 'backup.mbz', imscc11: 0, users: 0, anonymize: 0, role_assignments: 0, activities: 1, blocks: 1, files: 1, filters: 1, comments: 0, badges: 0, calendarevents: 1, userscompletion: 0, logs: 0, grade_histories: 0, questionbank: 1, groups: 1, competencies: 1, customfield: 1, contentbankcontent: 1, xapistate: 0, legacyfiles: 1 };
  for (const [k, val] of Object.entries(root)) setting('root', k, val);

  // Section 0 (general) holds no activity; section n holds unit n.
  const sectionXml = (id: number, number: number, name: string | null, summary: string, sequence: string) => doc(`<section id="${id}">
${fields({ number, name, summary, summaryformat: 1, sequence, visible: 1, availabilityjson: null, timemodified: TIME }, 2)}
</section>`);
  put('sections/section_1/section.xml', sectionXml(1, 0, null, spec.summary, ''));
  put('sections/section_1/inforef.xml', EMPTY.inforef);
  sections.push(`        <section>\n          <sectionid>1</sectionid>\n          <title>0</title>\n          <directory>sections/section_1</directory>\n        </section>`);
  setting('section', 'section_1_included', 1, ['section', 'section_1']);
  setting('section', 'section_1_userinfo', 0, ['section', 'section_1']);

  spec.units.forEach((b, i) => {
    const n = i + 1;
    const u = b.unit;
    const sectionId = n + 1;
    const cmid = n + 1;
    const ctx = 100 + n;
    const dir = `activities/scorm_${cmid}`;
    const { files, launch } = packageFiles(b);
    const refs: number[] = [];
    for (const f of files) {
      fileId++;
      refs.push(fileId);
      out.set(`files/${f.hash.slice(0, 2)}/${f.hash}`, f.content);
      fileRows.push(fileRecord(fileId, { contenthash: f.hash, contextid: ctx, component: 'mod_scorm', filearea: f.area, filepath: f.path, filename: f.name, filesize: f.content.length, mimetype: f.area === 'package' ? 'application/zip' : null }));
    }
    put(`${dir}/scorm.xml`, scormXml(n, b, launch, files[0]?.hash ?? '', ctx));
    put(`${dir}/module.xml`, doc(`<module id="${cmid}" version="${MOODLE_VERSION}">
${fields({ modulename: 'scorm', sectionid: sectionId, sectionnumber: n, idnumber: u.id, added: TIME, score: 0, indent: 0, visible: 1, visibleoncoursepage: 1, visibleold: 1, groupmode: 0, groupingid: 0, completion: BACKUP_SCORM_SETTINGS.completion, completiongradeitemnumber: null, completionpassgrade: 0, completionview: 0, completionexpected: 0, availability: null, showdescription: 0, downloadcontent: 1, lang: null }, 2)}
  <tags>
  </tags>
</module>`));
    const gradeItemId = n + 1;
    gradeItems.push(gradeItemId.toString());
    put(`${dir}/grades.xml`, activityGrades(gradeItem(gradeItemId, { categoryid: 1, itemname: u.title.vi, itemtype: 'mod', itemmodule: 'scorm', iteminstance: n, itemnumber: 0, idnumber: u.id, grademax: 100, gradepass: u.masteryScore, sortorder: n + 1 })));
    put(`${dir}/inforef.xml`, doc(`<inforef>
  <fileref>
${refs.map((id) => `    <file>\n      <id>${id}</id>\n    </file>`).join('\n')}
  </fileref>
  <grade_itemref>
    <grade_item>
      <id>${gradeItemId}</id>
    </grade_item>
  </grade_itemref>
</inforef>`));
    const codes = u.outcomes.filter((o) => o.level === 'assessed' && spec.competencies.has(o.code)).map((o) => o.code);
    for (const c of codes) courseCompetencies.add(c);
    // ruleoutcome 3 = course_module_competency::OUTCOME_COMPLETE: completing the activity completes (rates) the competency.
    put(`${dir}/competencies.xml`, doc(`<course_module_competencies>
  <competencies>
${codes.map((c, k) => `    <competency>\n${fields({ idnumber: c, ruleoutcome: 3, sortorder: k, frameworkidnumber: FRAMEWORK_IDNUMBER, overridegrade: 0 }, 6)}\n    </competency>`).join('\n')}
  </competencies>
</course_module_competencies>`).replace('<competencies>\n\n', '<competencies>\n'));
    putEmpty(dir);

    put(`sections/section_${sectionId}/section.xml`, sectionXml(sectionId, n, `${u.title.vi}`, sectionSummary(u, spec.guideUrl), String(cmid)));
    put(`sections/section_${sectionId}/inforef.xml`, EMPTY.inforef);
    sections.push(`        <section>\n          <sectionid>${sectionId}</sectionid>\n          <title>${esc(u.title.vi)}</title>\n          <directory>sections/section_${sectionId}</directory>\n        </section>`);
    setting('section', `section_${sectionId}_included`, 1, ['section', `section_${sectionId}`]);
    setting('section', `section_${sectionId}_userinfo`, 0, ['section', `section_${sectionId}`]);
    activities.push(`        <activity>\n          <moduleid>${cmid}</moduleid>\n          <sectionid>${sectionId}</sectionid>\n          <modulename>scorm</modulename>\n          <title>${esc(u.title.vi)}</title>\n          <directory>${dir}</directory>\n        </activity>`);
    setting('activity', `scorm_${cmid}_included`, 1, ['activity', `scorm_${cmid}`]);
    setting('activity', `scorm_${cmid}_userinfo`, 0, ['activity', `scorm_${cmid}`]);
  });

  // The contests: a last section with one quiz per school level; their questions in the course's question bank.
  const contestUnits = [...new Map((spec.contests ?? []).flatMap((c) => c.units).map((u) => [u.id, u])).values()];
  const bank = contestUnits.length ? backupQuestionBank(contestUnits, 'vi', COURSE_CONTEXT) : undefined;
  const categoryRefs = `  <question_categoryref>\n${(bank?.categoryIds ?? []).map((id) => `    <question_category>\n      <id>${id}</id>\n    </question_category>`).join('\n')}\n  </question_categoryref>`;
  if (bank && spec.contests?.length) {
    const sectionId = spec.units.length + 2;
    const cmids: number[] = [];
    spec.contests.forEach((c, j) => {
      const cmid = spec.units.length + 2 + j;
      cmids.push(cmid);
      const ctx = 99 + cmid;
      const dir = `activities/quiz_${cmid}`;
      const units = c.units.map((u) => ({ id: u.id, categoryId: bank.unitCategory.get(u.id) as number, questions: bank.questions.get(u.id) ?? 0 }));
      put(`${dir}/quiz.xml`, contestQuizXml(j + 1, cmid, ctx, COURSE_CONTEXT, { level: c.level, units }));
      put(`${dir}/module.xml`, doc(`<module id="${cmid}" version="${MOODLE_VERSION}">
${fields({ modulename: 'quiz', sectionid: sectionId, sectionnumber: spec.units.length + 1, idnumber: `contest-${c.level}`, added: TIME, score: 0, indent: 0, visible: 1, visibleoncoursepage: 1, visibleold: 1, groupmode: 0, groupingid: 0, completion: 2, completiongradeitemnumber: 0, completionpassgrade: 1, completionview: 0, completionexpected: 0, availability: null, showdescription: 0, downloadcontent: 1, lang: null }, 2)}
  <tags>
  </tags>
</module>`));
      put(`${dir}/grades.xml`, activityGrades(gradeItem(cmid, { categoryid: 1, itemname: contestName(c.level), itemtype: 'mod', itemmodule: 'quiz', iteminstance: j + 1, itemnumber: 0, idnumber: `contest-${c.level}`, grademax: CONTEST_GRADE, gradepass: CONTEST_PASS, sortorder: cmid })));
      put(`${dir}/inforef.xml`, doc(`<inforef>
  <grade_itemref>
    <grade_item>
      <id>${cmid}</id>
    </grade_item>
  </grade_itemref>
${categoryRefs}
</inforef>`));
      put(`${dir}/competencies.xml`, doc('<course_module_competencies>\n  <competencies>\n  </competencies>\n</course_module_competencies>'));
      putEmpty(dir);
      activities.push(`        <activity>\n          <moduleid>${cmid}</moduleid>\n          <sectionid>${sectionId}</sectionid>\n          <modulename>quiz</modulename>\n          <title>${esc(contestName(c.level))}</title>\n          <directory>${dir}</directory>\n        </activity>`);
    });
    const title = 'Cuộc thi tìm hiểu về an toàn thông tin';
    const levels = spec.contests.map((c) => `<li>${esc(LEVEL_NAMES[c.level].vi)} (lớp ${LEVEL_NAMES[c.level].grades}) <span lang="en">(${esc(LEVEL_NAMES[c.level].en)})</span></li>`).join('');
    const summary = `<p>Bài thi trắc nghiệm chọn ngẫu nhiên từ ngân hàng câu hỏi của các chủ đề (Ngân hàng câu hỏi → Khiên Số → lớp → chủ đề → yêu cầu cần đạt). Trước khi cho học sinh thi, đặt thời gian mở và đóng bài thi.</p><p lang="en">Contest quizzes drawing random questions from the units' question bank (Question bank → Khiên Số → grade → unit → requirement). Set the open and close times before the contest.</p><ul>${levels}</ul>`;
    put(`sections/section_${sectionId}/section.xml`, sectionXml(sectionId, spec.units.length + 1, title, summary, cmids.join(',')));
    put(`sections/section_${sectionId}/inforef.xml`, EMPTY.inforef);
    sections.push(`        <section>\n          <sectionid>${sectionId}</sectionid>\n          <title>${esc(title)}</title>\n          <directory>sections/section_${sectionId}</directory>\n        </section>`);
    setting('section', `section_${sectionId}_included`, 1, ['section', `section_${sectionId}`]);
    setting('section', `section_${sectionId}_userinfo`, 0, ['section', `section_${sectionId}`]);
    for (const cmid of cmids) {
      setting('activity', `quiz_${cmid}_included`, 1, ['activity', `quiz_${cmid}`]);
      setting('activity', `quiz_${cmid}_userinfo`, 0, ['activity', `quiz_${cmid}`]);
    }
  }
  // The settings are in Moodle's order: root, then each section followed by the activities in it, in course order.
  const ordered = settings;

  put('course/course.xml', doc(`<course id="1" contextid="2">
${fields({ shortname: spec.shortname, fullname: spec.fullname, idnumber: '', summary: spec.summary, summaryformat: 1, format: 'topics', showgrades: 1, newsitems: 0, startdate: 0, enddate: 0, marker: 0, maxbytes: 0, legacyfiles: 0, showreports: 0, visible: 1, groupmode: 0, groupmodeforce: 0, defaultgroupingid: 0, lang: '', theme: '', timecreated: TIME, timemodified: TIME, requested: 0, showactivitydates: 0, showcompletionconditions: 1, pdfexportfont: null, enablecompletion: 1, completionnotify: 0 }, 2)}
  <category id="1">
    <name>Khiên Số</name>
    <description>${NULL}</description>
  </category>
  <tags>
  </tags>
  <customfields>
  </customfields>
  <courseformatoptions>
    <courseformatoption>
      <format>topics</format>
      <sectionid>0</sectionid>
      <name>hiddensections</name>
      <value>1</value>
    </courseformatoption>
    <courseformatoption>
      <format>topics</format>
      <sectionid>0</sectionid>
      <name>coursedisplay</name>
      <value>0</value>
    </courseformatoption>
  </courseformatoptions>
</course>`));
  put('course/inforef.xml', bank ? EMPTY.courseInforef.replace('</inforef>', `${categoryRefs}\n</inforef>`) : EMPTY.courseInforef);
  put('course/roles.xml', EMPTY.roles);
  put('course/enrolments.xml', ENROLMENTS);
  put('course/calendar.xml', EMPTY.calendar);
  put('course/filters.xml', EMPTY.filters);
  put('course/completiondefaults.xml', EMPTY.completionDefaults);
  put('course/contentbank.xml', EMPTY.contentbank);
  put('course/competencies.xml', doc(`<course_competencies>
  <competencies>
${[...courseCompetencies].sort().map((c, k) => `    <competency>\n${fields({ id: k + 1, idnumber: c, ruleoutcome: 0, sortorder: k, frameworkid: 1, frameworkidnumber: FRAMEWORK_IDNUMBER }, 6)}\n    </competency>`).join('\n')}
  </competencies>
  <user_competencies>
  </user_competencies>
</course_competencies>`).replace('<competencies>\n\n', '<competencies>\n'));

  put('gradebook.xml', doc(`<gradebook>
  <attributes>
  </attributes>
  <grade_categories>
    <grade_category id="1">
${fields({ parent: null, depth: 1, path: '/1/', fullname: '?', aggregation: AGGREGATE_MEAN, keephigh: 0, droplow: 0, aggregateonlygraded: 1, aggregateoutcomes: 0, timecreated: TIME, timemodified: TIME, hidden: 0 }, 6)}
    </grade_category>
  </grade_categories>
  <grade_items>
${gradeItem(1, { categoryid: null, itemname: null, itemtype: 'course', itemmodule: null, iteminstance: 1, itemnumber: null, idnumber: null, grademax: 100, gradepass: 0, sortorder: 1 })}
  </grade_items>
  <grade_letters>
  </grade_letters>
  <grade_settings>
    <grade_setting id="">
      <name>minmaxtouse</name>
      <value>1</value>
    </grade_setting>
  </grade_settings>
</gradebook>`));
  put('files.xml', doc(`<files>\n${fileRows.join('\n')}\n</files>`));
  put('roles.xml', EMPTY.rolesDefinition);
  put('scales.xml', EMPTY.scales);
  put('outcomes.xml', EMPTY.outcomes);
  put('groups.xml', EMPTY.groups);
  put('questions.xml', bank?.xml ?? doc('<question_categories>\n</question_categories>'));
  put('completion.xml', EMPTY.completion);
  put('grade_history.xml', EMPTY.gradeHistory);
  put('moodle_backup.xml', doc(`<moodle_backup>
  <information>
${fields({ name: 'backup.mbz', moodle_version: MOODLE_VERSION, moodle_release: MOODLE_RELEASE, backup_version: MOODLE_VERSION, backup_release: MOODLE_RELEASE, backup_date: TIME, mnet_remoteusers: 0, include_files: 1, include_file_references_to_external_content: 0, original_wwwroot: 'https://khienso.invalid', original_site_identifier_hash: sha1(Buffer.from('khien-so')).slice(0, 32), original_course_id: 1, original_course_format: 'topics', original_course_fullname: spec.fullname, original_course_shortname: spec.shortname, original_course_startdate: 0, original_course_enddate: 0, original_course_contextid: 2, original_system_contextid: 1 }, 4)}
    <details>
      <detail backup_id="${sha1(Buffer.from(`khien-so/${spec.shortname}`)).slice(0, 32)}">
        <type>course</type>
        <format>moodle2</format>
        <interactive></interactive>
        <mode>10</mode>
        <execution>1</execution>
        <executiontime>0</executiontime>
      </detail>
    </details>
    <contents>
      <activities>
${activities.join('\n')}
      </activities>
      <sections>
${sections.join('\n')}
      </sections>
      <course>
        <courseid>1</courseid>
        <title>${esc(spec.shortname)}</title>
        <directory>course</directory>
      </course>
    </contents>
    <settings>
${ordered.join('\n')}
    </settings>
  </information>
</moodle_backup>`));
  return out;
}

/** The .mbz bytes: reproducible (the same units and packages give the same bytes). */
export function courseBackup(spec: CourseBackupSpec): Uint8Array {
  return tgz(courseBackupFiles(spec));
}
