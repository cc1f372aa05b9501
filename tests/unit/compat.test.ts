import { describe, expect, it } from 'vitest';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { REPO } from '../helpers/fixtures.ts';
import { RUNTIME_ENTRIES, bundleCss, bundleLab, bundleRuntime, labAssets, type RuntimeKind } from '../../packaging/runtime-bundle.ts';
import { CONTEST_ENTRIES, bundleContest, contestParts, type ContestEntry } from '../../packaging/contest/bundle.ts';
import { CHALLENGE_MODULES } from '../../src/contest/challenges/index.ts';

/**
 * Every script a lesson package ships (the player of each format, each lab) uses only APIs of the oldest
 * browsers the project supports: Chrome/Edge 109, Firefox 115, Safari 14.1 (eslint-plugin-compat with the
 * browserslist in eslint.compat.config.js). The bundles are linted exactly as they ship, libraries included.
 */
const eslint = new ESLint({ cwd: REPO, overrideConfigFile: join(REPO, 'eslint.compat.config.js') });
const lint = async (name: string, code: string) => {
  const [r] = await eslint.lintText(code, { filePath: join(REPO, 'shipped', `${name}.js`) });
  return (r?.messages ?? []).map((m) => `${name}.js:${m.line}:${m.column} ${m.message}`);
};
const labs = readdirSync(join(REPO, 'src/labs'), { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(REPO, 'src/labs', d.name, 'entry.ts'))).map((d) => d.name);

describe('shipped scripts run on the oldest supported browsers', () => {
  it('the check itself fails on APIs newer than the targets', async () => {
    const problems = await lint('probe', 'crypto.randomUUID(); structuredClone({}); Object.hasOwn({}, "a"); [3].findLast(Boolean); new BigInt64Array(8);');
    expect(problems.join('\n')).toMatch(/randomUUID/);
    expect(problems.join('\n')).toMatch(/structuredClone/);
    expect(problems.join('\n')).toMatch(/hasOwn/);
    // .at() on a value of unknown type (what the link-inspector lab did), which the plugin alone cannot see.
    expect(await lint('probe-at', 'function last(parts) { return parts.at(-1); }')).toHaveLength(1);
    expect(problems.join('\n')).toMatch(/findLast/);
    expect(problems.join('\n')).toMatch(/BigInt64Array/);
    // Old, well-supported APIs pass.
    expect(await lint('probe-ok', 'crypto.getRandomValues(new Uint8Array(4)); fetch("x", { keepalive: true }); [1].includes(1); Object.fromEntries([]);')).toEqual([]);
  });

  it.each(Object.keys(RUNTIME_ENTRIES) as RuntimeKind[])('the %s player', async (kind) => {
    expect(await lint(kind, await bundleRuntime(kind))).toEqual([]);
  });

  it.each(labs)('the %s lab', async (kind) => {
    expect(await lint(`lab-${kind}`, await bundleLab(kind))).toEqual([]);
  });

  it.each(Object.keys(CONTEST_ENTRIES) as ContestEntry[])('the %s contest page', async (kind) => {
    expect(await lint(`contest-${kind}`, await bundleContest(kind))).toEqual([]);
  });

  it('every lazy part of the contest pages (challenges, SQLite glue, code runner)', async () => {
    const all = Object.values(CHALLENGE_MODULES).map((m) => ({ id: m.id, usesSql: m.usesSql === true, fix: m.fix }));
    const parts = await contestParts(all, false, labAssets('sql').find((a) => a.name.endsWith('.wasm'))?.bytes ?? new Uint8Array());
    expect(parts.size).toBe(all.length + 2);
    const problems: string[] = [];
    for (const [name, code] of parts) problems.push(...await lint(name.replace(/\.js$/, ''), code));
    expect(problems).toEqual([]);
  });
});

describe('the player stylesheet on Safari 14.1', () => {
  it('shows a focus ring without :focus-visible (Safari before 15.4 drops every rule whose selector has it)', async () => {
    const rules = (await bundleCss()).match(/[^{}]+\{[^{}]*\}/g) ?? [];
    const safari14 = rules.filter((r) => !r.includes(':focus-visible'));
    const ring = safari14.filter((r) => /(^|[,}\s]):focus\s*\{/.test(r) && /outline:\s*3px solid/.test(r));
    expect(ring.length).toBeGreaterThan(0);
    // Newer browsers still show it on keyboard focus.
    expect(rules.some((r) => /:focus-visible\s*\{/.test(r) && /outline:\s*3px solid/.test(r))).toBe(true);
  });
});
