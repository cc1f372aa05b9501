import { describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCurriculum, type Curriculum } from '../../src/model/load/load-curriculum.ts';
import { CurriculumError } from '../../src/errors/unit-error.ts';
import { checkUrl } from '../../src/model/load/check-urls.ts';
import { linkUnitRefs } from '../../src/model/unit-links.ts';
import { scratchCurriculum } from '../helpers/fixtures.ts';

type Scratch = ReturnType<typeof scratchCurriculum>;
const load = (c: Scratch, extra: { only?: string[]; stateBudget?: number } = {}): Curriculum => loadCurriculum({ root: c.root, unitsDir: c.unitsDir, frameworksDir: c.frameworksDir, ...extra });

/** Loads a scratch curriculum after an edit and returns the thrown error (fails if loading succeeds). */
function rejected(edit: (c: Scratch) => void, extra: { only?: string[]; stateBudget?: number } = {}): CurriculumError {
  const c = scratchCurriculum();
  edit(c);
  try {
    load(c, extra);
  } catch (e) {
    expect(e).toBeInstanceOf(CurriculumError);
    return e as CurriculumError;
  }
  throw new Error('expected the curriculum to be rejected');
}
const msgAfter = (edit: (c: Scratch) => void, extra: { only?: string[]; stateBudget?: number } = {}) => rejected(edit, extra).message;
const lessonVi = 'lessons/01-risks.vi.mdx';
const lessonEn = 'lessons/01-risks.en.mdx';
const addToLesson = (c: Scratch, rel: string, text: string) => c.edit(rel, (s) => s + '\n' + text + '\n');
const lineIn = (c: Scratch, rel: string, needle: string) => readFileSync(c.path(rel), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('URLs: one allow-list for every address an author writes', () => {
  it('refuses a javascript: URL in a reference-style link, naming the line of the definition', () => {
    let line = 0;
    const msg = msgAfter((c) => {
      addToLesson(c, lessonVi, 'Bấm [vào đây][r] nhé.\n\n[r]: javascript:alert(document.cookie)');
      line = lineIn(c, lessonVi, '[r]: javascript');
    });
    expect(msg).toContain(`01-risks.vi.mdx:${line}`);
    expect(msg).toMatch(/link definition \[r\]: link "javascript:alert\(document\.cookie\)" uses the javascript: scheme/);
    expect(msg).toMatch(/→ links may only be https:/);
  });

  it('refuses javascript:, data: and vbscript: links, also with hidden whitespace or mixed case', () => {
    const msg = msgAfter((c) => addToLesson(c, lessonEn, '[a](javascript:alert(1)) [b](data:text/html,<b>x</b>) [c](VBScript:msgbox) [d](java&#9;script:alert(2))'));
    expect(msg).toMatch(/uses the javascript: scheme/);
    expect(msg).toMatch(/uses the data: scheme/);
    expect(msg).toMatch(/uses the vbscript: scheme/);
    expect(msg.match(/javascript: scheme/g)?.length).toBe(2);
  });

  it('refuses root-absolute, protocol-relative, http: and file links with the fix', () => {
    const msg = msgAfter((c) => addToLesson(c, lessonEn, '[a](/units/x/index.html) [b](//evil.example/x) [c](http://example.com) [d](notes.pdf)'));
    expect(msg).toMatch(/root-absolute/);
    expect(msg).toMatch(/protocol-relative/);
    expect(msg).toMatch(/uses http:.*\n\s+→ use the https: address/);
    expect(msg).toMatch(/points to a file/);
  });

  it('refuses a URL in a raw attribute and any image', () => {
    const msg = msgAfter((c) => addToLesson(c, lessonEn, '<a href="javascript:alert(1)">x</a>\n\n![x](data:image/png;base64,AAAA)'));
    expect(msg).toMatch(/<a> href: link "javascript:alert\(1\)"/);
    expect(msg).toMatch(/image "data:image\/png;base64,AAAA" cannot be used/);
  });

  it('keeps https:, mailto: and #fragment links, opening external ones in a new window', () => {
    const c = scratchCurriculum();
    addToLesson(c, lessonEn, 'See [the guide](https://tinnhiemmang.vn/guide), [write](mailto:help@example.vn), [above](#top) and [ref][g].\n\n[g]: https://example.vn/x');
    const html = load(c).units[0]?.lessons[0]?.html.en ?? '';
    expect(html).toContain('<a href="https://tinnhiemmang.vn/guide" target="_blank" rel="noopener noreferrer">the guide</a>');
    expect(html).toContain('<a href="mailto:help@example.vn" target="_blank" rel="noopener noreferrer">write</a>');
    expect(html).toContain('<a href="#top">above</a>');
    expect(html).toContain('<a href="https://example.vn/x" target="_blank" rel="noopener noreferrer">ref</a>');
  });

  it('the allow-list itself', () => {
    for (const bad of ['javascript:x', ' JAVASCRIPT:x', 'jav\u0000ascript:x', 'data:,x', 'vbscript:x', 'file:///etc/passwd', '/abs', '//host/x', 'http://a.b', '', '../other/index.html']) expect(checkUrl(bad, 'link').ok, bad).toBe(false);
    for (const good of ['https://a.vn', 'mailto:a@b.vn', '#x', 'unit:g6-internet-safety', 'unit:g6-internet-safety#accounts']) expect(checkUrl(good, 'link').ok, good).toBe(true);
    expect(checkUrl('pic.png', 'image').ok).toBe(false);
  });
});

describe('links between units', () => {
  const withSecondUnit = (c: Scratch) => {
    cpSync(c.unitDir, join(c.unitsDir, 'fx-second'), { recursive: true });
    const f = join(c.unitsDir, 'fx-second/unit.mdx');
    writeFileSync(f, readFileSync(f, 'utf8').replace('id: fx-basics', 'id: fx-second'));
  };

  it('a link to a unit that does not exist names the nearest id', () => {
    const msg = msgAfter((c) => {
      withSecondUnit(c);
      addToLesson(c, lessonEn, 'Read [the next unit](unit:fx-secnd) first.');
    });
    expect(msg).toMatch(/01-risks\.en\.mdx:\d+ link to unit "fx-secnd", which does not exist\n\s+→ did you mean "fx-second"\?/);
  });

  it('a link to a lesson the other unit does not have', () => {
    const msg = msgAfter((c) => {
      withSecondUnit(c);
      addToLesson(c, lessonEn, 'Read [this](unit:fx-second#nope).');
    });
    expect(msg).toMatch(/unit "fx-second" has no lesson "nope"\n\s+→ its lessons are risks, accounts/);
  });

  it('is checked against the whole curriculum even when only one unit is loaded; the page shows plain text, the site a link', () => {
    const c = scratchCurriculum();
    withSecondUnit(c);
    addToLesson(c, lessonEn, 'Read [the other unit](unit:fx-second#accounts) first.');
    const cur = load(c, { only: ['fx-basics'] });
    expect(cur.units.map((u) => u.id)).toEqual(['fx-basics']);
    const html = cur.units[0]?.lessons[0]?.html.en ?? '';
    expect(html).toContain('<span class="ks-unit-ref" data-unit="fx-second" data-lesson="accounts">the other unit</span>');
    expect(html).not.toMatch(/href="[^"]*fx-second/);
    expect(linkUnitRefs(html, (id, lesson) => `../../${id}/lessons/${lesson}/`)).toContain('<a class="ks-unit-ref" href="../../fx-second/lessons/accounts/">the other unit</a>');
  });
});

