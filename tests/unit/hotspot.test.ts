import { describe, expect, it } from 'vitest';
import { appendFileSync, readFileSync } from 'node:fs';
import { loadCurriculum } from '../../src/model/load/load-curriculum.ts';
import { CurriculumError } from '../../src/errors/unit-error.ts';
import { scorePlain, scoreQuestion } from '../../src/core/scoring.ts';
import { hashQuestion, plainQuestion } from '../../src/core/hashed-keys.ts';
import { parseState, serializeState, type LearnerState } from '../../src/core/state.ts';
import { SCORM12_SPELLING, SCORM2004_SPELLING, formatCorrect, formatResponse } from '../../src/runtime/adapters/scorm-format.ts';
import { interactionDefinition } from '../../src/runtime/xapi/statements.ts';
import { questionBankXml } from '../../packaging/moodle/question-xml.ts';
import type { Hotspot } from '../../src/model/question-schema.ts';
import type { Answer } from '../../src/core/answers.ts';
import { scratchCurriculum } from '../helpers/fixtures.ts';
import { contentProblems } from '../../src/model/content-rules.ts';
import { Q } from '../helpers/questions.ts';

const HOTSPOT = `
<Hotspot id="hs-sms" weight="2" outcomes="FX-G6-D-02">
  <Prompt vi="Bấm vào các dấu hiệu lừa đảo trong tin nhắn." en="Click the signs of a scam in the message." />
  <Region id="a" correct vi="Số gửi lạ" en="Unknown sender" feedbackVi="Đúng: ngân hàng không nhắn từ số lạ." feedbackEn="Right: banks do not text from unknown numbers." />
  <Region id="b" vi="Giờ nhận tin" en="Time received" feedbackVi="Giờ nhận tin không nói lên điều gì." feedbackEn="The time says nothing." />
  <Region id="c" correct vi="Đường link lạ" en="Strange link" feedbackVi="Đúng: tên miền lạ." feedbackEn="Right: a strange domain." />
  <Region id="d" vi="Lời chào" en="Greeting" feedbackVi="Lời chào bình thường." feedbackEn="An ordinary greeting." />
  <Picture lang="vi">
    <Area region="a">+84 912 000 111</Area> lúc <Area region="b">09:14</Area>

    <Area region="d">Chào bạn</Area>, tài khoản bị khoá, vào <Area region="c">nganhang-xacminh.example</Area>
  </Picture>
  <Picture lang="en">
    <Area region="a">+84 912 000 111</Area> at <Area region="b">09:14</Area>

    <Area region="d">Hello</Area>, your account is locked, go to <Area region="c">nganhang-xacminh.example</Area>
  </Picture>
</Hotspot>
`;

function load(edit?: (s: string) => string) {
  const c = scratchCurriculum();
  appendFileSync(c.path('assessment.mdx'), HOTSPOT);
  if (edit) c.edit('assessment.mdx', (s) => edit(s).replace('\nend-of-edit', ''));
  return loadCurriculum({ root: c.root, unitsDir: c.unitsDir, frameworksDir: c.frameworksDir });
}
function errorOf(edit: (s: string) => string): string {
  try {
    load((s) => edit(s) + '\nend-of-edit');
  } catch (e) {
    expect(e).toBeInstanceOf(CurriculumError);
    return (e as Error).message;
  }
  throw new Error('expected the unit to be rejected');
}
const lineOf = (needle: string) => HOTSPOT.split('\n').findIndex((l) => l.includes(needle));

