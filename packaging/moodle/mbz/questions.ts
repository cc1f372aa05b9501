// questions.xml of a course backup: the units' question banks in the course's question bank, as Moodle 4.3's backup
// writes them (backup/moodle2/backup_stepslib.php backup_questions_structure_step, question/type/*/backup/moodle2):
// question_category → question_bank_entry → question_versions → question, with each type's plugin data.
// The questions are the ones of the Moodle XML banks — the same mapping (question-xml.ts moodleQuestion), written in
// the backup's form instead of the import format — in the same category tree: top → Khiên Số → grade → unit → outcome,
// all in the course context. Pure: the same units give the same bytes.
import { createHash } from 'node:crypto';
import type { Lang } from '../../../src/model/text.ts';
import type { Unit } from '../../../src/model/unit.ts';
import { xmlEscape } from '../../xml.ts';
import { categoryPath, moodleQuestion, type MoodleAnswer, type MoodleQuestion } from '../question-xml.ts';
import { doc, fields, TIME } from './xml-parts.ts';

/** Moodle's CONTEXT_COURSE. */
const CONTEXT_COURSE = 50;
/** The user the backup says made the questions; on restore Moodle gives them to the restoring user (another site). */
const OWNER = 2;

export interface BackupQuestionBank {
  xml: string;
  /** Every category id in questions.xml (course/inforef.xml and the quizzes' inforef.xml list them). */
  categoryIds: number[];
  /** Unit id → the id of its category (grade → unit), whose subcategories (outcomes) hold its questions. */
  unitCategory: Map<string, number>;
  /** Unit id → questions written. */
  questions: Map<string, number>;
}

/** Moodle's 7-decimal number columns (fraction, defaultmark, penalty). */
export const dec7 = (x: number) => (Math.round(x * 1e7) / 1e7).toFixed(7);
const stamp = (what: string) => `khienso+${createHash('sha1').update(what).digest('hex').slice(0, 20)}`;

interface Category { id: number; name: string; parent: number; path: string; idnumber: string | null; info: string; entries: string[] }

/** The question bank of `units` (in this order) for a course whose context id is `contextId`. */
export function backupQuestionBank(units: Unit[], lang: Lang, contextId: number): BackupQuestionBank {
  const cats = new Map<string, Category>();
  const top: Category = { id: 1, name: 'top', parent: 0, path: '', idnumber: null, info: '', entries: [] };
  cats.set('', top);
  /** The category of a path ('a/b/c'), made with its parents when new. */
  const category = (segments: string[], idnumbers: (string | null)[], info: (string | undefined)[]): Category => {
    let parent = top;
    for (let i = 0; i < segments.length; i++) {
      const path = segments.slice(0, i + 1).join('/');
      let c = cats.get(path);
      if (!c) {
        c = { id: cats.size + 1, name: segments[i] as string, parent: parent.id, path, idnumber: idnumbers[i] ?? null, info: info[i] ?? '', entries: [] };
        cats.set(path, c);
      }
      parent = c;
    }
    return parent;
  };
  const unitCategory = new Map<string, number>();
  const questions = new Map<string, number>();
  let qid = 0;
  let answerId = 0;
  let tagId = 0;
  const tagIds = new Map<string, number>();
  for (const unit of units) {
    // categoryPath: $course$/top/Khiên Số/<grade>/<unit>/<outcome> — the same tree as the Moodle XML banks.
    const unitPath = (outcome: string) => categoryPath(unit, outcome, lang).split('/').slice(2);
    const ids = (outcome: string) => ['khienso', `khienso.grade-${unit.grade}`, `khienso.${unit.id}`, `khienso.${unit.id}.${outcome}`];
    const infos = [undefined, undefined, `<p>${xmlEscape(unit.title[lang])}</p>`];
    const first = unit.assessment.questions[0]?.outcomes[0] ?? unit.outcomes[0]?.code ?? 'x';
    unitCategory.set(unit.id, category(unitPath(first).slice(0, 3), ids(first), infos).id);
    let n = 0;
    for (const q of unit.assessment.questions) {
      const r = moodleQuestion(unit, q, lang);
      if ('omitted' in r) continue;
      const outcome = q.outcomes[0] as string;
      const cat = category(unitPath(outcome), ids(outcome), infos);
      qid++;
      n++;
      const m = r.question;
      const tags = m.tags.map((t) => {
        let id = tagIds.get(t.toLowerCase());
        if (id === undefined) tagIds.set(t.toLowerCase(), (id = ++tagId));
        return `                  <tag id="${id}" contextid="${contextId}">\n${fields({ name: t.toLowerCase(), rawname: t }, 20)}\n                  </tag>`;
      });
      const plugin = pluginXml(m, qid, () => ++answerId);
      cat.entries.push(`      <question_bank_entry id="${qid}">
${fields({ questioncategoryid: cat.id, idnumber: m.idnumber, ownerid: OWNER }, 8)}
        <question_version>
          <question_versions id="${qid}">
${fields({ version: 1, status: 'ready' }, 12)}
            <questions>
              <question id="${qid}">
${fields({
  parent: 0, name: m.name, questiontext: m.questiontext, questiontextformat: 1, generalfeedback: '', generalfeedbackformat: 1,
  defaultmark: dec7(m.defaultgrade), penalty: dec7(0), qtype: m.qtype, length: 1, stamp: stamp(m.idnumber),
  timecreated: TIME, timemodified: TIME, createdby: OWNER, modifiedby: OWNER,
}, 16)}
${plugin}
                <plugin_qbank_comment_question>
                  <comments>
                  </comments>
                </plugin_qbank_comment_question>
                <plugin_qbank_customfields_question>
                  <customfields>
                  </customfields>
                </plugin_qbank_customfields_question>
                <question_hints>
                </question_hints>
                <tags>
${tags.join('\n')}
                </tags>
              </question>
            </questions>
          </question_versions>
        </question_version>
      </question_bank_entry>`);
    }
    questions.set(unit.id, n);
  }
  const all = [...cats.values()];
  const xml = doc(`<question_categories>
${all.map((c) => `  <question_category id="${c.id}">
${fields({ name: c.name, contextid: contextId, contextlevel: CONTEXT_COURSE, contextinstanceid: 1, info: c.info, infoformat: 1, stamp: stamp(`category/${c.path}`), parent: c.parent, sortorder: c.parent === 0 ? 0 : 999, idnumber: c.idnumber }, 4)}
    <question_bank_entries>
${c.entries.join('\n')}
    </question_bank_entries>
  </question_category>`.replace('<question_bank_entries>\n\n', '<question_bank_entries>\n')).join('\n')}
</question_categories>`);
  return { xml, categoryIds: all.map((c) => c.id), unitCategory, questions };
}

