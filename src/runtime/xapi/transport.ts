import XAPI, { type Agent, type Statement } from '@xapi/xapi';

/** An HTTP answer from the LRS that was not a success (status 0: unreachable). */
export class LrsHttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** Where statements and documents go; an interface so tests and cmi5 share one implementation. */
export interface LrsTransport {
  sendStatements(statements: Statement[]): Promise<void>;
  getState(q: StateQuery): Promise<string | null>;
  setState(q: StateQuery, value: string): Promise<void>;
  getAgentProfile(agent: Agent, profileId: string): Promise<unknown>;
  /** Whether the LRS already stores a statement with this id (GET statements?statementId=…). */
  hasStatement(id: string): Promise<boolean>;
  /** Whether the LRS stores any statement by this agent with this verb about this activity in this registration. */
  hasVerb(q: { agent: Agent; verb: string; activityId: string; registration?: string }): Promise<boolean>;
}

/**
 * LRS answers that will never change by retrying the same statement: it is malformed for this LRS, refused
 * by its rules (a cmi5 LMS refuses statements of a closed session), or the credentials are no longer valid.
 * Everything else (unreachable, 408, 429, 5xx) is retried.
 */
export function isRetryable(e: unknown): boolean {
  if (!(e instanceof LrsHttpError)) return true;
  return e.status === 0 || e.status === 408 || e.status === 429 || e.status >= 500;
}

export interface StateQuery {
  agent: Agent;
  activityId: string;
  stateId: string;
  registration?: string;
}

/** A fetch adapter for @xapi/xapi that keeps the HTTP status (its own fetch adapter drops it). */
const fetchAdapter = async ({ url, method, data, headers }: { url: string; method: string; data?: unknown; headers: Record<string, string> }) => {
  let res: Response;
  try {
    const body = data === undefined ? undefined : headers['Content-Type'] === 'application/json' ? JSON.stringify(data) : (data as BodyInit);
    // keepalive lets the last statements of a closing page still reach the LRS.
    res = await fetch(url, { method, body, headers, keepalive: method !== 'GET' && typeof body === 'string' && body.length < 60000 });
  } catch (e) {
    throw new LrsHttpError(0, `LRS unreachable: ${(e as Error).message}`);
  }
  const text = await res.text();
  if (!res.ok) throw new LrsHttpError(res.status, text.slice(0, 200));
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* documents may be plain text */
  }
  return { data: parsed, headers: Object.fromEntries(res.headers.entries()), status: res.status };
};

/** The LRS client, built on @xapi/xapi. Credentials live only in this object (memory). */
export function createLrsTransport(endpoint: string, auth: string): LrsTransport {
  const xapi = new XAPI({ endpoint, auth, adapter: fetchAdapter as never });
  return {
    async sendStatements(statements) {
      await xapi.sendStatements({ statements });
    },
    async getState(q) {
      try {
        const r = await xapi.getState({ agent: q.agent, activityId: q.activityId, stateId: q.stateId, ...(q.registration ? { registration: q.registration } : {}) });
        return typeof r.data === 'string' ? r.data : JSON.stringify(r.data);
      } catch (e) {
        if (e instanceof LrsHttpError && e.status === 404) return null;
        throw e;
      }
    },
    async setState(q, value) {
      await xapi.setState({ agent: q.agent, activityId: q.activityId, stateId: q.stateId, state: value as never, contentType: 'text/plain', ...(q.registration ? { registration: q.registration } : {}) });
    },
    async hasStatement(id) {
      try {
        await xapi.getStatement({ statementId: id });
        return true;
      } catch (e) {
        if (e instanceof LrsHttpError && e.status === 404) return false;
        throw e;
      }
    },
    async hasVerb(q) {
      const r = await xapi.getStatements({ agent: q.agent, verb: q.verb, activity: q.activityId, ...(q.registration ? { registration: q.registration } : {}), limit: 1 });
      const data = r.data as { statements?: unknown[] };
      return Array.isArray(data?.statements) && data.statements.length > 0;
    },
    async getAgentProfile(agent, profileId) {
      try {
        return (await xapi.getAgentProfile({ agent, profileId })).data;
      } catch (e) {
        if (e instanceof LrsHttpError && e.status === 404) return null;
        throw e;
      }
    },
  };
}
