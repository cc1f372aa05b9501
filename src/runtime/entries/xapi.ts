import { createXapiTracker } from '../adapters/xapi.ts';
import { readTinCanLaunch, stripLaunchFromAddress } from '../xapi/launch.ts';
import { createLrsTransport } from '../xapi/transport.ts';
import { bootWithLms } from './boot.ts';

/** xAPI package entry (tincan.xml launch): credentials are read once, then removed from the address bar. */
const launch = readTinCanLaunch(location.search);
stripLaunchFromAddress();
void bootWithLms((unit) => (launch ? createXapiTracker({ unit, transport: createLrsTransport(launch.endpoint, launch.auth), actor: launch.actor, registration: launch.registration, activityId: launch.activityId }) : null));
