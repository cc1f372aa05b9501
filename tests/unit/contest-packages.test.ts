import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'yaml';
import { REPO } from '../helpers/fixtures.ts';
import { buildContest, challengeScripts, CONTEST_FORMATS, DEFAULT_SEED } from '../../packaging/contest/build-contest.ts';
import { lazyFile } from '../../src/contest/page/lazy-names.ts';
import { lintCtfdFolder, CTFD_PLAYER } from '../../packaging/contest/ctfd.ts';
import { deriveFlag } from '../../src/contest/flags.ts';
import { SOLUTIONS } from '../../src/contest/challenges/solutions.ts';
import type { RuntimeContest } from '../../src/contest/schema.ts';

let dist: string;
let result: Awaited<ReturnType<typeof buildContest>>;
const SEED = 'unit-test-seed';
beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'ks-contest-'));
  result = await buildContest({ root: REPO, dist, seed: SEED, teams: ['Đội 1', 'doi-2'] });
}, 120_000);

const unzip = (rel: string) => unzipSync(readFileSync(join(dist, 'contest', rel)));
const pageData = (files: Record<string, Uint8Array>) => JSON.parse(/<script type="application\/json" id="ks-contest">([\s\S]*?)<\/script>/.exec(strFromU8(files['index.html'] as Uint8Array))?.[1] ?? '{}') as RuntimeContest;