/** The qtype's own part of a question (plugin_qtype_<type>_question), as its backup plugin writes it. */
function pluginXml(m: MoodleQuestion, qid: number, nextAnswerId: () => number): string {
  const pad = '                ';
  const answers = (list: { id: number; text: string; format: number; fraction: number; feedback: string; feedbackformat: number }[]) =>
    `${pad}  <answers>\n${list.map((a) => `${pad}    <answer id="${a.id}">\n${fields({ answertext: a.text, answerformat: a.format, fraction: dec7(a.fraction), feedback: a.feedback, feedbackformat: a.feedbackformat }, 22)}\n${pad}    </answer>`).join('\n')}\n${pad}  </answers>`;
  const rows = (list: MoodleAnswer[], format: (a: MoodleAnswer) => number) => list.map((a) => ({ id: nextAnswerId(), text: a.text, format: format(a), fraction: a.fraction, feedback: a.feedback, feedbackformat: 1 }));
  const combined = (fb: { correct: string; partial: string; incorrect: string }) => ({
    correctfeedback: fb.correct, correctfeedbackformat: 1, partiallycorrectfeedback: fb.partial, partiallycorrectfeedbackformat: 1,
    incorrectfeedback: fb.incorrect, incorrectfeedbackformat: 1,
  });
  const wrap = (type: string, body: string) => `${pad}<plugin_qtype_${type}_question>\n${body}\n${pad}</plugin_qtype_${type}_question>`;
  const own = (name: string, id: number, f: Record<string, string | number | null>) => `${pad}  <${name} id="${id}">\n${fields(f, 20)}\n${pad}  </${name}>`;
  switch (m.qtype) {
    case 'multichoice':
      return wrap('multichoice', `${answers(rows(m.answers, () => 1))}\n${own('multichoice', qid, {
        layout: 0, single: m.single ? 1 : 0, shuffleanswers: 1, ...combined({ correct: '', partial: '', incorrect: '' }),
        answernumbering: 'abc', shownumcorrect: m.single ? 0 : 1, showstandardinstruction: 1,
      })}`);
    case 'truefalse': {
      // Moodle stores the words of the site's language; the question shows its own "True"/"False" strings anyway.
      const list = rows(m.answers, () => 0).map((a, i) => ({ ...a, text: i === 0 ? 'True' : 'False' }));
      return wrap('truefalse', `${answers(list)}\n${own('truefalse', qid, { trueanswer: list[0]?.id ?? 0, falseanswer: list[1]?.id ?? 0, showstandardinstruction: 0 })}`);
    }
    case 'match': {
      const matches = m.subquestions.map((s) => `${pad}    <match id="${nextAnswerId()}">\n${fields({ questiontext: s.text, questiontextformat: 1, answertext: s.answer }, 22)}\n${pad}    </match>`);
      return wrap('match', `${own('matchoptions', qid, { shuffleanswers: 1, ...combined(m.feedback), shownumcorrect: 1 })}\n${pad}  <matches>\n${matches.join('\n')}\n${pad}  </matches>`);
    }
    case 'ddwtos': {
      // Each drag box: group 1, used once (the serialised options Moodle keeps in the answer's feedback column).
      const list = m.dragboxes.map((b) => ({ id: nextAnswerId(), text: b, format: 1, fraction: 0, feedback: 'O:8:"stdClass":2:{s:9:"draggroup";s:1:"1";s:8:"infinite";b:0;}', feedbackformat: 0 }));
      return wrap('ddwtos', `${answers(list)}\n${own('ddwtos', qid, { shuffleanswers: 1, ...combined(m.feedback), shownumcorrect: 1 })}`);
    }
    case 'shortanswer':
      return wrap('shortanswer', `${answers(rows(m.answers, () => 0))}\n${own('shortanswer', qid, { usecase: m.usecase })}`);
  }
}
