// A gzip'd ustar archive written byte-for-byte the same for the same entries: entries sorted by path, every
// directory listed before its files, fixed mtime, owner 0/0, fixed modes, gzip header without a time.
// Moodle reads .mbz files with its tgz extractor (lib/filestorage/tgz_extractor.php: POSIX ustar headers; an
// optional `.ARCHIVE_INDEX` first entry listing every path, which Moodle's own packer writes and we write too).
import { gzipSync } from 'node:zlib';

/** Moodle's packer writes this many seconds for directories ('?') and the file's time for files; we fix it. */
const MTIME = 1735689600; // 2025-01-01T00:00:00Z
const INDEX = '.ARCHIVE_INDEX';

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, dir: boolean): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`tar path longer than 100 bytes: ${name}`);
  const h = Buffer.alloc(512, 0);
  h.write(name, 0, 'utf8');
  h.write(octal(dir ? 0o755 : 0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(MTIME, 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write(dir ? '5' : '0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + ' ', 148, 'ascii');
  return h;
}

/** The .mbz bytes of `files` (path → content; paths use "/", no leading slash). */
export function tgz(files: Map<string, Uint8Array>): Uint8Array {
  const dirs = new Set<string>();
  for (const path of files.keys()) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/') + '/');
  }
  const entries = [...[...dirs].map((d) => [d, null] as const), ...[...files].map(([p, c]) => [p, c] as const)]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const index = `Moodle archive file index. Count: ${entries.length}\n` +
    entries.map(([p, c]) => (c === null ? `${p}\td\t0\t?\n` : `${p}\tf\t${c.length}\t${MTIME}\n`)).join('');
  const chunks: Buffer[] = [];
  const add = (name: string, content: Uint8Array | null) => {
    chunks.push(header(name, content?.length ?? 0, content === null));
    if (content && content.length) {
      chunks.push(Buffer.from(content.buffer, content.byteOffset, content.byteLength));
      const pad = (512 - (content.length % 512)) % 512;
      if (pad) chunks.push(Buffer.alloc(pad, 0));
    }
  };
  add(INDEX, Buffer.from(index, 'utf8'));
  for (const [p, c] of entries) add(p, c);
  chunks.push(Buffer.alloc(1024, 0));
  // Node's gzip header has mtime 0 and a fixed OS byte: the same bytes on every run.
  return new Uint8Array(gzipSync(Buffer.concat(chunks), { level: 9 }));
}
