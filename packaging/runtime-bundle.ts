import { cachedBundle } from './bundle-cache.ts';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { SANDBOX_FILE, SANDBOX_HTML } from '../src/labs/sql/sandbox.ts';

/** Browsers old school PCs and the Moodle app still run. */
// Safari 14.0 has a destructuring bug esbuild cannot transpile around; 14.1 ships on the same OS versions.
export const BROWSER_TARGETS = ['chrome109', 'edge109', 'firefox115', 'safari14.1'];

/** The runtime entry points, one per tracking standard, so a package only carries its own adapter. */
export const RUNTIME_ENTRIES = {
  standalone: '../src/runtime/entries/standalone.ts',
  scorm12: '../src/runtime/entries/scorm12.ts',
  scorm2004: '../src/runtime/entries/scorm2004.ts',
  xapi: '../src/runtime/entries/xapi.ts',
  cmi5: '../src/runtime/entries/cmi5.ts',
} as const;
export type RuntimeKind = keyof typeof RUNTIME_ENTRIES;

const cache = new Map<string, Promise<string>>();

/** One script per lab kind (src/labs/<kind>/entry.ts), shipped only in units that use that lab. */
export function bundleLab(kind: string): Promise<string> {
  const key = `lab:${kind}`;
  let p = cache.get(key);
  if (!p) {
    p = cachedBundle(`lab-${kind}`, {
      entryPoints: [fileURLToPath(new URL(`../src/labs/${kind}/entry.ts`, import.meta.url))],
      bundle: true, minify: true, format: 'iife', target: BROWSER_TARGETS, write: false, legalComments: 'none', charset: 'utf8',
      // sql.js also runs under Node; its Node-only branches are never taken in a browser.
      platform: 'browser', external: ['fs', 'path', 'crypto'],
    });
    cache.set(key, p);
  }
  return p;
}

/** Bundles and minifies one runtime entry to a single classic script (no modules, no network). */
export function bundleRuntime(kind: RuntimeKind): Promise<string> {
  let p = cache.get(kind);
  if (!p) {
    p = cachedBundle(`runtime-${kind}`, {
      entryPoints: [fileURLToPath(new URL(RUNTIME_ENTRIES[kind], import.meta.url))],
      bundle: true, minify: true, format: 'iife', target: BROWSER_TARGETS, write: false, legalComments: 'none', charset: 'utf8',
    });
    cache.set(kind, p);
  }
  return p;
}

/** The player stylesheet, minified. */
export function bundleCss(): Promise<string> {
  let p = cache.get('css');
  if (!p) {
    p = cachedBundle('player-css', { entryPoints: [fileURLToPath(new URL('../src/runtime/ui/player.css', import.meta.url))], bundle: true, minify: true, target: BROWSER_TARGETS, write: false, charset: 'utf8' });
    cache.set('css', p);
  }
  return p;
}

/** Binary files a lab needs next to its script (the SQLite engine of the secure-coding lab). */
export const LAB_ASSETS: Record<string, { name: string; from: string }[]> = {
  sql: [{ name: 'sql-wasm.wasm', from: '../node_modules/sql.js/dist/sql-wasm.wasm' }],
};

/** Pages a lab opens in a frame, written next to the lesson page (see src/labs/sql/sandbox.ts). */
export const LAB_PAGES: Record<string, { name: string; text: string }[]> = {
  sql: [{ name: SANDBOX_FILE, text: SANDBOX_HTML }],
};

const assetCache = new Map<string, { name: string; bytes: Uint8Array }[]>();

/** Reads a lab's binary assets (once per process). */
export function labAssets(kind: string): { name: string; bytes: Uint8Array }[] {
  let assets = assetCache.get(kind);
  if (!assets) {
    assets = (LAB_ASSETS[kind] ?? []).map((a) => ({ name: a.name, bytes: new Uint8Array(readFileSync(fileURLToPath(new URL(a.from, import.meta.url)))) }));
    for (const page of LAB_PAGES[kind] ?? []) assets.push({ name: page.name, bytes: new TextEncoder().encode(page.text) });
    assetCache.set(kind, assets);
  }
  return assets;
}
