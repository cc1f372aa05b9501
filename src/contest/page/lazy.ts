/**
 * The parts of the contest page loaded only when needed: each challenge's simulated site and fix-check
 * cases, the SQLite engine's glue (only challenges that use SQL), the sandboxed code runner (only when a
 * fix is checked). Each part is a classic script in lazy/ next to index.html, added with <script src>:
 * that works from file:// too (the offline play/ and CTFd pages), where browsers refuse fetch() and
 * module scripts. A part registers itself by calling the global below with its name and value.
 *
 * Parts import the modules the page already has (the simulated web, the fix-checker's judges, SHA-256)
 * from the page (lazy-names.ts SHARED_MODULES) instead of carrying their own copy: packaging/contest/bundle.ts maps those imports to it.
 */
import * as http from '../http.ts';
import * as fixcheck from '../fixcheck.ts';
import * as sha256 from '../sha256.ts';
import { LAZY_REGISTER, LAZY_SHARED, lazyFile, type SharedModule } from './lazy-names.ts';

/** The modules lazy parts share with the page (every name of SHARED_MODULES, checked by the type). */
const SHARED: Record<SharedModule, unknown> = { http, fixcheck, sha256 };

const registered = new Map<string, unknown>();
const pending = new Map<string, Promise<unknown>>();

const g = globalThis as unknown as Record<string, unknown>;
g[LAZY_SHARED] = SHARED;
g[LAZY_REGISTER] = (name: string, value: unknown) => { registered.set(name, value); };

/** Loads a lazy part once (a failed load may be retried); rejects with the file name when it cannot load. */
export function loadLazy<T>(name: string): Promise<T> {
  if (registered.has(name)) return Promise.resolve(registered.get(name) as T);
  let p = pending.get(name);
  if (!p) {
    const file = lazyFile(name);
    p = new Promise<unknown>((resolve, reject) => {
      const s = document.createElement('script');
      s.src = file;
      s.onload = () => (registered.has(name) ? resolve(registered.get(name)) : reject(new Error(`${file} loaded but did not register "${name}"`)));
      s.onerror = () => reject(new Error(`could not load ${file} (is it in the package?)`));
      document.head.append(s);
    });
    p.catch(() => pending.delete(name));
    pending.set(name, p);
  }
  return p as Promise<T>;
}
