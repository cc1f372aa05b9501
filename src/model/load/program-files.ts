import type { Code, Root } from 'mdast';
import type { ProblemList } from '../../errors/unit-error.ts';
import type { ProgramFile } from '../unit.ts';
import { lineOf } from './mdx-ast.ts';

/**
 * Program files a lesson ships, from its own code blocks: ```python file="dang_nhap.py" is a file teachers download
 * and learners run; a later ```text output="dang_nhap.py" block is what it prints (checked by running it in the
 * tests). The code is written once, in the lesson, so the download and the page never disagree.
 */
const NAME = /^[a-z0-9_-]+\.(py|sql|js|html|txt)$/;

/** The value of `key="…"` in a code block's meta string (after the language), e.g. file or output. */
export const metaAttr = (meta: string | null | undefined, key: string): string | undefined => new RegExp(`(?:^|\\s)${key}="([^"]*)"`).exec(meta ?? '')?.[1];

export function programFiles(tree: Root, file: string, problems: ProblemList): ProgramFile[] {
  const files: ProgramFile[] = [];
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'code') {
      const code = node as unknown as Code;
      const line = lineOf(code);
      const name = metaAttr(code.meta, 'file');
      const output = metaAttr(code.meta, 'output');
      if (name !== undefined) {
        if (!NAME.test(name)) problems.add({ location: { file, line }, message: `file="${name}" is not a plain file name`, hint: 'use lower-case ASCII letters, digits, _ or - and an extension .py, .sql, .js, .html or .txt (e.g. file="dang_nhap.py")' });
        else if (files.some((f) => f.name === name)) problems.add({ location: { file, line }, message: `two code blocks are both file="${name}"`, hint: 'give each program its own file name' });
        else files.push({ name, language: code.lang ?? 'text', code: code.value.endsWith('\n') ? code.value : `${code.value}\n`, line });
      }
      if (output !== undefined) {
        const program = files.find((f) => f.name === output);
        if (!program) problems.add({ location: { file, line }, message: `output="${output}" names no program above it`, hint: `put the program first in a block with file="${output}"` });
        else program.output = code.value;
      }
    }
    for (const c of (node.children ?? []) as (typeof node)[]) visit(c);
  };
  visit(tree as unknown as { type: string; children?: unknown[] });
  return files;
}
