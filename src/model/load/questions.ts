import type { Root } from 'mdast';
import type { ProblemList } from '../../errors/unit-error.ts';
import { QUESTION_COMPONENTS, QuestionSchema, type Question, type QuestionType } from '../question-schema.ts';
import { attr, attrNames, isJsx, lineOf, type JsxElement } from './mdx-ast.ts';
import { parseWithFriendlyErrors } from './validate.ts';
import { checkQuestionReferences } from './question-refs.ts';
import { checkQuestionStructure } from './check-question-structure.ts';
import { shortTextLooksVietnamese } from './check-language.ts';

/** A question parsed from MDX, with the line it starts on. */
export interface SourcedQuestion {
  question: Question;
  line: number | undefined;
}

const CHILDREN: Record<QuestionType, string[]> = {
  single: ['Prompt', 'Choice'],
  multiple: ['Prompt', 'Choice'],
  truefalse: ['Prompt', 'Feedback'],
  matching: ['Prompt', 'Source', 'Target', 'Feedback'],
  ordering: ['Prompt', 'Step', 'Feedback'],
  fillin: ['Prompt', 'Accept', 'Feedback'],
  lab: ['Prompt'],
};
const QUESTION_ATTRS = new Set(['id', 'weight', 'outcomes', 'correct', 'ignoreCase', 'ignoreDiacritics', 'maxLength', 'kind']);
/** Attributes each child element accepts (anything else would be silently ignored, so it is refused). */
const CHILD_ATTRS: Record<string, string[]> = {
  Prompt: ['vi', 'en'], Choice: ['id', 'vi', 'en', 'feedbackVi', 'feedbackEn'], Source: ['id', 'vi', 'en'],
  Target: ['id', 'vi', 'en', 'distractor'], Step: ['id', 'vi', 'en'], Feedback: ['on', 'vi', 'en'], Accept: ['vi', 'en', 'value'],
};
const LIST_KEY: Record<string, string> = { Choice: 'choices', Source: 'sources', Target: 'targets', Step: 'steps', Accept: 'accept' };

/** Extracts and validates every question component of an assessment body. */
export function extractQuestions(root: Root, file: string, problems: ProblemList): SourcedQuestion[] {
  const out: SourcedQuestion[] = [];
  for (const node of root.children) {
    if (node.type === 'mdxFlowExpression' || node.type === 'heading' || node.type === 'paragraph' || node.type === 'thematicBreak') continue;
    if (!isJsx(node)) continue;
    const type = node.name ? QUESTION_COMPONENTS[node.name] : undefined;
    if (!type) {
      problems.add({ location: { file, line: lineOf(node) }, message: `unknown component <${node.name ?? ''}> in the assessment`, hint: `use one of ${Object.keys(QUESTION_COMPONENTS).join(', ')}` });
      continue;
    }
    const q = extractQuestion(node, type, file, problems);
    if (q) out.push(q);
  }
  return out;
}

