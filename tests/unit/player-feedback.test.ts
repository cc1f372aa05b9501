// @vitest-environment jsdom
// Feedback after a wrong answer names the chosen option and explains it. Choice texts are often full sentences,
// so the review found "…không bị khoá.: Không đúng." (a full stop followed by a colon). It must read cleanly.
import { describe, expect, it } from 'vitest';
import { QuestionSchema } from '../../src/model/question-schema.ts';
import { renderQuestion } from '../../src/runtime/ui/questions.ts';
import { scoreQuestion } from '../../src/core/scoring.ts';

const L = (vi: string, en = vi) => ({ vi, en });
const q = QuestionSchema.parse({
  type: 'single', id: 'otp-call', weight: 1, outcomes: ['X-1'], prompt: L('Có người gọi xin mã OTP. Em làm gì?'), correct: ['b'],
  choices: [
    { id: 'a', text: L('Đọc mã thật nhanh để tài khoản của mẹ không bị khoá.', 'Read the code out quickly so the account is not locked.'), feedback: L('Không đúng. Ngân hàng không bao giờ hỏi mã OTP.', 'No. A bank never asks for the OTP.') },
    { id: 'b', text: L('Không đọc mã, gác máy và báo bố mẹ.'), feedback: L('Đúng.') },
    { id: 'c', text: L('Hỏi lại tên người gọi?'), feedback: L('Chưa đủ. Kẻ gian có thể bịa tên.') },
  ],
});

function feedbackOf(choice: string, lang: 'vi' | 'en'): string {
  const answer = { type: 'single' as const, choice };
  const fs = renderQuestion({ question: q, number: 1, total: 1, lang, seed: 1, answer, result: scoreQuestion(q, answer), onChange: () => {}, announce: () => {} });
  return fs.querySelector('.ks-feedback')?.textContent ?? '';
}

describe('choice feedback punctuation', () => {
  it('shows the chosen sentence and its feedback without ".:" in both languages', () => {
    const vi = feedbackOf('a', 'vi');
    expect(vi).toContain('Đọc mã thật nhanh để tài khoản của mẹ không bị khoá.');
    expect(vi).toContain('Ngân hàng không bao giờ hỏi mã OTP.');
    expect(vi).not.toMatch(/[.?!]\s*:/);
    const en = feedbackOf('a', 'en');
    expect(en).toContain('A bank never asks for the OTP.');
    expect(en).not.toMatch(/[.?!]\s*:/);
    expect(feedbackOf('c', 'vi')).not.toMatch(/\?\s*:/);
  });
});
