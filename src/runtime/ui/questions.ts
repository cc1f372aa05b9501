import type { Answer } from '../../core/answers.ts';
import { optionOrder, orderingStart } from '../../core/draw.ts';
import type { QuestionResult } from '../../core/scoring.ts';
import { cutText } from '../../core/state.ts';
import { plainQuestion, type RuntimeQuestion } from '../../core/hashed-keys.ts';
import type { Question } from '../../model/question-schema.ts';
import type { Lang, LocalizedText } from '../../model/text.ts';
import { el } from './dom.ts';
import { UI } from './i18n.ts';
import { mountLab } from './lab-host.ts';
import { inertPicture, regionMarks, renderHotspotPicture } from './hotspot-view.ts';

/** Everything needed to draw one question. */
export interface QuestionView {
  question: RuntimeQuestion;
  number: number;
  total: number;
  lang: Lang;
  seed: number;
  answer: Answer | undefined;
  /** Set after submission: the inputs are locked and feedback is shown. */
  result?: QuestionResult;
  /** After a pass or the last attempt: show the correct answer and why. Never before. */
  review?: boolean;
  onChange(answer: Answer | undefined): void;
  announce(message: string): void;
}

/** Renders a question as a fieldset of native, keyboard-operable controls. */
export function renderQuestion(v: QuestionView): HTMLFieldSetElement {
  const { question: q, lang } = v;
  const t = UI[lang];
  const base = `q-${q.id}`;
  const locked = v.result !== undefined;
  const hintId = `${base}-hint`;
  const fs = el('fieldset', { class: 'ks-q', id: base, 'data-qid': q.id, 'data-type': q.type, 'aria-describedby': hintId });
  fs.append(el('legend', {}, [el('span', { class: 'ks-q-num' }, [`${t.question} ${v.number}/${v.total}. `]), q.prompt[lang]]));
  const hint = el('p', { class: 'ks-hint', id: hintId });
  // The message, page or call a choice or true/false question asks about, shown as the learner would meet it.
  if (q.type !== 'hotspot' && 'picture' in q && q.picture) fs.append(el('div', { class: 'ks-q-picture', 'data-lang': lang }, [inertPicture(q.picture[lang])]));
  fs.append(hint);
  const tx = (x: LocalizedText) => x[lang];

  if (q.type === 'single' || q.type === 'multiple' || q.type === 'truefalse') {
    const multiple = q.type === 'multiple';
    hint.textContent = multiple ? t.chooseAll : t.chooseOne;
    const options = q.type === 'truefalse'
      ? [{ id: 'true', label: t.trueLabel }, { id: 'false', label: t.falseLabel }]
      : optionOrder(q.id, q.choices, v.seed).map((c) => ({ id: c.id, label: tx(c.text) }));
    const chosen = new Set(selectedIds(v.answer));
    const list = el('div', { class: 'ks-options' });
    for (const o of options) {
      const id = `${base}-${o.id}`;
      const input = el('input', { type: multiple ? 'checkbox' : 'radio', name: base, id, value: o.id, checked: chosen.has(o.id), disabled: locked });
      input.addEventListener('change', () => v.onChange(readChoice(q, fs)));
      list.append(el('div', { class: 'ks-option' }, [input, el('label', { for: id }, [o.label])]));
    }
    fs.append(list);
  } else if (q.type === 'matching') {
    hint.textContent = t.matchHint;
    const pairs = v.answer?.type === 'matching' ? v.answer.pairs : {};
    const targets = optionOrder(q.id, q.targets, v.seed);
    for (const s of q.sources) {
      const id = `${base}-${s.id}`;
      const select = el('select', { id, 'data-source': s.id, disabled: locked }, [el('option', { value: '' }, [t.choose]), ...targets.map((tg) => el('option', { value: tg.id, selected: pairs[s.id] === tg.id }, [tx(tg.text)]))]);
      select.addEventListener('change', () => v.onChange(readMatching(fs)));
      fs.append(el('div', { class: 'ks-match' }, [el('label', { for: id }, [tx(s.text)]), select]));
    }
  } else if (q.type === 'ordering') {
    hint.textContent = t.orderHint;
    const order = v.answer?.type === 'ordering' ? v.answer.order : orderingStart(q.id, orderingKey(q), v.seed);
    const byId = new Map(q.steps.map((s) => [s.id, s]));
    const list = el('ol', { class: 'ks-order' });
    const draw = (focus?: { id: string; dir: 'up' | 'down' }) => {
      list.replaceChildren();
      order.forEach((sid, i) => {
        const label = tx(byId.get(sid)?.text ?? { vi: sid, en: sid });
        const up = el('button', { type: 'button', class: 'ks-move', 'data-dir': 'up', 'aria-label': `${t.moveUp}: ${label}`, disabled: locked || i === 0 }, [t.up]);
        const down = el('button', { type: 'button', class: 'ks-move', 'data-dir': 'down', 'aria-label': `${t.moveDown}: ${label}`, disabled: locked || i === order.length - 1 }, [t.down]);
        const move = (d: -1 | 1) => {
          const j = i + d;
          [order[i], order[j]] = [order[j] as string, order[i] as string];
          v.onChange({ type: 'ordering', order: order.slice() });
          draw({ id: sid, dir: d < 0 ? 'up' : 'down' });
          v.announce(`${label}: ${t.moved} ${j + 1}`);
        };
        up.addEventListener('click', () => move(-1));
        down.addEventListener('click', () => move(1));
        const li = el('li', { 'data-step': sid }, [el('span', { class: 'ks-step' }, [label]), el('span', { class: 'ks-move-group' }, [up, down])]);
        list.append(li);
        if (focus?.id === sid) queueMicrotask(() => {
          const wanted = focus.dir === 'up' ? up : down;
          (wanted.disabled ? (focus.dir === 'up' ? down : up) : wanted).focus();
        });
      });
    };
    draw();
    fs.append(list);
    // An ordering the learner leaves as shown is still their answer.
    if (!v.answer && !locked) v.onChange({ type: 'ordering', order: order.slice() });
  } else if (q.type === 'hotspot') {
    hint.textContent = t.hotspotHint;
    const marks = v.result ? regionMarks((plainQuestion(q) as { correct: string[] }).correct, v.answer, !!v.review) : undefined;
    fs.append(renderHotspotPicture(q, { lang, answer: v.answer, locked, marks, onChange: v.onChange }, base));
  } else if (q.type === 'lab') {
    hint.textContent = '';
    fs.append(mountLab(q.kind, v, locked));
  } else {
    const id = `${base}-input`;
    hint.textContent = '';
    const input = el('input', { type: 'text', id, maxlength: q.maxLength, autocomplete: 'off', spellcheck: 'false', value: v.answer?.type === 'fillin' ? v.answer.text : '', disabled: locked });
    input.addEventListener('input', () => v.onChange(input.value.trim() ? { type: 'fillin', text: cutText(input.value, q.maxLength) } : undefined));
    fs.append(el('div', { class: 'ks-fill' }, [el('label', { for: id }, [t.yourAnswer]), input]));
  }
  if (v.result) fs.append(renderFeedback(plainQuestion(q), v.answer, v.result, lang));
  if (v.result && v.review) {
    const review = renderReview(plainQuestion(q), lang);
    if (review) fs.append(review);
  }
  return fs;
}

