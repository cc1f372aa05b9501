import { createCmi5Tracker } from '../../../runtime/adapters/cmi5.ts';
import { readCmi5Launch, stripLaunchFromAddress } from '../../../runtime/xapi/launch.ts';
import { bootContest } from '../boot.ts';
import { actorId } from './actor.ts';

/** cmi5 contest AU, with the project's cmi5 adapter. */
const launch = readCmi5Launch(location.search);
stripLaunchFromAddress();
void bootContest((unit) => (launch ? { tracker: createCmi5Tracker(unit, launch), learnerId: () => actorId(launch.actor) } : null));
