import type { Answer } from '../../core/answers.ts';
import type { Hotspot } from '../../model/question-schema.ts';
import type { Lang } from '../../model/text.ts';
import type { HashedHotspot } from '../../core/hashed-keys.ts';
import { el } from './dom.ts';
import { UI } from './i18n.ts';

/** What a region of the picture shows after submission. */
export type RegionMark = 'right' | 'wrong' | 'missed' | undefined;

/** Elements of a mock-up that would be interactive inside the picture; they become plain text boxes. */
const INTERACTIVE = 'a, button, input, select, textarea, summary, details, [tabindex], [contenteditable]';

/**
 * A picture's HTML (rendered at build time from the unit's MDX, never learner input) as a fragment in which
 * anything interactive is a plain text box, so the mock-up looks real but nothing in it can be clicked or focused.
 */
export function inertPicture(html: string): DocumentFragment {
  const tpl = document.createElement('template');
  tpl.innerHTML = html;
  const frag = tpl.content;
  for (const n of [...frag.querySelectorAll(INTERACTIVE)]) {
    const span = document.createElement('span');
    span.className = `${n.getAttribute('class') ?? ''} ks-hs-inert${n.tagName === 'A' ? ' ks-hs-link' : ''}`.trim();
    for (const a of ['data-part', 'data-region']) if (n.hasAttribute(a)) span.setAttribute(a, n.getAttribute(a) as string);
    span.append(...n.childNodes);
    n.replaceWith(span);
  }
  return frag;
}

/**
 * The picture of a hotspot question: the mock-up's HTML (rendered at build time by the lesson renderer, never
 * learner input) with one toggle per `data-region`. Each toggle is a real <button role="checkbox"> placed in its
 * region, so Tab reaches every region in reading order, Enter or Space toggles it and screen readers announce
 * its label and its checked state; a click anywhere on the region toggles it too.
 */
export function renderHotspotPicture(q: Hotspot | HashedHotspot, v: { lang: Lang; answer: Answer | undefined; locked: boolean; marks?: (id: string) => RegionMark; onChange(a: Answer | undefined): void }, base: string): HTMLElement {
  const t = UI[v.lang];
  const frag = inertPicture(q.picture[v.lang]);
  const chosen = new Set(v.answer?.type === 'hotspot' ? v.answer.regions : []);
  const labels = new Map(q.regions.map((r) => [r.id, r.text[v.lang]]));
  const toggles: HTMLButtonElement[] = [];
  const read = (): Answer | undefined => {
    const ids = toggles.filter((b) => b.getAttribute('aria-checked') === 'true').map((b) => b.dataset.region as string).sort();
    return ids.length ? { type: 'hotspot', regions: ids } : undefined;
  };
  for (const region of [...frag.querySelectorAll<HTMLElement>('[data-region]')]) {
    const id = region.dataset.region as string;
    if (!labels.has(id)) continue;
    const mark = v.marks?.(id);
    region.classList.add('ks-hs-region');
    // A region may be a part the mock-up hides from screen readers (e.g. a message's time, also read in the
    // message's own label): as something to answer it must be reachable, so it is exposed again.
    for (let n: Element | null = region; n; n = n.parentElement) n.removeAttribute('aria-hidden');
    if (mark) region.dataset.mark = mark;
    const on = chosen.has(id);
    if (on) region.classList.add('ks-hs-on');
    const button = el('button', { type: 'button', role: 'checkbox', class: 'ks-hs-toggle', id: `${base}-r-${id}`, 'data-region': id, 'aria-checked': on ? 'true' : 'false', 'aria-label': `${labels.get(id) ?? id}${mark ? ` (${t.hsMark[mark]})` : ''}`, disabled: v.locked }, [el('span', { 'aria-hidden': 'true' }, [mark === 'wrong' ? '✗' : mark ? '✓' : on ? '✓' : '+'])]);
    const toggle = () => {
      if (v.locked) return;
      const now = button.getAttribute('aria-checked') !== 'true';
      button.setAttribute('aria-checked', now ? 'true' : 'false');
      (button.firstChild as HTMLElement).textContent = now ? '✓' : '+';
      region.classList.toggle('ks-hs-on', now);
      v.onChange(read());
    };
    button.addEventListener('click', (e) => { e.stopPropagation(); toggle(); });
    region.addEventListener('click', () => toggle());
    region.prepend(button);
    toggles.push(button);
  }
  return el('div', { class: 'ks-hs-picture', 'data-lang': v.lang }, [frag]);
}

/** The marks of the regions after submission: picked ones right or wrong; in the review also the signs missed. */
export function regionMarks(correct: readonly string[], answer: Answer | undefined, review: boolean): (id: string) => RegionMark {
  const picked = new Set(answer?.type === 'hotspot' ? answer.regions : []);
  return (id) => (picked.has(id) ? (correct.includes(id) ? 'right' : 'wrong') : review && correct.includes(id) ? 'missed' : undefined);
}
