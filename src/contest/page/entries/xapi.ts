import { createXapiTracker } from '../../../runtime/adapters/xapi.ts';
import { readTinCanLaunch, stripLaunchFromAddress } from '../../../runtime/xapi/launch.ts';
import { createLrsTransport } from '../../../runtime/xapi/transport.ts';
import { bootContest } from '../boot.ts';
import { actorId } from './actor.ts';

/** xAPI contest package (tincan.xml launch), with the project's xAPI adapter. */
const launch = readTinCanLaunch(location.search);
stripLaunchFromAddress();
void bootContest((unit) => (launch ? {
  tracker: createXapiTracker({ unit, transport: createLrsTransport(launch.endpoint, launch.auth), actor: launch.actor, registration: launch.registration, activityId: launch.activityId }),
  learnerId: () => actorId(launch.actor),
} : null));
