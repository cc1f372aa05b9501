// The knowledge-contest quiz of a school level ("cuộc thi tìm hiểu về an toàn thông tin") in a course backup: a
// Moodle 4.3 quiz (mod/quiz/backup/moodle2/backup_quiz_stepslib.php) whose slots are random questions, a few from
// each unit of the level (the unit's category with its outcome subcategories — question_set_reference with a
// category filter, as Moodle 4.3 writes it), a time limit, one attempt, review options that keep the answers hidden
// until the quiz closes, a grade out of 10 with a pass mark, completion on passing. Pure string builders.
import type { SchoolLevel } from '../../../src/model/school-level.ts';
import { dec7 } from './questions.ts';
import { doc, fields, TIME } from './xml-parts.ts';

/** Random questions drawn from each unit of the level. */
export const QUESTIONS_PER_UNIT = 3;
/** Seconds a contest allows per question (rounded up to whole 5 minutes). */
export const SECONDS_PER_QUESTION = 90;
export const QUESTIONS_PER_PAGE = 5;
/** The contest's grade, on the 10-point scale of Vietnamese schools, and its pass mark. */
export const CONTEST_GRADE = 10;
export const CONTEST_PASS = 5;

/** mod/quiz/classes/question/display_options.php: when a review item is shown. */
const DURING = 0x10000, IMMEDIATELY_AFTER = 0x01000, LATER_WHILE_OPEN = 0x00100, AFTER_CLOSE = 0x00010;
const AFTER_SUBMIT = IMMEDIATELY_AFTER | LATER_WHILE_OPEN | AFTER_CLOSE;
/**
 * Review options: the learner sees the attempt and the marks as soon as it is submitted, but whether each answer was
 * right, the right answers and the feedback only after the quiz closes (set "Close the quiz" when running the contest),
 * so no answer key goes round the class while others still sit it.
 */
export const CONTEST_REVIEW = {
  reviewattempt: DURING | AFTER_SUBMIT,
  reviewcorrectness: AFTER_CLOSE,
  reviewmaxmarks: DURING | AFTER_SUBMIT,
  reviewmarks: AFTER_SUBMIT,
  reviewspecificfeedback: AFTER_CLOSE,
  reviewgeneralfeedback: AFTER_CLOSE,
  reviewrightanswer: AFTER_CLOSE,
  reviewoverallfeedback: AFTER_SUBMIT,
} as const;

export const LEVEL_NAMES: Record<SchoolLevel, { vi: string; en: string; grades: string }> = {
  'primary': { vi: 'Tiểu học', en: 'Primary school', grades: '3–5' },
  'lower-secondary': { vi: 'Trung học cơ sở', en: 'Lower secondary school', grades: '6–9' },
  'upper-secondary': { vi: 'Trung học phổ thông', en: 'Upper secondary school', grades: '10–12' },
};

export interface ContestQuiz {
  level: SchoolLevel;
  /** The units it draws from, in order, each with the id of its question category in questions.xml and how many it holds. */
  units: { id: string; categoryId: number; questions: number }[];
}

export function contestName(level: SchoolLevel): string {
  const l = LEVEL_NAMES[level];
  return `Cuộc thi tìm hiểu về an toàn thông tin — ${l.vi} (lớp ${l.grades})`;
}

/** How many questions each unit gives the quiz (never more than its category holds). */
export function contestSlots(q: ContestQuiz): { unit: string; categoryId: number }[] {
  return q.units.flatMap((u) => Array.from({ length: Math.min(QUESTIONS_PER_UNIT, u.questions) }, () => ({ unit: u.id, categoryId: u.categoryId })));
}

export function contestTimeLimit(slots: number): number {
  return Math.ceil((slots * SECONDS_PER_QUESTION) / 300) * 300;
}

/** activities/quiz_<cmid>/quiz.xml. `ctx`: the quiz's context id; `courseCtx`: the course's (where the questions are). */
export function contestQuizXml(id: number, cmid: number, ctx: number, courseCtx: number, q: ContestQuiz): string {
  const slots = contestSlots(q);
  const l = LEVEL_NAMES[q.level];
  const minutes = contestTimeLimit(slots.length) / 60;
  const intro = `<p>Cuộc thi tìm hiểu về an toàn thông tin dành cho học sinh ${l.vi.toLowerCase()} (lớp ${l.grades}): ${slots.length} câu hỏi chọn ngẫu nhiên từ ngân hàng câu hỏi Khiên Số, ${QUESTIONS_PER_UNIT} câu mỗi chủ đề, làm trong ${minutes} phút, một lần làm bài, đạt từ ${CONTEST_PASS}/${CONTEST_GRADE} điểm. Đáp án và nhận xét hiện sau khi cuộc thi đóng.</p>` +
    `<p lang="en">Information-security knowledge contest for ${l.en.toLowerCase()} students (grades ${l.grades}): ${slots.length} questions drawn at random from the Khiên Số question bank, ${QUESTIONS_PER_UNIT} per unit, ${minutes} minutes, one attempt, passed from ${CONTEST_PASS}/${CONTEST_GRADE}. Right answers and feedback show once the contest closes.</p>`;
  const instances = slots.map((s, i) => `      <question_instance id="${id * 1000 + i + 1}">
${fields({ quizid: id, slot: i + 1, page: Math.floor(i / QUESTIONS_PER_PAGE) + 1, displaynumber: null, requireprevious: 0, maxmark: dec7(1) }, 8)}
        <question_set_reference id="${id * 1000 + i + 1}">
${fields({
  usingcontextid: ctx, component: 'mod_quiz', questionarea: 'slot', questionscontextid: courseCtx,
  filtercondition: JSON.stringify({ filter: { category: { jointype: 1, values: [String(s.categoryId)], filteroptions: { includesubcategories: true } } } }),
}, 10)}
        </question_set_reference>
      </question_instance>`);
  return doc(`<activity id="${id}" moduleid="${cmid}" modulename="quiz" contextid="${ctx}">
  <quiz id="${id}">
${fields({
  name: contestName(q.level), intro, introformat: 1, timeopen: 0, timeclose: 0, timelimit: contestTimeLimit(slots.length),
  overduehandling: 'autosubmit', graceperiod: 0, preferredbehaviour: 'deferredfeedback', canredoquestions: 0, attempts_number: 1,
  attemptonlast: 0, grademethod: 1, decimalpoints: 2, questiondecimalpoints: -1, ...CONTEST_REVIEW,
  questionsperpage: QUESTIONS_PER_PAGE, navmethod: 'free', shuffleanswers: 1, sumgrades: dec7(slots.length).slice(0, -2), grade: CONTEST_GRADE.toFixed(5),
  timecreated: TIME, timemodified: TIME, password: '', subnet: '', browsersecurity: '-', delay1: 0, delay2: 0, showuserpicture: 0, showblocks: 0,
  completionattemptsexhausted: 0, completionminattempts: 0, allowofflineattempts: 0,
}, 4)}
    <subplugin_quizaccess_seb_quiz>
    </subplugin_quizaccess_seb_quiz>
    <question_instances>
${instances.join('\n')}
    </question_instances>
    <sections>
      <section id="${id}">
${fields({ firstslot: 1, heading: '', shufflequestions: 1 }, 8)}
      </section>
    </sections>
    <feedbacks>
    </feedbacks>
    <overrides>
    </overrides>
    <grades>
    </grades>
    <attempts>
    </attempts>
  </quiz>
</activity>`);
}
