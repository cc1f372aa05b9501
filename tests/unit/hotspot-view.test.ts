// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderQuestion } from '../../src/runtime/ui/questions.ts';
import { hashQuestion } from '../../src/core/hashed-keys.ts';
import { scoreQuestion } from '../../src/core/scoring.ts';
import type { Answer } from '../../src/core/answers.ts';
import type { Hotspot } from '../../src/model/question-schema.ts';
import { Q } from '../helpers/questions.ts';

const plain = Q.hotspot() as Hotspot; // signs a, c of a, b, c, d
const q = hashQuestion({ ...plain, picture: { vi: '<p><a href="#x" data-region="a">A</a> <span data-region="b">B</span> <button data-region="c">C</button> <span data-region="d">D</span></p>', en: plain.picture.en } }, '0123456789abcdef');
function draw(answer: Answer | undefined, opts: { submitted?: boolean; review?: boolean } = {}) {
  const changes: (Answer | undefined)[] = [];
  const fs = renderQuestion({ question: q, number: 1, total: 1, lang: 'vi', seed: 7, answer, result: opts.submitted ? scoreQuestion(q, answer) : undefined, review: opts.review, onChange: (a) => changes.push(a), announce: () => {} });
  document.body.replaceChildren(fs);
  return { fs, changes };
}
const toggles = (fs: HTMLElement) => [...fs.querySelectorAll<HTMLButtonElement>('button.ks-hs-toggle')];

describe('hotspot in the player', () => {
  it('gives each region one named checkbox toggle; mock-up links and buttons become inert text', () => {
    const { fs } = draw(undefined);
    expect(toggles(fs).map((b) => [b.dataset.region, b.getAttribute('role'), b.getAttribute('aria-checked'), b.getAttribute('aria-label')])).toEqual(
      ['a', 'b', 'c', 'd'].map((r) => [r, 'checkbox', 'false', `vùng ${r}`]));
    expect(fs.querySelectorAll('.ks-hs-picture a, .ks-hs-picture button:not(.ks-hs-toggle)')).toHaveLength(0);
  });
  it('toggles from the toggle and from a click on the region, reporting the sorted set', () => {
    const { fs, changes } = draw(undefined);
    toggles(fs)[2]?.click();
    fs.querySelector<HTMLElement>('.ks-hs-region[data-region="a"]')?.click();
    toggles(fs)[2]?.click();
    expect(changes).toEqual([{ type: 'hotspot', regions: ['c'] }, { type: 'hotspot', regions: ['a', 'c'] }, { type: 'hotspot', regions: ['a'] }]);
    expect(toggles(fs).map((b) => b.getAttribute('aria-checked'))).toEqual(['true', 'false', 'false', 'false']);
  });
  it('after submission marks only the picked regions with their feedback; the review also shows the signs missed', () => {
    const answer: Answer = { type: 'hotspot', regions: ['a', 'b'] };
    const { fs } = draw(answer, { submitted: true });
    const marks = () => Object.fromEntries([...fs.querySelectorAll<HTMLElement>('.ks-hs-region[data-mark]')].map((r) => [r.dataset.region, r.dataset.mark]));
    expect(marks()).toEqual({ a: 'right', b: 'wrong' });
    expect(fs.querySelector('.ks-feedback')?.textContent).toContain('“vùng a” — fa');
    expect(fs.querySelector('.ks-feedback')?.textContent).toContain('“vùng b” — fb');
    expect(fs.querySelector('.ks-feedback')?.textContent).not.toContain('fc');
    expect(fs.querySelector('.ks-review')).toBeNull();
    expect(toggles(fs).every((b) => b.disabled)).toBe(true);
    const review = draw(answer, { submitted: true, review: true }).fs;
    expect(Object.fromEntries([...review.querySelectorAll<HTMLElement>('.ks-hs-region[data-mark]')].map((r) => [r.dataset.region, r.dataset.mark]))).toEqual({ a: 'right', b: 'wrong', c: 'missed' });
    expect([...review.querySelectorAll<HTMLElement>('.ks-review li[data-key]')].map((li) => li.dataset.key)).toEqual(['a', 'c']);
  });
});
