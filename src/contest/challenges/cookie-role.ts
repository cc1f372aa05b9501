import { createSite, esc, html, page } from '../http.ts';
import { hmacHex } from '../sha256.ts';
import { seen, type ChallengeModule, type ChallengeSolution, type FixCase } from '../types.ts';

const HOST = 'muasam.anhduong.test';
const SECRET = 'anh-duong-khoa-phien-demo';
const b64 = (s: string) => btoa(s);
const signed = (payload: object) => { const p = b64(JSON.stringify(payload)); return `${p}.${hmacHex(SECRET, p)}`; };

export const VULNERABLE = `// Đọc phiên đăng nhập từ cookie "phien" (dạng base64(JSON).chữ-kí).
// Reads the session from the "phien" cookie (base64(JSON).signature). hmacHex(key, text) is available.
function readSession(cookie, secret) {
  const payload = cookie.split('.')[0];
  return JSON.parse(atob(payload));
}`;

const REFERENCE = `function readSession(cookie, secret) {
  const parts = String(cookie).split('.');
  if (parts.length !== 2) return null;
  const [payload, sig] = parts;
  if (hmacHex(secret, payload) !== sig) return null;
  try { return JSON.parse(atob(payload)); } catch (e) { return null; }
}`;

/** What the shop's server does today: trusts the payload, never checks the signature. */
function vulnerable(cookie: string): { user?: string; role?: string } | null {
  try { return JSON.parse(atob(cookie.split('.')[0] ?? '')) as { user?: string; role?: string }; } catch { return null; }
}

const refused = (cookie: string, vi: string, en: string): FixCase => ({ kind: 'exploit', label: { vi, en }, args: [cookie, SECRET], judge: (o) => (o.ok && (o.value === null || (o.value as { role?: string }).role !== 'admin')) || !o.ok });
const guest = signed({ user: 'khach01', role: 'khach' });
const forged = b64(JSON.stringify({ user: 'khach01', role: 'admin' }));

export const cookieRole: ChallengeModule = {
  id: 'cookie-role',
  start: `http://${HOST}/`,
  createSite: ({ flag }) => createSite([{ host: HOST, routes: {
    'GET /': (req) => {
      const s = req.cookies.phien ? vulnerable(req.cookies.phien) : null;
      return html(page('Mua Sắm Ánh Dương', `<h1>🛒 Mua Sắm Ánh Dương</h1>${s ? `<p>Xin chào ${esc(String(s.user))} (${esc(String(s.role))}). <a href="/quan-tri">Trang quản trị</a></p>` : '<form method="post" action="/khach"><button>Vào xem với tư cách khách</button></form>'}`));
    },
    'POST /khach': () => ({ ...html(''), status: 303, location: '/', setCookies: { phien: guest } }),
    'GET /quan-tri': (req) => {
      const s = req.cookies.phien ? vulnerable(req.cookies.phien) : null;
      if (s?.role !== 'admin') return html(page('Cấm', '<p>403: chỉ quản trị viên được vào.</p>'), 403);
      return html(page('Quản trị', `<h1>Quản trị cửa hàng</h1><p>Mã giảm giá nội bộ: <b>${flag}</b></p>`));
    },
  } }]),
  fix: {
    fn: 'readSession', language: 'javascript', vulnerable: VULNERABLE,
    cases: [
      refused(`${forged}.${guest.split('.')[1]}`, 'Từ chối cookie sửa vai trò, giữ chữ kí cũ', 'Refuse a cookie with the role changed and the old signature'),
      refused(forged, 'Từ chối cookie không có chữ kí', 'Refuse a cookie with no signature'),
      refused(`${forged}.${'0'.repeat(64)}`, 'Từ chối chữ kí bịa', 'Refuse a made-up signature'),
      { kind: 'normal', label: { vi: 'Cookie hợp lệ của khách vẫn đọc được', en: "A guest's valid cookie still reads" }, args: [guest, SECRET], judge: (o) => o.ok && JSON.stringify(o.value) === JSON.stringify({ user: 'khach01', role: 'khach' }) },
      { kind: 'normal', label: { vi: 'Cookie hợp lệ của quản trị vẫn đọc được', en: "An admin's valid cookie still reads" }, args: [signed({ user: 'chu-shop', role: 'admin' }), SECRET], judge: (o) => o.ok && (o.value as { role?: string } | null)?.role === 'admin' },
    ],
  },
};

/** The organiser's reference solution and a beginner's naive attempt (never bundled into the player's page). */
export const cookieRoleSolution: ChallengeSolution = {
  async solve(c) {
    await c.post(`http://${HOST}/khach`, {});
    const [payload, sig] = (c.cookies(HOST).phien ?? '').split('.');
    const me = JSON.parse(atob(payload ?? '')) as Record<string, string>;
    c.setCookie(HOST, 'phien', `${b64(JSON.stringify({ ...me, role: 'admin' }))}.${sig}`);
    return seen(await c.get(`http://${HOST}/quan-tri`));
  },
  async naive(c) {
    await c.post(`http://${HOST}/khach`, {});
    return seen(await c.get(`http://${HOST}/quan-tri`), await c.get(`http://${HOST}/quan-tri?role=admin`));
  },
  reference: REFERENCE,
};
