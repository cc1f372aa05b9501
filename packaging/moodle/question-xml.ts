// Moodle XML question banks (question/format/xml in Moodle 4.3), one file per unit and language.
// A pure function of the unit model: no I/O here.
//
// Mapping, chosen so a Moodle quiz gives the same score as the package for the same answers:
//   single     → multichoice, single answer; the key 100 %, every other choice 0 %.
//   multiple   → multichoice, several answers; each right choice +100/k %, each wrong one −100/k % (k = number of
//                right choices). Moodle sums the chosen fractions and clamps to 0–1, which is exactly the package's
//                (right − wrong) / k, clamped.
//   truefalse  → truefalse with the true/false feedback.
//   matching   → match: a subquestion per source; targets no source uses become extra wrong answers. Moodle gives
//                (right pairs) / (sources), like the package.
//   ordering   → ddwtos ("drag and drop into text", core): a numbered gap per position, the steps as drag boxes
//                used once each. Moodle gives (steps in the right place) / (steps), like the package's ordering score.
//   fillin     → shortanswer: every accepted answer in both languages at 100 %, plus its form without diacritics when
//                the question ignores them; case-insensitive when the question is. Moodle does not drop a final full
//                stop or quotes as the package does: those answers score 0 in Moodle.
//   lab        → left out (no Moodle equivalent); listed in the file's comment and in the returned `omitted`.
//   hotspot    → left out likewise: Moodle core has no "click the regions of a picture" type that takes HTML mock-ups
//                (ddimageortext/ddmarker need a raster image and drag, not toggles); it stays in the packages.
// Each question goes in the category  Khiên Số / Lớp N / <unit id> / <first outcome code>: a Moodle question lives in
// one category, so a question assessing several outcomes is filed under its first (main) one; every outcome is also a tag.
import type { Question } from '../../src/model/question-schema.ts';
import type { Lang } from '../../src/model/text.ts';
import type { Unit } from '../../src/model/unit.ts';
import { stripDiacritics } from '../../src/core/normalize.ts';
import { xmlEscape } from '../xml.ts';

export interface QuestionBankFile {
  /** Path under dist/moodle/, e.g. questions/g6-internet-safety.xml (Vietnamese) or questions/en/… */
  path: string;
  xml: string;
  /** Questions written. */
  count: number;
  /** Question ids left out, with why. */
  omitted: { id: string; type: string; why: string }[];
}

const GRADE_LABEL: Record<Lang, (g: number) => string> = { vi: (g) => `Lớp ${g}`, en: (g) => `Grade ${g}` };
const ROOT_CATEGORY = 'Khiên Số';
const ORDER_PROMPT: Record<Lang, string> = { vi: 'Kéo các bước vào đúng thứ tự:', en: 'Drag the steps into the right order:' };

/** The stable idnumber Moodle keeps for a question (unique in its category; same in every release). */
export function questionIdNumber(unitId: string, questionId: string): string {
  return `khienso.${unitId}.${questionId}`;
}

/** The category path of a question, as Moodle XML writes it. */
export function categoryPath(unit: Pick<Unit, 'id' | 'grade'>, outcome: string, lang: Lang): string {
  // "/" separates levels in Moodle's category paths; outcome codes and unit ids never contain one.
  return ['$course$', 'top', ROOT_CATEGORY, GRADE_LABEL[lang](unit.grade), unit.id, outcome].join('/');
}

const text = (s: string) => `<text>${xmlEscape(s)}</text>`;
const html = (s: string) => `<text><![CDATA[${cdata(s)}]]></text>`;
const para = (s: string) => `<p>${xmlEscape(s)}</p>`;
function cdata(s: string): string {
  return s.replace(/]]>/g, ']]]]><![CDATA[>');
}
/** Moodle's fraction attribute: percent with up to 7 decimals (0.3333333 is one of its grade options). */
function pct(f: number): string {
  return String(Math.round(f * 100 * 1e5) / 1e5);
}

