import { QuestionSchema, type Question } from '../../src/model/question-schema.ts';

const L = (vi: string, en = vi) => ({ vi, en });
const fb = { correct: L('đúng'), incorrect: L('sai') };

/** Small valid questions of every type, built through the real schema. */
export const Q = {
  single: (id = 'q-single', weight = 1): Question => QuestionSchema.parse({ type: 'single', id, weight, outcomes: ['X-1'], prompt: L('p'), correct: ['b'], choices: ['a', 'b', 'c'].map((c) => ({ id: c, text: L(c), feedback: L('f' + c) })) }),
  multiple: (id = 'q-multi', weight = 1): Question => QuestionSchema.parse({ type: 'multiple', id, weight, outcomes: ['X-1'], prompt: L('p'), correct: ['a', 'c'], choices: ['a', 'b', 'c', 'd'].map((c) => ({ id: c, text: L(c), feedback: L('f' + c) })) }),
  truefalse: (id = 'q-tf'): Question => QuestionSchema.parse({ type: 'truefalse', id, outcomes: ['X-2'], prompt: L('p'), correct: false, feedback: { true: L('t'), false: L('f') } }),
  matching: (id = 'q-match', weight = 2): Question => QuestionSchema.parse({ type: 'matching', id, weight, outcomes: ['X-2'], prompt: L('p'), sources: ['1', '2', '3', '4'].map((s) => ({ id: s, text: L(s) })), targets: ['a', 'b', 'c', 'd'].map((t) => ({ id: t, text: L(t) })), correct: [['1', 'a'], ['2', 'b'], ['3', 'c'], ['4', 'd']], feedback: fb }),
  ordering: (id = 'q-order'): Question => QuestionSchema.parse({ type: 'ordering', id, outcomes: ['X-2'], prompt: L('p'), steps: ['a', 'b', 'c', 'd'].map((s) => ({ id: s, text: L(s) })), correct: ['c', 'a', 'b', 'd'], feedback: fb }),
  /** A hotspot on a tiny mock-up: regions a, c are signs, b and d look suspicious but are fine. */
  hotspot: (id = 'q-hot', weight = 1): Question => QuestionSchema.parse({ type: 'hotspot', id, weight, outcomes: ['X-1'], prompt: L('p'), correct: ['a', 'c'], regions: ['a', 'b', 'c', 'd'].map((r) => ({ id: r, text: L('vùng ' + r, 'region ' + r), feedback: L('f' + r) })), picture: L('<p>' + ['a', 'b', 'c', 'd'].map((r) => `<span class="ks-hs-area" data-region="${r}">${r.toUpperCase()}</span>`).join(' ') + '</p>') }),
  fillin: (id = 'q-fill', opts: { ignoreDiacritics?: boolean; ignoreCase?: boolean; maxLength?: number } = {}): Question => QuestionSchema.parse({ type: 'fillin', id, outcomes: ['X-1'], prompt: L('p'), accept: [{ vi: 'mật khẩu', en: 'password' }, { vi: 'cụm mật khẩu' }], feedback: fb, ignoreDiacritics: true, ...opts }),
};
