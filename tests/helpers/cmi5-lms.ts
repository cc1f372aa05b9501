import { randomUUID } from 'node:crypto';
import { startLrs, type StoredStatement } from './lrs.ts';

/**
 * A strict cmi5 LMS in front of the test LRS, following the rules of the cmi5 specification an AU depends on
 * (/work/shared/reference/cmi5/cmi5_spec.md):
 * - every launch is a new session: a `launched` statement, a new LMS.LaunchData (§10) with the session id in
 *   the context template, and a one-time fetch URL whose auth token belongs to that session only (§8.2);
 * - launching a registration whose previous session is still open abandons it (§9.3.6) and nothing more is
 *   accepted for it; after `terminated` nothing more is accepted for that session (§9.3.8, no grace period);
 * - statements need the session id and the session's own token; initialized first, no cmi5 defined verb
 *   twice in a session, at most one of passed/failed per session; at most one passed and one completed per
 *   registration and no failed after passed (§9.3); passed at or above the masteryScore, failed below it;
 *   no completed/passed/failed in Browse or Review (§10.2.2);
 * - moveOn (§10.2.5) is evaluated after every accepted statement and a `satisfied` statement is recorded once.
 * A refused batch is answered 400 (403 for a token of another session), as an LMS refuses a statement.
 */
export type MoveOn = 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed' | 'NotApplicable';
type LaunchMode = 'Normal' | 'Browse' | 'Review';

const V = (n: string) => `http://adlnet.gov/expapi/verbs/${n}`;
const ADL = (n: string) => `https://w3id.org/xapi/adl/verbs/${n}`;
const SESSION_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const CAT_CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const DEFINED = ['initialized', 'completed', 'passed', 'failed', 'terminated'];

interface Session {
  id: string;
  registration: string;
  token: string;
  mode: LaunchMode;
  masteryScore: number;
  moveOn: MoveOn;
  fetchUsed: boolean;
  initialized: boolean;
  closed: 'terminated' | 'abandoned' | null;
  verbs: string[];
}

