// The course backups (.mbz) are reproducible and hold what Moodle's restore reads.
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadCurriculum } from '../../src/model/load/load-curriculum.ts';
import { zipPackage } from '../../packaging/zip.ts';
import { courseBackup } from '../../packaging/moodle/mbz/course-backup.ts';
import { courseBackups } from '../../packaging/moodle/mbz/course-sets.ts';
import { REPO } from '../moodle/harness/source.ts';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schoolLevel } from '../../src/model/school-level.ts';
import { CONTEST_GRADE, CONTEST_PASS, contestTimeLimit, QUESTIONS_PER_UNIT } from '../../packaging/moodle/mbz/contest-quiz.ts';
import { moodleQuestion, questionBankXml, questionIdNumber } from '../../packaging/moodle/question-xml.ts';

const curriculum = loadCurriculum({ root: REPO, only: ['g6-internet-safety', 'g3-personal-info'] } as never);
const manifest = (id: string) => `<manifest><resource identifier="khienso.${id}.sco" type="webcontent" adlcp:scormtype="sco" href="index.html"></resource></manifest>`;
const zip = (id: string) => zipPackage(new Map<string, string>([['imsmanifest.xml', manifest(id)], ['index.html', `<p>${id}</p>`], ['player.js', 'var x = 1;']]));

