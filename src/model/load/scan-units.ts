import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A unit folder as seen by a quick scan: its id (from unit.mdx) and its lesson ids, without full validation. */
export interface ScannedUnit {
  folder: string;
  id?: string;
  lessons: string[];
}

const frontmatterField = (text: string, key: string): string | undefined => {
  const fm = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
  const m = fm ? new RegExp(`^${key}:[ \\t]*["']?([^"'\\s#]+)`, 'm').exec(fm) : null;
  return m?.[1];
};

/**
 * Every unit folder of the curriculum with its published id and lesson ids. Cheap (reads frontmatter lines
 * only), so even a one-unit build checks ids and links against the whole curriculum.
 */
export function scanUnits(unitsDir: string): ScannedUnit[] {
  if (!existsSync(unitsDir)) return [];
  return readdirSync(unitsDir)
    .filter((n) => !n.startsWith('.') && statSync(join(unitsDir, n)).isDirectory())
    .sort()
    .map((folder) => {
      const dir = join(unitsDir, folder);
      const unitFile = join(dir, 'unit.mdx');
      const id = existsSync(unitFile) ? frontmatterField(readFileSync(unitFile, 'utf8'), 'id') : undefined;
      const lessonsDir = join(dir, 'lessons');
      const lessons = existsSync(lessonsDir)
        ? readdirSync(lessonsDir).filter((n) => n.endsWith('.vi.mdx')).sort().flatMap((n) => {
          const lid = frontmatterField(readFileSync(join(lessonsDir, n), 'utf8'), 'id');
          return lid ? [lid] : [];
        })
        : [];
      return { folder, id, lessons };
    });
}
