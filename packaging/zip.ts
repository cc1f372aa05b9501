import { zipSync, strToU8, type Zippable } from 'fflate';
import { createHash } from 'node:crypto';

/** The files of a package: path inside the zip → content. */
export type PackageFiles = Map<string, string | Uint8Array>;

// A local-time Date gives the same DOS timestamp in every time zone, so zips are byte-for-byte reproducible.
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** Zips files deterministically: sorted entries, fixed timestamps, fixed compression level. */
export function zipPackage(files: PackageFiles): Uint8Array {
  const entries: Zippable = {};
  for (const path of [...files.keys()].sort()) {
    const content = files.get(path) as string | Uint8Array;
    entries[path] = [typeof content === 'string' ? strToU8(content) : content, { mtime: FIXED_TIME, level: 6 }];
  }
  return zipSync(entries);
}

/** Hex SHA-256 of bytes (listed in the catalogue so teachers can check a download). */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
