import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { loadCurriculum } from '../../src/model/load/load-curriculum.ts';
import type { Answer } from '../../src/core/answers.ts';
import type { Question } from '../../src/model/question-schema.ts';
import { bankSalt, decodeText, encodeText, hashBank, hashQuestion, isHashed, plainQuestion } from '../../src/core/hashed-keys.ts';
import { scorePlain, scoreQuestion } from '../../src/core/scoring.ts';
import { sha256Hex } from '../../src/core/sha256.ts';
import { createRandom, shuffled } from '../../src/core/random.ts';
import { toRuntimeUnit } from '../../packaging/runtime-data.ts';
import { buildUnitPage } from '../../packaging/player-page.ts';
import { readPageUnit } from '../../src/runtime/page-unit.ts';
import { JSDOM } from 'jsdom';
import { REPO } from '../helpers/fixtures.ts';
import { startSession } from '../../src/runtime/session.ts';
import { recordingTracker } from '../helpers/recording-tracker.ts';
import { formatCorrect, SCORM12_SPELLING, SCORM2004_SPELLING } from '../../src/runtime/adapters/scorm-format.ts';
import { interactionDefinition } from '../../src/runtime/xapi/statements.ts';

const { units } = loadCurriculum({ root: REPO, only: process.env.KHIENSO_ONLY?.split(',') });
const ANSWERS_PER_QUESTION = 60;

/** Variations a learner might type of an accepted answer (case, spaces, quotes, final punctuation, no accents). */
function typedVariant(s: string, r: () => number): string {
  let t = s;
  if (r() < 0.3) t = t.toUpperCase();
  if (r() < 0.3) t = `  ${t.replace(/ /g, '   ')} `;
  if (r() < 0.2) t = `“${t}”`;
  if (r() < 0.2) t += '.';
  if (r() < 0.3) t = t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  if (r() < 0.15) t = t.slice(0, Math.max(1, t.length - 1));
  return t;
}

function randomAnswer(q: Question, r: () => number): Answer | undefined {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  if (r() < 0.05) return undefined;
  switch (q.type) {
    case 'single': return { type: 'single', choice: r() < 0.1 ? 'z' : pick(q.choices).id };
    case 'multiple': return { type: 'multiple', choices: q.choices.filter(() => r() < 0.5).map((c) => c.id) };
    case 'truefalse': return { type: 'truefalse', value: r() < 0.5 };
    case 'matching': return { type: 'matching', pairs: Object.fromEntries(q.sources.filter(() => r() < 0.9).map((s) => [s.id, r() < 0.5 ? (q.correct.find((p) => p[0] === s.id)?.[1] ?? '') : pick(q.targets).id])) };
    case 'ordering': return { type: 'ordering', order: r() < 0.3 ? q.correct.slice() : shuffled(q.steps.map((s) => s.id), r) };
    case 'fillin': {
      if (r() < 0.2) return { type: 'fillin', text: pick(['', '   ', '?', 'không biết', 'password123', 'x']) };
      const acc = pick(q.accept);
      return { type: 'fillin', text: typedVariant((r() < 0.5 ? acc.vi : acc.en) ?? acc.vi ?? acc.en ?? '', r) };
    }
    case 'lab': return { type: 'lab', score: Math.round(r() * 100) / 100, detail: 'x' };
  }
}

