/** The four steps of the secure-coding lab. */
export interface SqlProgress {
  /** Logged in as admin through SQL injection against the string-built query. */
  injected: boolean;
  /** Chose the parameterised query and saw the same attack fail. */
  fixed: boolean;
  /** Made injected markup run in the sandboxed comment page. */
  xss: boolean;
  /** Chose output escaping and saw the same payload shown as text. */
  escaped: boolean;
}

/** A quarter per step. */
export function gradeSql(p: SqlProgress): number {
  return [p.injected, p.fixed, p.xss, p.escaped].filter(Boolean).length / 4;
}

export function encodeSql(p: SqlProgress): string {
  return `i${+p.injected}f${+p.fixed}x${+p.xss}e${+p.escaped}`;
}

export function decodeSql(detail: string): SqlProgress {
  const m = /^i([01])f([01])x([01])e([01])$/.exec(detail);
  return { injected: m?.[1] === '1', fixed: m?.[2] === '1', xss: m?.[3] === '1', escaped: m?.[4] === '1' };
}

/** The vulnerable query: user input pasted into the SQL text (what the lab teaches never to do). */
export function concatenatedLogin(username: string, password: string): string {
  return `SELECT id, username, role FROM users WHERE username = '${username}' AND password = '${password}'`;
}

/** The safe query: placeholders, with the input passed separately as parameters. */
export const PARAMETERISED_LOGIN = 'SELECT id, username, role FROM users WHERE username = ? AND password = ?';

/** The practice database: invented accounts, created fresh in the browser's memory. */
export const SEED_SQL = `CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL, password TEXT NOT NULL, role TEXT NOT NULL);
INSERT INTO users (username, password, role) VALUES ('admin', 'Xk9#mQ2!vL7@wR4', 'admin'), ('lan', 'hoa-sen-tim-bien', 'student'), ('minh', 'trau-mua-gio-xanh', 'student');`;
