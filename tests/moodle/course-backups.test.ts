// The course backups of dist/moodle/ (course-grade-N.mbz, course-all-grades.mbz) restored into a real Moodle with
// admin/cli/restore_backup.php: the settings the other real-Moodle tests prove are there, a student passes a unit
// by clicking, and the gradebook, activity completion and the competency framework show it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildUnits } from '../../packaging/build-units.ts';
import { loadCurriculum, type Curriculum } from '../../src/model/load/load-curriculum.ts';
import { sharedUnitsBuild } from '../helpers/shared-build.ts';
import { buildMoodle, type MoodleIndex } from '../../packaging/moodle/build-moodle.ts';
import type { Unit } from '../../src/model/unit.ts';
import { schoolLevel, type SchoolLevel } from '../../src/model/school-level.ts';
import { scorePlain } from '../../src/core/scoring.ts';
import { CONTEST_GRADE, CONTEST_PASS, CONTEST_REVIEW, contestTimeLimit, QUESTIONS_PER_UNIT } from '../../packaging/moodle/mbz/contest-quiz.ts';
import { answerVariants, moodleResponse } from '../helpers/answer-variants.ts';
import { answerQuizAttempt, importQuestionBank, restoredQuizzes, startQuizInBrowser, submitQuizInBrowser, type RestoredQuiz } from './harness/quiz.ts';
import { competencyLinks, importCompetencyFramework, restoreBackup, restoredScorms, userCompetencies, type RestoredScorm } from './harness/backups.ts';
import { closeTab, completionState, createCourse, createUser, describeMoodle, GUIDE_SCORM_SETTINGS, gradebookGrade, loginAs, openScorm, type Course, type MoodleEnv } from './harness/index.ts';
import { completeUnitByClick } from './harness/learner.ts';
import { screenshot } from './harness/screens.ts';
import { REPO } from './harness/source.ts';

/**
 * The whole curriculum built as `npm run build` builds it (units, packages, dist/moodle/): the build the test run
 * shares (tests/helpers/shared-build.ts), or this file's own when KHIENSO_ONLY narrows that one. buildMoodle()
 * gives the index of what it wrote (the same bytes again in a shared build).
 */
let built: Promise<{ dist: string; units: Unit[]; index: MoodleIndex }> | undefined;
function release() {
  built ??= (async () => {
    let dist: string;
    let curriculum: Curriculum;
    if (process.env.KHIENSO_ONLY) {
      dist = mkdtempSync(join(tmpdir(), 'ks-moodle-backups-'));
      ({ curriculum } = await buildUnits({ root: REPO, dist }));
    } else {
      dist = await sharedUnitsBuild();
      curriculum = loadCurriculum({ root: REPO });
    }
    const index = buildMoodle(curriculum, dist);
    return { dist, units: curriculum.units, index };
  })();
  return built;
}

const PROVEN = { ...GUIDE_SCORM_SETTINGS, hidebrowse: 0, completionstatusrequired: 2 };