/** HTML text (what Moodle stores with format 1). */
type Html = string;
/** One answer row as Moodle stores it (question_answers). */
export interface MoodleAnswer { text: string; format: 'html' | 'moodle_auto_format'; fraction: number; feedback: Html }
/** Combined feedback (correct / partially correct / incorrect), HTML. */
export interface CombinedFeedback { correct: Html; partial: Html; incorrect: Html }
/**
 * A question as Moodle stores it: the one mapping of the package's question types to Moodle's, written out both as
 * Moodle XML (this file) and inside the course backups' questions.xml (mbz/questions.ts).
 */
export type MoodleQuestion = {
  name: string; questiontext: Html; defaultgrade: number; idnumber: string; tags: string[];
} & (
  | { qtype: 'multichoice'; single: boolean; answers: MoodleAnswer[] }
  /** answers[0] is "true", answers[1] "false". */
  | { qtype: 'truefalse'; answers: [MoodleAnswer, MoodleAnswer] }
  /** A subquestion with empty text is an extra wrong answer. */
  | { qtype: 'match'; feedback: CombinedFeedback; subquestions: { text: Html; answer: string }[] }
  /** Drag boxes (plain text, group 1, each used once); the question text holds the gaps [[n]]. */
  | { qtype: 'ddwtos'; feedback: CombinedFeedback; dragboxes: string[] }
  | { qtype: 'shortanswer'; usecase: 0 | 1; answers: MoodleAnswer[] }
);

function combinedFeedback(fb: { correct: Record<Lang, string>; incorrect: Record<Lang, string>; partial?: Record<Lang, string> }, lang: Lang): CombinedFeedback {
  return { correct: para(fb.correct[lang]), partial: para((fb.partial ?? fb.incorrect)[lang]), incorrect: para(fb.incorrect[lang]) };
}

