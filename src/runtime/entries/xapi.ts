import { createXapiTracker } from '../adapters/xapi.ts';
import { readTinCanLaunch, recallLaunch, rememberLaunch, stripLaunchFromAddress, type TinCanLaunch } from '../xapi/launch.ts';
import { createLrsTransport } from '../xapi/transport.ts';
import { bootWithLms } from './boot.ts';

/**
 * xAPI package entry (tincan.xml launch): the launch is read from the address, kept in this tab's
 * sessionStorage so a reload resumes tracked, then removed from the address bar.
 */
const launch = readTinCanLaunch(location.search) ?? recallLaunch<TinCanLaunch>('xapi');
if (launch) rememberLaunch('xapi', launch);
stripLaunchFromAddress();
void bootWithLms((unit) => (launch ? createXapiTracker({ unit, transport: createLrsTransport(launch.endpoint, launch.auth), actor: launch.actor, registration: launch.registration, activityId: launch.activityId }) : null));