describe('keys not in plain sight', () => {
  it('the SHA-256 used by the player matches node:crypto (ASCII, Vietnamese, empty, multi-block)', () => {
    for (const s of ['', 'abc', 'Mật khẩu mạnh', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), 'đ'.repeat(1000), '😀 emoji']) {
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }
  });

  it('hashed scoring equals plain-key scoring over many random answers, for every question of every unit', () => {
    const byType = new Map<string, number>();
    let checked = 0;
    for (const u of units) {
      const salt = bankSalt(u.id, u.version, u.assessment.questions);
      const r = createRandom(u.id.length * 7919);
      for (const q of u.assessment.questions) {
        const h = hashQuestion(q, salt);
        let fullMarks = 0;
        for (let i = 0; i < ANSWERS_PER_QUESTION; i++) {
          const a = randomAnswer(q, r);
          const plain = scorePlain(q, a);
          expect(scoreQuestion(h, a), `${u.id}/${q.id} ${JSON.stringify(a)}`).toEqual(plain);
          if (plain.result === 'correct') fullMarks++;
          checked++;
        }
        byType.set(q.type, (byType.get(q.type) ?? 0) + fullMarks);
      }
    }
    // The random answers reach full marks on every type, so equality is not only over wrong answers.
    for (const t of ['single', 'multiple', 'truefalse', 'matching', 'ordering', 'fillin']) expect(byType.get(t), t).toBeGreaterThan(0);
    expect(checked).toBeGreaterThan(1000);
  });

  it('the plain key is recovered exactly from the hashes (for LMS correct responses and review)', () => {
    for (const u of units) {
      const salt = bankSalt(u.id, u.version, u.assessment.questions);
      for (const q of u.assessment.questions) {
        const p = plainQuestion(hashQuestion(q, salt));
        if (q.type === 'fillin' && p.type === 'fillin') {
          expect(p.accept[0]?.vi).toBe(q.accept[0]?.vi ?? q.accept[0]?.en);
          expect(p.feedback).toEqual(q.feedback);
        } else if (q.type === 'multiple' && p.type === 'multiple') {
          expect(p.correct).toEqual([...q.correct].sort());
        } else if (q.type === 'hotspot' && p.type === 'hotspot') {
          // Regions are listed in a seeded order and the key comes back sorted; everything else is identical.
          expect(p.correct).toEqual([...q.correct].sort());
          expect(new Map(p.regions.map((r) => [r.id, r]))).toEqual(new Map(q.regions.map((r) => [r.id, r])));
          expect(p.picture).toEqual(q.picture);
        } else {
          const { choices: _c, targets: _t, steps: _s, ...rest } = q as Question & { choices?: unknown; targets?: unknown; steps?: unknown };
          const { choices: _c2, targets: _t2, steps: _s2, ...prest } = p as Question & { choices?: unknown; targets?: unknown; steps?: unknown };
          expect(prest, `${u.id}/${q.id}`).toEqual(rest);
        }
        if ('choices' in q && 'choices' in p) expect(new Map(p.choices.map((c) => [c.id, c]))).toEqual(new Map(q.choices.map((c) => [c.id, c])));
      }
    }
  });

  it('a built page carries no key, no accepted answer and no feedback as readable text', () => {
    for (const u of units) {
      const html = buildUnitPage(u, { script: 'player.js', css: 'player.css' });
      const json = /<script type="application\/json" id="ks-unit"[^>]*>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
      expect(json.length).toBeGreaterThan(1000);
      const page = JSON.parse(json) as { bank: Record<string, unknown>[] };
      for (const q of page.bank) {
        expect(q, `${u.id}/${String(q.id)}`).not.toHaveProperty('correct');
        expect(q, `${u.id}/${String(q.id)}`).not.toHaveProperty('accept');
      }
      const ru = toRuntimeUnit(u);
      for (const q of u.assessment.questions) {
        const h = ru.bank.find((x) => x.id === q.id)!;
        if (q.type === 'lab') { expect(isHashed(h)).toBe(false); continue; }
        expect(isHashed(h), q.id).toBe(true);
        if ('choices' in q) for (const c of q.choices) if (c.feedback.vi.length > 12) expect(json, `${u.id}/${q.id} feedback`).not.toContain(JSON.stringify(c.feedback.vi).slice(1, -1));
        if (q.type === 'fillin') {
          // Neither the accepted answers nor the feedback that names them are readable in the question.
          const { prompt: _p, id: _id, ...rest } = h as Record<string, unknown>;
          const values: string[] = [];
          const walk = (x: unknown): void => { if (typeof x === 'string') values.push(x); else if (x && typeof x === 'object') Object.values(x).forEach(walk); };
          walk(rest);
          const text = values.join('\n');
          const word = (v: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'iu');
          for (const a of q.accept) for (const v of [a.vi, a.en]) if (v && v.length >= 3) expect(text, `${u.id}/${q.id} accept ${v}`).not.toMatch(word(v));
          expect(text).not.toContain(q.feedback.correct.vi.slice(0, 20));
        }
      }
    }
  });

  it('question ids, which often name the answer (fill-hotline-111), are not readable in the page, and the player reads them back', () => {
    let hidden = 0;
    for (const u of units) {
      const html = buildUnitPage(u, { script: 'player.js', css: 'player.css' });
      const json = /<script type="application\/json" id="ks-unit"[^>]*>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
      const bank = JSON.stringify((JSON.parse(json) as { bank: unknown }).bank); // lesson ids may equal a question id: they name no answer
      for (const q of u.assessment.questions) {
        if (q.type === 'lab') continue;
        expect(bank, `${u.id}: "${q.id}" readable in the page`).not.toMatch(new RegExp(`["\\s]${q.id.replace(/[-]/g, '\\-')}["\\s]`));
        hidden++;
      }
      // What the player reads from the page (the same call the lesson page makes) has the real ids, in bank order.
      const { document } = new JSDOM(html).window;
      expect(readPageUnit(document).bank.map((q) => q.id)).toEqual(toRuntimeUnit(u).bank.map((q) => q.id));
    }
    expect(hidden).toBeGreaterThan(units.length * 5);
  });

  it('options, targets and steps are not listed in the key order', () => {
    let inKeyOrder = 0, total = 0;
    for (const u of units) {
      const salt = bankSalt(u.id, u.version, u.assessment.questions);
      for (const q of u.assessment.questions) {
        if (q.type !== 'ordering') continue;
        const h = hashQuestion(q, salt);
        if (h.type !== 'ordering') continue;
        total++;
        if (h.steps.map((s) => s.id).join() === q.correct.join()) inKeyOrder++;
      }
    }
    expect(total).toBeGreaterThan(10);
    expect(inKeyOrder).toBeLessThan(total / 4);
  });

  it('the salt differs per unit and per version, and is reproducible', () => {
    const [a, b] = units;
    if (!a || !b) return;
    expect(bankSalt(a.id, a.version, a.assessment.questions)).toBe(bankSalt(a.id, a.version, a.assessment.questions));
    expect(bankSalt(a.id, a.version, a.assessment.questions)).not.toBe(bankSalt(b.id, b.version, b.assessment.questions));
    expect(bankSalt(a.id, a.version, a.assessment.questions)).not.toBe(bankSalt(a.id, '9.9.9', a.assessment.questions));
    expect(JSON.stringify(hashBank(a.assessment.questions, 's'))).toBe(JSON.stringify(hashBank(a.assessment.questions, 's')));
  });

  it('letter substitution round-trips any text and keeps its UTF-8 size', () => {
    for (const s of ['Đúng. Mã OTP không bao giờ được đưa cho ai.', 'Correct! 123 — “quotes” 😀', 'ỹỸđĐ ơƠưƯ']) {
      const e = encodeText('salt', 'q1', 'c.a:vi', s);
      expect(e).not.toBe(s);
      expect(decodeText('salt', 'q1', 'c.a:vi', e)).toBe(s);
      expect(encodeText('salt', 'q1', 'c.b:vi', s)).not.toBe(e);
      expect(Buffer.byteLength(e)).toBe(Buffer.byteLength(s));
    }
  });

  it('the LMS still gets each correct response: the session hands trackers the plain key of every drawn question', async () => {
    for (const u of units.slice(0, 6)) {
      const ru = toRuntimeUnit(u);
      const { tracker, calls } = recordingTracker();
      const s = await startSession(ru, tracker);
      s.submit('vi');
      const plain = new Map(u.assessment.questions.map((q) => [q.id, q]));
      expect(calls.answers.length).toBeGreaterThan(0);
      for (const rec of calls.answers) {
        const q = plain.get(rec.question.id)!;
        expect(formatCorrect(rec.question, SCORM12_SPELLING, 'vi'), q.id).toBe(formatCorrect(q.type === 'multiple' ? { ...q, correct: [...q.correct].sort() } : q, SCORM12_SPELLING, 'vi'));
        expect(formatCorrect(rec.question, SCORM2004_SPELLING, 'vi'), q.id).toBe(formatCorrect(q.type === 'multiple' ? { ...q, correct: [...q.correct].sort() } : q, SCORM2004_SPELLING, 'vi'));
        const pattern = interactionDefinition(rec.question).correctResponsesPattern ?? [];
        if (q.type !== 'lab') expect(pattern.length, q.id).toBeGreaterThan(0);
        if (q.type === 'fillin') expect(pattern[0]).toContain(q.accept[0]?.vi ?? q.accept[0]?.en);
      }
    }
  });
});
