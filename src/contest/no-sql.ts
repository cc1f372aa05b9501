import type { SqlJsStatic } from 'sql.js';

/**
 * The SQLite engine given to a challenge that does not declare usesSql (the page does not load the engine
 * for it): any use throws, naming the challenge, so a missing declaration shows in tests, not in a contest.
 */
export function noSql(id: string): SqlJsStatic {
  return new Proxy({} as SqlJsStatic, {
    get: (_t, key) => {
      // Not a promise: awaiting it (Promise.resolve, await) must not count as a use.
      if (key === 'then') return undefined;
      throw new Error(`challenge ${id} uses SQL but does not declare usesSql`);
    },
  });
}
