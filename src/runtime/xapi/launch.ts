import type { Agent } from '@xapi/xapi';

/** What an xAPI ("tincan.xml") launch passes in the query string. */
export interface TinCanLaunch {
  endpoint: string;
  auth: string;
  actor: Agent;
  registration?: string;
  activityId?: string;
}

/** What a cmi5 launch passes (cmi5 §8.1). */
export interface Cmi5Launch {
  endpoint: string;
  fetch: string;
  actor: Agent;
  registration: string;
  activityId: string;
}

/** Normalises a TinCan-style actor (arrays of mbox/name/account) to an xAPI Agent. */
function normalizeActor(raw: unknown): Agent | null {
  if (!raw || typeof raw !== 'object') return null;
  const a = raw as Record<string, unknown>;
  const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
  const account = first(a.account) as Record<string, string> | undefined;
  const agent: Record<string, unknown> = { objectType: 'Agent' };
  const name = first(a.name);
  if (typeof name === 'string') agent.name = name;
  const mbox = first(a.mbox);
  if (typeof mbox === 'string') agent.mbox = mbox.startsWith('mailto:') ? mbox : `mailto:${mbox}`;
  else if (account) agent.account = { homePage: account.homePage ?? account.accountServiceHomePage, name: account.name ?? account.accountName };
  else return null;
  return agent as unknown as Agent;
}

function params(search: string): URLSearchParams {
  return new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
}

function actorFrom(p: URLSearchParams): Agent | null {
  try {
    return normalizeActor(JSON.parse(p.get('actor') ?? 'null'));
  } catch {
    return null;
  }
}

/** Reads an xAPI launch from the address; null when this is not one. */
export function readTinCanLaunch(search: string): TinCanLaunch | null {
  const p = params(search);
  const endpoint = p.get('endpoint');
  const auth = p.get('auth');
  const actor = actorFrom(p);
  if (!endpoint || !auth || !actor) return null;
  return { endpoint, auth, actor, registration: p.get('registration') ?? undefined, activityId: p.get('activity_id') ?? undefined };
}

/** Reads a cmi5 launch from the address; null when this is not one. */
export function readCmi5Launch(search: string): Cmi5Launch | null {
  const p = params(search);
  const endpoint = p.get('endpoint');
  const fetchUrl = p.get('fetch');
  const actor = actorFrom(p);
  const registration = p.get('registration');
  const activityId = p.get('activityId');
  if (!endpoint || !fetchUrl || !actor || !registration || !activityId) return null;
  return { endpoint, fetch: fetchUrl, actor, registration, activityId };
}

/**
 * Where this tab keeps its launch so a reload (F5) resumes tracked: sessionStorage belongs to one tab and
 * dies with it, so credentials are never shared with other tabs, never written to localStorage and never
 * left in the address bar. The key names the page, so two units opened one after the other in one tab keep
 * their own launches.
 */
const launchKey = (kind: 'xapi' | 'cmi5') => `khienso:launch:${kind}:${typeof location === 'undefined' ? '' : location.pathname}`;

function tabStorage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** Keeps this tab's launch (credentials included) in sessionStorage. */
export function rememberLaunch<T>(kind: 'xapi' | 'cmi5', value: T): void {
  try {
    tabStorage()?.setItem(launchKey(kind), JSON.stringify(value));
  } catch {
    /* storage blocked: a reload then falls back to standalone, with its notice */
  }
}

/** This tab's launch kept by an earlier load of the page, or null. */
export function recallLaunch<T>(kind: 'xapi' | 'cmi5'): T | null {
  try {
    return JSON.parse(tabStorage()?.getItem(launchKey(kind)) ?? 'null') as T | null;
  } catch {
    return null;
  }
}

/** Removes this tab's launch (the session ended for good). */
export function forgetLaunch(kind: 'xapi' | 'cmi5'): void {
  try {
    tabStorage()?.removeItem(launchKey(kind));
  } catch {
    /* nothing kept */
  }
}

/**
 * Takes the launch parameters (credentials among them) out of the address bar, so they are not left in
 * history, bookmarks or screenshots. They live on only in memory and this tab's sessionStorage.
 */
export function stripLaunchFromAddress(): void {
  try {
    history.replaceState(history.state, '', location.pathname + location.hash);
  } catch {
    /* some embedded views forbid replaceState; the launch still works */
  }
}
