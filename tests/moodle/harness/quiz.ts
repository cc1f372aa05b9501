// Quizzes in the real Moodle: Moodle XML banks imported with qformat_xml, the quizzes a restore made (settings, random
// slots and the categories they draw from), quiz attempts answered through Moodle's question engine, and a
// student starting and submitting an attempt in the browser.
import type { BrowserContext, Page } from 'playwright-core';
import type { Course, User } from './fixtures.ts';
import type { MoodleSite } from './site.ts';

/** Imports a Moodle XML file into a course's question bank as Question bank → Import does (categories and contexts from the file). */
export async function importQuestionBank(site: MoodleSite, course: Course, file: string): Promise<{ ok: boolean; out: string; added: number }> {
  return site.php<{ ok: boolean; out: string; added: number }>(`
    require_once($CFG->libdir . '/questionlib.php');
    require_once($CFG->dirroot . '/question/format/xml/format.php');
    $course = get_course($args->courseid);
    $ctx = context_course::instance($course->id);
    $cat = question_make_default_categories([$ctx]);
    $count = fn() => $DB->count_records_sql('SELECT count(*) FROM {question_bank_entries} e JOIN {question_categories} c ON c.id = e.questioncategoryid WHERE c.contextid = ?', [$ctx->id]);
    $before = $count();
    $q = new qformat_xml();
    $q->setCategory($cat); $q->setContexts([$ctx]); $q->setCourse($course);
    $q->setFilename($args->file); $q->setRealfilename(basename($args->file));
    $q->setMatchgrades('error'); $q->setCatfromfile(true); $q->setContextfromfile(true); $q->setStoponerror(true);
    ob_start();
    $ok = $q->importpreprocess() && $q->importprocess() && $q->importpostprocess();
    $out = ob_get_clean();
    return ['ok' => (bool)$ok, 'out' => $out, 'added' => $count() - $before];`, { courseid: course.id, file });
}

export interface RestoredQuiz {
  id: number;
  cmid: number;
  idnumber: string;
  name: string;
  section: number;
  settings: Record<string, number | string>;
  completion: { completion: number; completionpassgrade: number; completiongradeitemnumber: number | null };
  gradeItem: { grademax: number; gradepass: number };
  /** Each slot: its page, mark and the category its random question comes from (with the path of names to it). */
  slots: { slot: number; page: number; maxmark: number; categoryPath: string[]; includeSubcategories: boolean; categoryQuestions: number }[];
}

const QUIZ_SETTINGS = ['timelimit', 'attempts', 'grademethod', 'grade', 'sumgrades', 'questionsperpage', 'preferredbehaviour', 'overduehandling', 'shuffleanswers',
  'reviewattempt', 'reviewcorrectness', 'reviewmaxmarks', 'reviewmarks', 'reviewspecificfeedback', 'reviewgeneralfeedback', 'reviewrightanswer', 'reviewoverallfeedback'];

/** The quizzes of a course in course order, as Moodle stores them after a restore. */
export async function restoredQuizzes(site: MoodleSite, course: Course): Promise<RestoredQuiz[]> {
  return site.php<RestoredQuiz[]>(`
    require_once($CFG->libdir . '/questionlib.php');
    $out = [];
    $rows = $DB->get_records_sql("SELECT q.*, cm.id AS cmid, cm.idnumber AS cmidnumber, cm.completion AS cmcompletion, cm.completionpassgrade,
        cm.completiongradeitemnumber, cs.section AS sectionnum
      FROM {quiz} q JOIN {course_modules} cm ON cm.instance = q.id AND cm.module = (SELECT id FROM {modules} WHERE name = 'quiz')
      JOIN {course_sections} cs ON cs.id = cm.section WHERE q.course = ? ORDER BY cs.section, cm.id", [$args->courseid]);
    $path = function ($catid) use ($DB) {
      $names = [];
      while ($catid && ($c = $DB->get_record('question_categories', ['id' => $catid]))) { array_unshift($names, $c->name); $catid = $c->parent; }
      return $names;
    };
    foreach ($rows as $q) {
      $ctx = context_module::instance($q->cmid);
      $slots = [];
      foreach ($DB->get_records('quiz_slots', ['quizid' => $q->id], 'slot') as $s) {
        $ref = $DB->get_record('question_set_references', ['component' => 'mod_quiz', 'questionarea' => 'slot', 'itemid' => $s->id, 'usingcontextid' => $ctx->id]);
        $filter = $ref ? json_decode($ref->filtercondition, true) : null;
        $catid = $filter ? (int)$filter['filter']['category']['values'][0] : 0;
        $sub = $filter ? !empty($filter['filter']['category']['filteroptions']['includesubcategories']) : false;
        $cats = $catid ? ($sub ? question_categorylist($catid) : [$catid]) : [];
        [$in, $params] = $cats ? $DB->get_in_or_equal($cats) : ['= 0', []];
        $n = $DB->count_records_select('question_bank_entries', "questioncategoryid $in", $params);
        $slots[] = ['slot' => (int)$s->slot, 'page' => (int)$s->page, 'maxmark' => (float)$s->maxmark, 'categoryPath' => $path($catid),
          'includeSubcategories' => $sub, 'categoryQuestions' => $n];
      }
      $gi = $DB->get_record('grade_items', ['itemtype' => 'mod', 'itemmodule' => 'quiz', 'iteminstance' => $q->id, 'courseid' => $args->courseid]);
      $settings = [];
      foreach ($args->keys as $k) { $settings[$k] = is_numeric($q->$k) ? (float)$q->$k : $q->$k; }
      $out[] = ['id' => (int)$q->id, 'cmid' => (int)$q->cmid, 'idnumber' => (string)$q->cmidnumber, 'name' => $q->name, 'section' => (int)$q->sectionnum,
        'settings' => $settings,
        'completion' => ['completion' => (int)$q->cmcompletion, 'completionpassgrade' => (int)$q->completionpassgrade,
          'completiongradeitemnumber' => $q->completiongradeitemnumber === null ? null : (int)$q->completiongradeitemnumber],
        'gradeItem' => ['grademax' => (float)$gi->grademax, 'gradepass' => (float)$gi->gradepass], 'slots' => $slots];
    }
    return $out;`, { courseid: course.id, keys: QUIZ_SETTINGS }, { readOnly: true });
}