describe('every structural rule of every question type', () => {
  it('matching: a target no source uses must be declared a distractor', () => {
    const msg = msgAfter((c) => c.edit('assessment.mdx', (s) => s.replace('  <Feedback on="correct" vi="Chính xác."', '  <Target id="d" vi="Trò chơi" en="A game" />\n  <Feedback on="correct" vi="Chính xác."')));
    expect(msg).toMatch(/assessment\.mdx:\d+ <Matching id="match-terms">: no source is paired with <Target id="d">\n\s+→ if it is a deliberate wrong option write <Target id="d" distractor …\/>/);
    const c = scratchCurriculum();
    c.edit('assessment.mdx', (s) => s.replace('  <Feedback on="correct" vi="Chính xác."', '  <Target id="d" distractor vi="Trò chơi" en="A game" />\n  <Feedback on="correct" vi="Chính xác."'));
    const q = load(c).units[0]?.assessment.questions.find((x) => x.id === 'match-terms');
    expect(q?.type === 'matching' && q.targets.map((t) => t.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('matching: two sources on one target', () => {
    const msg = msgAfter((c) => c.edit('assessment.mdx', (s) => s.replace('correct="1:a 2:b 3:c"', 'correct="1:a 2:a 3:c"')));
    expect(msg).toMatch(/<Matching id="match-terms">: sources "1" and "2" are both paired with target "a"/);
  });

  it('ordering: two steps with the same text', () => {
    const msg = msgAfter((c) => c.edit('assessment.mdx', (s) => s.replace('<Step id="c" vi="Chụp màn hình" en="Take a screenshot" />', '<Step id="c" vi="Dừng lại" en="Stop" />')));
    expect(msg).toMatch(/assessment\.mdx:\d+ <Ordering id="order-steps">: <Step id="c"> has the same Vietnamese text as <Step id="a"> \("Dừng lại"\)/);
  });

  it('an unknown attribute on an option is refused, not ignored', () => {
    const msg = msgAfter((c) => c.edit('assessment.mdx', (s) => s.replace('<Choice id="a" vi="Đọc mã cho họ"', '<Choice id="a" correct vi="Đọc mã cho họ"')));
    expect(msg).toMatch(/<SingleChoice id="otp-call">: <Choice> has unknown attribute "correct"/);
  });

  it("a unit's outcome of another grade is refused; declared crossGrade it is a warning", () => {
    const addG5 = (c: Scratch) => appendFileSync(join(c.frameworksDir, 'fixture.yaml'), '  - { code: FX-G5-D-01, grade: 5, strand: D, vi: "Lớp 5.", en: "Grade 5." }\n');
    const msg = msgAfter((c) => {
      addG5(c);
      c.edit('unit.mdx', (s) => s.replace('  - { code: FX-G6-D-03, level: assessed }', '  - { code: FX-G6-D-03, level: assessed }\n  - { code: FX-G5-D-01, level: opportunity }'));
    });
    expect(msg).toMatch(/unit\.mdx:15 outcomes\.3: outcome "FX-G5-D-01" belongs to grade 5, but this is a grade 6 unit\n\s+→ .*crossGrade: true/);
    const c = scratchCurriculum();
    addG5(c);
    c.edit('unit.mdx', (s) => s.replace('  - { code: FX-G6-D-03, level: assessed }', '  - { code: FX-G6-D-03, level: assessed }\n  - { code: FX-G5-D-01, level: opportunity, crossGrade: true }'));
    const cur = load(c);
    expect(cur.units).toHaveLength(1);
    expect(cur.warnings.map((w) => w.message)).toEqual(['outcome "FX-G5-D-01" belongs to grade 5, but this is a grade 6 unit (declared crossGrade: true)']);
  });

  it('an English lesson file that is really Vietnamese', () => {
    const msg = msgAfter((c) => {
      const vi = readFileSync(c.path(lessonVi), 'utf8').split('---\n').slice(2).join('---\n');
      c.edit(lessonEn, (s) => s.split('---\n').slice(0, 2).join('---\n') + '---\n' + vi);
    });
    expect(msg).toMatch(/lessons\/01-risks\.en\.mdx this English lesson file is written in Vietnamese/);
  });

  it('English question text that is really Vietnamese', () => {
    const msg = msgAfter((c) => c.edit('assessment.mdx', (s) => s.replace('en="Hang up and tell a parent"', 'en="Tắt máy và báo bố mẹ"')));
    expect(msg).toMatch(/assessment\.mdx:9 <SingleChoice id="otp-call">: the English text of <Choice> is Vietnamese/);
  });
});

describe('nothing silent', () => {
  it('import/export is refused in the assessment and unit.mdx too, with a message that fits every file', () => {
    const e = rejected((c) => {
      c.edit('assessment.mdx', (s) => s.replace('## Ngân hàng câu hỏi', "import x from './x.js'\n\n## Ngân hàng câu hỏi"));
      c.edit('unit.mdx', (s) => s + "\nexport const y = 1\n");
    });
    const files = e.problems.filter((p) => /import\/export/.test(p.message)).map((p) => p.location.file.split('/').pop());
    expect(files.sort()).toEqual(['assessment.mdx', 'unit.mdx']);
    expect(e.message).not.toMatch(/in lessons/);
  });

  it('MDX expressions and expression attributes are refused with the line and what to write', () => {
    let line = 0;
    const e = rejected((c) => {
      addToLesson(c, lessonVi, 'Kết quả là {1 + 1} điểm.');
      line = lineIn(c, lessonVi, '{1 + 1}');
      c.edit('assessment.mdx', (s) => s.replace('<Prompt vi="Chuỗi bí mật để đăng nhập gọi là gì?"', '<Prompt vi={question}'));
    });
    expect(e.message).toMatch(new RegExp(`01-risks\\.vi\\.mdx:${line}:\\d+ the expression \\{1 \\+ 1\\} would be dropped[^\\n]*\\n\\s+→ to show braces as text write \\\\\\{`));
    expect(e.message).toMatch(/assessment\.mdx:\d+:\d+ <Prompt> attribute vi=\{question\} is an expression/);
  });

  it('a decomposed (NFD) file is normalised with one notice, not hundreds of errors', () => {
    const c = scratchCurriculum();
    c.edit(lessonVi, (s) => s.normalize('NFD'));
    const cur = load(c);
    expect(cur.units[0]?.lessons[0]?.title.vi).toBe('Rủi ro trên mạng'.normalize('NFC'));
    expect(cur.warnings).toHaveLength(1);
    expect(cur.warnings[0]?.location.file).toMatch(/01-risks\.vi\.mdx$/);
    expect(cur.warnings[0]?.message).toMatch(/normalised to NFC/);
  });

  it('a YAML error is reported at its real line, with no cascade of missing-field errors', () => {
    const e = rejected((c) => c.edit('unit.mdx', (s) => s.replace('  - { code: FX-G6-D-02, level: assessed }', '  - { code: FX-G6-D-02, level: assessed')));
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]?.location.line).toBeGreaterThanOrEqual(13);
    expect(e.problems[0]?.location.line).toBeLessThanOrEqual(15);
    expect(e.message).toMatch(/frontmatter is not valid YAML/);
  });

  it('schema messages are plain words, never raw schema text', () => {
    const msg = msgAfter((c) => {
      c.edit(lessonVi, (s) => s.replace('minutes: 45', 'minutes: 10'));
      c.edit('unit.mdx', (s) => s.replace('onFail: incomplete', 'onFail: sometimes'));
    });
    expect(msg).not.toMatch(/Too small|Invalid option|expected number to be|>=/);
    expect(msg).toMatch(/01-risks\.vi\.mdx:4 minutes: must be at least 20, found the number 10/);
    expect(msg).toMatch(/unit\.mdx:9 onFail: must be one of "incomplete", "failed", found the text "sometimes"/);
  });

  it('the state budget is reported in the same run as other problems', () => {
    const msg = msgAfter((c) => c.edit('unit.mdx', (s) => s.replace('masteryScore: 70', 'masteryScore: 700')), { stateBudget: 200 });
    expect(msg).toMatch(/masteryScore must be between 0 and 100/);
    expect(msg).toMatch(/the learner state can reach \d+ characters, over the 200-character budget/);
  });

  it('a misspelt unit filter names the nearest ids', () => {
    const msg = msgAfter(() => {}, { only: ['fx-basic'] });
    expect(msg).toMatch(/KHIENSO_ONLY names "fx-basic", which is not a unit folder or unit id\n\s+→ did you mean "fx-basics"\?/);
  });

  it('a unit built alone cannot reuse the published id of another unit', () => {
    const msg = msgAfter((c) => cpSync(c.unitDir, join(c.unitsDir, 'fx-new'), { recursive: true }), { only: ['fx-new'] });
    expect(msg).toMatch(/units\/fx-new\/unit\.mdx:2 id: duplicate unit id "fx-basics" \(also used by .*units\/fx-basics\/unit\.mdx\)/);
  });
});
