import { build, type BuildOptions } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** Where bundles are kept between runs (the usual place for tool caches; never committed). */
const CACHE_DIR = process.env.KHIENSO_CACHE ? resolve(process.env.KHIENSO_CACHE) : join(ROOT, 'node_modules/.cache/khien-so-bundles');

interface Entry { options: string; inputs: Record<string, string>; text: string }

const hashFile = (abs: string) => (existsSync(abs) ? createHash('sha1').update(readFileSync(abs)).digest('base64') : '');

/**
 * esbuild with a cache on disk: a bundle is reused while its options and the content of every file it was
 * built from (as esbuild's metafile lists them) are unchanged. A one-unit rebuild then skips bundling the
 * five runtimes, the labs and the stylesheet. Any change to a source file rebuilds that bundle.
 */
export async function cachedBundle(name: string, options: BuildOptions): Promise<string> {
  const optionsKey = JSON.stringify(options);
  const file = join(CACHE_DIR, `${name.replace(/[^a-z0-9-]/gi, '_')}.json`);
  if (process.env.KHIENSO_NO_CACHE !== '1' && existsSync(file)) {
    try {
      const entry = JSON.parse(readFileSync(file, 'utf8')) as Entry;
      if (entry.options === optionsKey && Object.entries(entry.inputs).every(([p, h]) => hashFile(resolve(ROOT, p)) === h)) return entry.text;
    } catch {
      /* unreadable cache entry: rebuild */
    }
  }
  const result = await build({ ...options, write: false, metafile: true, absWorkingDir: ROOT });
  const text = result.outputFiles?.[0]?.text ?? '';
  const inputs: Record<string, string> = {};
  for (const p of Object.keys(result.metafile?.inputs ?? {})) inputs[p] = hashFile(resolve(ROOT, p));
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ options: optionsKey, inputs, text } satisfies Entry));
    renameSync(tmp, file);
  } catch {
    /* a read-only checkout still builds, just without the cache */
  }
  return text;
}
