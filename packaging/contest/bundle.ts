import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { BROWSER_TARGETS } from '../runtime-bundle.ts';

/** The contest page's entry per tracking standard (each uses the project's own Tracker adapter). */
export const CONTEST_ENTRIES = {
  standalone: '../../src/contest/page/entries/standalone.ts',
  scorm12: '../../src/contest/page/entries/scorm12.ts',
  xapi: '../../src/contest/page/entries/xapi.ts',
  cmi5: '../../src/contest/page/entries/cmi5.ts',
  runner: '../../src/contest/page/runner-frame.ts',
} as const;
export type ContestEntry = keyof typeof CONTEST_ENTRIES;

const cache = new Map<ContestEntry, Promise<string>>();

/** One minified classic script per entry (no modules, no network); sql.js's Node branches never run. */
export function bundleContest(kind: ContestEntry): Promise<string> {
  let p = cache.get(kind);
  if (!p) {
    p = build({
      entryPoints: [fileURLToPath(new URL(CONTEST_ENTRIES[kind], import.meta.url))],
      bundle: true, minify: true, format: 'iife', target: BROWSER_TARGETS, write: false, legalComments: 'none', charset: 'utf8',
      platform: 'browser', external: ['fs', 'path', 'crypto'],
    }).then((r) => r.outputFiles[0]?.text ?? '');
    cache.set(kind, p);
  }
  return p;
}