/** A response in the stored texts of the Moodle question (see responseFor in the tests), turned into the question's own fields in PHP. */
export type MoodleResponse =
  | { kind: 'mc'; texts: string[] }
  | { kind: 'tf'; value: boolean }
  | { kind: 'match'; pairs: [string, string][] }
  | { kind: 'dd'; places: string[] }
  | { kind: 'sa'; text: string }
  /** The question's own right answer (question_definition::get_correct_response). */
  | { kind: 'right' };

/** PHP: $resp, the response fields of `$a` (a MoodleResponse) for question attempt $qa. */
const RESPONSE_PHP = `
    $q = $qa->get_question();
    $resp = [];
    switch ($a->kind) {
      case 'right': $resp = $q->get_correct_response(); break;
      case 'mc':
        $order = $q->get_order($qa);
        foreach ($a->texts as $t) {
          $id = null;
          foreach ($q->answers as $aid => $ans) { if ($ans->answer === $t) { $id = $aid; } }
          if ($id === null) { throw new coding_exception('no answer ' . $t . ' in ' . $q->name); }
          $key = array_search($id, $order);
          if ($q instanceof qtype_multichoice_single_question) { $resp['answer'] = $key; } else { $resp['choice' . $key] = 1; }
        }
        break;
      case 'tf': $resp = ['answer' => $a->value ? 1 : 0]; break;
      case 'match':
        $stemorder = $q->get_stem_order(); $choiceorder = $q->get_choice_order();
        foreach ($a->pairs as [$stem, $choice]) {
          $stemid = array_search($stem, $q->stems, true); $choiceid = array_search($choice, $q->choices, true);
          if ($stemid === false || $choiceid === false) { throw new coding_exception('no pair ' . $stem . ' → ' . $choice . ' in ' . $q->name); }
          $resp['sub' . array_search($stemid, $stemorder)] = array_search($choiceid, $choiceorder);
        }
        break;
      case 'dd':
        $ordered = $q->get_ordered_choices(1);
        foreach ($a->places as $i => $t) {
          $value = null;
          foreach ($ordered as $v => $choice) { if ($choice->text === $t) { $value = $v; } }
          if ($value === null) { throw new coding_exception('no drag box ' . $t . ' in ' . $q->name); }
          $resp['p' . ($i + 1)] = $value;
        }
        break;
      case 'sa': $resp = ['answer' => $a->text]; break;
    }`;

export interface GradedAttempt {
  attemptid: number;
  /** Per slot: the question's id number, Moodle's fraction (0–1) and mark. */
  slots: { slot: number; idnumber: string; category: string[]; fraction: number | null; mark: number | null; maxmark: number }[];
  sumgrades: number;
  /** The quiz grade (out of the quiz's grade) in the gradebook. */
  gradebook: number | null;
}

/**
 * Starts a quiz attempt for `user` (or takes the one in progress), answers the given slots through Moodle's question
 * engine, and (unless `finish` is false) submits it, as the learner's "Submit all and finish" does.
 */