function extractQuestion(el: JsxElement, type: QuestionType, file: string, problems: ProblemList): SourcedQuestion | undefined {
  const line = lineOf(el);
  const id = attr(el, 'id');
  const where = `<${el.name}${typeof id === 'string' ? ` id="${id}"` : ''}>`;
  for (const name of attrNames(el)) {
    if (!QUESTION_ATTRS.has(name)) problems.add({ location: { file, line }, message: `${where}: unknown attribute "${name}"`, hint: 'see docs/authoring.md for the attributes of each question type' });
  }
  const raw: Record<string, unknown> = { type, id, outcomes: words(attr(el, 'outcomes')) };
  for (const k of ['weight', 'maxLength'] as const) {
    const v = attr(el, k);
    if (v !== undefined) raw[k] = typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : v;
  }
  for (const k of ['ignoreCase', 'ignoreDiacritics'] as const) {
    const v = attr(el, k);
    if (v !== undefined) raw[k] = v === 'true' || v === true ? true : v === 'false' || v === false ? false : v;
  }
  if (type === 'lab') raw.kind = attr(el, 'kind');
  else raw.correct = parseCorrect(type, attr(el, 'correct'));
  if ((type === 'single' || type === 'multiple') && attr(el, 'kind') !== undefined) raw.kind = attr(el, 'kind');
  const lines = new Map<string, number | undefined>([['', line]]);
  const feedback: Record<string, unknown> = {};
  for (const child of childElements(el)) {
    const name = child.name ?? '';
    const cl = lineOf(child);
    if (!CHILDREN[type].includes(name)) {
      problems.add({ location: { file, line: cl }, message: `${where}: <${name}> is not allowed here`, hint: `a ${el.name} may contain ${CHILDREN[type].map((c) => `<${c}>`).join(', ')}` });
      continue;
    }
    const allowed = CHILD_ATTRS[name] ?? [];
    for (const a of attrNames(child)) {
      if (!allowed.includes(a)) problems.add({ location: { file, line: cl }, message: `${where}: <${name}> has unknown attribute "${a}"`, hint: `<${name}> takes ${allowed.join(', ')}` });
    }
    const text = { vi: attr(child, 'vi'), en: attr(child, 'en') };
    if (typeof text.en === 'string' && shortTextLooksVietnamese(text.en)) problems.add({ location: { file, line: cl }, message: `${where}: the English text of <${name}> is Vietnamese ("${text.en.slice(0, 50)}")`, hint: 'write the English version in en="…"' });
    if (name === 'Prompt') {
      raw.prompt = text;
      lines.set('prompt', cl);
    } else if (name === 'Feedback') {
      const on = String(attr(child, 'on') ?? '');
      feedback[on] = text;
      lines.set(`feedback.${on}`, cl);
    } else {
      const key = LIST_KEY[name] ?? name;
      const list = (raw[key] ??= []) as unknown[];
      lines.set(`${key}.${list.length}`, cl);
      if (name === 'Accept') {
        const value = attr(child, 'value');
        list.push({ vi: text.vi ?? value, en: text.en ?? value });
      } else if (name === 'Target') {
        const d = attr(child, 'distractor');
        list.push({ id: attr(child, 'id'), text, ...(d === undefined ? {} : { distractor: d === true || d === 'true' ? true : d === 'false' ? false : d }) });
      } else if (name === 'Choice') {
        list.push({ id: attr(child, 'id'), text, feedback: { vi: attr(child, 'feedbackVi'), en: attr(child, 'feedbackEn') } });
      } else {
        list.push({ id: attr(child, 'id'), text });
      }
    }
  }
  if (Object.keys(feedback).length) raw.feedback = feedback;
  const lineOfPath = (path: readonly PropertyKey[]) => {
    for (let n = Math.min(path.length, 2); n >= 0; n--) {
      const key = path.slice(0, n).map(String).join('.');
      if (lines.has(key)) return lines.get(key);
    }
    return line;
  };
  const before = problems.items.length;
  const question = parseWithFriendlyErrors(QuestionSchema, raw, { file, lineOf: lineOfPath, problems, fieldPrefix: where });
  if (!question) return undefined;
  checkQuestionReferences(question, { file, line, where, problems });
  checkQuestionStructure(question, { file, line, where, problems, lineOf: (key) => lines.get(key) });
  return problems.items.length === before ? { question, line } : undefined;
}

/** Child elements, whether written one per line (flow) or several on one line (inside a paragraph). */
function childElements(el: JsxElement): JsxElement[] {
  const out: JsxElement[] = [];
  for (const c of el.children) {
    if (isJsx(c)) out.push(c);
    else if (c.type === 'paragraph') for (const p of c.children) if (isJsx(p)) out.push(p);
  }
  return out;
}

function words(v: unknown): string[] | undefined {
  if (typeof v !== 'string') return undefined;
  return v.split(/[\s,]+/).filter(Boolean);
}

function parseCorrect(type: QuestionType, v: unknown): unknown {
  if (v === undefined) return undefined;
  if (type === 'truefalse') return v === 'true' || v === true ? true : v === 'false' || v === false ? false : v;
  const list = words(v) ?? [];
  if (type === 'matching') return list.map((p) => p.split(':'));
  return list;
}