describe('<Hotspot> in MDX', () => {
  it('loads into the unit model with regions, signs and one picture per language', () => {
    const { units } = load();
    const q = units[0]?.assessment.questions.find((x) => x.id === 'hs-sms') as Hotspot;
    expect(q.type).toBe('hotspot');
    expect(q.regions.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(q.correct).toEqual(['a', 'c']);
    expect(q.regions[0]?.text).toEqual({ vi: 'Số gửi lạ', en: 'Unknown sender' });
    for (const lang of ['vi', 'en'] as const) {
      for (const r of ['a', 'b', 'c', 'd']) expect(q.picture[lang].match(new RegExp(`data-region="${r}"`, 'g'))).toHaveLength(1);
    }
    expect(q.picture.vi).toContain('Chào bạn');
    expect(q.picture.en).toContain('Hello');
  });

  it('marks a region by the data-part of a lesson mock-up component (part="…"), or by an <Area> inside it', () => {
    const phone = (lang: string, hello: string) => `<Picture lang="${lang}">
    <Phone kind="sms" from="NGANHANG" number="+84 912 000 111">
    <Msg from="them" time="09:14"><Area region="d">${hello}</Area>, <Area region="c">nganhang-xacminh.example</Area></Msg>
    </Phone>
  </Picture>`;
    const { units } = load((x) => x
      .replace('<Region id="a" correct', '<Region id="a" part="number" correct').replace('<Region id="b"', '<Region id="b" part="time"')
      .replace(/<Picture lang="vi">[\s\S]*?<\/Picture>/, phone('vi', 'Chào bạn')).replace(/<Picture lang="en">[\s\S]*?<\/Picture>/, phone('en', 'Hello')));
    const q = units[0]?.assessment.questions.find((x) => x.id === 'hs-sms') as Hotspot;
    expect(q.picture.vi).toMatch(/data-part="number" data-region="a"/);
    expect(q.picture.vi).toMatch(/data-part="time" data-region="b"/);
    expect(q.picture.en).toContain('Hello');
  });

  it('a picture written as plain text instead of a mock-up fails the visuals rule with file and line; a mock-up passes', () => {
    const c = scratchCurriculum();
    appendFileSync(c.path('assessment.mdx'), HOTSPOT);
    const loadIt = () => loadCurriculum({ root: c.root, unitsDir: c.unitsDir, frameworksDir: c.frameworksDir }).units;
    const hotspotProblems = () => contentProblems(c.root, loadIt(), () => undefined).filter((p) => p.rule === 'visuals').map((p) => `${p.problem.location.file}:${p.problem.location.line} ${p.problem.message}`);
    const line = readFileSync(c.path('assessment.mdx'), 'utf8').split('\n').findIndex((l) => l.startsWith('<Hotspot id="hs-sms"')) + 1;
    expect(hotspotProblems()).toEqual([`units/fx-basics/assessment.mdx:${line} hotspot "hs-sms" shows its picture as plain text; it needs a mock-up of the message, page or call in both languages`]);
    const phone = (lang: string, hello: string) => `<Picture lang="${lang}">
    <Phone kind="sms" from="+84 912 000 111">
    <Msg from="them" time="09:14"><Area region="d">${hello}</Area>, <Area region="c">nganhang-xacminh.example</Area></Msg>
    </Phone>
  </Picture>`;
    c.edit('assessment.mdx', (s) => s.replace('<Region id="a" correct', '<Region id="a" part="sender" correct').replace('<Region id="b"', '<Region id="b" part="time"')
      .replace(/<Picture lang="vi">[\s\S]*?<\/Picture>/, phone('vi', 'Chào bạn')).replace(/<Picture lang="en">[\s\S]*?<\/Picture>/, phone('en', 'Hello')));
    expect(hotspotProblems()).toEqual([]);
  });

  it('rejects a hotspot with no correct region, naming file and line', () => {
    const msg = errorOf((s) => s.replace(/(<Region id="[ac]") correct/g, '$1'));
    expect(msg).toMatch(/assessment\.mdx:\d+.*hotspot has no correct region/);
  });

  it('rejects an Area naming an unknown region, with the line of the Area', () => {
    const msg = errorOf((s) => s.replace('<Area region="b">09:14</Area>', '<Area region="z">09:14</Area>'));
    expect(msg).toContain('<Area region="z"> names no <Region>');
    const first = 61 + lineOf('<Area region="b">09:14');
    expect(msg).toMatch(new RegExp(`assessment\\.mdx:${first}\\b`));
    expect(msg).toContain('region "b" is not marked in the Vietnamese picture');
  });

  it('rejects duplicate region ids', () => {
    const msg = errorOf((s) => s.replace('<Region id="d"', '<Region id="b"'));
    expect(msg).toContain('two <Region> elements have id "b"');
  });

  it('rejects a region without a label, at the line of the Region', () => {
    const msg = errorOf((s) => s.replace('vi="Giờ nhận tin" en="Time received" ', ''));
    expect(msg).toMatch(new RegExp(`assessment\\.mdx:${61 + lineOf('<Region id="b"')}\\b.*missing region label`));
  });

  it('rejects a region not marked in a picture, or marked twice, and regions that nest', () => {
    expect(errorOf((s) => s.replace('<Area region="d">Hello</Area>', 'Hello'))).toContain('region "d" is not marked in the English picture');
    expect(errorOf((s) => s.replace('lúc <Area region="b">09:14</Area>', 'lúc <Area region="b">09:14</Area> <Area region="b">x</Area>'))).toContain('region "b" is marked 2 times in the Vietnamese picture');
    expect(errorOf((s) => s.replace('<Area region="d">Chào bạn</Area>', '<Area region="d">Chào <Area region="a">bạn</Area></Area>'))).toContain('region "a" lies inside another region');
  });

  it('rejects a missing picture, a non-character region id, and every region marked correct', () => {
    expect(errorOf((s) => s.replace(/<Picture lang="en">[\s\S]*?<\/Picture>/, ''))).toContain('add <Picture lang="en">');
    expect(errorOf((s) => s.replace(/"d"/g, '"dd"'))).toMatch(/one character a–z or 0–9/);
    expect(errorOf((s) => s.replace(/(<Region id="[bd]")/g, '$1 correct'))).toContain('every region is marked correct');
  });
});

describe('hotspot scoring (same rule as multiple response)', () => {
  const q = Q.hotspot() as Hotspot; // signs a, c of a, b, c, d
  const score = (regions: string[]) => scorePlain(q, { type: 'hotspot', regions });
  it('gives (right − wrong) / signs, floored at 0', () => {
    expect(score(['a', 'c'])).toEqual({ fraction: 1, result: 'correct' });
    expect(score(['a'])).toEqual({ fraction: 0.5, result: 'partial' });
    expect(score(['a', 'c', 'b'])).toEqual({ fraction: 0.5, result: 'partial' });
    expect(score(['a', 'b'])).toEqual({ fraction: 0, result: 'incorrect' });
    expect(score(['a', 'b', 'c', 'd'])).toEqual({ fraction: 0, result: 'incorrect' });
    expect(score(['b', 'd'])).toEqual({ fraction: 0, result: 'incorrect' });
    expect(scorePlain(q, undefined).result).toBe('unanswered');
    // Marking the same region twice does not count twice.
    expect(score(['a', 'a'])).toEqual({ fraction: 0.5, result: 'partial' });
  });
  it('scores the hashed page form exactly like the plain key, and the page form hides the key', () => {
    const h = hashQuestion(q, '0123456789abcdef');
    expect(JSON.stringify(h)).not.toContain('"correct"');
    expect(JSON.stringify(h)).not.toContain('fa');
    const subsets = [[], ['a'], ['b'], ['c'], ['a', 'c'], ['a', 'b'], ['b', 'd'], ['a', 'b', 'c'], ['a', 'b', 'c', 'd']];
    for (const s of subsets) expect(scoreQuestion(h, { type: 'hotspot', regions: s })).toEqual(scorePlain(q, { type: 'hotspot', regions: s }));
    expect((plainQuestion(h) as Hotspot).correct).toEqual(['a', 'c']);
    expect((plainQuestion(h) as Hotspot).regions.find((r) => r.id === 'b')?.feedback.vi).toBe('fb');
  });
});

describe('hotspot answers in the learner state and the LMS formats', () => {
  const q = Q.hotspot() as Hotspot;
  it('survives a save and reload', () => {
    const s: LearnerState = { position: 2, viewed: [true, true], attempt: 1, seed: 42, bank: 'bank1', submitted: false, best: null, answers: new Map(), savedAt: 100 };
    s.answers.set(q.id, { type: 'hotspot', regions: ['a', 'c'] });
    s.answers.set('q-other', { type: 'multiple', choices: ['b'] });
    const back = parseState(serializeState(s));
    expect('state' in back && back.state.answers.get(q.id)).toEqual({ type: 'hotspot', regions: ['a', 'c'] });
    expect('state' in back && back.state.answers.get('q-other')).toEqual({ type: 'multiple', choices: ['b'] });
  });
  it('is a legal choice response in SCORM 1.2 and 2004 and an xAPI choice interaction', () => {
    const a: Answer = { type: 'hotspot', regions: ['a', 'c'] };
    expect(SCORM12_SPELLING.type.hotspot).toBe('choice');
    expect(formatResponse(a, SCORM12_SPELLING)).toBe('a,c');
    expect(formatResponse(a, SCORM12_SPELLING)).toMatch(/^[0-9a-z](,[0-9a-z])*$/);
    expect(formatCorrect(q, SCORM12_SPELLING, 'vi')).toBe('a,c');
    expect(SCORM2004_SPELLING.type.hotspot).toBe('choice');
    expect(formatResponse(a, SCORM2004_SPELLING)).toBe('a[,]c');
    expect(formatCorrect(q, SCORM2004_SPELLING, 'vi')).toBe('a[,]c');
    const def = interactionDefinition(q) as { interactionType?: string; choices?: { id: string; description?: Record<string, string> }[]; correctResponsesPattern?: string[] };
    expect(def.interactionType).toBe('choice');
    expect(def.choices?.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(def.choices?.[0]?.description).toEqual({ vi: 'vùng a', en: 'region a' });
    expect(def.correctResponsesPattern).toEqual(['a[,]c']);
  });
  it('is left out of the Moodle XML bank and listed as such', () => {
    const { units } = load();
    const unit = units[0];
    if (!unit) throw new Error('no unit');
    const bank = questionBankXml(unit, 'vi');
    expect(bank.omitted).toContainEqual(expect.objectContaining({ id: 'hs-sms', type: 'hotspot' }));
    expect(bank.xml).toContain('hs-sms (hotspot)');
    expect(bank.xml).not.toContain('<idnumber>khienso.fx-basics.hs-sms');
  });
});