/** One question mapped to Moodle (see the mapping at the top of this file), or why it cannot be. */
export function moodleQuestion(unit: Unit, q: Question, lang: Lang): { question: MoodleQuestion } | { omitted: string } {
  const base = { name: q.id, defaultgrade: q.weight, idnumber: questionIdNumber(unit.id, q.id), tags: [...q.outcomes, 'khienso'] };
  // A choice or true/false question's picture (the message, page or call it asks about) follows the prompt as the
  // build rendered it: Moodle shows its text unstyled (its HTML cleaning drops the mock-up's icons and classes' looks).
  const shown = (q.type === 'single' || q.type === 'multiple' || q.type === 'truefalse') && q.picture ? `<div>${q.picture[lang]}</div>` : '';
  const prompt = para(q.prompt[lang]) + shown;
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const k = q.correct.length;
      const answers = q.choices.map((c): MoodleAnswer => {
        const right = q.correct.includes(c.id);
        return { text: xmlEscape(c.text[lang]), format: 'html', fraction: q.type === 'single' ? (right ? 1 : 0) : right ? 1 / k : -1 / k, feedback: para(c.feedback[lang]) };
      });
      return { question: { ...base, questiontext: prompt, qtype: 'multichoice', single: q.type === 'single', answers } };
    }
    case 'truefalse': {
      const ans = (value: boolean): MoodleAnswer => ({ text: String(value), format: 'moodle_auto_format', fraction: q.correct === value ? 1 : 0, feedback: para(q.feedback[value ? 'true' : 'false'][lang]) });
      return { question: { ...base, questiontext: prompt, qtype: 'truefalse', answers: [ans(true), ans(false)] } };
    }
    case 'matching': {
      const pairs = new Map(q.correct);
      const used = new Set(pairs.values());
      const subquestions = q.sources.map((s) => ({ text: xmlEscape(s.text[lang]), answer: q.targets.find((t) => t.id === pairs.get(s.id))?.text[lang] ?? '' }));
      // A target no source uses is offered as a wrong answer: a subquestion with no text.
      for (const t of q.targets) if (!used.has(t.id)) subquestions.push({ text: '', answer: t.text[lang] });
      return { question: { ...base, questiontext: prompt, qtype: 'match', feedback: combinedFeedback(q.feedback, lang), subquestions } };
    }
    case 'ordering': {
      // Drag boxes are the steps in the order the author listed them; gap i takes the box of the i-th correct step.
      const gaps = q.correct.map((id, i) => `<li>${i + 1}. [[${q.steps.findIndex((s) => s.id === id) + 1}]]</li>`).join('');
      const questiontext = `${prompt}<p>${xmlEscape(ORDER_PROMPT[lang])}</p><ol style="list-style:none">${gaps}</ol>`;
      return { question: { ...base, questiontext, qtype: 'ddwtos', feedback: combinedFeedback(q.feedback, lang), dragboxes: q.steps.map((s) => s.text[lang]) } };
    }
    case 'fillin': {
      const seen = new Set<string>();
      const accepted: string[] = [];
      const add = (v: string) => {
        const key = q.ignoreCase ? v.toLocaleLowerCase('vi') : v;
        if (!seen.has(key)) { seen.add(key); accepted.push(v); }
      };
      for (const a of q.accept) for (const v of [a.vi, a.en]) if (v !== undefined) add(v.normalize('NFC').trim());
      if (q.ignoreDiacritics) for (const v of [...accepted]) add(stripDiacritics(v));
      const answers = accepted.map((v): MoodleAnswer => ({ text: escapeWildcards(v), format: 'moodle_auto_format', fraction: 1, feedback: para(q.feedback.correct[lang]) }));
      // A catch-all "*" at 0 % shows the explanation to learners who typed something else.
      answers.push({ text: '*', format: 'moodle_auto_format', fraction: 0, feedback: para(q.feedback.incorrect[lang]) });
      return { question: { ...base, questiontext: prompt, qtype: 'shortanswer', usecase: q.ignoreCase ? 0 : 1, answers } };
    }
    case 'hotspot':
      return { omitted: 'hotspot question (click the signs on a mock-up) has no Moodle core question type; it stays in the SCORM/xAPI/cmi5 packages' };
    case 'lab':
      return { omitted: `interactive lab "${q.kind}" has no Moodle question type; it stays in the SCORM/xAPI/cmi5 packages` };
  }
  return { omitted: `question type "${(q as { type: string }).type}" has no Moodle mapping` };
}

function header(m: MoodleQuestion): string {
  return [
    `  <question type="${m.qtype}">`,
    `    <name>${text(m.name)}</name>`,
    `    <questiontext format="html">${html(m.questiontext)}</questiontext>`,
    `    <generalfeedback format="html"><text></text></generalfeedback>`,
    `    <defaultgrade>${m.defaultgrade}</defaultgrade>`,
    `    <penalty>0</penalty>`,
    `    <hidden>0</hidden>`,
    `    <idnumber>${xmlEscape(m.idnumber)}</idnumber>`,
  ].join('\n');
}

function tags(m: MoodleQuestion): string {
  return `    <tags>\n${m.tags.map((o) => `      <tag>${text(o)}</tag>`).join('\n')}\n    </tags>`;
}

function combined(fb: CombinedFeedback): string {
  return [
    `    <correctfeedback format="html">${html(fb.correct)}</correctfeedback>`,
    `    <partiallycorrectfeedback format="html">${html(fb.partial)}</partiallycorrectfeedback>`,
    `    <incorrectfeedback format="html">${html(fb.incorrect)}</incorrectfeedback>`,
    `    <shownumcorrect/>`,
  ].join('\n');
}

function answerXml(a: MoodleAnswer): string {
  const body = a.format === 'html' ? html(a.text) : text(a.text);
  return `    <answer fraction="${pct(a.fraction)}" format="${a.format}">\n      ${body}\n      <feedback format="html">${html(a.feedback)}</feedback>\n    </answer>`;
}