/** path → content of a .mbz (ustar inside gzip). */
function untar(mbz: Uint8Array): Map<string, string> {
  const tar = gunzipSync(mbz);
  const out = new Map<string, string>();
  for (let off = 0; off + 512 <= tar.length;) {
    const name = tar.subarray(off, off + 100).toString('utf8').replace(/\0.*$/s, '');
    if (!name) break;
    const size = parseInt(tar.subarray(off + 124, off + 136).toString('ascii'), 8);
    out.set(name, tar.subarray(off + 512, off + 512 + size).toString('utf8'));
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

describe('Moodle course backups', () => {
  it('two builds give the same bytes', () => {
    const a = courseBackups(curriculum.units, zip, new Set(['TH-G6-D-05']));
    const b = courseBackups(curriculum.units, zip, new Set(['TH-G6-D-05']));
    expect(a.map((x) => x.file)).toEqual(['course-grade-3.mbz', 'course-grade-6.mbz', 'course-all-grades.mbz']);
    for (const [i, x] of a.entries()) expect(Buffer.from(x.bytes).equals(Buffer.from(b[i]?.bytes ?? []))).toBe(true);
  });

  it('holds one SCORM activity per unit with the proven settings, the package and its unpacked files by content hash', () => {
    const unit = curriculum.units.find((u) => u.id === 'g6-internet-safety');
    if (!unit) throw new Error('unit missing');
    const files = untar(courseBackup({ shortname: 's', fullname: 'f', summary: '', units: [{ unit, scorm12: zip(unit.id) }], competencies: new Set() }));
    expect([...files.keys()][0]).toBe('.ARCHIVE_INDEX');
    const scorm = files.get('activities/scorm_2/scorm.xml') ?? '';
    for (const [k, v] of Object.entries({ popup: 0, skipview: 2, hidetoc: 3, nav: 0, grademethod: 1, maxgrade: 100, whatgrade: 0, forcenewattempt: 0, masteryoverride: 1, completionstatusrequired: 2 })) expect(scorm).toContain(`<${k}>${v}</${k}>`);
    expect(files.get('activities/scorm_2/module.xml')).toContain('<completion>2</completion>');
    const filesXml = files.get('files.xml') ?? '';
    for (const name of ['g6-internet-safety.zip', 'index.html', 'player.js', 'imsmanifest.xml']) expect(filesXml).toContain(`<filename>${name}</filename>`);
    const hashes = [...filesXml.matchAll(/<contenthash>([0-9a-f]{40})<\/contenthash>/g)].map((m) => m[1] as string);
    for (const h of hashes) expect(files.has(`files/${h.slice(0, 2)}/${h}`), h).toBe(true);
  });
});

describe('the knowledge-contest quizzes in the course backups', () => {
  const win = new JSDOM('').window;
  const xml = (s: string | undefined) => {
    const d = new win.DOMParser().parseFromString(s ?? '', 'application/xml');
    expect(d.querySelector('parsererror')).toBeNull();
    return d;
  };
  const backups = courseBackups(curriculum.units, zip, new Set());
  const files = (name: string) => untar(backups.find((b) => b.file === name)?.bytes ?? new Uint8Array());
  const quizzes = (f: Map<string, string>) => [...f.keys()].filter((p) => /^activities\/quiz_\d+\/quiz\.xml$/.test(p)).map((p) => ({ dir: p.replace(/\/quiz\.xml$/, ''), doc: xml(f.get(p)) }));
  const text = (el: Element | Document, sel: string) => el.querySelector(sel)?.textContent ?? '';

  it('a per-grade backup carries the quiz of its school level, the all-grades backup every level\'s, each in a section after the units', () => {
    const level = (f: Map<string, string>) => quizzes(f).map((q) => text(xml(f.get(`${q.dir}/module.xml`)), 'module > idnumber'));
    expect(level(files('course-grade-3.mbz'))).toEqual(['contest-primary']);
    expect(level(files('course-grade-6.mbz'))).toEqual(['contest-lower-secondary']);
    expect(level(files('course-all-grades.mbz'))).toEqual(['contest-primary', 'contest-lower-secondary']);
    const all = files('course-all-grades.mbz');
    const mb = xml(all.get('moodle_backup.xml'));
    const quizActs = [...mb.querySelectorAll('contents > activities > activity')].filter((a) => text(a, 'modulename') === 'quiz');
    const sectionId = text(quizActs[0] as Element, 'sectionid');
    expect(quizActs.map((a) => text(a, 'sectionid'))).toEqual([sectionId, sectionId]);
    const section = xml(all.get(`sections/section_${sectionId}/section.xml`));
    expect(Number(text(section, 'section > number'))).toBe(curriculum.units.length + 1);
    expect(text(section, 'section > sequence')).toBe(quizActs.map((a) => text(a, 'moduleid')).join(','));
    for (const a of quizActs) expect(all.get('moodle_backup.xml')).toContain(`<name>quiz_${text(a, 'moduleid')}_included</name>`);
    // What moodle.json (and the Downloads page) says each backup carries is what it holds.
    for (const b of backups) {
      const qs = quizzes(files(b.file));
      expect(b.contests.map((c) => `contest-${c.level}`), b.file).toEqual(qs.map((q) => text(xml(files(b.file).get(`${q.dir}/module.xml`)), 'module > idnumber')));
      expect(b.contests.map((c) => c.questions), b.file).toEqual(qs.map((q) => q.doc.querySelectorAll('question_instance').length));
    }
  });

  it('the quiz: random slots per unit category, time limit, one attempt, answers hidden until it closes, graded out of 10 with a pass mark', () => {
    const f = files('course-grade-6.mbz');
    const [quiz] = quizzes(f);
    if (!quiz) throw new Error('no quiz');
    const q = quiz.doc;
    const g6 = curriculum.units.filter((u) => u.grade === 6);
    const slots = [...q.querySelectorAll('question_instance')];
    expect(slots.length).toBe(g6.length * QUESTIONS_PER_UNIT);
    expect(Number(text(q, 'quiz > timelimit'))).toBe(contestTimeLimit(slots.length));
    expect(Number(text(q, 'quiz > timelimit'))).toBeGreaterThanOrEqual(slots.length * 60);
    expect(text(q, 'quiz > attempts_number')).toBe('1');
    expect(Number(text(q, 'quiz > sumgrades'))).toBe(slots.length);
    expect(Number(text(q, 'quiz > grade'))).toBe(CONTEST_GRADE);
    // Review: marks right after submitting; right answers and correctness only after the quiz closes (0x10).
    expect(Number(text(q, 'quiz > reviewmarks')) & 0x01000).toBeTruthy();
    for (const k of ['reviewrightanswer', 'reviewcorrectness', 'reviewspecificfeedback']) expect(Number(text(q, `quiz > ${k}`)), k).toBe(0x10);
    const grades = xml(f.get(`${quiz.dir}/grades.xml`));
    expect(Number(text(grades, 'grademax'))).toBe(CONTEST_GRADE);
    expect(Number(text(grades, 'gradepass'))).toBe(CONTEST_PASS);
    // Each slot draws from a unit's category, subcategories (outcomes) included, whose path is Khiên Số / Lớp 6 / <unit>.
    const cats = new Map([...xml(f.get('questions.xml')).querySelectorAll('question_category')].map((c) => [c.getAttribute('id'), { name: text(c, ':scope > name'), parent: text(c, ':scope > parent') }]));
    const path = (id: string | null): string[] => { const c = cats.get(id); return c ? [...path(c.parent), c.name] : []; };
    const drawn = slots.map((s) => JSON.parse(text(s, 'filtercondition')) as { filter: { category: { values: string[]; filteroptions: { includesubcategories: boolean } } } });
    expect(drawn.map((d) => path(d.filter.category.values[0] as string))).toEqual(g6.flatMap((u) => Array(QUESTIONS_PER_UNIT).fill(['top', 'Khiên Số', 'Lớp 6', u.id])));
    for (const d of drawn) expect(d.filter.category.filteroptions.includesubcategories).toBe(true);
    // The quiz and the course name every category, so the restore brings the whole tree.
    for (const ref of [`${quiz.dir}/inforef.xml`, 'course/inforef.xml']) {
      expect([...xml(f.get(ref)).querySelectorAll('question_category > id')].map((e) => e.textContent).sort()).toEqual([...cats.keys()].sort());
    }
  });

  it('questions.xml holds each unit\'s Moodle XML bank: the same questions, types, marks and answer fractions, under grade → unit → outcome', () => {
    const f = files('course-all-grades.mbz');
    const doc = xml(f.get('questions.xml'));
    for (const unit of curriculum.units) {
      const expected = unit.assessment.questions.flatMap((q) => { const r = moodleQuestion(unit, q, 'vi'); return 'omitted' in r ? [] : [{ q, m: r.question }]; });
      const entries = [...doc.querySelectorAll('question_bank_entry')].filter((e) => text(e, ':scope > idnumber').startsWith(`khienso.${unit.id}.`));
      expect(entries.length).toBe(questionBankXml(unit, 'vi').count);
      for (const { q, m } of expected) {
        const e = entries.find((x) => text(x, ':scope > idnumber') === questionIdNumber(unit.id, q.id));
        if (!e) throw new Error(`${q.id} missing`);
        const cat = e.closest('question_category') as Element;
        expect(text(cat, ':scope > name'), q.id).toBe(q.outcomes[0]);
        expect(text(e, 'question > qtype')).toBe(m.qtype);
        expect(Number(text(e, 'question > defaultmark'))).toBe(q.weight);
        expect(text(e, 'question > questiontext')).toBe(m.questiontext);
        if (m.qtype === 'multichoice' || m.qtype === 'shortanswer') {
          expect([...e.querySelectorAll('answers > answer')].map((a) => [text(a, 'answertext'), Number(text(a, 'fraction'))]))
            .toEqual(m.answers.map((a) => [a.text, Number(a.fraction.toFixed(7))]));
        }
        if (m.qtype === 'match') expect([...e.querySelectorAll('matches > match')].map((x) => [text(x, 'questiontext'), text(x, 'answertext')])).toEqual(m.subquestions.map((s) => [s.text, s.answer]));
        if (m.qtype === 'ddwtos') expect([...e.querySelectorAll('answers > answer > answertext')].map((x) => x.textContent)).toEqual(m.dragboxes);
      }
    }
  });
});

describe('the Moodle guide on the contests', () => {
  it('states the contest quizzes as built: questions and minutes per level, grade and pass mark', () => {
    const doc = readFileSync(join(REPO, 'docs/moodle-import.md'), 'utf8').replace(/\s+/g, ' ');
    const all = loadCurriculum({ root: REPO });
    const levels = new Map<string, number>();
    for (const u of all.units) levels.set(schoolLevel(u.grade), (levels.get(schoolLevel(u.grade)) ?? 0) + QUESTIONS_PER_UNIT);
    for (const [level, n] of levels) {
      expect(doc, level).toContain(`${n} questions for ${level === 'primary' ? 'primary' : 'lower and upper secondary'}`);
      expect(doc, level).toContain(`**${contestTimeLimit(n) / 60} minutes**`);
    }
    expect(doc).toContain(`**${QUESTIONS_PER_UNIT} random questions from each unit**`);
    expect(doc).toContain(`**out of ${CONTEST_GRADE}, passed from ${CONTEST_PASS}**`);
    expect(doc).toContain(`**ngẫu nhiên ${QUESTIONS_PER_UNIT} câu từ mỗi chủ đề**`);
    expect(doc).toContain(`**${CONTEST_GRADE}, đạt từ ${CONTEST_PASS}**`);
  });
});
