import { describe, expect, it } from 'vitest';
import { contestOutcome, contestRuntimeUnit, contestScore, emptyProgress, parseProgress, serializeProgress } from '../../src/contest/scoring.ts';
import type { RuntimeChallenge, RuntimeContest } from '../../src/contest/schema.ts';

const ch = (id: string, value: number, fixValue = 0, outcomes = ['TH-G11-F-01']): RuntimeChallenge => ({
  id, tier: 'thpt', title: { vi: id, en: id }, category: { vi: 'c', en: 'c' }, story: { vi: 's', en: 's' }, task: { vi: 't', en: 't' }, value, fixValue, outcomes, start: 'http://x.test/', usesSql: false,
  hints: [{ cost: 10, text: { vi: 'h1', en: 'h1' } }, { cost: 30, text: { vi: 'h2', en: 'h2' } }],
});
const contest: RuntimeContest = { id: 'contest-x', version: '1.0.0', title: { vi: 'x', en: 'x' }, masteryScore: 50, seed: 's', rules: { vi: '', en: '' }, challenges: [ch('a', 100), ch('b', 200, 100, ['TH-G6-D-05'])] };

describe('contest scoring', () => {
  it('solved challenges minus the hints opened for them, plus accepted fixes, out of every point available', () => {
    const p = emptyProgress('doi-1');
    expect(contestScore(contest, p)).toEqual({ points: 0, max: 400, percent: 0 });
    expect(contestOutcome(contest, p).score).toBeNull();
    p.hints.b = 2; // 40 points of hints on b, not solved yet: nothing lost yet
    p.solved.push('a');
    expect(contestScore(contest, p).points).toBe(100);
    p.solved.push('b');
    expect(contestScore(contest, p).points).toBe(100 + 160);
    p.fixed.push('b');
    expect(contestScore(contest, p)).toEqual({ points: 360, max: 400, percent: 90 });
    const o = contestOutcome(contest, p);
    expect(o).toMatchObject({ score: 90, success: 'passed', completed: true });
    expect(o.objectives).toEqual([{ code: 'TH-G11-F-01', score: 100, passed: true }, { code: 'TH-G6-D-05', score: 87, passed: true }]);
  });

  it('the score never goes down as a player goes on (LMSes keep the best score)', () => {
    const p = emptyProgress('doi-2');
    let last = 0;
    for (const step of [() => { p.hints.a = 1; }, () => p.solved.push('a'), () => { p.hints.b = 1; }, () => { p.hints.b = 2; }, () => p.fixed.push('b'), () => p.solved.push('b')]) {
      step();
      const now = contestScore(contest, p).points;
      expect(now).toBeGreaterThanOrEqual(last);
      last = now;
    }
    expect(last).toBe(90 + 160 + 100);
  });

  it('below the mastery score: failed but not final, so the player can go on', () => {
    const p = emptyProgress('doi-3');
    p.solved.push('a');
    expect(contestOutcome(contest, p)).toMatchObject({ score: 25, success: 'failed', completed: false, final: false });
  });

  it('state round-trips and foreign or damaged state is refused', () => {
    const p = { player: 'Đội 7', solved: ['a'], fixed: ['b'], hints: { b: 1 } };
    expect(parseProgress(serializeProgress(p))).toEqual(p);
    expect(parseProgress('{"k":"other"}')).toBeNull();
    expect(parseProgress('not json')).toBeNull();
    expect(parseProgress(null)).toBeNull();
    expect(serializeProgress({ ...p, solved: ['scam-shop', 'fake-login', 'app-permissions', 'link-tricks', 'grade-validation', 'secret-in-js', 'sqli-login', 'xss-reflected', 'idor-report', 'cookie-role', 'sqli-union', 'xss-stored', 'path-traversal', 'weak-hash', 'code-review'] }).length).toBeLessThan(4096);
  });

  it('the unit the Tracker adapters see has one interaction per challenge and per fix, weighted by points', () => {
    const u = contestRuntimeUnit(contest);
    expect(u.bank.map((q) => [q.id, q.weight])).toEqual([['a', 100], ['b', 200], ['b-fix', 100]]);
    expect(u.lessons).toEqual([]);
    expect(u.outcomes.map((o) => o.code)).toEqual(['TH-G11-F-01', 'TH-G6-D-05']);
  });
});
