import { findLmsApi } from '../adapters/find-api.ts';
import { createScorm2004Tracker, type Scorm2004Api } from '../adapters/scorm2004.ts';
import { bootWithLms } from './boot.ts';

/** SCORM 2004 package entry: window.API_1484_11 from a parent frame or the opener. */
void bootWithLms((unit) => {
  const api = findLmsApi<Scorm2004Api>('API_1484_11');
  return api ? createScorm2004Tracker(api, { onFail: unit.onFail, lessons: unit.lessons.length, unitId: unit.id }) : null;
});
