import { build, type BuildOptions, type Plugin } from 'esbuild';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAZY_REGISTER, LAZY_SHARED, SHARED_MODULES, lazyFile } from '../../src/contest/page/lazy-names.ts';
import { BROWSER_TARGETS } from '../runtime-bundle.ts';

/** The contest page's entry per tracking standard (each uses the project's own Tracker adapter). */
export const CONTEST_ENTRIES = {
  standalone: '../../src/contest/page/entries/standalone.ts',
  scorm12: '../../src/contest/page/entries/scorm12.ts',
  xapi: '../../src/contest/page/entries/xapi.ts',
  cmi5: '../../src/contest/page/entries/cmi5.ts',
} as const;
export type ContestEntry = keyof typeof CONTEST_ENTRIES;

const src = (rel: string) => fileURLToPath(new URL(`../../src/contest/${rel}`, import.meta.url));
const OPTIONS: BuildOptions = {
  bundle: true, minify: true, format: 'iife', target: BROWSER_TARGETS, write: false, legalComments: 'none', charset: 'utf8',
  // sql.js also runs under Node; its Node-only branches are never taken in a browser.
  platform: 'browser', external: ['fs', 'path', 'crypto'],
};
/** esbuild's one output file, as text. */
const bundleText = async (options: BuildOptions) => (await build({ ...OPTIONS, ...options })).outputFiles?.[0]?.text ?? '';

const cache = new Map<string, Promise<string>>();
const cached = (key: string, make: () => Promise<string>) => {
  let p = cache.get(key);
  if (!p) { p = make(); cache.set(key, p); }
  return p;
};

/** One minified classic script per entry (no modules, no network): the page without any challenge's code. */
export function bundleContest(kind: ContestEntry): Promise<string> {
  return cached(kind, () => bundleText({ entryPoints: [fileURLToPath(new URL(CONTEST_ENTRIES[kind], import.meta.url))] }));
}

/**
 * Imports of the modules the page shares with its lazy parts (src/contest/page/lazy-names.ts SHARED_MODULES) become reads
 * of the page's global, so a part does not carry a second copy of the simulated web or the judges.
 */
const sharedFromPage: Plugin = {
  name: 'ks-contest-shared',
  setup(b) {
    const byFile = new Map(SHARED_MODULES.map((name) => [src(`${name}.ts`), name]));
    b.onResolve({ filter: /\.ts$/ }, (args) => {
      const name = args.resolveDir ? byFile.get(resolve(args.resolveDir, args.path)) : undefined;
      return name ? { path: name, namespace: 'ks-shared' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'ks-shared' }, (args) => ({ contents: `module.exports = globalThis.${LAZY_SHARED}.${args.path};`, loader: 'js' }));
  },
};

/** A lazy part built from a few lines of source that register its value (see lazy.ts). */
function bundlePart(name: string, source: string, resolveDir: string): Promise<string> {
  return cached(`part:${name}`, () => bundleText({
    plugins: [sharedFromPage],
    stdin: { contents: `${source}\nglobalThis.${LAZY_REGISTER}(${JSON.stringify(name)}, part);`, resolveDir, sourcefile: `${name}.ts`, loader: 'ts' },
  }));
}

const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_m, ch: string) => ch.toUpperCase());

/**
 * The lazy parts of a contest page, by file name (lazy/…): each challenge's code (its module is the export
 * named after its id in src/contest/challenges/<id>.ts; solutions there are not imported, so never shipped),
 * the SQLite glue and engine when a challenge uses SQL, the code runner when a challenge has a fix to check.
 */
export async function contestParts(challenges: { id: string; usesSql: boolean; fix?: unknown }[], offline: boolean, sqlWasm: Uint8Array): Promise<Map<string, string>> {
  const parts = new Map<string, string>();
  const dir = dirname(src('challenges/index.ts'));
  for (const c of challenges) {
    parts.set(lazyFile(`challenge-${c.id}`), await bundlePart(`challenge-${c.id}`, `import { ${camel(c.id)} as part } from './${c.id}.ts';`, dir));
  }
  if (challenges.some((c) => c.usesSql)) {
    // With the lessons' shim for the two 64-bit views sql.js makes at start-up, which Safari 14.1 lacks.
    parts.set(lazyFile('sql'), await bundlePart('sql', `import part from 'sql.js';\nimport { shimBigIntArrays } from '../../labs/sql/engine.ts';\nshimBigIntArrays();`, dir));
    if (offline) parts.set(lazyFile('sql-wasm'), `globalThis.${LAZY_REGISTER}("sql-wasm",${JSON.stringify(Buffer.from(sqlWasm).toString('base64'))});\n`);
  }
  if (challenges.some((c) => c.fix)) {
    const runner = await cached('runner', () => bundleText({ entryPoints: [src('page/runner-frame.ts')] }));
    parts.set(lazyFile('runner'), `globalThis.${LAZY_REGISTER}("runner",${JSON.stringify(runner)});\n`);
  }
  return parts;
}
