import type initSqlJs from 'sql.js';
import type { SqlJsStatic } from 'sql.js';
import { loadLazy } from './lazy.ts';
import type { CodeRunner, HtmlParser, RunOutput, VictimBrowser } from '../types.ts';

/** No network for anything the frames load; inline scripts only (the simulated pages' own). */
const FRAME_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; form-action 'none'";

function sandboxFrame(srcdoc: string): HTMLIFrameElement {
  const f = document.createElement('iframe');
  f.setAttribute('sandbox', 'allow-scripts');
  f.setAttribute('aria-hidden', 'true');
  f.tabIndex = -1;
  f.style.cssText = 'position:absolute;width:1px;height:1px;left:-9999px;border:0';
  f.srcdoc = srcdoc;
  return f;
}

/** Puts markup right after <head> (before the page's own scripts), or at the start. */
export function intoHead(html: string, markup: string): string {
  return /<head>/i.test(html) ? html.replace(/<head>/i, `<head>${markup}`) : markup + html;
}

/**
 * Runs the learner's code in a worker of a fresh sandboxed frame (the frame's worker has its own time
 * limit; `ms` is a safety net). The runner's script (runner-frame.ts) is a lazy part, loaded at the first check.
 */
export function frameRunner(ms = 6000): CodeRunner {
  return async (source, fn, calls) => {
    let runnerScript: string;
    try {
      runnerScript = await loadLazy<string>('runner');
    } catch (e) {
      return calls.map(() => ({ ok: false as const, error: `the code runner could not start: ${String((e as Error).message ?? e)}` }));
    }
    return runInFrame(runnerScript, source, fn, calls, ms);
  };
}

function runInFrame(runnerScript: string, source: string, fn: string, calls: unknown[][], ms: number): Promise<RunOutput[]> {
  return new Promise<RunOutput[]>((resolve) => {
    const frame = sandboxFrame(`<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; worker-src blob:"><script>${runnerScript.replace(/<\//g, '<\\/')}</script>`);
    const done = (out: RunOutput[]) => { clearTimeout(timer); removeEventListener('message', onMessage); frame.remove(); resolve(out); };
    const timer = setTimeout(() => done(calls.map(() => ({ ok: false, error: `timed out after ${ms / 1000} s (endless loop?)` }))), ms);
    const onMessage = (e: MessageEvent) => {
      if (e.source !== frame.contentWindow) return;
      const d = e.data as { ksRunReady?: boolean; ksRunDone?: RunOutput[] };
      if (d?.ksRunReady) frame.contentWindow?.postMessage({ ksRun: { source, fn, calls } }, '*');
      if (d?.ksRunDone) done(d.ksRunDone);
    };
    addEventListener('message', onMessage);
    document.body.append(frame);
  });
}

/**
 * The XSS victim: the simulated page runs in a hidden sandboxed frame with no network; document.cookie
 * holds the victim's session, and every fetch()/Image request is reported instead of sent.
 */
export function frameVictim(settleMs = 300, maxMs = 8000): VictimBrowser {
  return (pageHtml, cookie) => new Promise<string[]>((resolve) => {
    const sent: string[] = [];
    const boot = `<meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}"><script>(function(){var c=${JSON.stringify(cookie)};try{Object.defineProperty(document,'cookie',{get:function(){return c},set:function(){}})}catch(e){}
function tell(u){parent.postMessage({ksVictim:String(u)},'*')}
window.fetch=function(u){tell(u&&u.url?u.url:u);return Promise.resolve(new Response(''))};
var I=window.Image;window.Image=function(){var i=new I();Object.defineProperty(i,'src',{set:function(u){tell(u)},get:function(){return ''}});return i};
window.alert=function(){};navigator.sendBeacon=function(u){tell(u);return true};
addEventListener('load',function(){setTimeout(function(){parent.postMessage({ksVictimDone:true},'*')},${settleMs})});})()</script>`;
    const frame = sandboxFrame(intoHead(pageHtml, boot));
    // Done once the page has loaded and its scripts had a moment to run (slow school PCs: up to maxMs).
    const finish = () => { clearTimeout(timer); removeEventListener('message', onMessage); frame.remove(); resolve(sent); };
    const onMessage = (e: MessageEvent) => {
      if (e.source !== frame.contentWindow) return;
      const d = e.data as { ksVictim?: string; ksVictimDone?: boolean };
      if (typeof d?.ksVictim === 'string') sent.push(d.ksVictim);
      if (d?.ksVictimDone) finish();
    };
    const timer = setTimeout(finish, maxMs);
    addEventListener('message', onMessage);
    document.body.append(frame);
  });
}

export const domParseHtml: HtmlParser = (html) => new DOMParser().parseFromString(html, 'text/html');

let sql: Promise<SqlJsStatic> | undefined;
/**
 * The SQLite engine the project ships (sql.js), loaded the first time a challenge that uses SQL is opened:
 * its glue is the lazy part "sql"; the engine itself is sql-wasm.wasm next to the page, or, in offline pages
 * that may be opened from file:// (no fetch there), the lazy part "sql-wasm" (the engine as base64).
 */
export function browserSql(embeddedWasm: boolean): Promise<SqlJsStatic> {
  sql ??= (async () => {
    const init = await loadLazy<typeof initSqlJs>('sql');
    if (!embeddedWasm) return init({ locateFile: () => 'sql-wasm.wasm' });
    const bin = atob(await loadLazy<string>('sql-wasm'));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return init({ wasmBinary: bytes.buffer });
  })();
  sql.catch(() => { sql = undefined; });
  return sql;
}