/** Restores one backup and checks everything a teacher gets before any learner arrives. */
async function restoreAndCheck(env: MoodleEnv, file: string, unitIds: string[]) {
  const { dist, index } = await release();
  const fw = await importCompetencyFramework(env.site, join(dist, 'moodle', 'competencies.csv'));
  const reqs = await env.site.sql<{ n: number }>(`SELECT count(*) AS n FROM mdl_competency WHERE idnumber LIKE 'TH-%'`);
  expect(Number(reqs[0]?.n), 'every requirement of competencies.csv imported').toBe(index.competencies?.requirements);
  expect(fw.competencies).toBeGreaterThan(Number(reqs[0]?.n));
  const { course, output } = await restoreBackup(env.site, join(dist, 'moodle', file));
  expect(output).not.toMatch(/exception|error:|Notice:|Warning: (?!fopen\(.*\.htaccess)/i);
  const scorms = await restoredScorms(env.site, course);
  // One SCORM 1.2 activity per unit, each in its own section, in the backup's order, with the proven settings.
  expect(scorms.map((s) => s.idnumber)).toEqual(unitIds);
  expect(scorms.map((s) => s.section)).toEqual(unitIds.map((_, i) => i + 1));
  for (const s of scorms) {
    expect(s.version).toBe('SCORM_1.2');
    expect(s.settings, s.idnumber).toEqual(PROVEN);
    expect(s.completion, `${s.idnumber}: automatic activity completion`).toBe(2);
  }
  const [c] = await env.site.sql<{ enablecompletion: number }>(`SELECT enablecompletion FROM mdl_course WHERE id = ${course.id}`);
  expect(Number(c?.enablecompletion)).toBe(1);
  const sections = await env.site.sql<{ section: number; summary: string }>(`SELECT section, summary FROM mdl_course_sections WHERE course = ${course.id} AND section > 0 ORDER BY section`);
  for (const [i, id] of unitIds.entries()) expect(sections[i]?.summary, `section ${i + 1} names its unit's lesson plan`).toContain(id);
  // Gradebook: one item per unit (0–100, pass mark = the unit's mastery score) under the course total.
  const items = await env.site.sql<{ idnumber: string; grademax: string; gradepass: string }>(`SELECT idnumber, grademax, gradepass FROM mdl_grade_items WHERE courseid = ${course.id} AND itemtype = 'mod' AND itemmodule = 'scorm' ORDER BY sortorder`);
  expect(items.map((i) => i.idnumber)).toEqual(unitIds);
  for (const i of items) { expect(Number(i.grademax)).toBe(100); expect(Number(i.gradepass)).toBeGreaterThan(0); }
  // Competencies: every assessed programme outcome linked to the course and to the activities assessing it.
  const links = await competencyLinks(env.site, course);
  const quizzes = await checkContests(env, course, unitIds);
  return { course, scorms, links, quizzes };
}

/**
 * The contest quizzes of a restored course: one per school level of its units, in the section after the units, with
 * the settings of packaging/moodle/mbz/contest-quiz.ts, and QUESTIONS_PER_UNIT random slots per unit of the level,
 * each drawing from that unit's category (grade → unit, outcomes included), which holds the unit's whole Moodle XML bank.
 */
async function checkContests(env: MoodleEnv, course: Course, unitIds: string[]): Promise<RestoredQuiz[]> {
  const { units, index } = await release();
  const levels = [...new Set(unitIds.map((id) => schoolLevel((units.find((u) => u.id === id) as Unit).grade)))];
  const quizzes = await restoredQuizzes(env.site, course);
  expect(quizzes.map((q) => q.idnumber)).toEqual(levels.map((l) => `contest-${l}`));
  for (const [i, quiz] of quizzes.entries()) {
    const level = levels[i] as SchoolLevel;
    const levelUnits = units.filter((u) => schoolLevel(u.grade) === level).sort((a, b) => a.grade - b.grade);
    expect(quiz.section, `${quiz.idnumber}: in the contest section after the units`).toBe(unitIds.length + 1);
    const n = levelUnits.length * QUESTIONS_PER_UNIT;
    expect(quiz.settings, quiz.idnumber).toEqual(expect.objectContaining({
      timelimit: contestTimeLimit(n), attempts: 1, grade: CONTEST_GRADE, sumgrades: n, preferredbehaviour: 'deferredfeedback', overduehandling: 'autosubmit', ...CONTEST_REVIEW,
    }));
    expect(quiz.gradeItem).toEqual({ grademax: CONTEST_GRADE, gradepass: CONTEST_PASS });
    expect(quiz.completion, 'complete when passed').toEqual({ completion: 2, completionpassgrade: 1, completiongradeitemnumber: 0 });
    expect(quiz.slots.map((s) => s.categoryPath)).toEqual(levelUnits.flatMap((u) => Array.from({ length: QUESTIONS_PER_UNIT }, () => ['top', 'Khiên Số', `Lớp ${u.grade}`, u.id])));
    for (const s of quiz.slots) {
      const unit = s.categoryPath[3] as string;
      expect(s.includeSubcategories, `slot ${s.slot}`).toBe(true);
      expect(s.maxmark).toBe(1);
      expect(s.categoryQuestions, `${quiz.idnumber} slot ${s.slot}: the category of ${unit} holds its whole bank`)
        .toBe(index.questionBanks.find((b) => b.unit === unit && b.lang === 'vi')?.questions);
    }
  }
  return quizzes;
}

/**
 * The backup's questions are the Moodle XML bank's: the unit's bank imported with qformat_xml into another course
 * gives, question by question (by id number), the same type, texts, marks, answers with fractions and feedback,
 * options and tags as the restore.
 */
async function sameQuestionsAsBank(env: MoodleEnv, restored: Course, unitId: string) {
  const { dist } = await release();
  const other = await createCourse(env.site, 'khsbank');
  const imp = await importQuestionBank(env.site, other, join(dist, 'moodle', 'questions', `${unitId}.xml`));
  expect(imp.ok, imp.out.slice(-500)).toBe(true);
  const read = (course: Course) => env.site.php<Record<string, unknown>>(`
    require_once($CFG->libdir . '/questionlib.php');
    $ctx = context_course::instance($args->courseid);
    $rows = $DB->get_records_sql("SELECT q.id, e.idnumber FROM {question} q JOIN {question_versions} v ON v.questionid = q.id
      JOIN {question_bank_entries} e ON e.id = v.questionbankentryid JOIN {question_categories} c ON c.id = e.questioncategoryid
      WHERE c.contextid = ? AND e.idnumber LIKE ?", [$ctx->id, 'khienso.' . $args->unit . '.%']);
    $out = [];
    foreach ($rows as $r) {
      $q = question_bank::load_question_data($r->id);
      $o = (array)$q->options;
      $answers = array_values(array_map(fn($a) => [$a->answer, (int)$a->answerformat, (float)$a->fraction, $a->feedback, (int)$a->feedbackformat], $o['answers'] ?? []));
      $subs = array_values(array_map(fn($s) => [$s->questiontext, $s->answertext], $o['subquestions'] ?? []));
      $opts = [];
      foreach ($o as $k => $v) { if (is_scalar($v) && !in_array($k, ['id', 'question', 'questionid', 'trueanswer', 'falseanswer'])) { $opts[$k] = (string)$v; } }
      ksort($opts);
      $tags = array_values(core_tag_tag::get_item_tags_array('core_question', 'question', $r->id));
      sort($tags);
      $out[$r->idnumber] = ['qtype' => $q->qtype, 'name' => $q->name, 'questiontext' => $q->questiontext, 'defaultmark' => (float)$q->defaultmark,
        'penalty' => (float)$q->penalty, 'answers' => $answers, 'subquestions' => $subs, 'options' => $opts, 'tags' => $tags,
        'category' => $DB->get_field('question_categories', 'name', ['id' => $q->category])];
    }
    ksort($out);
    return $out;`, { courseid: course.id, unit: unitId }, { readOnly: true });
  const [fromBackup, fromBank] = [await read(restored), await read(other)];
  expect(Object.keys(fromBackup).length).toBe(imp.added);
  expect(fromBackup).toEqual(fromBank);
}

/** A student passes `unitId` by clicking; returns the score the package gave. */
async function passUnit(env: MoodleEnv, course: Course, scorm: RestoredScorm, unit: Unit) {
  const hs = await createUser(env.site, 'hs1', { course });
  const ctx = await loginAs(env.browser, env.site, hs);
  const { player, content } = await openScorm(ctx, env.site, scorm);
  await content.waitForSelector('body.ks-ready');
  const { expected } = await completeUnitByClick(content, unit, 0);
  await closeTab(player);
  await ctx.close();
  return { hs, expected };
}

describeMoodle('course backups restored into a real Moodle', (env) => {
  it('course-grade-6.mbz: sections, SCORM settings, gradebook and competency links restored, the lower-secondary contest quiz with the bank\'s own questions; a pass reaches the gradebook, completion and the competencies', async () => {
    const { units, index } = await release();
    const entry = index.backups?.find((b) => b.kind === 'grade' && b.grade === 6);
    expect(entry?.file.file).toBe('moodle/course-grade-6.mbz');
    const ids = units.filter((u) => u.grade === 6).map((u) => u.id);
    expect(entry?.units.slice().sort()).toEqual(ids.slice().sort());
    const { course, scorms, links } = await restoreAndCheck(env, 'course-grade-6.mbz', entry?.units ?? []);
    await sameQuestionsAsBank(env, course, 'g6-internet-safety');
    const byId = new Map(units.map((u) => [u.id, u]));
    for (const s of scorms) {
      const unit = byId.get(s.idnumber) as Unit;
      const assessed = unit.outcomes.filter((o) => o.level === 'assessed' && o.code.startsWith('TH-')).map((o) => o.code);
      expect(links.modules[s.cmid]?.map((m) => m.idnumber).sort(), s.idnumber).toEqual(assessed.slice().sort());
      for (const m of links.modules[s.cmid] ?? []) expect(m.ruleoutcome, 'completing the activity completes the competency').toBe(3);
      for (const code of assessed) expect(links.course).toContain(code);
    }

    const scorm = scorms.find((s) => s.idnumber === 'g6-internet-safety') as RestoredScorm;
    const unit = byId.get('g6-internet-safety') as Unit;
    const { hs, expected } = await passUnit(env, course, scorm, unit);
    expect(expected).toBeGreaterThanOrEqual(unit.masteryScore);
    await expect.poll(() => gradebookGrade(env.site, scorm, hs), { timeout: 20_000 }).toBe(expected);
    expect((await completionState(env.site, scorm, hs)).overall).toMatch(/^complete/);
    const rated = await userCompetencies(env.site, hs.id);
    for (const m of links.modules[scorm.cmid] ?? []) {
      expect(rated[m.idnumber]?.evidence, `${m.idnumber}: evidence after the pass`).toBeGreaterThan(0);
      expect(rated[m.idnumber]?.proficiency, `${m.idnumber}: rated proficient`).toBe(1);
    }

    // Screenshots for the guide (only when KHIENSO_MOODLE_SCREENS is set).
    if (process.env.KHIENSO_MOODLE_SCREENS) {
      const admin = await env.browser.newContext();
      const page = await admin.newPage();
      await page.setViewportSize({ width: 1000, height: 800 });
      await page.goto(`${env.site.url}/login/index.php`);
      await page.fill('#username', 'admin');
      await page.fill('#password', (await import('./harness/site.ts')).ADMIN_PASSWORD);
      await page.click('#loginbtn');
      await page.goto(`${env.site.url}/backup/restorefile.php?contextid=${(await env.site.sql<{ id: number }>(`SELECT id FROM mdl_context WHERE contextlevel = 50 AND instanceid = ${course.id}`))[0]?.id}`);
      await screenshot(page, 'restore-upload.png', page.locator('#region-main'));
      await page.goto(`${env.site.url}/course/view.php?id=${course.id}`);
      await screenshot(page, 'course-page.png', page.locator('#region-main'));
      await page.goto(`${env.site.url}/grade/report/grader/index.php?id=${course.id}`);
      await screenshot(page, 'gradebook.png', page.locator('#region-main'));
      await page.goto(`${env.site.url}/report/competency/index.php?id=${course.id}&user=${hs.id}`);
      await screenshot(page, 'competency-report.png', page.locator('#region-main'));
      await admin.close();
    }
  });

  it('course-all-grades.mbz: every unit of every grade restored with the proven settings; a grade-3 unit passed by clicking is graded and complete; the three contest quizzes draw from their units, and a primary contest started and submitted in the browser is graded', async () => {
    const { units, index } = await release();
    const entry = index.backups?.find((b) => b.kind === 'all');
    expect(entry?.units.slice().sort()).toEqual(units.map((u) => u.id).sort());
    const { course, scorms, quizzes } = await restoreAndCheck(env, 'course-all-grades.mbz', entry?.units ?? []);
    expect(quizzes.map((q) => q.idnumber)).toEqual(['contest-primary', 'contest-lower-secondary', 'contest-upper-secondary']);
    const grades = scorms.map((s) => units.find((u) => u.id === s.idnumber)?.grade ?? 0);
    expect(grades).toEqual(grades.slice().sort((a, b) => a - b));
    const target = units.find((u) => u.grade === 3) as Unit;
    const scorm = scorms.find((s) => s.idnumber === target.id) as RestoredScorm;
    const { hs, expected } = await passUnit(env, course, scorm, target);
    await expect.poll(() => gradebookGrade(env.site, scorm, hs), { timeout: 20_000 }).toBe(expected);
    expect((await completionState(env.site, scorm, hs)).overall).toMatch(/^complete/);

    // The primary-school contest: the student starts it in the browser (time limit confirmed, timer shown), answers
    // (through the question engine) the package's key to every drawn question but the last two, which get another
    // answer (wrong, partly right or another accepted form), and submits in the browser; the gradebook has the grade the project's scorer gives those answers.
    const quiz = quizzes.find((q) => q.idnumber === 'contest-primary') as RestoredQuiz;
    const ctx = await loginAs(env.browser, env.site, hs);
    const { page, attemptUrl, timer } = await startQuizInBrowser(ctx, env.site, quiz.cmid);
    expect(timer, 'the time limit runs').toBe(true);
    const attemptid = Number(new URL(attemptUrl).searchParams.get('attempt'));
    const drawn = await answerQuizAttempt(env.site, quiz, hs, [], { finish: false });
    expect(drawn.attemptid).toBe(attemptid);
    expect(drawn.slots.map((s) => s.slot).sort((a, b) => a - b)).toEqual(quiz.slots.map((s) => s.slot));
    let earned = 0;
    const answers = drawn.slots.map((s, i) => {
      // Each random slot drew a question of its unit's category (or an outcome category under it).
      expect(s.category.slice(0, 4), `slot ${s.slot}`).toEqual(quiz.slots.find((x) => x.slot === s.slot)?.categoryPath);
      const [, unitId, qid] = s.idnumber.split('.');
      const unit = units.find((u) => u.id === unitId) as Unit;
      const q = unit.assessment.questions.find((x) => x.id === qid);
      if (!q) throw new Error(`slot ${s.slot}: ${s.idnumber} is no question of the curriculum`);
      const variants = answerVariants(q).filter((v) => !v.moodleDiffers);
      const v = i < drawn.slots.length - 2 ? variants[0] : variants[1] ?? variants[0];
      if (!v) throw new Error(`${s.idnumber}: no answer`);
      earned += scorePlain(q, v.answer).fraction;
      return { slot: s.slot, response: moodleResponse(unit, q, v.answer) };
    });
    await answerQuizAttempt(env.site, quiz, hs, answers, { finish: false });
    await submitQuizInBrowser(page, env.site, attemptid, quiz.cmid);
    const grade = (earned / quiz.slots.length) * CONTEST_GRADE;
    expect(grade).toBeGreaterThanOrEqual(CONTEST_PASS);
    const [g] = await env.site.sql<{ finalgrade: string | null }>(`SELECT g.finalgrade FROM mdl_grade_grades g JOIN mdl_grade_items i ON i.id = g.itemid
      WHERE i.itemmodule = 'quiz' AND i.iteminstance = ${quiz.id} AND g.userid = ${hs.id}`);
    expect(Number(g?.finalgrade), 'the contest grade in the gradebook').toBeCloseTo(grade, 4);
    const done = await completionState(env.site, { id: quiz.id, cmid: quiz.cmid, courseid: course.id, version: '', scoid: 0 }, hs);
    expect(done.overall, 'passed: the contest is complete').toBe('complete-pass');
    await ctx.close();
  });

  it('every other per-grade backup (grades 3–5 and 7–12) restores with its units in order, the proven settings, the gradebook, completion, competency links and its school level\'s contest quiz', async () => {
    const { index } = await release();
    const others = (index.backups ?? []).filter((b) => b.kind === 'grade' && b.grade !== 6);
    expect(others.map((b) => b.grade)).toEqual([3, 4, 5, 7, 8, 9, 10, 11, 12]);
    for (const [i, b] of others.entries()) {
      if (i > 0) await env.site.reset();
      expect(b.file.file, 'the file name carries the grade').toMatch(new RegExp(`course-grade-${b.grade}\\.mbz$`));
      const { links, quizzes } = await restoreAndCheck(env, b.file.file.split('/').pop() as string, b.units);
      expect(quizzes.map((q) => q.idnumber), `grade ${b.grade}`).toEqual(b.contests.map((c) => `contest-${c.level}`));
      expect(links.course.length, `grade ${b.grade}: the course is linked to the requirements its units assess`).toBeGreaterThan(0);
    }
  }, 1_200_000);

  it('every question bank (Moodle XML, Vietnamese and English) imports into the question bank with no warnings, in the grade → unit → outcome category tree', async () => {
    const { dist, index } = await release();
    const course = await createCourse(env.site, 'khsqb');
    for (const bank of index.questionBanks) {
      const r = await importQuestionBank(env.site, course, join(dist, bank.file.file));
      expect(r.ok, `${bank.file.file}: ${r.out.slice(-500)}`).toBe(true);
      expect(r.out, bank.file.file).not.toMatch(/notifyproblem|alert-danger|alert-warning|debuggingmessage|PHP (Warning|Notice)|Coding error/);
      expect(r.added, bank.file.file).toBe(bank.questions);
    }
    // Category tree: Khiên Số → grade → unit → outcome (per language).
    const cats = await env.site.sql<{ name: string; depth: number }>(`
      WITH RECURSIVE t AS (SELECT id, name, 0 AS depth FROM mdl_question_categories WHERE name = 'Khiên Số'
        UNION ALL SELECT c.id, c.name, t.depth + 1 FROM mdl_question_categories c JOIN t ON c.parent = t.id) SELECT name, depth FROM t`);
    expect(cats.filter((c) => c.depth === 1).map((c) => c.name)).toContain('Lớp 6');
    expect(cats.filter((c) => c.depth === 2).map((c) => c.name)).toContain('g6-internet-safety');
    expect(cats.some((c) => c.depth === 3 && c.name.startsWith('TH-G6-'))).toBe(true);
  });
});

