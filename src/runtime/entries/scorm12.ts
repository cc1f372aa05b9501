import { findLmsApi } from '../adapters/find-api.ts';
import { createScorm12Tracker, type Scorm12Api } from '../adapters/scorm12.ts';
import { bootWithLms } from './boot.ts';

/** SCORM 1.2 package entry: window.API from a parent frame or the opener. */
void bootWithLms((unit) => {
  const api = findLmsApi<Scorm12Api>('API');
  return api ? createScorm12Tracker(api, { onFail: unit.onFail, unitId: unit.id }) : null;
});
