/**
 * Node implementations of the contest's environment (tests and build checks): the learner's code runs in
 * node:vm with a time limit, the XSS victim is jsdom with scripts enabled and no network, HTML is parsed
 * with jsdom. The page uses sandboxed iframes and DOMParser instead (src/contest/page/).
 */
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';
import { JSDOM } from 'jsdom';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { hmacHex } from './sha256.ts';
import type { CodeRunner, FixEnv, HtmlParser, VictimBrowser } from './types.ts';

const require = createRequire(import.meta.url);
let sql: Promise<SqlJsStatic> | undefined;
export function nodeSql(): Promise<SqlJsStatic> {
  sql ??= initSqlJs({ locateFile: () => require.resolve('sql.js/dist/sql-wasm.wasm') });
  return sql;
}

export const nodeRunner: CodeRunner = async (source, fn, calls) => {
  let timedOut = false;
  return calls.map((args) => {
  // After one call runs out of time, the rest are not run (the page's frame is discarded the same way).
  if (timedOut) return { ok: false as const, error: 'not run: an earlier call ran out of time' };
  try {
    const sandbox = { hmacHex, atob, btoa, __args: JSON.parse(JSON.stringify(args)) as unknown[] };
    const value = runInNewContext(`${source}\n;JSON.stringify(${fn}.apply(null, __args))`, sandbox, { timeout: 1000 }) as string | undefined;
    return { ok: true as const, value: value === undefined ? undefined : JSON.parse(value) as unknown };
  } catch (e) {
    const message = String((e as Error).message ?? e);
    if (/timed out/i.test(message)) timedOut = true;
    return { ok: false as const, error: message };
  }
  });
};

export const nodeParseHtml: HtmlParser = (html) => new JSDOM(html).window.document;

export const nodeVictim: VictimBrowser = async (html, cookie) => {
  const sent: string[] = [];
  const dom = new JSDOM(html, {
    runScripts: 'dangerously',
    url: 'http://victim.test/',
    beforeParse(window) {
      window.alert = () => {};
      Object.defineProperty(window.document, 'cookie', { get: () => cookie, set: () => {} });
      (window as unknown as { fetch: (u: string) => Promise<unknown> }).fetch = (u: string) => { sent.push(String(u)); return Promise.resolve({}); };
    },
  });
  await new Promise((r) => setTimeout(r, 20));
  dom.window.close();
  return sent;
};

export async function nodeFixEnv(): Promise<FixEnv> {
  return { sql: await nodeSql(), parseHtml: nodeParseHtml };
}
