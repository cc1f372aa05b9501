import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { PackageFiles } from './zip.ts';

/** The official schema files of one standard, from packaging/xsd/ (copied into every package). */
export function loadXsds(folder: 'scorm12' | 'scorm2004-4th'): PackageFiles {
  const dir = fileURLToPath(new URL(`./xsd/${folder}/`, import.meta.url));
  return new Map(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}
