import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { loadCurriculum } from '../../src/model/load/load-curriculum.ts';
import { scoreQuestion } from '../../src/core/scoring.ts';
import type { Answer } from '../../src/core/answers.ts';
import type { Question } from '../../src/model/question-schema.ts';
import { questionBankXml, questionIdNumber } from '../../packaging/moodle/question-xml.ts';
import { COMPETENCY_HEADERS, FRAMEWORK_IDNUMBER, competenciesCsv } from '../../packaging/moodle/competencies-csv.ts';
import { buildMoodle } from '../../packaging/moodle/build-moodle.ts';
import { REPO } from '../helpers/fixtures.ts';
import { createRandom } from '../../src/core/random.ts';

const curriculum = loadCurriculum({ root: REPO });
const win = new JSDOM('').window;
const xmlDoc = (xml: string) => new win.DOMParser().parseFromString(xml, 'application/xml');
const stripTags = (s: string) => s.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');

/**
 * Grades one answer the way Moodle 4.3's question types do (multichoice, truefalse, match, ddwtos, shortanswer),
 * reading only the XML: a model of Moodle's grading rules, used to prove the mapping keeps the package's scores.
 */
function moodleGrade(qel: Element, q: Question, a: Answer | undefined): number {
  const type = qel.getAttribute('type');
  const answers = [...qel.querySelectorAll(':scope > answer')];
  const frac = (el: Element) => Number(el.getAttribute('fraction')) / 100;
  if (!a) return 0;
  switch (type) {
    case 'multichoice': {
      const texts = answers.map((el) => stripTags(el.querySelector(':scope > text')?.textContent ?? ''));
      const chosenTexts = a.type === 'single' ? [a.choice] : a.type === 'multiple' ? a.choices : [];
      const choices = 'choices' in q ? q.choices : [];
      const sum = chosenTexts.reduce((s, id) => {
        const txt = choices.find((c) => c.id === id)?.text.vi ?? '';
        const i = texts.indexOf(txt);
        return s + (i >= 0 ? frac(answers[i] as Element) : 0);
      }, 0);
      return Math.max(0, Math.min(1, sum));
    }
    case 'truefalse': {
      if (a.type !== 'truefalse') return 0;
      const el = answers.find((x) => x.querySelector('text')?.textContent === String(a.value));
      return el ? frac(el) : 0;
    }
    case 'match': {
      if (a.type !== 'matching' || q.type !== 'matching') return 0;
      const subs = [...qel.querySelectorAll(':scope > subquestion')].filter((s) => (s.querySelector(':scope > text')?.textContent ?? '') !== '');
      let right = 0;
      for (const s of subs) {
        const src = q.sources.find((x) => x.text.vi === stripTags(s.querySelector(':scope > text')?.textContent ?? ''));
        const chosen = q.targets.find((t) => t.id === (src ? a.pairs[src.id] : undefined));
        if (chosen && chosen.text.vi === s.querySelector(':scope > answer > text')?.textContent) right++;
      }
      return right / subs.length;
    }
    case 'ddwtos': {
      if (a.type !== 'ordering' || q.type !== 'ordering') return 0;
      const boxes = [...qel.querySelectorAll(':scope > dragbox > text')].map((t) => t.textContent ?? '');
      const gaps = [...(qel.querySelector(':scope > questiontext > text')?.textContent ?? '').matchAll(/\[\[(\d+)\]\]/g)].map((m) => Number(m[1]));
      let right = 0;
      gaps.forEach((box, i) => {
        const placed = q.steps.find((s) => s.id === a.order[i]);
        if (placed && boxes[box - 1] === placed.text.vi) right++;
      });
      return right / gaps.length;
    }
    case 'shortanswer': {
      if (a.type !== 'fillin') return 0;
      const usecase = qel.querySelector(':scope > usecase')?.textContent === '1';
      const typed = a.text.trim();
      for (const el of answers) {
        const pattern = el.querySelector('text')?.textContent ?? '';
        const re = new RegExp('^' + pattern.split(/(?<!\\)\*/).map((p) => p.replace(/\\\*/g, '*').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$', usecase ? 'u' : 'iu');
        if (re.test(typed)) return frac(el);
      }
      return 0;
    }
  }
  throw new Error(`unexpected Moodle type ${type}`);
}

/** A random answer of the right shape, sometimes right, sometimes partly or wholly wrong. */
function randomAnswer(q: Question, r: () => number): Answer | undefined {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  const shuffle = <T,>(xs: readonly T[]) => [...xs].sort(() => r() - 0.5);
  switch (q.type) {
    case 'single': return { type: 'single', choice: pick(q.choices).id };
    case 'multiple': return { type: 'multiple', choices: q.choices.filter(() => r() < 0.5).map((c) => c.id) };
    case 'truefalse': return { type: 'truefalse', value: r() < 0.5 };
    case 'matching': {
      const targets = shuffle(q.targets.map((t) => t.id));
      return { type: 'matching', pairs: Object.fromEntries(q.sources.map((s, i) => [s.id, r() < 0.5 ? q.correct.find(([x]) => x === s.id)?.[1] ?? '' : targets[i % targets.length] as string])) };
    }
    case 'ordering': return { type: 'ordering', order: r() < 0.3 ? [...q.correct] : shuffle(q.steps.map((s) => s.id)) };
    case 'fillin': {
      const acc = pick(q.accept);
      const v = acc.vi ?? acc.en ?? '';
      return { type: 'fillin', text: r() < 0.4 ? v : r() < 0.5 ? v.toUpperCase() : 'không biết' };
    }
    case 'lab': return undefined;
    case 'hotspot': return undefined;
  }
}

describe('Moodle XML question banks', () => {
  it('hold every question of every unit except labs and hotspots, which are listed, with stable ASCII id numbers', () => {
    for (const unit of curriculum.units) {
      const bank = questionBankXml(unit, 'vi');
      const labs = unit.assessment.questions.filter((q) => q.type === 'lab' || q.type === 'hotspot');
      for (const o of bank.omitted) expect(bank.xml).toContain(`${o.id} (${o.type})`);
      expect(bank.count + bank.omitted.length).toBe(unit.assessment.questions.length);
      expect(bank.omitted.map((o) => o.id).sort()).toEqual(labs.map((q) => q.id).sort());
      expect(bank.path).toBe(`questions/${unit.id}.xml`);
      const doc = xmlDoc(bank.xml);
      expect(doc.querySelector('parsererror')).toBeNull();
      const ids = [...doc.querySelectorAll('question > idnumber')].map((e) => e.textContent);
      expect(ids).toEqual(expect.arrayContaining(unit.assessment.questions.filter((q) => q.type !== 'lab' && q.type !== 'hotspot').map((q) => questionIdNumber(unit.id, q.id))));
      for (const id of ids) expect(id).toMatch(/^[\x21-\x7e]+$/);
    }
  });

  it('file questions in a grade → unit → outcome category tree, in each language', () => {
    const unit = curriculum.units.find((u) => u.id === 'g6-internet-safety');
    expect(unit).toBeDefined();
    if (!unit) return;
    const vi = xmlDoc(questionBankXml(unit, 'vi').xml);
    const cats = [...vi.querySelectorAll('question[type="category"] > category > text')].map((e) => e.textContent);
    expect(cats).toContain('$course$/top/Khiên Số/Lớp 6/g6-internet-safety/TH-G6-D-05');
    const en = questionBankXml(unit, 'en');
    expect(en.path).toBe('questions/en/g6-internet-safety.xml');
    expect(en.xml).toContain('$course$/top/Khiên Số/Grade 6/g6-internet-safety/');
    // Text in the file's language; the Vietnamese file has no English prompt and vice versa.
    const q = unit.assessment.questions.find((x) => x.type !== 'lab' && x.type !== 'hotspot') as Question;
    expect(questionBankXml(unit, 'vi').xml).toContain(q.prompt.vi.replace(/&/g, '&amp;').slice(0, 30));
    expect(en.xml).not.toContain(q.prompt.vi.slice(0, 30));
  });

  it('score every answer as the package does (Moodle grading rules applied to the XML), for every question of every unit', () => {
    const r = createRandom(20261205);
    let checked = 0;
    for (const unit of curriculum.units) {
      const doc = xmlDoc(questionBankXml(unit, 'vi').xml);
      const byId = new Map([...doc.querySelectorAll('quiz > question:not([type="category"])')].map((el) => [el.querySelector(':scope > name > text')?.textContent ?? '', el]));
      for (const q of unit.assessment.questions) {
        if (q.type === 'lab' || q.type === 'hotspot') continue;
        const el = byId.get(q.id);
        expect(el, `${unit.id}/${q.id}`).toBeDefined();
        if (!el) continue;
        for (let i = 0; i < 12; i++) {
          const a = randomAnswer(q, r);
          expect(moodleGrade(el, q, a), `${unit.id}/${q.id} ${JSON.stringify(a)}`).toBeCloseTo(scoreQuestion(q, a).fraction, 4);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it('are well-formed XML for libxml2 (what Moodle parses with)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ks-mxml-'));
    const unit = curriculum.units[0];
    if (!unit || !existsSync('/usr/bin/xmllint')) return;
    const f = join(dir, 'bank.xml');
    writeFileSync(f, questionBankXml(unit, 'vi').xml);
    expect(() => execFileSync('xmllint', ['--noout', f])).not.toThrow();
  });
});

describe('Moodle competency framework CSV', () => {
  const parse = (csv: string) => {
    const rows: string[][] = [];
    let row: string[] = [], field = '', quoted = false;
    for (let i = 0; i < csv.length; i++) {
      const c = csv[i];
      if (quoted) {
        if (c === '"' && csv[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') { row.push(field); field = ''; } else if (c === '\r') continue;
      else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else field += c;
    }
    return rows;
  };
  const { csv, count } = competenciesCsv(curriculum.units, curriculum.outcomes);
  const rows = parse(csv);

  it('uses the importer\'s headers and has one framework row', () => {
    expect(rows[0]).toEqual([...COMPETENCY_HEADERS]);
    const fw = rows.filter((r) => r[12] === '1');
    expect(fw).toHaveLength(1);
    expect(fw[0]?.[1]).toBe(FRAMEWORK_IDNUMBER);
    for (const r of rows) expect(r).toHaveLength(14);
  });

  it('holds every CT GDPT 2018 requirement the units use, once, under its grade and strand', () => {
    const used = new Set(curriculum.units.flatMap((u) => u.outcomes.map((o) => o.code)).filter((c) => c.startsWith('TH-')));
    const codes = rows.slice(1).map((r) => r[1]).filter((c) => c?.startsWith('TH-'));
    expect(new Set(codes)).toEqual(used);
    expect(codes).toHaveLength(used.size);
    expect(count).toBe(used.size);
    const ids = new Set(rows.slice(1).map((r) => r[1]));
    for (const r of rows.slice(2)) if (r[0]) expect(ids.has(r[0]), `parent ${r[0]}`).toBe(true);
    const g6 = rows.find((r) => r[1] === 'TH-G6-D-05');
    expect(g6?.[0]).toBe('khienso-g6-D');
    expect(g6?.[3]).toContain('Nhận diện được một số thông điệp lừa đảo');
    for (const r of rows) expect(r[2]?.length ?? 0).toBeLessThanOrEqual(100);
  });
});

describe('dist/moodle', () => {
  it('is written whole with an index of sizes and hashes; a filtered build keeps the other units', () => {
    const dist = mkdtempSync(join(tmpdir(), 'ks-moodle-'));
    const full = buildMoodle(curriculum, dist);
    expect(full.questionBanks).toHaveLength(curriculum.units.length * 2);
    expect(existsSync(join(dist, 'moodle/competencies.csv'))).toBe(true);
    const one = { ...curriculum, units: curriculum.units.slice(0, 1) };
    const partial = buildMoodle(one, dist, { partial: true });
    expect(partial.questionBanks).toHaveLength(curriculum.units.length * 2);
    expect(partial.competencies).toEqual(full.competencies);
    const idx = JSON.parse(readFileSync(join(dist, 'moodle/moodle.json'), 'utf8')) as typeof full;
    for (const b of idx.questionBanks) expect(existsSync(join(dist, b.file.file))).toBe(true);
  });
});
