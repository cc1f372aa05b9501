import { findLmsApi } from '../../../runtime/adapters/find-api.ts';
import { createScorm12Tracker, type Scorm12Api } from '../../../runtime/adapters/scorm12.ts';
import { bootContest } from '../boot.ts';

/** SCORM 1.2 contest package: the project's SCORM 1.2 adapter; the learner id names the player's flags. */
void bootContest((unit) => {
  const api = findLmsApi<Scorm12Api>('API');
  if (!api) return null;
  return {
    tracker: createScorm12Tracker(api, { onFail: unit.onFail }),
    learnerId: () => String(api.LMSGetValue('cmi.core.student_id') ?? '') || null,
  };
});
