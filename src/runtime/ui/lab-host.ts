import type { LabKind } from '../../model/question-schema.ts';
import { el } from './dom.ts';
import { UI } from './i18n.ts';
import type { QuestionView } from './questions.ts';
import type {} from '../../labs/lab-api.ts';

/** Mounts a lab from its own bundle (window.KhienSoLabs); the player itself carries no lab code. */
export function mountLab(kind: LabKind, v: QuestionView, locked: boolean): HTMLElement {
  const root = el('div', { class: 'ks-lab', 'data-lab': kind });
  const lab = window.KhienSoLabs?.[kind];
  if (!lab) {
    root.append(el('p', { class: 'ks-note' }, [UI[v.lang].labMissing]));
    return root;
  }
  const saved = v.answer?.type === 'lab' ? { score: v.answer.score, detail: v.answer.detail } : undefined;
  lab.mount(root, { lang: v.lang, seed: v.seed, saved, locked, announce: v.announce, onChange: (r) => v.onChange({ type: 'lab', score: r.score, detail: r.detail }) });
  return root;
}
