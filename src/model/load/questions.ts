import type { Root } from 'mdast';
import type { ProblemList } from '../../errors/unit-error.ts';
import { QUESTION_COMPONENTS, QuestionSchema, type Question, type QuestionType } from '../question-schema.ts';
import { attr, attrNames, isJsx, lineOf, type JsxElement } from './mdx-ast.ts';
import { parseWithFriendlyErrors } from './validate.ts';
import { checkQuestionReferences } from './question-refs.ts';
import { checkQuestionStructure } from './check-question-structure.ts';
import { shortTextLooksVietnamese } from './check-language.ts';
import { nestedRegions, renderHotspotPicture, type RegionRef } from './hotspot-picture.ts';

/** A question parsed from MDX, with the line it starts on. */
export interface SourcedQuestion {
  question: Question;
  line: number | undefined;
}

const CHILDREN: Record<QuestionType, string[]> = {
  single: ['Prompt', 'Picture', 'Choice'],
  multiple: ['Prompt', 'Picture', 'Choice'],
  truefalse: ['Prompt', 'Picture', 'Feedback'],
  matching: ['Prompt', 'Source', 'Target', 'Feedback'],
  ordering: ['Prompt', 'Step', 'Feedback'],
  fillin: ['Prompt', 'Accept', 'Feedback'],
  hotspot: ['Prompt', 'Region', 'Picture'],
  lab: ['Prompt'],
};
const QUESTION_ATTRS = new Set(['id', 'weight', 'outcomes', 'correct', 'ignoreCase', 'ignoreDiacritics', 'maxLength', 'kind']);
/** Attributes each child element accepts (anything else would be silently ignored, so it is refused). */
const CHILD_ATTRS: Record<string, string[]> = {
  Prompt: ['vi', 'en'], Choice: ['id', 'vi', 'en', 'feedbackVi', 'feedbackEn'], Source: ['id', 'vi', 'en'],
  Target: ['id', 'vi', 'en', 'distractor'], Step: ['id', 'vi', 'en'], Feedback: ['on', 'vi', 'en'], Accept: ['vi', 'en', 'value'],
  Region: ['id', 'vi', 'en', 'feedbackVi', 'feedbackEn', 'correct', 'part'], Picture: ['lang'],
};
const LIST_KEY: Record<string, string> = { Choice: 'choices', Source: 'sources', Target: 'targets', Step: 'steps', Accept: 'accept', Region: 'regions' };

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
  else if (type === 'hotspot') {
    if (attr(el, 'correct') !== undefined) problems.add({ location: { file, line }, message: `${where}: a hotspot takes no correct="…"`, hint: 'mark each sign with a bare correct on its <Region id="…" correct …/>' });
  } else raw.correct = parseCorrect(type, attr(el, 'correct'));
  if ((type === 'single' || type === 'multiple') && attr(el, 'kind') !== undefined) raw.kind = attr(el, 'kind');
  const lines = new Map<string, number | undefined>([['', line]]);
  const feedback: Record<string, unknown> = {};
  const pictures = new Map<string, JsxElement>();
  const regionRefs: RegionRef[] = [];
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
    if (name === 'Picture') {
      const lang = attr(child, 'lang');
      if (lang !== 'vi' && lang !== 'en') problems.add({ location: { file, line: cl }, message: `${where}: <Picture> needs lang="vi" or lang="en"` });
      else if (pictures.has(lang)) problems.add({ location: { file, line: cl }, message: `${where}: two <Picture lang="${lang}">`, hint: 'one picture per language' });
      else pictures.set(lang, child);
      lines.set(`picture.${String(lang)}`, cl);
      continue;
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
      } else if (name === 'Region') {
        const id = attr(child, 'id');
        const correct = attr(child, 'correct');
        if (correct !== undefined && correct !== true && correct !== 'true' && correct !== 'false') problems.add({ location: { file, line: cl }, message: `${where}: <Region id="${String(id)}"> correct="${String(correct)}" is not a flag`, hint: 'write a bare correct on the regions that are signs' });
        if (correct === true || correct === 'true') ((raw.correct ??= []) as unknown[]).push(id);
        const part = attr(child, 'part');
        if (typeof id === 'string') regionRefs.push({ id, line: cl, ...(typeof part === 'string' ? { part } : {}) });
        list.push({ id, text: text.vi === undefined && text.en === undefined ? undefined : text, feedback: { vi: attr(child, 'feedbackVi'), en: attr(child, 'feedbackEn') } });
      } else if (name === 'Choice') {
        list.push({ id: attr(child, 'id'), text, feedback: { vi: attr(child, 'feedbackVi'), en: attr(child, 'feedbackEn') } });
      } else {
        list.push({ id: attr(child, 'id'), text });
      }
    }
  }
  if (Object.keys(feedback).length) raw.feedback = feedback;
  if (type !== 'hotspot' && pictures.size) {
    // A picture shown with the question (no regions): the mock-up of what the learner meets, in both languages.
    const picture: Record<string, string> = {};
    for (const [lang, p] of pictures) picture[lang] = renderHotspotPicture(p, lang as 'vi' | 'en', [], { file, where, problems });
    raw.picture = picture;
  }
  if (type === 'hotspot') {
    if (!raw.correct && regionRefs.length) raw.correct = [];
    if (pictures.size) {
      const picture: Record<string, string> = {};
      for (const [lang, p] of pictures) {
        const html = renderHotspotPicture(p, lang as 'vi' | 'en', regionRefs, { file, where, problems });
        for (const r of new Set(nestedRegions(html))) problems.add({ location: { file, line: lineOf(p) }, message: `${where}: region "${r}" lies inside another region`, hint: 'regions must not nest: one click would toggle both' });
        picture[lang] = html;
      }
      raw.picture = picture;
    }
  }
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