export async function startStrictCmi5Lms(opts: { actor: unknown; activityId: string; auUrl: () => string }) {
  const sessions = new Map<string, Session>();
  const byToken = new Map<string, Session>();
  const fetchIds = new Map<string, Session>();
  const satisfied = new Set<string>();
  /** Session id of every call of a fetch URL (one per launch is allowed). */
  const fetchCalls: string[] = [];
  const lmsActor = { objectType: 'Agent', name: 'Strict cmi5 LMS', account: { homePage: 'https://lms.school.example', name: 'lms' } };
  const lrs = await startLrs({
    extraAuth: (a) => byToken.has(a.replace(/^Basic /, '')),
    gate: (list, authorization) => gate(list, authorization),
    onFetch: (id) => answerFetch(id),
  });
  const regStatements = (registration: string) => lrs.statements.filter((s) => (s as unknown as { context?: { registration?: string } }).context?.registration === registration);
  const verbName = (s: StoredStatement) => s.verb.id.split('/').pop() as string;
  const isDefined = (s: StoredStatement) => DEFINED.includes(verbName(s)) && JSON.stringify((s as unknown as { context?: { contextActivities?: { category?: unknown[] } } }).context?.contextActivities?.category ?? []).includes(CAT_CMI5);

  /** An LMS statement (launched, abandoned, satisfied), stored directly. */
  function record(session: Session, verb: string, extra: Record<string, unknown> = {}) {
    lrs.statements.push({
      id: randomUUID(), actor: opts.actor, verb: { id: verb, display: { 'en-US': verb.split('/').pop() } },
      object: { objectType: 'Activity', id: opts.activityId }, timestamp: new Date().toISOString(),
      context: { registration: session.registration, extensions: { [SESSION_EXT]: session.id }, contextActivities: { category: [{ id: CAT_CMI5 }] } },
      authority: lmsActor, ...extra,
    } as unknown as StoredStatement);
  }

  function gate(list: StoredStatement[], authorization: string): { status: number; reason: string } | null {
    const tokenSession = byToken.get(authorization.replace(/^Basic /, ''));
    // Work on a copy of the session's verb list: a batch is accepted or refused as a whole.
    const seen = new Map<string, string[]>();
    const regPassed = new Map<string, boolean>();
    const regCompleted = new Map<string, boolean>();
    for (const s of list) {
      const ctx = (s as unknown as { context?: { registration?: string; extensions?: Record<string, string> } }).context;
      const sid = ctx?.extensions?.[SESSION_EXT];
      const session = sid ? sessions.get(sid) : undefined;
      const name = verbName(s);
      if (!session) return { status: 400, reason: `statement ${s.id} (${name}) names no known session` };
      if (tokenSession && tokenSession !== session) return { status: 403, reason: `statement ${s.id} (${name}) is for session ${session.id}, not the session of this token` };
      if (session.closed) return { status: 400, reason: `session ${session.id} is ${session.closed}: ${name} refused (cmi5 §${session.closed === 'terminated' ? '9.3.8' : '9.3.6'})` };
      if (ctx?.registration !== session.registration) return { status: 400, reason: `statement ${s.id} has the wrong registration` };
      const verbs = seen.get(session.id) ?? [...session.verbs];
      seen.set(session.id, verbs);
      if (verbs.includes('terminated')) return { status: 400, reason: `${name} after terminated in session ${session.id}` };
      if (!verbs.includes('initialized') && name !== 'initialized') return { status: 400, reason: `${name} before initialized in session ${session.id}` };
      if (isDefined(s)) {
        if (verbs.includes(name)) return { status: 400, reason: `${name} twice in session ${session.id}` };
        if ((name === 'passed' || name === 'failed') && (verbs.includes('passed') || verbs.includes('failed'))) return { status: 400, reason: `passed and failed in one session ${session.id}` };
        if (['completed', 'passed', 'failed'].includes(name) && session.mode !== 'Normal') return { status: 400, reason: `${name} in ${session.mode} mode` };
        const reg = session.registration;
        const hasPassed = regPassed.get(reg) ?? regStatements(reg).some((x) => verbName(x) === 'passed' && isDefined(x));
        const hasCompleted = regCompleted.get(reg) ?? regStatements(reg).some((x) => verbName(x) === 'completed' && isDefined(x));
        if (name === 'passed' && hasPassed) return { status: 400, reason: `a second passed in registration ${reg}` };
        if (name === 'failed' && hasPassed) return { status: 400, reason: `failed after passed in registration ${reg}` };
        if (name === 'completed' && hasCompleted) return { status: 400, reason: `a second completed in registration ${reg}` };
        const scaled = (s as unknown as { result?: { score?: { scaled?: number } } }).result?.score?.scaled;
        if (name === 'passed' && typeof scaled === 'number' && scaled < session.masteryScore) return { status: 400, reason: `passed below the masteryScore` };
        if (name === 'failed' && typeof scaled === 'number' && scaled >= session.masteryScore) return { status: 400, reason: `failed at or above the masteryScore` };
        if (name === 'passed') regPassed.set(reg, true);
        if (name === 'completed') regCompleted.set(reg, true);
      }
      verbs.push(name);
    }
    // Accepted: commit the session bookkeeping, then evaluate moveOn after the LRS stores the batch.
    for (const [id, verbs] of seen) {
      const session = sessions.get(id) as Session;
      session.verbs = verbs;
      session.initialized = verbs.includes('initialized');
      if (verbs.includes('terminated')) session.closed = 'terminated';
    }
    queueMicrotask(() => { for (const id of seen.keys()) checkMoveOn(sessions.get(id) as Session); });
    return null;
  }

  /** Answers the fetch URL: the session's token once, then error 1 (§8.2.3). */
  function answerFetch(fetchId: string) {
    const session = fetchIds.get(fetchId);
    if (!session) return { 'error-code': '2', 'error-text': 'Unknown launch token.' };
    fetchCalls.push(session.id);
    if (session.fetchUsed) return { 'error-code': '1', 'error-text': 'The authorization token has already been returned.' };
    session.fetchUsed = true;
    byToken.set(session.token, session);
    return { 'auth-token': session.token };
  }

  function checkMoveOn(session: Session) {
    const reg = session.registration;
    if (satisfied.has(reg)) return;
    const mine = regStatements(reg).filter(isDefined).map(verbName);
    const passed = mine.includes('passed');
    const completed = mine.includes('completed');
    const met = { Passed: passed, Completed: completed, CompletedAndPassed: passed && completed, CompletedOrPassed: passed || completed, NotApplicable: true }[session.moveOn];
    if (!met) return;
    satisfied.add(reg);
    record(session, ADL('satisfied'));
  }

  return {
    lrs,
    sessions,
    satisfied,
    fetchCalls,
    /** Launches the AU for a registration (a new session), abandoning an open one (§9.3.6). Returns the launch URL. */
    launch(registration: string, o: { mode?: LaunchMode; masteryScore?: number; moveOn?: MoveOn; returnURL?: string } = {}) {
      for (const open of sessions.values()) {
        if (open.registration === registration && !open.closed) {
          open.closed = 'abandoned';
          record(open, ADL('abandoned'));
        }
      }
      const session: Session = { id: randomUUID(), registration, token: Buffer.from(`s-${randomUUID()}:${randomUUID()}`).toString('base64'), mode: o.mode ?? 'Normal', masteryScore: o.masteryScore ?? 0.7, moveOn: o.moveOn ?? 'CompletedAndPassed', fetchUsed: false, initialized: false, closed: null, verbs: [] };
      sessions.set(session.id, session);
      record(session, V('launched'));
      lrs.putDocument('activities/state', { activityId: opts.activityId, agent: opts.actor, registration, id: 'LMS.LaunchData' }, {
        contextTemplate: { extensions: { [SESSION_EXT]: session.id } },
        launchMode: session.mode, launchMethod: 'AnyWindow', moveOn: session.moveOn, masteryScore: session.masteryScore,
        ...(o.returnURL ? { returnURL: o.returnURL } : {}),
      });
      const fetchId = randomUUID();
      fetchIds.set(fetchId, session);
      const q = new URLSearchParams({ endpoint: lrs.endpoint, fetch: `${lrs.base}/lms-fetch/${fetchId}`, actor: JSON.stringify(opts.actor), registration, activityId: opts.activityId });
      return { url: `${opts.auUrl()}?${q}`, session };
    },
    /** cmi5 defined statements of a registration, by verb name, in the order stored. */
    definedVerbs(registration: string) {
      return regStatements(registration).filter(isDefined).map(verbName);
    },
    close: () => lrs.close(),
  };
}
export type StrictCmi5Lms = Awaited<ReturnType<typeof startStrictCmi5Lms>>;
