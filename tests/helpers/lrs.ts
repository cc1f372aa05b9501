import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import validateStatement from '@learninglocker/xapi-validation';

/**
 * A local learning record store for end-to-end tests: stores statements, State and agent-profile
 * documents, checks every statement against xAPI 1.0.3 with Learning Locker's validation library, and
 * plays the LMS's cmi5 role (one-time fetch URL, LMS.LaunchData). It can be taken "down" to test recovery.
 */
export interface StoredStatement { id: string; verb: { id: string }; [k: string]: unknown }

/** A rule layer in front of the store (a strict cmi5 LMS): refuse a batch with a status and a reason, or null to accept. */
export type StatementGate = (list: StoredStatement[], authorization: string) => { status: number; reason: string } | null;

export async function startLrs(opts: { user?: string; pass?: string; gate?: StatementGate; extraAuth?: (authorization: string) => boolean; onFetch?: (id: string) => unknown } = {}) {
  const user = opts.user ?? 'ks-test';
  const pass = opts.pass ?? 'secret-pass-123';
  const auth = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
  const statements: StoredStatement[] = [];
  const invalid: { statement: unknown; problems: string[] }[] = [];
  const documents = new Map<string, { body: string; type: string }>();
  const fetchTokens = new Map<string, { used: boolean }>();
  const requests: { method: string; path: string; status: number; query?: string }[] = [];
  /** Batches refused by the gate, with the reason. */
  const refusals: { ids: string[]; verbs: string[]; status: number; reason: string }[] = [];
  let down = false;
  const cmi5Token = Buffer.from(`${user}-cmi5:${pass}`).toString('base64');

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://lrs');
    const body = await new Promise<string>((r) => { let b = ''; req.on('data', (c) => (b += c)); req.on('end', () => r(b)); });
    const send = (status: number, data?: unknown, type = 'application/json') => {
      requests.push({ method: req.method ?? '', path: url.pathname, status, query: url.search });
      res.writeHead(status, { 'content-type': type, 'access-control-allow-origin': '*', 'access-control-allow-headers': 'Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match', 'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS', 'access-control-expose-headers': 'ETag, X-Experience-API-Version' });
      res.end(data === undefined ? '' : typeof data === 'string' ? data : JSON.stringify(data));
    };
    if (req.method === 'OPTIONS') return send(204);
    if (url.pathname.startsWith('/lms-fetch/') && opts.onFetch) return send(200, opts.onFetch(url.pathname.slice('/lms-fetch/'.length)));
    if (url.pathname.startsWith('/cmi5/fetch/')) {
      const t = fetchTokens.get(url.pathname.slice('/cmi5/fetch/'.length));
      if (!t) return send(200, { 'error-code': '2', 'error-text': 'Unknown launch token.' });
      if (t.used) return send(200, { 'error-code': '1', 'error-text': 'The authorization token has already been returned.' });
      t.used = true;
      return send(200, { 'auth-token': cmi5Token });
    }
    if (!url.pathname.startsWith('/xapi/')) return send(404);
    if (down) return send(503, 'LRS down for maintenance', 'text/plain');
    const a = req.headers.authorization;
    if (a !== auth && a !== `Basic ${cmi5Token}` && !(a && opts.extraAuth?.(a))) return send(401, 'bad credentials', 'text/plain');
    if (!req.headers['x-experience-api-version']) return send(400, 'X-Experience-API-Version header missing', 'text/plain');
    const resource = url.pathname.slice('/xapi/'.length).replace(/\/$/, '');
    if (resource === 'statements' && (req.method === 'POST' || req.method === 'PUT')) {
      const parsed = JSON.parse(body) as unknown;
      const list = (Array.isArray(parsed) ? parsed : [parsed]) as StoredStatement[];
      for (const s of list) {
        const problems = validateStatement(s).map((w: { path?: unknown[]; typeName?: string; message?: string }) => `${(w.path ?? []).join('.')}: ${w.typeName ?? w.message}`);
        if (problems.length) invalid.push({ statement: s, problems });
      }
      if (invalid.length) return send(400, { errors: invalid.at(-1)?.problems });
      const conflicts = list.filter((s) => { const old = statements.find((x) => x.id === s.id); return old && JSON.stringify(old) !== JSON.stringify(s); });
      if (conflicts.length) return send(409, 'conflict', 'text/plain');
      const fresh = list.filter((s) => !statements.some((x) => x.id === s.id));
      const refused = opts.gate && fresh.length ? opts.gate(fresh, a ?? '') : null;
      if (refused) {
        refusals.push({ ids: list.map((s) => s.id), verbs: list.map((s) => s.verb.id.split('/').pop() as string), ...refused });
        return send(refused.status, refused.reason, 'text/plain');
      }
      for (const s of list) if (!statements.some((x) => x.id === s.id)) statements.push(s);
      return send(200, list.map((s) => s.id));
    }
    if (resource === 'statements' && req.method === 'GET') {
      const id = url.searchParams.get('statementId');
      if (id) {
        const found = statements.find((x) => x.id === id);
        return found ? send(200, found) : send(404, 'no such statement', 'text/plain');
      }
      const agent = url.searchParams.get('agent');
      const verb = url.searchParams.get('verb');
      const activity = url.searchParams.get('activity');
      const registration = url.searchParams.get('registration');
      const limit = Number(url.searchParams.get('limit') ?? 0);
      const ifi = (x: unknown) => { const o = x as { mbox?: string; account?: { homePage: string; name: string } }; return JSON.stringify(o?.mbox ?? o?.account ?? null); };
      const match = statements.filter((s) => {
        const x = s as unknown as { actor: unknown; verb: { id: string }; object: { id: string }; context?: { registration?: string } };
        return (!agent || ifi(JSON.parse(agent)) === ifi(x.actor)) && (!verb || x.verb.id === verb) && (!activity || x.object.id === activity) && (!registration || x.context?.registration === registration);
      }).reverse();
      return send(200, { statements: limit > 0 ? match.slice(0, limit) : match, more: '' });
    }
    if (resource === 'activities/state' || resource === 'agents/profile') {
      const key = [resource, url.searchParams.get('activityId'), url.searchParams.get('agent'), url.searchParams.get('registration') ?? '', url.searchParams.get('stateId') ?? url.searchParams.get('profileId')].join('|');
      if (req.method === 'GET') {
        const doc = documents.get(key);
        return doc ? send(200, doc.body, doc.type) : send(404, 'not found', 'text/plain');
      }
      if (req.method === 'PUT' || req.method === 'POST') {
        documents.set(key, { body, type: String(req.headers['content-type'] ?? 'application/octet-stream') });
        return send(204);
      }
      if (req.method === 'DELETE') { documents.delete(key); return send(204); }
    }
    return send(400, `unsupported ${req.method} ${resource}`, 'text/plain');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const base = `http://127.0.0.1:${port}`;
  return {
    endpoint: `${base}/xapi/`, auth, statements, invalid, requests, documents, refusals, base, port,
    setDown(v: boolean) { down = v; },
    /** Writes a document as the LMS would (LMS.LaunchData, learner preferences). */
    putDocument(resource: 'activities/state' | 'agents/profile', q: { activityId?: string; agent: unknown; registration?: string; id: string }, value: unknown) {
      const key = [resource, q.activityId ?? null, JSON.stringify(q.agent), q.registration ?? '', q.id].join('|');
      documents.set(key, { body: JSON.stringify(value), type: 'application/json' });
    },
    /** A new one-time cmi5 fetch URL. */
    newFetchUrl(): string {
      const id = Math.random().toString(36).slice(2);
      fetchTokens.set(id, { used: false });
      return `${base}/cmi5/fetch/${id}`;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
export type Lrs = Awaited<ReturnType<typeof startLrs>>;
