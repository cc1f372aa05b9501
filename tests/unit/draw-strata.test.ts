import { describe, expect, it } from 'vitest';
import { loadCurriculum } from '../../src/model/load/load-curriculum.ts';
import { assessedOutcomes, bankFingerprint, drawProblems, drawQuestions } from '../../src/core/draw.ts';
import { REPO, scratchCurriculum } from '../helpers/fixtures.ts';
import { CurriculumError } from '../../src/errors/unit-error.ts';
import { startSession } from '../../src/runtime/session.ts';
import { toRuntimeUnit } from '../../packaging/runtime-data.ts';
import { recordingTracker } from '../helpers/recording-tracker.ts';

const SEEDS = 400;

describe('stratified draws: every assessed outcome in every attempt', () => {
  const { units } = loadCurriculum({ root: REPO, only: process.env.KHIENSO_ONLY?.split(',') });

  it(`every real unit: ${SEEDS} seeds, each attempt covers every assessed outcome, reproducibly`, () => {
    expect(units.length).toBeGreaterThan(0);
    for (const u of units) {
      const strata = assessedOutcomes(u.outcomes);
      const bank = u.assessment.questions;
      const size = Math.max(bank.filter((q) => q.type === 'lab').length, Math.min(u.assessment.draw, bank.length));
      const seen = new Set<string>();
      for (let seed = 1; seed <= SEEDS; seed++) {
        const s = (seed * 2654435761) >>> 0;
        const drawn = drawQuestions(bank, u.assessment.draw, s, strata);
        expect(drawn.length, u.id).toBe(size);
        const covered = new Set(drawn.flatMap((q) => q.outcomes));
        const missing = strata.filter((c) => !covered.has(c));
        expect(missing, `${u.id} seed ${s}`).toEqual([]);
        expect(drawQuestions(bank, u.assessment.draw, s, strata).map((q) => q.id), u.id).toEqual(drawn.map((q) => q.id));
        for (const q of drawn) seen.add(q.id);
      }
      // Stratifying does not freeze the draw: over the seeds every question of the bank comes up.
      expect(bank.filter((q) => !seen.has(q.id)).map((q) => q.id), u.id).toEqual([]);
    }
  });

  it('without strata the old unstratified draw can miss an outcome (the bug this fixes)', () => {
    const u = units.find((x) => x.id === 'g6-internet-safety') ?? units[0]!;
    const strata = assessedOutcomes(u.outcomes);
    let missed = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const covered = new Set(drawQuestions(u.assessment.questions, u.assessment.draw, seed).flatMap((q) => q.outcomes));
      if (strata.some((c) => !covered.has(c))) missed++;
    }
    expect(missed).toBeGreaterThan(0);
  });

  it('a session reports every assessed outcome as an objective on every attempt of every real unit', async () => {
    for (const u of units) {
      const ru = toRuntimeUnit(u);
      for (let i = 0; i < 5; i++) {
        const { tracker, calls } = recordingTracker();
        const s = await startSession({ ...ru, maxAttempts: 0 }, tracker);
        s.submit('vi');
        const reported = new Set(calls.outcomes.at(-1)?.objectives.map((o) => o.code));
        expect(assessedOutcomes(u.outcomes).filter((c) => !reported.has(c)), u.id).toEqual([]);
      }
    }
  });

  it('the drawn questions keep the authored order and are distinct', () => {
    const u = units[0]!;
    const ids = u.assessment.questions.map((q) => q.id);
    const d = drawQuestions(u.assessment.questions, u.assessment.draw, 77, assessedOutcomes(u.outcomes)).map((q) => ids.indexOf(q.id));
    expect(new Set(d).size).toBe(d.length);
    expect([...d].sort((a, b) => a - b)).toEqual(d);
  });

  it('the fingerprint covers what the draw depends on: outcomes, labs, strata, draw size', () => {
    const bank = [{ id: 'a', outcomes: ['X'] }, { id: 'b', outcomes: ['Y'] }];
    const f = bankFingerprint(bank, ['X', 'Y'], 1);
    expect(bankFingerprint(bank.map((q) => ({ ...q })), ['X', 'Y'], 1)).toBe(f);
    expect(bankFingerprint([bank[0]!, { id: 'b', outcomes: ['X'] }], ['X', 'Y'], 1)).not.toBe(f);
    expect(bankFingerprint([bank[0]!, { id: 'b', type: 'lab', outcomes: ['Y'] }], ['X', 'Y'], 1)).not.toBe(f);
    expect(bankFingerprint(bank, ['X'], 1)).not.toBe(f);
    expect(bankFingerprint(bank, ['X', 'Y'], 2)).not.toBe(f);
  });

  it('drawProblems: a draw too small for one question per outcome is named, labs count', () => {
    const bank = [{ id: 'a', outcomes: ['X'] }, { id: 'b', outcomes: ['Y'] }, { id: 'c', outcomes: ['Z'] }, { id: 'd', outcomes: ['X'] }];
    expect(drawProblems(bank, 3, ['X', 'Y', 'Z'])).toEqual([]);
    expect(drawProblems(bank, 2, ['X', 'Y', 'Z'])[0]).toMatch(/draw is 2.*X, Y, Z.*at least 3/);
    expect(drawProblems([...bank, { id: 'l', type: 'lab', outcomes: ['Z'] }], 3, ['X', 'Y', 'Z'])).toEqual([]);
  });

  it('the build refuses a bank that cannot cover every outcome, naming assessment.mdx:line of draw', () => {
    const c = scratchCurriculum();
    c.edit('assessment.mdx', (s) => s.replace('draw: 5', 'draw: 2'));
    let message = '';
    try {
      loadCurriculum({ root: c.root, unitsDir: c.unitsDir, frameworksDir: c.frameworksDir });
    } catch (e) {
      expect(e).toBeInstanceOf(CurriculumError);
      message = (e as Error).message;
    }
    expect(message).toMatch(/units\/fx-basics\/assessment\.mdx:2 draw: draw is 2, too few for one question per assessed outcome/);
    expect(message).toContain('FX-G6-D-01, FX-G6-D-02, FX-G6-D-03');
  });
});
