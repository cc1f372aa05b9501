import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { REPO } from './fixtures.ts';

/** Where packages are unzipped, nested as Moodle serves SCORM content. */
export const contentPath = (format: string, unitId: string) => `/moodle/pluginfile.php/42/mod_scorm/content/${format}/${unitId}/`;

/** A folder to serve: the built packages unzipped at Moodle-like nested paths, scorm-again, and the host page. */
export function prepareLmsSite(dist: string, units: string[], formats: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'ks-lms-'));
  for (const format of formats) {
    for (const unit of units) {
      const files = unzipSync(readFileSync(join(dist, 'packages', format, `${unit}.zip`)));
      for (const [name, bytes] of Object.entries(files)) {
        const target = join(root, contentPath(format, unit), name);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, bytes);
      }
    }
  }
  mkdirSync(join(root, 'vendor'), { recursive: true });
  for (const f of ['scorm12.min.js', 'scorm2004.min.js']) cpSync(join(REPO, 'node_modules/scorm-again/dist', f), join(root, 'vendor', f));
  cpSync(join(REPO, 'tests/e2e/lms'), join(root, 'lms'), { recursive: true });
  return root;
}
