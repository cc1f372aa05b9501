import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { REPO } from '../helpers/fixtures.ts';
import { loadContestSources, type ContestSources } from '../../src/contest/load-challenges.ts';
import { deriveFlag, checkFlag, FLAG_PATTERN } from '../../src/contest/flags.ts';
import { createClient } from '../../src/contest/http.ts';
import { checkFix } from '../../src/contest/fixcheck.ts';
import { nodeFixEnv, nodeRunner, nodeSql, nodeVictim } from '../../src/contest/node-env.ts';
import { CHALLENGE_MODULES } from '../../src/contest/challenges/index.ts';
import { SOLUTIONS } from '../../src/contest/challenges/solutions.ts';
import type { ChallengeModule, FixEnv } from '../../src/contest/types.ts';
import { noSql } from '../../src/contest/no-sql.ts';

let sources: ContestSources;
let fixEnv: FixEnv;
const SEED = 'test-seed-2026';
beforeAll(async () => {
  sources = loadContestSources(REPO);
  fixEnv = await nodeFixEnv();
});

/** The engine as the page gives it: the real one only to challenges that declare usesSql (the others get one that throws). */
const sqlFor = async (m: ChallengeModule) => (m.usesSql ? nodeSql() : noSql(m.id));

async function play(id: string, player: string, script: 'solve' | 'naive') {
  const m = CHALLENGE_MODULES[id];
  if (!m) throw new Error(id);
  const flag = deriveFlag(SEED, id, player);
  const site = await m.createSite({ flag, sql: await sqlFor(m), victim: nodeVictim });
  const solution = SOLUTIONS[id];
  if (!solution) throw new Error(`no solution for ${id}`);
  return { flag, seen: await solution[script](createClient(site)) };
}

describe('the challenge set', () => {
  it('has at least 12 challenges in the three tiers, each with a code module and texts in both languages', () => {
    expect(sources.challenges.length).toBeGreaterThanOrEqual(12);
    for (const tier of ['thcs', 'thpt', 'dai-hoc']) expect(sources.challenges.filter((c) => c.text.tier === tier).length).toBeGreaterThanOrEqual(4);
    expect(Object.keys(CHALLENGE_MODULES).sort()).toEqual(sources.challenges.map((c) => c.text.id).sort());
    expect(Object.keys(SOLUTIONS).sort()).toEqual(Object.keys(CHALLENGE_MODULES).sort());
    for (const c of sources.challenges) {
      for (const t of [c.text.story, c.text.task, c.text.solution, c.text.title]) { expect(t.vi).not.toBe(t.en); expect(t.vi.normalize('NFC')).toBe(t.vi); }
      expect(c.text.hints.every((h) => h.cost > 0)).toBe(true);
    }
    // Every contest unit uses known challenges and every challenge is in a contest.
    const used = sources.contests.flatMap((c) => c.challenges).sort();
    expect(used).toEqual(sources.challenges.map((c) => c.text.id).sort());
  });

  it('no simulated host is a real-world name: every host ends in .test', async () => {
    for (const m of Object.values(CHALLENGE_MODULES)) {
      const site = await m.createSite({ flag: 'KS{x-000000000000}', sql: await sqlFor(m), victim: nodeVictim });
      for (const h of site.hosts) expect(h, m.id).toMatch(/\.test$/);
      expect(new URL(m.start).hostname).toMatch(/\.test$/);
    }
  });
});

describe('flags', () => {
  it('differ per player and per challenge, and a flag passed to another team is refused', () => {
    const a = deriveFlag(SEED, 'sqli-login', 'Đội 1');
    const b = deriveFlag(SEED, 'sqli-login', 'Đội 2');
    expect(a).toMatch(FLAG_PATTERN);
    expect(a).not.toBe(b);
    expect(deriveFlag(SEED, 'sqli-union', 'Đội 1')).not.toBe(a);
    expect(deriveFlag('other-seed', 'sqli-login', 'Đội 1')).not.toBe(a);
    expect(checkFlag(SEED, 'sqli-login', ' đội 1 ', ` ${a} `)).toBe(true);
    expect(checkFlag(SEED, 'sqli-login', 'Đội 2', a)).toBe(false);
  });
});

const ids = Object.keys(CHALLENGE_MODULES).sort();
describe.each(ids)('challenge %s', (id) => {
  it('the reference solution captures this player\'s flag; a naive attempt does not', async () => {
    const solved = await play(id, 'hs-10a2-07', 'solve');
    expect(solved.seen).toContain(solved.flag);
    const naive = await play(id, 'hs-10a2-07', 'naive');
    expect(naive.seen).not.toContain(naive.flag);
    expect(naive.seen).not.toMatch(/KS\{[a-z0-9-]+-[0-9a-f]{12}\}/);
  });

  const fix = CHALLENGE_MODULES[id]?.fix;
  // Only the coding challenges have a fix to check (no placeholder test for the others).
  if (fix) it('the fix-checker rejects the vulnerable code and accepts the reference fix', async () => {
    const m = CHALLENGE_MODULES[id] as ChallengeModule;
    const env = { ...fixEnv, sql: await sqlFor(m) };
    const before = await checkFix(fix, fix.vulnerable, nodeRunner, env);
    expect(before.accepted).toBe(false);
    expect(before.attacksBlocked).toBe(false);
    const reference = SOLUTIONS[id]?.reference;
    expect(reference, 'reference fix').toBeTruthy();
    const after = await checkFix(fix, reference ?? '', nodeRunner, env);
    expect(after.cases.filter((c) => !c.passed)).toEqual([]);
    expect(after.accepted).toBe(true);
    // A "fix" that breaks the feature is refused too: refusing everything blocks attacks but is not a fix.
    const refuseAll = await checkFix(fix, `function ${fix.fn}() { throw new Error('tắt chức năng'); }`, nodeRunner, env);
    expect(refuseAll.accepted).toBe(false);
    expect(refuseAll.featureWorks).toBe(false);
  });
});