/** The right order of an ordering question (held in memory only, to never start already solved). */
function orderingKey(q: RuntimeQuestion): string[] {
  const p = plainQuestion(q);
  return p.type === 'ordering' ? p.correct : [];
}

function selectedIds(a: Answer | undefined): string[] {
  if (!a) return [];
  if (a.type === 'single') return [a.choice];
  if (a.type === 'multiple') return a.choices;
  if (a.type === 'truefalse') return [String(a.value)];
  return [];
}

function readChoice(q: RuntimeQuestion, fs: HTMLElement): Answer | undefined {
  const ids = [...fs.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
  if (ids.length === 0) return undefined;
  if (q.type === 'truefalse') return { type: 'truefalse', value: ids[0] === 'true' };
  if (q.type === 'multiple') return { type: 'multiple', choices: ids.sort() };
  return { type: 'single', choice: ids[0] as string };
}

function readMatching(fs: HTMLElement): Answer | undefined {
  const pairs: Record<string, string> = {};
  for (const s of fs.querySelectorAll<HTMLSelectElement>('select[data-source]')) if (s.value) pairs[s.dataset.source as string] = s.value;
  return Object.keys(pairs).length ? { type: 'matching', pairs } : undefined;
}

/** Feedback that teaches: the feedback of each chosen option, or of the overall result. */
function renderFeedback(q: Question, a: Answer | undefined, r: QuestionResult, lang: Lang): HTMLElement {
  const t = UI[lang];
  const texts: string[] = [];
  if ((q.type === 'single' || q.type === 'multiple') && a && (a.type === 'single' || a.type === 'multiple')) {
    const ids = a.type === 'single' ? [a.choice] : a.choices;
    for (const c of q.choices) if (ids.includes(c.id)) texts.push(choiceFeedback(c.text[lang], c.feedback[lang]));
  } else if (q.type === 'hotspot' && a?.type === 'hotspot') {
    for (const g of q.regions) if (a.regions.includes(g.id)) texts.push(choiceFeedback(g.text[lang], g.feedback[lang]));
  } else if (q.type === 'truefalse' && a?.type === 'truefalse') {
    texts.push(q.feedback[a.value ? 'true' : 'false'][lang]);
  } else if (q.type === 'lab') {
    texts.push(UI[lang].labScore(Math.round(r.fraction * 100)));
  } else if (q.type === 'matching' || q.type === 'ordering' || q.type === 'fillin') {
    const fb = r.result === 'correct' ? q.feedback.correct : r.result === 'partial' ? q.feedback.partial ?? q.feedback.incorrect : q.feedback.incorrect;
    texts.push(fb[lang]);
  }
  const label = t[r.result];
  return el('div', { class: `ks-feedback ks-feedback--${r.result}` }, [el('p', { class: 'ks-feedback-result' }, [el('strong', {}, [label])]), ...texts.map((s) => el('p', {}, [s]))]);
}

/**
 * "The choice you picked — its feedback". Choice texts are often full sentences ending in ".", "?" or "!", so the
 * choice is quoted and followed by a dash rather than a colon (no ".:" after a sentence).
 */
export function choiceFeedback(choice: string, feedback: string): string {
  return `“${choice.trim()}” — ${feedback.trim()}`;
}

/**
 * The review after a pass or the last attempt: the correct answer of the question and why (the feedback
 * of the right choices, of the right value, or the question's "correct" feedback).
 */
function renderReview(q: Question, lang: Lang): HTMLElement | null {
  const t = UI[lang];
  const items: (HTMLElement | string)[] = [];
  let why: string | undefined;
  switch (q.type) {
    case 'single':
    case 'multiple':
      items.push(el('ul', {}, q.choices.filter((c) => q.correct.includes(c.id)).map((c) => el('li', { 'data-key': c.id }, [el('strong', {}, [c.text[lang]]), ' — ', c.feedback[lang]]))));
      break;
    case 'hotspot':
      items.push(el('ul', {}, q.regions.filter((g) => q.correct.includes(g.id)).map((g) => el('li', { 'data-key': g.id }, [el('strong', {}, [g.text[lang]]), ' — ', g.feedback[lang]]))));
      break;
    case 'truefalse':
      items.push(el('p', { 'data-key': String(q.correct) }, [el('strong', {}, [q.correct ? t.trueLabel : t.falseLabel])]));
      why = q.feedback[q.correct ? 'true' : 'false'][lang];
      break;
    case 'matching': {
      const target = new Map(q.targets.map((x) => [x.id, x.text[lang]]));
      const source = new Map(q.sources.map((x) => [x.id, x.text[lang]]));
      items.push(el('ul', {}, q.correct.map(([s, tg]) => el('li', { 'data-key': `${s}.${tg}` }, [source.get(s) ?? s, ' → ', el('strong', {}, [target.get(tg) ?? tg])]))));
      why = q.feedback.correct[lang];
      break;
    }
    case 'ordering': {
      const step = new Map(q.steps.map((x) => [x.id, x.text[lang]]));
      items.push(el('ol', {}, q.correct.map((id) => el('li', { 'data-key': id }, [step.get(id) ?? id]))));
      why = q.feedback.correct[lang];
      break;
    }
    case 'fillin': {
      const a = q.accept[0];
      items.push(el('p', { 'data-key': 'fillin' }, [el('strong', {}, [(lang === 'vi' ? a?.vi ?? a?.en : a?.en ?? a?.vi) ?? ''])]));
      why = q.feedback.correct[lang];
      break;
    }
    case 'lab':
      return null;
  }
  return el('div', { class: 'ks-review' }, [
    el('p', { class: 'ks-review-title' }, [el('strong', {}, [t.reviewAnswer])]),
    ...items,
    why ? el('p', {}, [el('span', { class: 'ks-review-why' }, [`${t.reviewWhy} `]), why]) : null,
  ]);
}
