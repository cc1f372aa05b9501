import initSqlJs, { type SqlJsStatic } from 'sql.js';

let engine: Promise<SqlJsStatic> | null = null;

/**
 * Loads the SQLite engine once per page: the .wasm file is downloaded once as an ArrayBuffer and handed to
 * sql.js, which then instantiates it from memory. Moodle (and many school web servers) serve .wasm as
 * application/octet-stream, where WebAssembly.instantiateStreaming fails, logs an error and makes sql.js
 * download the engine a second time; instantiating from the bytes works whatever the content type.
 * A failed load is forgotten, so the next mount tries again.
 */
export function loadSqlEngine(url = 'sql-wasm.wasm'): Promise<SqlJsStatic> {
  engine ??= fetch(url, { credentials: 'same-origin' })
    .then((res) => {
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      return res.arrayBuffer();
    })
    .then((wasmBinary) => {
      shimBigIntArrays();
      return initSqlJs({ wasmBinary });
    });
  engine.catch(() => {
    engine = null;
  });
  return engine;
}

/**
 * sql.js creates BigInt64Array/BigUint64Array views of its memory at start-up; Safari 14.1 has BigInt but not
 * these views (Safari 15). The lab's queries never read 64-bit heap values from JavaScript, so plain views
 * of the same memory let the engine start there instead of stopping with a ReferenceError. (The contest
 * page's SQLite part runs it too: packaging/contest/bundle.ts.)
 */
export function shimBigIntArrays(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  for (const name of ['BigInt64Array', 'BigUint64Array']) {
    if (typeof g[name] !== 'function') g[name] = function BigIntArrayShim(buffer: ArrayBuffer) {
      return new Float64Array(buffer);
    };
  }
}