describe('contest packages', () => {
  it('one SCORM 1.2, xAPI and cmi5 zip per contest unit, each with its manifest and everything the page loads', () => {
    expect(result.catalog.map((c) => c.id).sort()).toEqual(['contest-dai-hoc', 'contest-thcs', 'contest-thpt']);
    for (const c of result.catalog) {
      for (const f of CONTEST_FORMATS) {
        const files = unzip(`${f}/${c.id}.zip`);
        const data = pageData(files);
        // Every lazy part a challenge loads is in the package; the SQLite engine only where a challenge uses it.
        const parts = [...new Set(data.challenges.flatMap((ch) => [...challengeScripts(data, ch), ...(ch.fix ? [lazyFile('runner')] : [])]))];
        expect(Object.keys(files)).toEqual(expect.arrayContaining(['index.html', 'contest.js', ...parts, { scorm12: 'imsmanifest.xml', xapi: 'tincan.xml', cmi5: 'cmi5.xml' }[f]]));
        expect(Object.keys(files).filter((n) => n.endsWith('.js')).sort()).toEqual(['contest.js', ...parts].sort());
        expect('sql-wasm.wasm' in files, `${c.id} ${f}`).toBe(data.challenges.some((ch) => ch.usesSql));
        const html = strFromU8(files['index.html'] as Uint8Array);
        // Self-contained: every src/href in the page is relative.
        for (const m of html.matchAll(/(?:src|href)="([^"]*)"/g)) expect(m[1], `${c.id} ${f}`).not.toMatch(/^(https?:)?\/\//);
        expect(pageData(files).challenges.map((ch) => ch.id)).toEqual(c.challenges);
        expect(pageData(files).seed).toBe(SEED);
      }
    }
    const manifest = strFromU8(unzip('scorm12/contest-thpt.zip')['imsmanifest.xml'] as Uint8Array);
    expect(manifest).toContain('<adlcp:masteryscore>50</adlcp:masteryscore>');
    expect(manifest).toContain('identifier="khienso.contest-thpt"');
  });

  it('the player page carries no solution sheet, reference fix or solve script', () => {
    for (const c of result.catalog) {
      const files = unzip(`scorm12/${c.id}.zip`);
      // Everything the browser may load: the page, contest.js and every lazy part.
      const text = Object.entries(files).filter(([n]) => /\.(html|js)$/.test(n)).map(([, b]) => strFromU8(b)).join('\n');
      for (const id of c.challenges) {
        const ch = result.sources.challenges.find((x) => x.text.id === id);
        expect(text).not.toContain(ch?.text.solution.vi.trim().slice(0, 60));
        const ref = SOLUTIONS[id]?.reference;
        // The most telling line of the reference fix (its longest) is not in the page.
        if (ref) expect(text).not.toContain([...ref.split('\n')].sort((x, y) => y.length - x.length)[0]?.trim());
      }
      expect(text).not.toContain('UNION SELECT name, sql FROM sqlite_master');
    }
  });

  it('contest.js carries no challenge\'s code, and the lazy parts no second copy of what the page shares', () => {
    const sources = result.sources;
    for (const c of result.catalog) {
      const files = unzip(`scorm12/${c.id}.zip`);
      const main = strFromU8(files['contest.js'] as Uint8Array);
      for (const id of c.challenges) {
        const start = sources.challenges.find((x) => x.text.id === id)?.module.start ?? '';
        const part = strFromU8(files[lazyFile(`challenge-${id}`)] as Uint8Array);
        // The simulated site's host is in the challenge's part only.
        expect(part, id).toContain(new URL(start).hostname);
        expect(main, id).not.toContain(new URL(start).hostname);
        // The simulated web (src/contest/http.ts) is read from the page, not bundled again.
        expect(part, id).not.toContain('Không tìm thấy trang. / Not found.');
        expect(part, id).toContain(`__ksLazy("challenge-${id}"`);
      }
      expect(main).toContain('Không tìm thấy trang. / Not found.');
      // The SQLite glue (sql.js) is a lazy part, not in the page's script.
      expect(main).not.toContain('instantiateWasm');
      const sqlPart = files[lazyFile('sql')];
      if (sqlPart) expect(strFromU8(sqlPart)).toContain('instantiateWasm');
    }
  });

  it('is byte-for-byte reproducible', async () => {
    const again = mkdtempSync(join(tmpdir(), 'ks-contest-'));
    await buildContest({ root: REPO, dist: again, seed: SEED });
    for (const c of result.catalog) for (const f of CONTEST_FORMATS) {
      expect(readFileSync(join(again, 'contest', f, `${c.id}.zip`)).equals(readFileSync(join(dist, 'contest', f, `${c.id}.zip`)))).toBe(true);
    }
  }, 120_000);

  it('organiser solution sheets hold every solution and reference fix, in both languages', () => {
    for (const c of result.catalog) for (const lang of ['vi', 'en'] as const) {
      const sheet = readFileSync(join(dist, 'contest/solutions', `${c.id}.${lang}.md`), 'utf8');
      for (const id of c.challenges) {
        const ch = result.sources.challenges.find((x) => x.text.id === id);
        expect(sheet).toContain(ch?.text.solution[lang].trim());
        if (SOLUTIONS[id]?.reference) expect(sheet).toContain(SOLUTIONS[id]?.reference);
      }
      expect(sheet).toContain('116/2025/QH15');
    }
  });

  it('with a team list, organisers get each team\'s flags to check on paper (the same the page accepts)', () => {
    const csv = readFileSync(join(dist, 'contest/solutions/contest-thpt-flags.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('team,challenge,flag');
    expect(csv).toContain(`"Đội 1",sqli-login,${deriveFlag(SEED, 'sqli-login', 'Đội 1')}`);
    expect(csv).toHaveLength(1 + 2 * 6);
  });
});

describe('ctfcli export (dist/contest/ctfd/<challenge>/)', () => {
  it('every challenge has a challenge.yml with name, category, value, flags and files, and passes ctfcli-style lint', () => {
    const folders = readdirSync(join(dist, 'contest/ctfd')).sort();
    expect(folders).toEqual(result.sources.challenges.map((c) => c.text.id).sort());
    for (const id of folders) {
      const dir = join(dist, 'contest/ctfd', id);
      const yml = parse(readFileSync(join(dir, 'challenge.yml'), 'utf8')) as Record<string, unknown>;
      const src = result.sources.challenges.find((c) => c.text.id === id)?.text;
      expect(yml.name).toBe(`${src?.title.vi} / ${src?.title.en}`);
      expect(yml.category).toBe(src?.ctfdCategory);
      expect(yml.value).toBe(src?.value);
      expect(yml.type).toBe('standard');
      expect(yml.flags).toEqual([{ type: 'static', content: deriveFlag(SEED, id, CTFD_PLAYER), data: 'case_insensitive' }]);
      expect(yml.hints).toEqual(src?.hints.map((h) => ({ content: `${h.text.vi}\n\n${h.text.en}`, cost: h.cost })));
      expect(yml.version).toBe('0.1');
      expect(String(yml.description)).toContain('116/2025/QH15');
      const files = (yml.files as string[]);
      expect(files.length).toBeGreaterThan(0);
      const map = new Map<string, string | Uint8Array>([['challenge.yml', readFileSync(join(dir, 'challenge.yml'), 'utf8')]]);
      for (const f of [...files, 'writeup/WRITEUP.md']) { expect(existsSync(join(dir, f)), f).toBe(true); map.set(f, new Uint8Array(readFileSync(join(dir, f)))); }
      expect(lintCtfdFolder(map)).toEqual([]);
      // The offline page plays this one challenge as the fixed CTFd player.
      const offline = unzipSync(readFileSync(join(dir, files[0] as string)));
      const data = pageData(offline);
      expect(data.challenges.map((c) => c.id)).toEqual([id]);
      expect(data.fixedPlayer).toBe(CTFD_PLAYER);
    }
  });

  it('lint catches a missing field, a missing file and a flag left in a distributed file', () => {
    const base = new Map<string, string | Uint8Array>([['challenge.yml', 'name: x\nauthor: a\ncategory: c\ndescription: d\nattribution: a\nvalue: 100\nflags: ["KS{x-000000000000}"]\nfiles: [dist/a.txt]\n'], ['dist/a.txt', 'the flag is KS{x-000000000000}']]);
    expect(lintCtfdFolder(base).join()).toContain('Potential flag found');
    base.set('challenge.yml', 'name: x\ncategory: c\nvalue: 100\nflags: ["KS{y}"]\nfiles: [dist/b.txt]\n');
    const p = lintCtfdFolder(base).join('\n');
    expect(p).toContain('missing required field: author');
    expect(p).toContain("'dist/b.txt' specified, but not found");
  });

  it('the default seed is used when the organiser sets none, and another seed gives other flags', () => {
    expect(deriveFlag(DEFAULT_SEED, 'sqli-login', CTFD_PLAYER)).not.toBe(deriveFlag(SEED, 'sqli-login', CTFD_PLAYER));
  });
});
