// Reading the files a teacher already has, in the browser and in tests alike (no DOM needed): delimited text
// (Moodle writes its report "CSV" as tab-separated .txt; grade exports use commas; Excel users save with ';')
// and .xlsx workbooks (unzipped with fflate, the sheet XML read directly).
import { strFromU8, unzipSync } from 'fflate';

/** A table: the first row holds the column headers. */
export type Table = string[][];

/** The delimiter of a delimited text file, guessed from its first line (outside quotes). */
export function guessDelimiter(firstLine: string): string {
  const counts = new Map<string, number>([['\t', 0], [';', 0], [',', 0]]);
  let quoted = false;
  for (const c of firstLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ',';
}

/** RFC 4180 text (quoted fields, doubled quotes, CRLF or LF), as written by PHP's fputcsv and by Excel. */
export function parseDelimited(text: string, delimiter?: string): Table {
  const body = text.replace(/^\uFEFF/, '');
  let start = 0;
  const sep = /^sep=(.)\r?\n/.exec(body);
  if (sep) start = sep[0].length;
  const d = delimiter ?? sep?.[1] ?? guessDelimiter(body.slice(start, body.indexOf('\n', start) === -1 ? undefined : body.indexOf('\n', start)));
  const rows: Table = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = start; i < body.length; i++) {
    const c = body[i] as string;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === d) { row.push(cell); cell = ''; } else if (c === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell.replace(/\r$/, '')]);
  return rows.filter((r) => r.some((v) => v.trim() !== ''));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e] ?? m));
/** Text of all <t> runs inside an XML fragment (shared strings and inline strings may be rich text). */
const runs = (xml: string) => [...xml.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)].map((m) => decode(m[1] ?? '')).join('');

/** Column index of a cell reference such as "AB12" (0-based). */
const column = (ref: string) => [...(/^[A-Z]+/.exec(ref)?.[0] ?? 'A')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** The first worksheet of an .xlsx workbook as a table (shared, inline and formula strings, numbers, booleans). */
export function readXlsx(bytes: Uint8Array): Table {
  const files = unzipSync(bytes);
  const text = (name: string) => (files[name] ? strFromU8(files[name] as Uint8Array) : '');
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  const firstId = /<(?:\w+:)?sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  const target = firstId ? new RegExp(`<Relationship\\b[^>]*Id="${firstId}"[^>]*Target="([^"]+)"|<Relationship\\b[^>]*Target="([^"]+)"[^>]*Id="${firstId}"`).exec(rels) : null;
  const sheetPath = (target?.[1] ?? target?.[2] ?? 'worksheets/sheet1.xml').replace(/^\/?(xl\/)?/, 'xl/');
  const sheet = text(sheetPath) || text('xl/worksheets/sheet1.xml');
  if (!sheet) throw new Error('no worksheet in the workbook');
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>/g)].map((m) => runs(m[1] ?? ''));
  const rows: Table = [];
  for (const rowMatch of sheet.matchAll(/<(?:\w+:)?row\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const row: string[] = [];
    for (const c of (rowMatch[1] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const attrs = c[1] ?? '';
      const inner = c[2] ?? '';
      const ref = /\br="([A-Z]+)\d+"/.exec(attrs)?.[1];
      const type = /\bt="(\w+)"/.exec(attrs)?.[1] ?? 'n';
      const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
      const value = type === 's' ? shared[Number(v)] ?? '' : type === 'inlineStr' ? runs(inner) : type === 'b' ? (v === '1' ? 'TRUE' : 'FALSE') : type === 'n' && v !== undefined && v.trim() !== '' && Number.isFinite(Number(v)) ? String(Number(v)) : decode(v ?? '');
      const at = ref ? column(ref) : row.length;
      while (row.length < at) row.push('');
      row[at] = value;
    }
    rows.push(row);
  }
  return rows.filter((r) => r.some((v) => v.trim() !== ''));
}

/** Whether bytes are a zip (an .xlsx workbook) rather than text. */
export const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
