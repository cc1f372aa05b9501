/**
 * Finds the LMS's SCORM API object the way the standards describe: this window, then up the parent
 * frames, then the opener window and its parents (SCORM 1.2 RTE 3.3.6.1; SCORM 2004 RTE 3.1.2.1).
 */
export function findLmsApi<T>(name: 'API' | 'API_1484_11', start: Window = window): T | null {
  const search = (win: Window | null): T | null => {
    for (let w = win, depth = 0; w && depth < 10; depth++) {
      try {
        const api = (w as unknown as Record<string, unknown>)[name];
        if (api && typeof api === 'object') return api as T;
      } catch {
        /* a cross-origin frame: keep climbing */
      }
      if (w.parent === w) break;
      w = w.parent;
    }
    return null;
  };
  let opener: Window | null = null;
  try {
    opener = start.opener as Window | null;
  } catch {
    opener = null;
  }
  return search(start) ?? search(opener);
}
