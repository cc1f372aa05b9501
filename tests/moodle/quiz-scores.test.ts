// A Moodle quiz built from a unit's Moodle XML question bank scores the same as the unit's package for the same
// answers: the bank is imported into a real Moodle, a quiz of its questions (fixed, each worth the question's weight)
// is made, and a learner's attempts — each question answered with the key, wrong answers and partly right ones, and
// the fill-in forms the package forgives — go through Moodle's question engine. Every question's fraction and each
// attempt's total are compared with the project's scorer (src/core/scoring.ts); where Moodle differs by design
// (short answers with a final full stop, quotes or doubled spaces: docs/moodle-import.md) the test says so exactly.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { questionBankXml, moodleQuestion } from '../../packaging/moodle/question-xml.ts';
import type { Answer } from '../../src/core/answers.ts';
import { scoreAttempt, scorePlain } from '../../src/core/scoring.ts';
import { loadCurriculum } from '../../src/model/load/load-curriculum.ts';
import type { Question } from '../../src/model/question-schema.ts';
import { answerVariants, moodleResponse, type AnswerVariant } from '../helpers/answer-variants.ts';
import { createCourse, createUser, describeMoodle } from './harness/index.ts';
import { answerQuizAttempt, importQuestionBank } from './harness/quiz.ts';
import { REPO } from './harness/source.ts';

/** Has every question type the banks map: single, multiple, true/false, matching, ordering, fill-in. */
const UNIT = 'g6-internet-safety';

