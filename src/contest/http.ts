/**
 * The simulated web of the contest: requests and responses as plain data, a router per fictional host,
 * and a client with a cookie jar. Nothing here opens a socket; every "host" is a function in the page.
 */
export interface SimRequest {
  method: 'GET' | 'POST';
  /** Absolute URL on a fictional host, e.g. http://thuvien.thpt-leloi.test/login */
  url: string;
  headers: Record<string, string>;
  /** Cookies sent with the request. */
  cookies: Record<string, string>;
  /** Form fields of a POST (application/x-www-form-urlencoded). */
  form: Record<string, string>;
}

export interface SimResponse {
  status: number;
  /** text/html, text/plain, application/json, text/javascript… */
  type: string;
  body: string;
  /** Cookies the response sets. */
  setCookies?: Record<string, string>;
  /** Redirect target (absolute or relative). */
  location?: string;
}

export type Handler = (req: SimRequest, url: URL) => SimResponse | Promise<SimResponse>;

/** One fictional web site: routes by method and path. */
export interface SimHost {
  host: string;
  routes: Record<string, Handler>;
}

/** A simulated site: one or more hosts. */
export interface SimSite {
  handle(req: SimRequest): Promise<SimResponse>;
  hosts: string[];
}

export const html = (body: string, status = 200, extra: Partial<SimResponse> = {}): SimResponse => ({ status, type: 'text/html', body, ...extra });
export const text = (body: string, status = 200, type = 'text/plain'): SimResponse => ({ status, type, body });
export const json = (value: unknown, status = 200): SimResponse => ({ status, type: 'application/json', body: JSON.stringify(value, null, 2) });
export const notFound = () => html(page('404', '<p>Không tìm thấy trang. / Not found.</p>'), 404);

/** Escapes text for HTML (what the vulnerable pages forget to do). */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A small page shell for the simulated sites. */
export function page(title: string, body: string, style = ''): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${esc(title)}</title><style>body{font:16px system-ui,sans-serif;margin:1rem;max-width:46rem}label{display:block;margin:.3rem 0}input,textarea,select{font:inherit}.box{border:1px solid #bbb;padding:.5rem;margin:.5rem 0;border-radius:4px}${style}</style></head><body>${body}</body></html>`;
}

/** Builds a site from hosts; unknown hosts answer like a network with no such name. */
export function createSite(hosts: SimHost[]): SimSite {
  const byHost = new Map(hosts.map((h) => [h.host, h]));
  return {
    hosts: hosts.map((h) => h.host),
    async handle(req) {
      let url: URL;
      try {
        url = new URL(req.url);
      } catch {
        return text('Địa chỉ không hợp lệ. / Invalid address.', 400);
      }
      const host = byHost.get(url.hostname);
      if (!host) return text(`Không kết nối được tới ${url.hostname}: máy chủ này không có trong bài thi (mọi máy chủ đều là mô phỏng). / ${url.hostname} is not part of this challenge.`, 502);
      const route = host.routes[`${req.method} ${url.pathname}`] ?? host.routes[`* ${url.pathname}`];
      if (!route) return notFound();
      try {
        return await route(req, url);
      } catch (e) {
        return text(`500 Internal Server Error\n${(e as Error).message}`, 500);
      }
    },
  };
}

export function parseCookies(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

export function parseForm(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(body)) out[k] = v;
  return out;
}

/** A browser-like client of a simulated site: keeps cookies per host and follows redirects. */
export interface Client {
  get(url: string, opts?: { headers?: Record<string, string>; cookies?: Record<string, string> }): Promise<SimResponse & { url: string }>;
  post(url: string, form: Record<string, string>, opts?: { headers?: Record<string, string>; cookies?: Record<string, string> }): Promise<SimResponse & { url: string }>;
  request(req: Partial<SimRequest> & { url: string }): Promise<SimResponse & { url: string }>;
  cookies(host: string): Record<string, string>;
  setCookie(host: string, name: string, value: string): void;
  /** Replaces every cookie of a host (the learner edited the cookie box). */
  replaceCookies(host: string, cookies: Record<string, string>): void;
}

export function createClient(site: SimSite): Client {
  const jar = new Map<string, Record<string, string>>();
  const hostOf = (u: string) => { try { return new URL(u).hostname; } catch { return ''; } };
  const client: Client = {
    cookies: (host) => ({ ...(jar.get(host) ?? {}) }),
    setCookie(host, name, value) { jar.set(host, { ...(jar.get(host) ?? {}), [name]: value }); },
    replaceCookies(host, cookies) { jar.set(host, { ...cookies }); },
    async request(r) {
      let req: SimRequest = { method: r.method ?? 'GET', url: r.url, headers: r.headers ?? {}, form: r.form ?? {}, cookies: { ...(jar.get(hostOf(r.url)) ?? {}), ...(r.cookies ?? {}) } };
      for (let hops = 0; hops < 5; hops++) {
        const res = await site.handle(req);
        const host = hostOf(req.url);
        if (res.setCookies) jar.set(host, { ...(jar.get(host) ?? {}), ...res.setCookies });
        if (!res.location) return { ...res, url: req.url };
        const next = new URL(res.location, req.url).href;
        req = { method: 'GET', url: next, headers: {}, form: {}, cookies: { ...(jar.get(hostOf(next)) ?? {}) } };
      }
      return { status: 508, type: 'text/plain', body: 'Too many redirects', url: req.url };
    },
    get: (url, o = {}) => client.request({ url, method: 'GET', headers: o.headers, cookies: o.cookies }),
    post: (url, form, o = {}) => client.request({ url, method: 'POST', form, headers: o.headers, cookies: o.cookies }),
  };
  return client;
}
