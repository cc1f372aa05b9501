import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { ProblemList } from '../../errors/unit-error.ts';
import { FrameworkSchema, type Framework, type FrameworkOutcome } from '../framework-schema.ts';
import { parseWithFriendlyErrors } from './validate.ts';

/** An outcome with its framework, addressed by the code units use (prefix + code). */
export interface OutcomeEntry extends FrameworkOutcome {
  /** What units write, e.g. "TH-G6-D-05" or "CSTA:1B-NI-05". */
  key: string;
  framework: string;
}

/** Loads every curriculum/frameworks/*.yaml file; returns the frameworks and an index of outcome keys. */
export function loadFrameworks(dir: string, root: string, problems: ProblemList): { frameworks: Framework[]; outcomes: Map<string, OutcomeEntry> } {
  const frameworks: Framework[] = [];
  const outcomes = new Map<string, OutcomeEntry>();
  if (!existsSync(dir)) {
    problems.add({ location: { file: relative(root, dir) }, message: 'no frameworks folder' });
    return { frameworks, outcomes };
  }
  for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const file = relative(root, join(dir, name)).split('\\').join('/');
    const lc = new LineCounter();
    const doc = parseDocument(readFileSync(join(dir, name), 'utf8'), { lineCounter: lc });
    if (doc.errors.length) {
      for (const e of doc.errors) problems.add({ location: { file, line: e.linePos?.[0]?.line }, message: `not valid YAML: ${e.message.split('\n')[0]}` });
      continue;
    }
    const lineOf = (path: readonly PropertyKey[]) => {
      for (let n = path.length; n >= 0; n--) {
        const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
        if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
      }
      return undefined;
    };
    const fw = parseWithFriendlyErrors(FrameworkSchema, doc.toJS(), { file, lineOf, problems });
    if (!fw) continue;
    frameworks.push(fw);
    fw.outcomes.forEach((o, i) => {
      const key = fw.prefix + o.code;
      if (outcomes.has(key)) problems.add({ location: { file, line: lineOf(['outcomes', i, 'code']) }, message: `duplicate outcome code "${key}"`, hint: 'codes never change once published and must be unique' });
      outcomes.set(key, { ...o, key, framework: fw.id });
    });
  }
  return { frameworks, outcomes };
}
