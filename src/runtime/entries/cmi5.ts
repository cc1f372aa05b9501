import { createCmi5Tracker } from '../adapters/cmi5.ts';
import { readCmi5Launch, stripLaunchFromAddress } from '../xapi/launch.ts';
import { bootWithLms } from './boot.ts';

/** cmi5 AU entry: the launch parameters are read once, then removed from the address bar. */
const launch = readCmi5Launch(location.search);
stripLaunchFromAddress();
void bootWithLms((unit) => (launch ? createCmi5Tracker(unit, launch) : null));
