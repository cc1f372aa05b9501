import { createCmi5Tracker, type KeptCmi5Launch } from '../adapters/cmi5.ts';
import { forgetLaunch, readCmi5Launch, recallLaunch, rememberLaunch, stripLaunchFromAddress } from '../xapi/launch.ts';
import { bootWithLms } from './boot.ts';

/**
 * cmi5 AU entry: the launch parameters are read from the address, kept in this tab's sessionStorage (with
 * the auth token once fetched) so a reload resumes tracked without a second call of the one-time fetch URL,
 * then removed from the address bar.
 */
const kept = recallLaunch<KeptCmi5Launch>('cmi5');
const launch = readCmi5Launch(location.search) ?? kept?.launch ?? null;
stripLaunchFromAddress();
void bootWithLms((unit) => (launch ? createCmi5Tracker(unit, launch, {
  kept,
  keep: (value) => (value ? rememberLaunch('cmi5', value) : forgetLaunch('cmi5')),
}) : null));