describe('fix-checker robustness', () => {
  it('an endless loop or a syntax error in the learner code is reported, not hung on', async () => {
    const fix = CHALLENGE_MODULES['sqli-login']?.fix;
    if (!fix) throw new Error('no fix');
    const loop = await checkFix(fix, 'function buildLoginQuery(){ while(true){} }', nodeRunner, fixEnv);
    expect(loop.accepted).toBe(false);
    expect(loop.cases[0]?.output).toMatch(/Error/);
    const broken = await checkFix(fix, 'function buildLoginQuery( {', nodeRunner, fixEnv);
    expect(broken.accepted).toBe(false);
  });
  it('a keyword filter is not accepted as a SQL injection fix', async () => {
    const fix = CHALLENGE_MODULES['sqli-login']?.fix;
    if (!fix) throw new Error('no fix');
    const filter = fix.vulnerable.replace('function buildLoginQuery(username, password) {', "function buildLoginQuery(username, password) {\n  username = username.replace(/OR/gi, '');");
    expect((await checkFix(fix, filter, nodeRunner, fixEnv)).accepted).toBe(false);
  });
  it('the challenge files are where the sources say', () => {
    for (const c of sources.challenges) expect(c.dir).toBe(join('curriculum/challenges', c.text.id));
  });
});

describe('challenge sources with mistakes', () => {
  it('stop the build with every problem, each naming file and line', async () => {
    const { cpSync, mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const root = mkdtempSync(join(tmpdir(), 'ks-ch-'));
    cpSync(join(REPO, 'curriculum/challenges'), join(root, 'curriculum/challenges'), { recursive: true });
    cpSync(join(REPO, 'curriculum/frameworks'), join(root, 'curriculum/frameworks'), { recursive: true });
    const f = join(root, 'curriculum/challenges/sqli-login/challenge.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace('value: 200', 'value: "hai trăm"'));
    const o = join(root, 'curriculum/challenges/idor-report/challenge.yaml');
    writeFileSync(o, readFileSync(o, 'utf8').replace('outcomes: [TH-G11-F-01, TH-G10-B-04]', 'outcomes: [TH-G11-F-01, TH-G99-X-01]'));
    const g = join(root, 'curriculum/challenges/weak-hash/challenge.yaml');
    writeFileSync(g, readFileSync(g, 'utf8').replace('  - cost: 40', '  - cost: 400'));
    const c = join(root, 'curriculum/challenges/contests.yaml');
    writeFileSync(c, readFileSync(c, 'utf8').replace('challenges: [scam-shop,', 'challenges: [scam-shopp,'));
    let message = '';
    try { loadContestSources(root); } catch (e) { message = (e as Error).message; }
    const lineOf = (file: string, needle: string) => readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(message).toContain(`curriculum/challenges/sqli-login/challenge.yaml:${lineOf(f, 'value: "hai')} value:`);
    expect(message).toContain(`idor-report/challenge.yaml:${lineOf(o, 'TH-G99-X-01')} outcomes.1: unknown outcome code "TH-G99-X-01"`);
    expect(message).not.toContain('unknown challenge "sqli-login"');
    expect(message).toMatch(/weak-hash\/challenge\.yaml:\d+ hints: hints cost 420, not less than the challenge's value 200/);
    expect(message).toContain(`curriculum/challenges/contests.yaml:${lineOf(c, 'scam-shopp')} unknown challenge "scam-shopp"`);
  });
});

describe('the secure-coding contest kit (curriculum/contests/secure-coding.*.md)', () => {
  it('lists every real challenge with its contest unit and its current points, in both languages', async () => {
    const { readFileSync } = await import('node:fs');
    for (const lang of ['vi', 'en']) {
      const kit = readFileSync(join(REPO, `curriculum/contests/secure-coding.${lang}.md`), 'utf8');
      for (const c of sources.challenges) {
        const contest = sources.contests.find((k) => k.challenges.includes(c.text.id));
        const row = kit.split('\n').find((l) => l.includes(`(\`${c.text.id}\`)`));
        expect(row, `${lang}: ${c.text.id}`).toBeTruthy();
        expect(row).toContain(`\`${contest?.id}\``);
        expect(row).toContain(c.text.title[lang as 'vi' | 'en']);
        expect(row?.trim().endsWith(`| ${c.text.value}${c.text.fixValue ? ` + ${c.text.fixValue}` : ''} |`), `${lang}: points of ${c.text.id}`).toBe(true);
      }
      expect(kit).toContain('116/2025/QH15');
      expect(kit).toContain('dist/contest/');
    }
  });
});
