import { describe, expect, it } from 'vitest';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadCurriculum } from '../../src/model/load/load-curriculum.ts';
import { CurriculumError } from '../../src/errors/unit-error.ts';
import { scratchCurriculum } from '../helpers/fixtures.ts';

/** Loads a scratch curriculum after an edit and returns the error text (fails if loading succeeds). */
function errorAfter(edit: (c: ReturnType<typeof scratchCurriculum>) => void, opts: { stateBudget?: number } = {}): string {
  const c = scratchCurriculum();
  edit(c);
  try {
    loadCurriculum({ root: c.root, unitsDir: c.unitsDir, frameworksDir: c.frameworksDir, ...opts });
  } catch (e) {
    expect(e).toBeInstanceOf(CurriculumError);
    return (e as Error).message;
  }
  throw new Error('expected the curriculum to be rejected');
}

describe('unit validation: every bad input names the file (and line) and says how to fix it', () => {
  it('accepts the valid fixture', () => {
    const c = scratchCurriculum();
    const { units } = loadCurriculum({ root: c.root, unitsDir: c.unitsDir, frameworksDir: c.frameworksDir });
    expect(units.map((u) => u.id)).toEqual(['fx-basics']);
    expect(units[0]?.lessons.map((l) => l.id)).toEqual(['risks', 'accounts']);
    expect(units[0]?.assessment.questions.map((q) => q.type)).toEqual(['single', 'multiple', 'truefalse', 'matching', 'ordering', 'fillin', 'truefalse']);
  });

  it('missing unit id', () => {
    const msg = errorAfter((c) => c.edit('unit.mdx', (s) => s.replace('id: fx-basics\n', '')));
    expect(msg).toContain('units/fx-basics/unit.mdx');
    expect(msg).toMatch(/missing unit id/);
  });

  it('non-ASCII unit id', () => {
    const msg = errorAfter((c) => c.edit('unit.mdx', (s) => s.replace('id: fx-basics', 'id: fx-an-toàn')));
    expect(msg).toMatch(/unit\.mdx:2 id: unit id must be ASCII/);
  });

  it('non-ASCII question id', () => {
    const msg = errorAfter((c) => c.edit('assessment.mdx', (s) => s.replace('id="otp-call"', 'id="gọi-otp"')));
    expect(msg).toMatch(/assessment\.mdx:6 .*question id must be ASCII/);
  });

  it('duplicate unit ids across folders', () => {
    const msg = errorAfter((c) => cpSync(c.unitDir, join(c.unitsDir, 'fx-copy'), { recursive: true }));
    expect(msg).toMatch(/units\/fx-copy\/unit\.mdx:2 id: duplicate unit id "fx-basics" \(also used by .*units\/fx-basics\/unit\.mdx\)/);
  });

  it('duplicate question ids', () => {
    const msg = errorAfter((c) => c.edit('assessment.mdx', (s) => s.replace('id="update-apps"', 'id="share-password"')));
    expect(msg).toMatch(/assessment\.mdx:\d+ duplicate question id "share-password" \(also on line 20\)/);
  });

  it('unknown outcome code on a question', () => {
    const msg = errorAfter((c) => c.edit('assessment.mdx', (s) => s.replace('outcomes="FX-G6-D-02" correct="a c"', 'outcomes="FX-G6-D-99" correct="a c"')));
    expect(msg).toMatch(/assessment\.mdx:13 question "scam-signs" targets outcome "FX-G6-D-99", which is an unknown outcome code/);
  });

  it('unknown outcome code in the unit', () => {
    const msg = errorAfter((c) => c.edit('unit.mdx', (s) => s.replace('{ code: "INTL:1B-NI-05"', '{ code: "1B-NI-05"')));
    expect(msg).toMatch(/unit\.mdx:15 outcomes\.3\.code: unknown outcome code "1B-NI-05"/);
  });

  it('a question with no correct answer', () => {
    const msg = errorAfter((c) => c.edit('assessment.mdx', (s) => s.replace(' correct="b">', '>')));
    expect(msg).toMatch(/assessment\.mdx:6 <SingleChoice id="otp-call">\.correct: question has no correct answer/);
  });

  it('a fill-in with no accepted answer', () => {
    const msg = errorAfter((c) => c.edit('assessment.mdx', (s) => s.replace(/  <Accept[^\n]*\n/g, '')));
    expect(msg).toMatch(/<FillIn id="word-password">\.accept: question has no correct answer/);
  });

  it('a choice referenced but not defined', () => {
    const msg = errorAfter((c) => c.edit('assessment.mdx', (s) => s.replace('correct="a c"', 'correct="a e"')));
    expect(msg).toMatch(/assessment\.mdx:13 <MultipleResponse id="scam-signs">: correct names choice "e" but no <Choice id="e"> is defined/);
  });

  it('a matching pair naming an undefined target', () => {
    const msg = errorAfter((c) => c.edit('assessment.mdx', (s) => s.replace('correct="1:a 2:b 3:c"', 'correct="1:a 2:b 3:z"')));
    expect(msg).toMatch(/correct names target "z" but no <Target id="z"> is defined/);
  });

  it('missing English text in a question', () => {
    const msg = errorAfter((c) => c.edit('assessment.mdx', (s) => s.replace(' en="Read them the code"', '')));
    expect(msg).toMatch(/assessment\.mdx:8 <SingleChoice id="otp-call">\.choices\.0\.text\.en: missing English text/);
  });

  it('missing Vietnamese text in the unit title', () => {
    const msg = errorAfter((c) => c.edit('unit.mdx', (s) => s.replace('vi: "Chủ đề thử nghiệm", ', '')));
    expect(msg).toMatch(/unit\.mdx:6 title\.vi: missing Vietnamese text/);
  });

  it('missing English lesson file', () => {
    const msg = errorAfter((c) => rmSync(c.path('lessons/02-accounts.en.mdx')));
    expect(msg).toMatch(/lessons\/02-accounts\.vi\.mdx missing English text: 02-accounts\.en\.mdx does not exist/);
  });

  it('mastery score out of range', () => {
    const msg = errorAfter((c) => c.edit('unit.mdx', (s) => s.replace('masteryScore: 70', 'masteryScore: 120')));
    expect(msg).toMatch(/unit\.mdx:8 masteryScore: masteryScore must be between 0 and 100/);
  });

  it('malformed MDX (an unclosed component)', () => {
    const msg = errorAfter((c) => c.edit('lessons/01-risks.vi.mdx', (s) => s.replace('<ThinkAboutIt>Em đã từng nhận tin nhắn lạ chưa?</ThinkAboutIt>', '<ThinkAboutIt>Em đã từng nhận tin nhắn lạ chưa?')));
    expect(msg).toMatch(/lessons\/01-risks\.vi\.mdx:\d+(:\d+)? MDX syntax error/);
  });

  it('an unknown lesson component', () => {
    const msg = errorAfter((c) => c.edit('lessons/01-risks.en.mdx', (s) => s.replace('<ThinkAboutIt>', '<ThinkAbout>').replace('</ThinkAboutIt>', '</ThinkAbout>')));
    expect(msg).toMatch(/lessons\/01-risks\.en\.mdx:14 unknown component <ThinkAbout>/);
  });

  it('invalid frontmatter YAML', () => {
    const msg = errorAfter((c) => c.edit('unit.mdx', (s) => s.replace('grade: 6', 'grade: [6')));
    expect(msg).toMatch(/unit\.mdx:\d+(:\d+)? frontmatter is not valid YAML/);
  });

  it('an assessed outcome that no question targets', () => {
    const msg = errorAfter((c) => c.edit('unit.mdx', (s) => s.replace('{ code: "INTL:1B-NI-05", level: opportunity }', '{ code: "INTL:1B-NI-05", level: assessed }')));
    expect(msg).toMatch(/unit\.mdx:15 outcomes\.3: outcome "INTL:1B-NI-05" is marked assessed but no question targets it/);
  });

  it('activities that do not fill the class period', () => {
    const msg = errorAfter((c) => c.edit('lessons/01-risks.vi.mdx', (s) => s.replace('minutes: 25,', 'minutes: 20,')));
    expect(msg).toMatch(/01-risks\.vi\.mdx:\d+ teacher\.activities: activities add up to 40 minutes but the lesson is 45 minutes/);
  });

  it('a unit whose worst-case learner state is over budget', () => {
    const msg = errorAfter(() => {}, { stateBudget: 200 });
    expect(msg).toMatch(/assessment\.mdx the learner state can reach \d+ characters, over the 200-character budget/);
  });

  it('reports every problem at once, not just the first', () => {
    const msg = errorAfter((c) => {
      c.edit('unit.mdx', (s) => s.replace('masteryScore: 70', 'masteryScore: -1'));
      c.edit('assessment.mdx', (s) => s.replace('correct="a c"', 'correct="a e"'));
    });
    expect(msg).toMatch(/^2 problems/);
  });
});
