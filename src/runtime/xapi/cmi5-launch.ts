import type { Context } from '@xapi/xapi';
import type { Lang } from '../../model/text.ts';
import type { Cmi5Launch } from './launch.ts';
import { createLrsTransport, type LrsTransport } from './transport.ts';

/** The LMS.LaunchData state document (cmi5 §10). */
export interface Cmi5LaunchData {
  contextTemplate: Context;
  launchMode: 'Normal' | 'Browse' | 'Review';
  launchMethod?: 'AnyWindow' | 'OwnWindow';
  moveOn?: string;
  masteryScore?: number;
  returnURL?: string;
  entitlementKey?: { courseStructure?: string; alternate?: string };
  launchParameters?: string;
}

/** Why a cmi5 launch could not start; the message is shown to the learner. */
export class Cmi5LaunchError extends Error {}

/** Calls the one-time fetch URL (§8.2) and returns the auth token. */
async function fetchToken(launch: Cmi5Launch): Promise<string> {
  let body: Record<string, unknown> | null = null;
  let status = 0;
  try {
    const res = await fetch(launch.fetch, { method: 'POST' });
    status = res.status;
    body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  } catch {
    throw new Cmi5LaunchError('the learning platform could not be reached (fetch URL)');
  }
  const token = body?.['auth-token'];
  if (typeof token !== 'string' || body?.['error-code']) {
    const text = typeof body?.['error-text'] === 'string' ? (body['error-text'] as string) : `the fetch URL answered ${status}`;
    throw new Cmi5LaunchError(`cmi5 launch refused: ${text}`);
  }
  return token;
}

/**
 * The cmi5 launch sequence (§8.2): call the one-time fetch URL for the auth token (only once per launch: a
 * reload of the page passes the token this tab kept), read LMS.LaunchData, and read the learner's language
 * preference. A fetch URL that answers with an error becomes a clear Cmi5LaunchError.
 */
export async function startCmi5(launch: Cmi5Launch, keptToken?: string): Promise<{ transport: LrsTransport; token: string; launchData: Cmi5LaunchData; lang?: Lang }> {
  const token = keptToken ?? (await fetchToken(launch));
  const transport = createLrsTransport(launch.endpoint, `Basic ${token}`);
  let launchData: Cmi5LaunchData;
  try {
    const raw = await transport.getState({ agent: launch.actor, activityId: launch.activityId, stateId: 'LMS.LaunchData', registration: launch.registration });
    if (!raw) throw new Error('missing');
    launchData = JSON.parse(raw) as Cmi5LaunchData;
  } catch {
    throw new Cmi5LaunchError('the learning platform did not provide LMS.LaunchData');
  }
  let lang: Lang | undefined;
  try {
    const prefs = (await transport.getAgentProfile(launch.actor, 'cmi5LearnerPreferences')) as { languagePreference?: string } | null;
    const first = prefs?.languagePreference?.split(',')[0]?.slice(0, 2);
    if (first === 'vi' || first === 'en') lang = first;
  } catch {
    /* preferences are optional */
  }
  return { transport, token, launchData, lang };
}
