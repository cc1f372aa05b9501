import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';

/** The files of a package: path inside the zip → content. */
export type PackageFiles = Map<string, string | Uint8Array>;

// 1980-01-01 00:00 as a DOS date/time: the same bytes in every time zone, so zips are reproducible.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

interface Packed { crc: number; size: number; method: 0 | 8; data: Uint8Array }

/**
 * Compressed entries by content hash. Every package of every unit carries the same player scripts, styles,
 * schema files and lab engines, so each distinct file is deflated once per build process, not once per package.
 */
const packedCache = new Map<string, Packed>();

function pack(content: string | Uint8Array): Packed {
  const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  const key = createHash('sha1').update(raw).digest('base64');
  let p = packedCache.get(key);
  if (!p) {
    const deflated = deflateRawSync(raw, { level: 6 });
    p = deflated.length < raw.length ? { crc: crc32(raw), size: raw.length, method: 8, data: deflated } : { crc: crc32(raw), size: raw.length, method: 0, data: raw };
    if (raw.length >= 1024) packedCache.set(key, p);
  }
  return p;
}

/** Zips files deterministically: sorted entries, fixed timestamps, fixed compression level. */
export function zipPackage(files: PackageFiles): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const path of [...files.keys()].sort()) {
    const name = Buffer.from(path, 'utf8');
    const p = pack(files.get(path) as string | Uint8Array);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(p.method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4); // version made by (MS-DOS, 2.0)
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(0x0800, 8);
    cen.writeUInt16LE(p.method, 10);
    cen.writeUInt16LE(DOS_TIME, 12);
    cen.writeUInt16LE(DOS_DATE, 14);
    cen.writeUInt32LE(p.crc >>> 0, 16);
    cen.writeUInt32LE(p.data.length, 20);
    cen.writeUInt32LE(p.size, 24);
    cen.writeUInt16LE(name.length, 28);
    cen.writeUInt32LE(offset, 42);
    chunks.push(local, name, Buffer.from(p.data.buffer, p.data.byteOffset, p.data.byteLength));
    central.push(cen, name);
    offset += local.length + name.length + p.data.length;
  }
  const cdSize = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.size, 8);
  end.writeUInt16LE(files.size, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, ...central, end]));
}

/** Hex SHA-256 of bytes (listed in the catalogue so teachers can check a download). */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
