import { createCmi5Tracker, type KeptCmi5Launch } from '../adapters/cmi5.ts';
import { forgetLaunch, readCmi5Launch, recallLaunch, rememberLaunch, stripLaunchFromAddress } from '../xapi/launch.ts';
import { claimLivePage } from '../xapi/live-page.ts';
import { bootWithLms } from './boot.ts';

/**
 * cmi5 AU entry: the launch parameters are read from the address, kept in this tab's sessionStorage (with
 * the auth token once fetched) so a reload resumes tracked without a second call of the one-time fetch URL,
 * then removed from the address bar. A copy of a live tab ("Duplicate tab" copies sessionStorage) runs
 * untracked with a notice, so two pages never send statements in one session (live-page.ts).
 */
const fresh = readCmi5Launch(location.search);
const kept = recallLaunch<KeptCmi5Launch>('cmi5');
const launch = fresh ?? kept?.launch ?? null;
stripLaunchFromAddress();
// A new launch from the LMS takes the session over; a reload (or a copy) of a kept launch checks for a live page.
const reload = !fresh || kept?.launch.fetch === fresh.fetch;
const live = launch ? claimLivePage(`cmi5:${launch.registration}:${location.pathname}`, { force: !reload }) : null;
if (live?.duplicate) void bootWithLms(() => null, 'open-elsewhere');
else void bootWithLms((unit) => (launch ? createCmi5Tracker(unit, launch, {
  kept,
  keep: (value) => (value ? rememberLaunch('cmi5', value) : forgetLaunch('cmi5')),
}) : null));