export async function answerQuizAttempt(site: MoodleSite, quiz: { id: number }, user: User, answers: { slot: number; response: MoodleResponse }[], opts: { finish?: boolean } = {}): Promise<GradedAttempt> {
  return site.php<GradedAttempt>(`
    require_once($CFG->dirroot . '/mod/quiz/locallib.php');
    require_once($CFG->libdir . '/gradelib.php');
    $quizobj = \\mod_quiz\\quiz_settings::create($args->quizid, $args->userid);
    $attempt = $DB->get_record('quiz_attempts', ['quiz' => $args->quizid, 'userid' => $args->userid, 'state' => 'inprogress']);
    if (!$attempt) {
      $timenow = time();
      $last = $DB->get_record_sql('SELECT * FROM {quiz_attempts} WHERE quiz = ? AND userid = ? ORDER BY attempt DESC', [$args->quizid, $args->userid], IGNORE_MULTIPLE);
      $num = $last ? $last->attempt + 1 : 1;
      $quba = question_engine::make_questions_usage_by_activity('mod_quiz', $quizobj->get_context());
      $quba->set_preferred_behaviour($quizobj->get_quiz()->preferredbehaviour);
      $attempt = quiz_create_attempt($quizobj, $num, $last ?: null, $timenow, false, $args->userid);
      quiz_start_new_attempt($quizobj, $quba, $attempt, $num, $timenow);
      $attempt = quiz_attempt_save_started($quizobj, $quba, $attempt);
    }
    $quba = question_engine::load_questions_usage_by_activity($attempt->uniqueid);
    foreach ($args->answers as $item) {
      $a = $item->response;
      $qa = $quba->get_question_attempt($item->slot);
      ${RESPONSE_PHP}
      $quba->process_action($item->slot, $resp);
    }
    question_engine::save_questions_usage_by_activity($quba);
    $attemptobj = \\mod_quiz\\quiz_attempt::create($attempt->id);
    if ($args->finish) { $attemptobj->process_finish(time(), false); $attemptobj = \\mod_quiz\\quiz_attempt::create($attempt->id); }
    $slots = [];
    foreach ($attemptobj->get_slots() as $slot) {
      $qa = $attemptobj->get_question_attempt($slot);
      $q = $qa->get_question();
      $path = []; $catid = $q->category;
      while ($catid && ($c = $DB->get_record('question_categories', ['id' => $catid]))) { array_unshift($path, $c->name); $catid = $c->parent; }
      $slots[] = ['slot' => (int)$slot, 'idnumber' => (string)$q->idnumber, 'category' => $path, 'fraction' => $qa->get_fraction(), 'mark' => $qa->get_mark(), 'maxmark' => (float)$qa->get_max_mark()];
    }
    $g = grade_get_grades($quizobj->get_course()->id, 'mod', 'quiz', $args->quizid, $args->userid);
    $grade = $g->items[0]->grades[$args->userid]->grade ?? null;
    return ['attemptid' => (int)$attempt->id, 'slots' => $slots, 'sumgrades' => (float)$DB->get_field('quiz_attempts', 'sumgrades', ['id' => $attempt->id]),
      'gradebook' => $grade === null ? null : (float)$grade];`,
  { quizid: quiz.id, userid: user.id, answers, finish: opts.finish ?? true }, { timeoutMs: 240_000 });
}

/** The learner opens the quiz, starts an attempt (confirming the time limit) and lands on the first page; returns that page. */
export async function startQuizInBrowser(ctx: BrowserContext, site: MoodleSite, cmid: number): Promise<{ page: Page; attemptUrl: string; timer: boolean }> {
  const page = await ctx.newPage();
  await page.goto(`${site.url}/mod/quiz/view.php?id=${cmid}`);
  await page.getByRole('button', { name: /Attempt quiz/i }).click();
  // With a time limit Moodle asks to confirm in a dialog before the clock starts.
  await page.getByRole('button', { name: /Start attempt/i }).click();
  await page.waitForURL(/\/mod\/quiz\/attempt\.php/);
  const timer = await page.locator('#quiz-timer').isVisible().catch(() => false);
  return { page, attemptUrl: page.url(), timer };
}

/** The learner submits the attempt from its summary page ("Submit all and finish", then confirms); waits for the review page. */
export async function submitQuizInBrowser(page: Page, site: MoodleSite, attemptid: number, cmid: number): Promise<void> {
  await page.goto(`${site.url}/mod/quiz/summary.php?attempt=${attemptid}&cmid=${cmid}`);
  await page.getByRole('button', { name: /Submit all and finish/i }).first().click();
  await page.locator('.modal-dialog').getByRole('button', { name: /Submit all and finish/i }).click();
  await page.waitForURL(/\/mod\/quiz\/review\.php/);
}
