import { createSite, esc, html, page } from '../http.ts';
import { runQuery } from '../fixcheck.ts';
import { seen, type ChallengeModule, type ChallengeSolution, type FixCase } from '../types.ts';

const HOST = 'thuvien.thpt-leloi.test';
export const LOGIN_SEED = `CREATE TABLE nguoi_dung (id INTEGER PRIMARY KEY, ten TEXT NOT NULL, mat_khau TEXT NOT NULL, vai_tro TEXT NOT NULL);
INSERT INTO nguoi_dung (ten, mat_khau, vai_tro) VALUES ('quantri', 'Qt#9v!2026-thu-vien', 'admin'), ('lan', 'hoa-sen-tim-bien', 'hoc-sinh'), ('h''hen', 'suoi-nuoc-mat-troi', 'hoc-sinh');`;

export const VULNERABLE = `// Dựng câu truy vấn đăng nhập. Trả về { sql, params } để máy chủ chạy trên SQLite.
// Builds the login query. Returns { sql, params } for the server to run on SQLite.
function buildLoginQuery(username, password) {
  return {
    sql: "SELECT id, ten, vai_tro FROM nguoi_dung WHERE ten = '" + username + "' AND mat_khau = '" + password + "'",
    params: []
  };
}`;

const REFERENCE = `function buildLoginQuery(username, password) {
  return {
    sql: 'SELECT id, ten, vai_tro FROM nguoi_dung WHERE ten = ? AND mat_khau = ?',
    params: [username, password]
  };
}`;

const vulnerableSql = (u: string, p: string) => `SELECT id, ten, vai_tro FROM nguoi_dung WHERE ten = '${u}' AND mat_khau = '${p}'`;

const noAdmin = (u: string, p: string, vi: string, en: string): FixCase => ({
  kind: 'exploit', label: { vi, en }, args: [u, p],
  judge: (o, env) => o.ok && (runQuery(env, LOGIN_SEED, o.value) ?? [['?']]).length === 0,
});
const logsIn = (u: string, p: string, vi: string, en: string): FixCase => ({
  kind: 'normal', label: { vi, en }, args: [u, p],
  judge: (o, env) => { const rows = o.ok ? runQuery(env, LOGIN_SEED, o.value) : null; return !!rows && rows.length === 1 && rows[0]?.[1] === u; },
});

export const sqliLogin: ChallengeModule = {
  id: 'sqli-login',
  start: `http://${HOST}/dang-nhap`,
  usesSql: true,
  createSite: ({ flag, sql }) => {
    const db = new sql.Database();
    db.exec(LOGIN_SEED);
    return createSite([{ host: HOST, routes: {
      'GET /dang-nhap': () => html(page('Thư viện THPT Lê Lợi', `<h1>📚 Thư viện THPT Lê Lợi</h1><form method="post" action="/dang-nhap"><label>Tên đăng nhập <input name="ten"></label><label>Mật khẩu <input name="mat_khau" type="password"></label><button>Đăng nhập</button></form>`)),
      'POST /dang-nhap': (req) => {
        const q = vulnerableSql(req.form.ten ?? '', req.form.mat_khau ?? '');
        let row: unknown[] | undefined;
        try {
          row = db.exec(q)[0]?.values[0];
        } catch (e) {
          return html(page('Lỗi', `<p>Lỗi cơ sở dữ liệu: ${esc((e as Error).message)}</p><pre>${esc(q)}</pre>`), 500);
        }
        if (!row) return html(page('Sai', '<p>Sai tên đăng nhập hoặc mật khẩu.</p>'), 401);
        const admin = row[2] === 'admin';
        return html(page('Xin chào', `<p>Xin chào ${esc(String(row[1]))}!</p>${admin ? `<div class="box"><h2>Trang quản trị thư viện</h2><p>Khoá sao lưu: <b>${flag}</b></p></div>` : '<p>Sách em đang mượn: 2.</p>'}`));
      },
    } }]);
  },
  fix: {
    fn: 'buildLoginQuery', language: 'javascript', vulnerable: VULNERABLE,
    cases: [
      noAdmin("quantri' --", 'x', 'Chặn: quantri\' --', "Block: quantri' --"),
      noAdmin("' OR '1'='1", "' OR '1'='1", "Chặn: ' OR '1'='1", "Block: ' OR '1'='1"),
      noAdmin("x' UNION SELECT 1, 'quantri', 'admin' --", 'x', 'Chặn: UNION', 'Block: UNION'),
      logsIn('lan', 'hoa-sen-tim-bien', 'Bạn Lan đăng nhập được', 'Lan can log in'),
      logsIn("h'hen", 'suoi-nuoc-mat-troi', "Bạn H'Hen (tên có dấu nháy) đăng nhập được", "H'Hen (a name with an apostrophe) can log in"),
      { kind: 'normal', label: { vi: 'Sai mật khẩu thì không vào được', en: 'A wrong password is refused' }, args: ['lan', 'sai-mat-khau'], judge: (o, env) => o.ok && runQuery(env, LOGIN_SEED, o.value)?.length === 0 },
    ],
  },
};

/** The organiser's reference solution and a beginner's naive attempt (never bundled into the player's page). */
export const sqliLoginSolution: ChallengeSolution = {
  async solve(c) {
    return seen(await c.post(`http://${HOST}/dang-nhap`, { ten: "quantri' --", mat_khau: 'bat-ki' }));
  },
  async naive(c) {
    return seen(await c.post(`http://${HOST}/dang-nhap`, { ten: 'quantri', mat_khau: 'admin' }), await c.post(`http://${HOST}/dang-nhap`, { ten: 'quantri', mat_khau: '123456' }));
  },
  reference: REFERENCE,
};
