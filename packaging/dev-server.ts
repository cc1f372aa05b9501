import { createServer, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { extname, join, normalize, relative, sep } from 'node:path';
import { buildUnits } from './build-units.ts';
import { CurriculumError, formatLocation, formatWarnings, type Problem } from '../src/errors/unit-error.ts';

/** What the browser is told after each build. */
export type DevEvent =
  | { type: 'built'; units: string[]; ms: number; warnings: string[] }
  | { type: 'problems'; problems: { where: string; message: string; hint?: string }[] };

export interface DevOptions {
  root: string;
  dist: string;
  unitsDir?: string;
  frameworksDir?: string;
  /** 0 picks a free port. */
  port?: number;
  log?: (line: string) => void;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.xml': 'application/xml', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png' };

/**
 * The client of the author's watch mode, served as a file (the lesson page's Content-Security-Policy allows
 * scripts from the page's own origin only, never inline). It listens to the build events: a rebuilt unit
 * reloads the page; problems are shown over the page, each with its file:line and fix.
 */
const CLIENT = `(function () {
  var box;
  function show(problems) {
    if (!box) { box = document.createElement('div'); box.id = 'ks-dev-problems'; box.setAttribute('role', 'alert');
      box.style.cssText = 'position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;z-index:99999;background:#fff4f4;color:#5c0000;border-top:4px solid #b00020;font:14px/1.4 ui-monospace,monospace;padding:12px 16px;white-space:pre-wrap';
      document.body.appendChild(box); }
    box.textContent = 'Build stopped: ' + problems.length + ' problem' + (problems.length === 1 ? '' : 's') + ' (the page shows the last good build)\\n\\n' +
      problems.map(function (p) { return p.where + '  ' + p.message + (p.hint ? '\\n    \\u2192 ' + p.hint : ''); }).join('\\n');
  }
  var es = new EventSource('/__dev/events');
  es.addEventListener('problems', function (e) { show(JSON.parse(e.data).problems); });
  es.addEventListener('built', function () { location.reload(); });
  fetch('/__dev/state').then(function (r) { return r.json(); }).then(function (s) { if (s && s.type === 'problems') show(s.problems); });
})();
`;

/** Which unit folder a changed path belongs to, or 'all' for frameworks and anything outside a unit. */
function unitOf(unitsDir: string, file: string): string | 'all' {
  const rel = relative(unitsDir, file);
  if (rel.startsWith('..') || rel === '') return 'all';
  return rel.split(sep)[0] ?? 'all';
}

/**
 * `npm run dev`: builds every unit, serves dist/ over http, watches the curriculum, rebuilds only the unit
 * whose file changed (into the existing dist), and reloads the browser; when the sources are invalid the
 * page shows every problem with file:line instead, and the last good build stays in place.
 */
export async function startDevServer(opts: DevOptions): Promise<{ url: string; close(): Promise<void>; rebuild(units: string[] | 'all'): Promise<DevEvent>; last(): DevEvent | undefined }> {
  const log = opts.log ?? (() => {});
  const unitsDir = opts.unitsDir ?? join(opts.root, 'curriculum/units');
  const frameworksDir = opts.frameworksDir ?? join(opts.root, 'curriculum/frameworks');
  const clients = new Set<ServerResponse>();
  let last: DevEvent | undefined;
  const send = (e: DevEvent) => {
    last = e;
    for (const c of clients) c.write(`event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`);
  };

  let running: Promise<DevEvent> | undefined;
  let queued: Set<string> | 'all' | undefined;
  const runBuild = async (units: string[] | 'all'): Promise<DevEvent> => {
    const t0 = performance.now();
    const hasDist = existsSync(join(opts.dist, 'catalog.json'));
    try {
      const { rows, curriculum } = await buildUnits({ root: opts.root, dist: opts.dist, unitsDir, frameworksDir, only: units === 'all' || !hasDist ? undefined : units });
      const built = [...new Set(rows.map((r) => r.unit))];
      const ev: DevEvent = { type: 'built', units: built, ms: Math.round(performance.now() - t0), warnings: curriculum.warnings.map((w) => `${formatLocation(w.location)} ${w.message}`) };
      log(`✓ rebuilt ${built.join(', ')} in ${ev.ms} ms`);
      if (curriculum.warnings.length) log(formatWarnings(curriculum.warnings));
      return ev;
    } catch (e) {
      if (!(e instanceof CurriculumError)) throw e;
      log(`✗ ${e.message}`);
      return { type: 'problems', problems: e.problems.map((p: Problem) => ({ where: formatLocation(p.location) + (p.field ? ` ${p.field}` : ''), message: p.message, hint: p.hint })) };
    }
  };
  /** Builds now, or after the running build (changes that arrive meanwhile are merged into one rebuild). */
  const rebuild = (units: string[] | 'all'): Promise<DevEvent> => {
    if (running) {
      queued = queued === 'all' || units === 'all' ? 'all' : new Set([...(queued ?? []), ...units]);
      return running.then(() => running ?? Promise.resolve(last as DevEvent));
    }
    running = runBuild(units).then((ev) => {
      send(ev);
      running = undefined;
      if (queued) {
        const next = queued;
        queued = undefined;
        void rebuild(next === 'all' ? 'all' : [...next]);
      }
      return ev;
    });
    return running;
  };

  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/__dev/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (path === '/__dev/client.js') { res.writeHead(200, { 'content-type': TYPES['.js'] as string, 'cache-control': 'no-store' }).end(CLIENT); return; }
    if (path === '/__dev/state') { res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(last ?? null)); return; }
    if (path === '/') {
      const catalog = existsSync(join(opts.dist, 'catalog.json')) ? (JSON.parse(readFileSync(join(opts.dist, 'catalog.json'), 'utf8')) as { units: { id: string; title: { vi: string } }[] }).units : [];
      const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      res.writeHead(200, { 'content-type': TYPES['.html'] as string, 'cache-control': 'no-store' }).end(`<!doctype html><html lang="vi"><meta charset="utf-8"><title>Khiên Số · dev</title><meta http-equiv="Content-Security-Policy" content="default-src 'self'"><h1>Khiên Số: units</h1><ul>${catalog.map((u) => `<li><a href="units/${esc(u.id)}/index.html">${esc(u.id)}</a>: ${esc(u.title.vi)}</li>`).join('')}</ul><script src="/__dev/client.js"></script>`);
      return;
    }
    let file = normalize(join(opts.dist, path));
    if (!file.startsWith(normalize(opts.dist))) { res.writeHead(403).end(); return; }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      let body: Buffer | string = readFileSync(file);
      if (extname(file) === '.html') body = body.toString('utf8').replace('</body>', '<script src="/__dev/client.js"></script>\n</body>');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(opts.port ?? 4321, '127.0.0.1', r));
  const addr = server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;

  await rebuild('all');
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const onChange = (dir: string) => (_event: string, name: string | Buffer | null) => {
    if (!name) return;
    const file = join(dir, name.toString());
    if (!/\.(mdx|md|ya?ml)$/.test(file)) return;
    pending.add(dir === unitsDir ? unitOf(unitsDir, file) : 'all');
    clearTimeout(timer);
    timer = setTimeout(() => {
      const set = [...pending];
      pending.clear();
      void rebuild(set.includes('all') ? 'all' : set);
    }, 120);
  };
  const watchers: FSWatcher[] = [watch(unitsDir, { recursive: true }, onChange(unitsDir)), ...(existsSync(frameworksDir) ? [watch(frameworksDir, { recursive: true }, onChange(frameworksDir))] : [])];
  log(`Serving ${url}/ — edit curriculum/units/**/*.mdx and the page reloads (Ctrl+C to stop)`);
  return {
    url,
    rebuild,
    last: () => last,
    close: async () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      for (const c of clients) c.end();
      await running;
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
