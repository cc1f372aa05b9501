/**
 * The sandboxed code runner. This one script plays two parts:
 * - in the runner frame (sandbox="allow-scripts", no allow-same-origin, CSP default-src 'none'), it starts a
 *   dedicated worker from its own text for each check, and terminates it when it runs out of time, so an
 *   endless loop in the learner's code never freezes the frame or the contest page;
 * - in that worker, it compiles the learner's code, calls the function once per argument list and posts
 *   back JSON results. Neither part can reach the contest page, the LMS or the network.
 */
import { hmacHex } from '../sha256.ts';

type Call = { source: string; fn: string; calls: unknown[][] };
const TIME_LIMIT_MS = 2000;

function runAll({ source, fn, calls }: Call) {
  let f = null as ((...a: unknown[]) => unknown) | null;
  let compileError = '';
  try {
    // eslint-disable-next-line no-new-func
    f = new Function('hmacHex', 'atob', 'btoa', `"use strict";\n${source}\n;return typeof ${fn} === 'function' ? ${fn} : null;`)(hmacHex, atob, btoa) as typeof f;
    if (!f) compileError = `${fn} is not defined`;
  } catch (err) {
    compileError = String((err as Error).message ?? err);
  }
  return calls.map((args) => {
    if (!f) return { ok: false, error: compileError };
    try {
      const v = f(...(JSON.parse(JSON.stringify(args)) as unknown[]));
      return { ok: true, value: v === undefined ? undefined : JSON.parse(JSON.stringify(v)) as unknown };
    } catch (err) {
      return { ok: false, error: String((err as Error).message ?? err) };
    }
  });
}

if (typeof document === 'undefined') {
  // The worker.
  addEventListener('message', (e: MessageEvent) => postMessage(runAll(e.data as Call)));
} else {
  // The frame.
  const code = document.currentScript?.textContent ?? '';
  addEventListener('message', (e: MessageEvent) => {
    const run = (e.data as { ksRun?: Call }).ksRun;
    if (!run) return;
    const reply = (results: unknown) => parent.postMessage({ ksRunDone: results }, '*');
    let worker: Worker;
    try {
      worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
    } catch (err) {
      reply(run.calls.map(() => ({ ok: false, error: `the code runner could not start: ${String(err)}` })));
      return;
    }
    const timer = setTimeout(() => {
      worker.terminate();
      reply(run.calls.map(() => ({ ok: false, error: `timed out after ${TIME_LIMIT_MS / 1000} s (endless loop?)` })));
    }, TIME_LIMIT_MS);
    worker.addEventListener('message', (m: MessageEvent) => { clearTimeout(timer); worker.terminate(); reply(m.data); });
    worker.addEventListener('error', (ev: ErrorEvent) => { clearTimeout(timer); worker.terminate(); reply(run.calls.map(() => ({ ok: false, error: ev.message || 'error' }))); });
    worker.postMessage(run);
  });
  parent.postMessage({ ksRunReady: true }, '*');
}
