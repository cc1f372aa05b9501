/**
 * Runs inside the sandboxed code-runner frame (sandbox="allow-scripts", no allow-same-origin, CSP
 * default-src 'none'): compiles the learner's code, calls the function once per argument list and posts
 * back JSON results. It can reach neither the contest page, the LMS, nor the network.
 */
import { hmacHex } from '../sha256.ts';

addEventListener('message', (e: MessageEvent) => {
  const d = e.data as { ksRun?: { source: string; fn: string; calls: unknown[][] } };
  if (!d?.ksRun) return;
  const { source, fn, calls } = d.ksRun;
  let f = null as ((...a: unknown[]) => unknown) | null;
  let compileError = '';
  try {
    // eslint-disable-next-line no-new-func
    f = new Function('hmacHex', 'atob', 'btoa', `"use strict";\n${source}\n;return typeof ${fn} === 'function' ? ${fn} : null;`)(hmacHex, atob, btoa) as typeof f;
    if (!f) compileError = `${fn} is not defined`;
  } catch (err) {
    compileError = String((err as Error).message ?? err);
  }
  const results = calls.map((args) => {
    if (!f) return { ok: false, error: compileError };
    try {
      const v = f(...(JSON.parse(JSON.stringify(args)) as unknown[]));
      return { ok: true, value: v === undefined ? undefined : JSON.parse(JSON.stringify(v)) as unknown };
    } catch (err) {
      return { ok: false, error: String((err as Error).message ?? err) };
    }
  });
  parent.postMessage({ ksRunDone: results }, '*');
});
parent.postMessage({ ksRunReady: true }, '*');