describeMoodle('a quiz built from a question bank scores like the package', (env) => {
  it(`${UNIT}: per question and in total, Moodle's marks are the project's scorer's for the key, wrong and partly right answers`, async () => {
    const unit = loadCurriculum({ root: REPO, only: [UNIT] } as never).units[0];
    if (!unit) throw new Error(`${UNIT} missing`);
    const bank = questionBankXml(unit, 'vi');
    const file = join(mkdtempSync(join(tmpdir(), 'ks-quiz-scores-')), `${UNIT}.xml`);
    writeFileSync(file, bank.xml);
    const course = await createCourse(env.site, 'khsquiz');
    const imp = await importQuestionBank(env.site, course, file);
    expect(imp.ok, imp.out.slice(-500)).toBe(true);
    expect(imp.added).toBe(bank.count);
    const learner = await createUser(env.site, 'hs1', { course });

    // Every question the bank holds, in the bank's order, each worth its weight; as many attempts as wanted.
    const questions = unit.assessment.questions.filter((q) => !('omitted' in moodleQuestion(unit, q, 'vi')));
    const types = new Set(questions.map((q) => q.type));
    for (const t of ['single', 'multiple', 'truefalse', 'matching', 'ordering', 'fillin']) expect(types, `${UNIT} has a ${t} question`).toContain(t);
    const quiz = await env.site.php<{ id: number; cmid: number; slots: { slot: number; idnumber: string; maxmark: number }[] }>(`
      require_once($CFG->dirroot . '/course/modlib.php');
      require_once($CFG->dirroot . '/mod/quiz/locallib.php');
      $course = get_course($args->courseid);
      $mi = (object)['modulename' => 'quiz', 'module' => $DB->get_field('modules', 'id', ['name' => 'quiz']), 'course' => $course->id,
        'section' => 1, 'visible' => 1, 'name' => 'Khiên Số bank quiz', 'intro' => '', 'introformat' => FORMAT_HTML, 'timelimit' => 0,
        'attempts' => 0, 'grademethod' => QUIZ_GRADEHIGHEST, 'grade' => 100, 'quizpassword' => '', 'preferredbehaviour' => 'deferredfeedback',
        'questionsperpage' => 0, 'shuffleanswers' => 1, 'overduehandling' => 'autosubmit'];
      $mi = add_moduleinfo($mi, $course);
      $quiz = $DB->get_record('quiz', ['id' => $mi->instance], '*', MUST_EXIST);
      $ctx = context_course::instance($course->id);
      foreach ($args->idnumbers as $idnumber) {
        $qid = $DB->get_field_sql("SELECT v.questionid FROM {question_bank_entries} e JOIN {question_versions} v ON v.questionbankentryid = e.id
          JOIN {question_categories} c ON c.id = e.questioncategoryid WHERE e.idnumber = ? AND c.contextid = ?", [$idnumber, $ctx->id], MUST_EXIST);
        quiz_add_quiz_question($qid, $quiz, 0);
      }
      \\mod_quiz\\quiz_settings::create($quiz->id)->get_grade_calculator()->recompute_quiz_sumgrades();
      $slots = $DB->get_records_sql("SELECT s.slot, e.idnumber, s.maxmark FROM {quiz_slots} s
        JOIN {question_references} r ON r.itemid = s.id AND r.component = 'mod_quiz' AND r.questionarea = 'slot'
        JOIN {question_bank_entries} e ON e.id = r.questionbankentryid WHERE s.quizid = ? ORDER BY s.slot", [$quiz->id]);
      return ['id' => (int)$quiz->id, 'cmid' => (int)$mi->coursemodule,
        'slots' => array_values(array_map(fn($s) => ['slot' => (int)$s->slot, 'idnumber' => $s->idnumber, 'maxmark' => (float)$s->maxmark], $slots))];`,
    { courseid: course.id, idnumbers: questions.map((q) => `khienso.${unit.id}.${q.id}`) });
    expect(quiz.slots.map((s) => s.idnumber.split('.')[2])).toEqual(questions.map((q) => q.id));
    expect(quiz.slots.map((s) => s.maxmark), 'each question worth its weight').toEqual(questions.map((q) => q.weight));

    // Attempt r answers every question with its r-th answer (the key once a question has no more). The answers
    // Moodle scores differently by design come in attempts of their own, after the others.
    const variants = new Map(questions.map((q) => [q.id, answerVariants(q)]));
    const same = (q: Question) => (variants.get(q.id) ?? []).filter((v) => !v.moodleDiffers);
    const differs = (q: Question) => (variants.get(q.id) ?? []).filter((v) => v.moodleDiffers);
    const rounds: Map<string, AnswerVariant>[] = [];
    const sameRounds = Math.max(...questions.map((q) => same(q).length));
    for (let r = 0; r < sameRounds; r++) rounds.push(new Map(questions.map((q) => [q.id, same(q)[r] ?? same(q)[0] as AnswerVariant])));
    const differRounds = Math.max(...questions.map((q) => differs(q).length));
    for (let r = 0; r < differRounds; r++) rounds.push(new Map(questions.map((q) => [q.id, differs(q)[r] ?? same(q)[0] as AnswerVariant])));
    expect(rounds.length).toBeGreaterThanOrEqual(4);

    const mismatches: string[] = [];
    let partial = 0;
    for (const [r, round] of rounds.entries()) {
      const answers = new Map<string, Answer>(questions.map((q) => [q.id, (round.get(q.id) as AnswerVariant).answer]));
      const graded = await answerQuizAttempt(env.site, quiz, learner, questions.map((q, i) => ({ slot: i + 1, response: moodleResponse(unit, q, answers.get(q.id) as Answer) })));
      let moodleEarned = 0;
      let expectedEarned = 0;
      for (const [i, q] of questions.entries()) {
        const v = round.get(q.id) as AnswerVariant;
        const pkg = scorePlain(q, v.answer).fraction;
        const s = graded.slots[i];
        const moodle = s?.fraction ?? 0;
        if (pkg > 0 && pkg < 1) partial++;
        const what = `attempt ${r + 1}, ${q.id} (${q.type}), ${v.label}`;
        expect(s?.mark ?? 0, `${what}: mark = fraction × weight`).toBeCloseTo(moodle * q.weight, 6);
        if (v.moodleDiffers) {
          // Documented: the package forgives this form of a right answer, Moodle's short-answer matching does not.
          expect({ moodle, pkg }, `${what}: Moodle scores this ${v.moodleDiffers} answer 0, the package 1`).toEqual({ moodle: 0, pkg: 1 });
          mismatches.push(`${q.id}: ${v.moodleDiffers}`);
        } else {
          expect(moodle, what).toBeCloseTo(pkg, 6);
          expectedEarned += pkg * q.weight;
        }
        moodleEarned += moodle * q.weight;
      }
      expect(graded.sumgrades, `attempt ${r + 1}: Moodle's total is the sum of its marks`).toBeCloseTo(moodleEarned, 5);
      expect(graded.sumgrades, `attempt ${r + 1}: total = the package's, the documented differences scoring 0`).toBeCloseTo(expectedEarned, 5);
      if (r < sameRounds) {
        // The unit score the package reports (0–100, rounded) from Moodle's total.
        const total = questions.reduce((t, q) => t + q.weight, 0);
        expect(Math.round((100 * graded.sumgrades) / total), `attempt ${r + 1}: score out of 100`).toBe(scoreAttempt(questions, answers).score);
      }
    }
    // The attempts covered partly right answers (multiple response, matching, ordering) and every documented difference.
    expect(partial).toBeGreaterThan(5);
    expect(new Set(mismatches.map((m) => m.split(': ')[1]))).toEqual(new Set(['final punctuation', 'surrounding quotes', 'inner spaces']));
  });
});
