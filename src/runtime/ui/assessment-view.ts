import type { Lang } from '../../model/text.ts';
import type { Session } from '../session.ts';
import { el, focusElement } from './dom.ts';
import { UI } from './i18n.ts';
import { renderQuestion } from './questions.ts';

/** Draws the assessment page: intro, the drawn questions, submit, and results with feedback. */
export function renderAssessment(root: HTMLElement, session: Session, lang: Lang, announce: (m: string) => void, opts: { focusResults?: boolean } = {}): void {
  const t = UI[lang];
  const { unit, state } = session;
  const drawn = session.drawn();
  const results = session.results();
  // The review (correct answers and why) opens after a pass or the last attempt, never before.
  const review = !!results && (session.outcome().success === 'passed' || session.attemptsLeft() <= 0);
  const heading = el('h2', { id: 'ks-assessment-title', tabindex: -1 }, [t.assessment]);
  const intro = el('p', {}, [t.intro(drawn.length, session.masteryScore), ' ', t.attemptInfo(state.attempt, unit.maxAttempts)]);
  const unviewed = unit.lessons.filter((_, i) => !state.viewed[i]);
  const warn = unviewed.length ? el('div', { class: 'ks-note' }, [el('p', {}, [t.unviewed]), el('ul', {}, unviewed.map((l) => el('li', {}, [l.title[lang]])))]) : null;
  const form = el('form', { class: 'ks-quiz', novalidate: true, 'aria-labelledby': 'ks-assessment-title' });
  drawn.forEach((q, i) => {
    form.append(renderQuestion({
      question: q, number: i + 1, total: drawn.length, lang, seed: state.seed, answer: state.answers.get(q.id), result: results?.get(q.id), review,
      onChange: (a) => session.answer(q.id, a), announce,
    }));
  });
  const confirm = el('div', { class: 'ks-confirm', role: 'alert', hidden: true });
  if (!results) form.append(confirm, el('button', { type: 'submit', class: 'ks-primary', id: 'ks-submit' }, [t.submit]));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const missing = drawn.filter((q) => !session.state.answers.has(q.id)).length;
    if (missing > 0 && confirm.hidden) {
      const yes = el('button', { type: 'button', class: 'ks-primary', id: 'ks-confirm-submit' }, [t.confirmSubmit]);
      const no = el('button', { type: 'button' }, [t.keepWorking]);
      yes.addEventListener('click', () => submit());
      no.addEventListener('click', () => { confirm.hidden = true; confirm.replaceChildren(); focusElement(form.querySelector('fieldset')); });
      confirm.replaceChildren(el('p', {}, [t.unanswered2(missing)]), yes, ' ', no);
      confirm.hidden = false;
      yes.focus();
      return;
    }
    submit();
  });
  const submit = () => {
    session.submit(lang);
    renderAssessment(root, session, lang, announce, { focusResults: true });
  };
  root.replaceChildren(heading, intro, ...(warn ? [warn] : []), ...(results ? [renderResults(session, lang)] : []), form);
  if (results) {
    const retry = root.querySelector<HTMLButtonElement>('#ks-retry');
    retry?.addEventListener('click', () => {
      if (session.retry()) {
        renderAssessment(root, session, lang, announce);
        focusElement(root.querySelector('h2'));
      }
    });
  }
  if (opts.focusResults) focusElement(root.querySelector<HTMLElement>('#ks-results-title'));
}

function renderResults(session: Session, lang: Lang): HTMLElement {
  const t = UI[lang];
  const results = session.results();
  const drawn = session.drawn();
  let earned = 0, total = 0;
  for (const q of drawn) { earned += q.weight * (results?.get(q.id)?.fraction ?? 0); total += q.weight; }
  const score = total ? Math.round((100 * earned) / total) : 0;
  const outcome = session.outcome();
  const passed = outcome.success === 'passed';
  const canRetry = !passed && session.attemptsLeft() > 0;
  return el('section', { class: `ks-results ${passed ? 'ks-results--passed' : 'ks-results--failed'}`, 'aria-labelledby': 'ks-results-title' }, [
    el('h3', { id: 'ks-results-title', tabindex: -1 }, [t.results]),
    el('p', { class: 'ks-score', 'data-score': score }, [t.score(score)]),
    el('p', { 'data-best': outcome.score ?? '' }, [t.best(outcome.score ?? 0)]),
    el('p', { class: 'ks-verdict' }, [passed ? t.passed : canRetry ? t.failed(session.masteryScore) : t.noAttempts]),
    el('p', {}, [outcome.completed ? t.completed : t.notCompleted]),
    el('p', { class: 'ks-review-note', 'data-review': passed || !canRetry ? 'open' : 'later' }, [passed || session.attemptsLeft() <= 0 ? t.reviewOpen : t.reviewLater]),
    canRetry ? el('button', { type: 'button', id: 'ks-retry', class: 'ks-primary' }, [t.retry]) : null,
  ]);
}
