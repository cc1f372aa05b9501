import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { ProblemList } from '../../errors/unit-error.ts';

/** A source file split into YAML frontmatter and body, with what is needed to point at lines. */
export interface SourceFile {
  /** Path relative to the repository root, as shown in error messages. */
  file: string;
  data: unknown;
  /** False when the frontmatter is not valid YAML (already reported): skip checking its fields. */
  yamlOk: boolean;
  /** The body with the frontmatter replaced by blank lines, so body line numbers are file line numbers. */
  body: string;
  /** 1-based line of a dotted path inside the frontmatter (nearest existing parent), or undefined. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/**
 * Reads a Markdown/MDX file with optional YAML frontmatter. Text is normalised to NFC on read (one warning per
 * file that needed it). YAML errors are added to `problems` at their real line, and the frontmatter is then
 * marked unusable (`yamlOk: false`) so no false "missing field" errors follow.
 */
export function readSourceFile(absPath: string, file: string, problems: ProblemList): SourceFile {
  const raw = readFileSync(absPath, 'utf8').replace(/^\uFEFF/, '');
  const text = raw.normalize('NFC');
  if (text !== raw) {
    const at = firstDifferenceLine(raw, text);
    problems.warn({ location: { file, line: at }, message: 'text was in decomposed Unicode (NFD, e.g. copied from a Mac or a PDF); it was normalised to NFC for this build', hint: 'save the file as NFC so it stays searchable, e.g. node -e "f=process.argv[1];fs.writeFileSync(f,fs.readFileSync(f,\'utf8\').normalize(\'NFC\'))" <file>' });
  }
  const m = FRONTMATTER.exec(text);
  if (!m) return { file, data: {}, yamlOk: true, body: text, lineOf: () => undefined };
  const yamlText = m[1] ?? '';
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  for (const err of doc.errors) {
    // Frontmatter starts on file line 2 (after the opening ---).
    const pos = err.pos ? lineCounter.linePos(err.pos[0]) : undefined;
    problems.add({ location: { file, line: pos ? pos.line + 1 : 2, column: pos?.col }, message: `frontmatter is not valid YAML: ${plainYamlMessage(err.code, err.message)}`, hint: 'check indentation, close every [ and {, and put text that contains ":" or "#" in quotes' });
  }
  const blank = m[0].replace(/[^\n]/g, '');
  return {
    file,
    yamlOk: doc.errors.length === 0,
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

function firstDifferenceLine(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i).split('\n').length;
}

/** The YAML library's message without its code excerpt, in plain words where we know the code. */
function plainYamlMessage(code: string, message: string): string {
  const first = (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  const plain: Record<string, string> = {
    BAD_INDENT: 'the indentation is wrong here',
    MISSING_CHAR: 'a closing bracket or quote is missing',
    DUPLICATE_KEY: 'a field is written twice',
    MULTILINE_IMPLICIT_KEY: 'a field name runs over more than one line (often a missing ":" or an unclosed quote above)',
    BLOCK_AS_IMPLICIT_KEY: 'a list or block is used where a field name should be',
    BAD_SCALAR_START: 'a value starts with a character that needs quotes',
    UNEXPECTED_TOKEN: 'unexpected character',
  };
  return plain[code] ? `${plain[code]} (${first})` : first;
}
