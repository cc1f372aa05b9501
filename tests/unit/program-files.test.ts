// Program files a lesson ships (```python file="…", issue 12: the g11 lessons described files teachers had to
// type themselves). The real ones run under Python 3 and print what the lesson says; bad markup names file:line.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCurriculum } from '../../src/model/load/load-curriculum.ts';
import { REPO, scratchCurriculum } from '../helpers/fixtures.ts';
import type { ProgramFile } from '../../src/model/unit.ts';

/** Lines compared token by token; a token with 16+ hex digits in a row is a random salt or hash and only its shape counts. */
function sameOutput(actual: string, expected: string): boolean {
  const lines = (s: string) => s.replace(/\r/g, '').trimEnd().split('\n').map((l) => l.trimEnd());
  const a = lines(actual);
  const e = lines(expected);
  if (a.length !== e.length) return false;
  const shape = (t: string) => t.replace(/[0-9a-f]{16,}/g, (m) => `<hex${m.length}>`).replace(/[0-9a-f]+(?=\.\.\.)/g, (m) => `<hex${m.length}>`);
  return a.every((line, i) => {
    const ta = line.split(/(\s+)/);
    const te = (e[i] as string).split(/(\s+)/);
    return ta.length === te.length && ta.every((t, j) => t === te[j] || (/[0-9a-f]{16,}/.test(t) && shape(t) === shape(te[j] as string)));
  });
}

function run(p: ProgramFile): { status: number | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ks-program-'));
  try {
    writeFileSync(join(dir, p.name), p.code);
    const r = spawnSync('python3', [p.name], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, PYTHONIOENCODING: 'utf-8' } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('program files shipped by lessons', () => {
  it('compares outputs token by token, letting only salts and hashes vary', () => {
    expect(sameOutput('Lần 1: 1d82e26603c89a6271121fac481126a4$1dbe9c4...\nOK\n', 'Lần 1: a71c47a414fdb14d57a8fce9a55b0e45$fd8b294...\nOK')).toBe(true);
    expect(sameOutput('True\nFalse', 'True\nTrue')).toBe(false);
    expect(sameOutput('Hai mã giống nhau? True', 'Hai mã giống nhau? False')).toBe(false);
    expect(sameOutput('a\nb', 'a')).toBe(false);
  });

  const python = spawnSync('python3', ['--version']).status === 0;
  it.skipIf(!python || !!process.env.KHIENSO_ONLY)('every real program runs under Python 3 and prints the output its lesson shows, in both languages', () => {
    const { units } = loadCurriculum({ root: REPO });
    const programs = units.flatMap((u) => u.lessons.flatMap((l) => (['vi', 'en'] as const).flatMap((lang) => l.programs[lang].map((p) => ({ where: `${l.files[lang]}:${p.line}`, p })))));
    expect(programs.map((x) => x.p.name)).toEqual(expect.arrayContaining(['kiem_tra.py', 'dang_nhap.py', 'so_luu_but.py', 'bam_scrypt.py']));
    expect(programs.filter((x) => x.p.output).length).toBeGreaterThanOrEqual(6);
    for (const { where, p } of programs) {
      const r = run(p);
      expect(r.status, `${where} ${p.name}: ${r.stderr}`).toBe(0);
      if (p.output !== undefined) expect(sameOutput(r.stdout, p.output), `${where} ${p.name} printed:\n${r.stdout}\nthe lesson shows:\n${p.output}`).toBe(true);
    }
    // The check is real: a program whose lesson shows a different output is caught.
    const wrong = programs.find((x) => x.p.output)?.p as ProgramFile;
    expect(sameOutput(run(wrong).stdout, `${wrong.output}\nextra line`)).toBe(false);
    expect(execFileSync('python3', ['-c', 'print(1)'], { encoding: 'utf8' }).trim()).toBe('1');
  });

  const lesson = (vi: string, en = vi) => {
    const c = scratchCurriculum();
    c.edit('lessons/01-risks.vi.mdx', (s) => `${s}\n${vi}\n`);
    c.edit('lessons/01-risks.en.mdx', (s) => `${s}\n${en}\n`);
    return () => loadCurriculum({ root: c.root, unitsDir: c.unitsDir, frameworksDir: c.frameworksDir });
  };
  const block = (meta: string, body = 'print(1)') => `\`\`\`python ${meta}\n${body}\n\`\`\``;

  it('loads a file and its expected output into the lesson model', () => {
    const { units } = lesson(`${block('file="xin_chao.py"', 'print("xin chào")')}\n\n\`\`\`text output="xin_chao.py"\nxin chào\n\`\`\``)();
    expect(units[0]?.lessons[0]?.programs.vi).toMatchObject([{ name: 'xin_chao.py', language: 'python', code: 'print("xin chào")\n', output: 'xin chào' }]);
  });
  it('refuses a file name that is not plain ASCII, naming file and line', () => {
    expect(lesson(block('file="bài 1.py"'))).toThrow(/lessons\/01-risks\.vi\.mdx:\d+ .*file="bài 1\.py" is not a plain file name/);
  });
  it('refuses an output block with no program above it', () => {
    expect(lesson('```text output="khong_co.py"\n1\n```')).toThrow(/01-risks\.vi\.mdx:\d+ .*output="khong_co\.py" names no program above it/);
  });
  it('refuses two programs with one name, and languages shipping different files', () => {
    expect(lesson(`${block('file="a.py"')}\n\n${block('file="a.py"')}`)).toThrow(/two code blocks are both file="a\.py"/);
    expect(lesson(block('file="a.py"'), block('file="b.py"'))).toThrow(/01-risks\.en\.mdx:\d+ .*the English lesson ships the files \[b\.py\] but the Vietnamese one \[a\.py\]/);
  });
});