/** A mapped question as Moodle XML (question/format/xml). */
export function moodleQuestionXml(m: MoodleQuestion): string {
  switch (m.qtype) {
    case 'multichoice':
      return [
        header(m),
        `    <single>${m.single ? 'true' : 'false'}</single>`,
        `    <shuffleanswers>true</shuffleanswers>`,
        `    <answernumbering>abc</answernumbering>`,
        `    <showstandardinstruction>1</showstandardinstruction>`,
        `    <correctfeedback format="html"><text></text></correctfeedback>`,
        `    <partiallycorrectfeedback format="html"><text></text></partiallycorrectfeedback>`,
        `    <incorrectfeedback format="html"><text></text></incorrectfeedback>`,
        ...(m.single ? [] : ['    <shownumcorrect/>']),
        ...m.answers.map(answerXml), tags(m), '  </question>',
      ].join('\n');
    case 'truefalse':
      return [header(m), ...m.answers.map(answerXml), tags(m), '  </question>'].join('\n');
    case 'match': {
      const sub = m.subquestions.map((s) => s.text
        ? `    <subquestion format="html">\n      ${html(s.text)}\n      <answer>${text(s.answer)}</answer>\n    </subquestion>`
        : `    <subquestion format="html">\n      <text></text>\n      <answer>${text(s.answer)}</answer>\n    </subquestion>`);
      return [header(m), '    <shuffleanswers>true</shuffleanswers>', combined(m.feedback), ...sub, tags(m), '  </question>'].join('\n');
    }
    case 'ddwtos': {
      const boxes = m.dragboxes.map((b) => `    <dragbox>\n      ${text(b)}\n      <group>1</group>\n    </dragbox>`);
      return [header(m), '    <shuffleanswers>1</shuffleanswers>', combined(m.feedback), ...boxes, tags(m), '  </question>'].join('\n');
    }
    case 'shortanswer':
      return [header(m), `    <usecase>${m.usecase}</usecase>`, ...m.answers.map(answerXml), tags(m), '  </question>'].join('\n');
  }
}

/** One question as Moodle XML, or why it cannot be one. */
export function questionXml(unit: Unit, q: Question, lang: Lang): { xml: string } | { omitted: string } {
  const r = moodleQuestion(unit, q, lang);
  return 'omitted' in r ? r : { xml: moodleQuestionXml(r.question) };
}

/** In Moodle's short-answer matching "*" is a wildcard; a literal star is written "\*". */
function escapeWildcards(s: string): string {
  return s.replace(/\*/g, '\\*');
}

/** The whole bank of a unit in one language. */
export function questionBankXml(unit: Unit, lang: Lang): QuestionBankFile {
  const omitted: QuestionBankFile['omitted'] = [];
  const byCategory = new Map<string, string[]>();
  let count = 0;
  for (const q of unit.assessment.questions) {
    const r = questionXml(unit, q, lang);
    if ('omitted' in r) { omitted.push({ id: q.id, type: q.type, why: r.omitted }); continue; }
    const cat = categoryPath(unit, q.outcomes[0] as string, lang);
    byCategory.set(cat, [...(byCategory.get(cat) ?? []), r.xml]);
    count++;
  }
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  parts.push(`<!-- Khiên Số question bank: ${xmlEscape(unit.id)} ${xmlEscape(unit.version)} (${lang}). ${count} questions.`);
  parts.push(`     Import: Question bank → Import → Moodle XML format; keep "Get category from file" and "Get context from file" on. -->`);
  if (omitted.length) parts.push(`<!-- Left out (no Moodle equivalent): ${omitted.map((o) => `${o.id} (${o.type})`).join(', ')} -->`);
  parts.push('<quiz>');
  for (const [cat, qs] of [...byCategory].sort(([a], [b]) => a.localeCompare(b))) {
    parts.push(`  <question type="category">\n    <category>${text(cat)}</category>\n    <info format="html">${html(para(unit.title[lang]))}</info>\n  </question>`);
    parts.push(...qs);
  }
  parts.push('</quiz>', '');
  return { path: lang === 'vi' ? `questions/${unit.id}.xml` : `questions/en/${unit.id}.xml`, xml: parts.join('\n'), count, omitted };
}
