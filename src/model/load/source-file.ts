import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { ProblemList } from '../../errors/unit-error.ts';

/** A source file split into YAML frontmatter and body, with what is needed to point at lines. */
export interface SourceFile {
  /** Path relative to the repository root, as shown in error messages. */
  file: string;
  data: unknown;
  /** The body with the frontmatter replaced by blank lines, so body line numbers are file line numbers. */
  body: string;
  /** 1-based line of a dotted path inside the frontmatter (nearest existing parent), or undefined. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Reads a Markdown/MDX file with optional YAML frontmatter. YAML errors are added to `problems`. */
export function readSourceFile(absPath: string, file: string, problems: ProblemList): SourceFile {
  const text = readFileSync(absPath, 'utf8');
  if (text !== text.normalize('NFC')) {
    problems.add({ location: { file }, message: 'text is not NFC-normalised (decomposed Vietnamese diacritics)', hint: 'convert the file to NFC, e.g. with `node -e` and String.prototype.normalize("NFC")' });
  }
  const m = FRONTMATTER.exec(text);
  if (!m) return { file, data: {}, body: text, lineOf: () => undefined };
  const yamlText = m[1] ?? '';
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  for (const err of doc.errors) {
    const pos = err.linePos?.[0];
    problems.add({ location: { file, line: pos ? pos.line + 1 : 2, column: pos?.col }, message: `frontmatter is not valid YAML: ${err.message.split('\n')[0]}`, hint: 'check indentation and quote text that contains ":" or "#"' });
  }
  const blank = m[0].replace(/[^\n]/g, '');
  return {
    file,
    data: doc.errors.length ? {} : doc.toJS(),
    body: blank + text.slice(m[0].length),
    lineOf: (path) => yamlLine(doc, lineCounter, path),
  };
}

/** Frontmatter starts on line 2 (after the opening ---), hence the +1. */
function yamlLine(doc: Document, lc: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) return lc.linePos(node.range[0]).line + 1;
    // A missing key: point at its parent map, which is where it should be added.
  }
  return undefined;
}
