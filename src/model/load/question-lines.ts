import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Unit } from '../unit.ts';

/**
 * Lines of a unit's questions in its assessment.mdx (question id → 1-based line of the element), for
 * messages that point at items after the unit was loaded. Reads the file again; build-time only.
 */
export function questionLines(root: string, unit: Unit): Map<string, number> {
  const out = new Map<string, number>();
  let text: string;
  try {
    text = readFileSync(join(root, unit.assessment.file), 'utf8');
  } catch {
    return out;
  }
  const ids = new Set(unit.assessment.questions.map((q) => q.id));
  text.split('\n').forEach((l, i) => {
    const m = /^\s*<[A-Z][A-Za-z]*\b[^>]*\bid="([^"]+)"/.exec(l);
    if (m && m[1] && ids.has(m[1]) && !out.has(m[1]) && !/^\s*<(Choice|Source|Target|Step)\b/.test(l)) out.set(m[1], i + 1);
  });
  return out;
}

/** `file:line` of a question (or just the file when the line is unknown). */
export function questionWhere(unit: Unit, lines: Map<string, number>, id: string): string {
  const l = lines.get(id);
  return l ? `${unit.assessment.file}:${l}` : unit.assessment.file;
}

/** 1-based line of the first line of a file (relative to root) that matches, or undefined. */
export function lineMatching(root: string, file: string, re: RegExp): number | undefined {
  try {
    const i = readFileSync(join(root, file), 'utf8').split('\n').findIndex((l) => re.test(l));
    return i >= 0 ? i + 1 : undefined;
  } catch {
    return undefined;
  }
}

/** A regular expression matching `s` literally. */
export const literal = (s: string) => new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
