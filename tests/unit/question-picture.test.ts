// A choice or true/false question can show what the learner meets (a message, a page, a call) as a mock-up above
// its options (issue 13: "every item about recognising a message, page or call shows it as a mock-up").
import { describe, expect, it } from 'vitest';
import { appendFileSync } from 'node:fs';
import { loadCurriculum } from '../../src/model/load/load-curriculum.ts';
import { contentProblems } from '../../src/model/content-rules.ts';
import { questionBankXml } from '../../packaging/moodle/question-xml.ts';
import { answerKey } from '../../src/site/answers.ts';
import { hashQuestion, plainQuestion } from '../../src/core/hashed-keys.ts';
import { scratchCurriculum } from '../helpers/fixtures.ts';
import type { SingleChoice } from '../../src/model/question-schema.ts';

const ITEM = (pictures: string) => `
<SingleChoice id="sms-what-now" weight="1" outcomes="FX-G6-D-02" correct="b">
  <Prompt vi="Em nhận được tin nhắn này. Em nên làm gì?" en="You get this message. What should you do?" />
${pictures}
  <Choice id="a" vi="Bấm vào đường link để xem" en="Tap the link to see" feedbackVi="Chưa đúng: đường link lạ." feedbackEn="No: a strange link." />
  <Choice id="b" vi="Không bấm, hỏi người lớn" en="Don’t tap, ask an adult" feedbackVi="Đúng." feedbackEn="Right." />
  <Choice id="c" vi="Trả lời để hỏi ai gửi" en="Reply to ask who it is" feedbackVi="Chưa đúng: trả lời cho kẻ gian biết số còn dùng." feedbackEn="No: replying tells them the number is live." />
</SingleChoice>
`;
const PHONE = (lang: string, text: string) => `  <Picture lang="${lang}">
    <Phone kind="sms" from="+84 912 000 111">
    <Msg from="them" time="09:14">${text} <Link>nganhang.vn.xac-minh.example</Link></Msg>
    </Phone>
  </Picture>`;

function load(pictures: string) {
  const c = scratchCurriculum();
  appendFileSync(c.path('assessment.mdx'), ITEM(pictures));
  return { c, load: () => loadCurriculum({ root: c.root, unitsDir: c.unitsDir, frameworksDir: c.frameworksDir }) };
}
const both = `${PHONE('vi', 'Tài khoản của bạn bị khoá, bấm')}\n${PHONE('en', 'Your account is locked, tap')}`;

describe('a picture shown with a choice question', () => {
  it('loads the mock-up per language; the answer key and the Moodle XML show it; hashing the key keeps it', () => {
    const { c, load: l } = load(both);
    const { units } = l();
    const q = units[0]?.assessment.questions.find((x) => x.id === 'sms-what-now') as SingleChoice;
    expect(q.picture?.vi).toMatch(/data-mock="phone"/);
    expect(q.picture?.vi).toContain('Tài khoản của bạn bị khoá');
    expect(q.picture?.en).toContain('Your account is locked');
    expect(answerKey(q, 'en').picture).toBe(q.picture?.en);
    expect((plainQuestion(hashQuestion(q, 'salt')) as SingleChoice).picture).toEqual(q.picture);
    const xml = questionBankXml(units[0]!, 'vi').xml;
    const text = /<name><text>sms-what-now<\/text><\/name>\s*<questiontext format="html"><text>([\s\S]*?)<\/text>/.exec(xml)?.[1] ?? '';
    expect(text).toContain('Em nhận được tin nhắn này');
    expect(text).toContain('Tài khoản của bạn bị khoá');
    expect(contentProblems(c.root, units, () => undefined).filter((p) => p.problem.message.includes('sms-what-now'))).toEqual([]);
  });

  it('needs the picture in both languages, refuses regions, and a picture without a mock-up fails the visuals rule', () => {
    expect(load(PHONE('vi', 'Bấm')).load).toThrow(/assessment\.mdx:\d+ .*picture/i);
    expect(load(both.replace('<Msg from="them" time="09:14">', '<Msg from="them" time="09:14"><Area region="a">x</Area> ')).load).toThrow(/<Area region="a"> names no <Region>/);
    const plain = load(`  <Picture lang="vi">\n    Tin nhắn: bấm link\n  </Picture>\n  <Picture lang="en">\n    Message: tap the link\n  </Picture>`);
    const units = plain.load().units;
    expect(contentProblems(plain.c.root, units, () => undefined).map((p) => p.problem.message)).toContain('question "sms-what-now" shows its picture as plain text; it needs a mock-up of the message, page or call in both languages');
  });
});
