import { createSite, html, page } from '../http.ts';
import { seen, type ChallengeModule, type ChallengeSolution } from '../types.ts';

const STORE = 'cho-ung-dung.test';
export const PERMISSIONS = ['may-anh', 'danh-ba', 'tin-nhan', 'vi-tri', 'micro'];

export const appPermissions: ChallengeModule = {
  id: 'app-permissions',
  start: `http://${STORE}/den-pin`,
  createSite: ({ flag }) => createSite([{ host: STORE, routes: {
    'GET /den-pin': () => html(page('Đèn Pin Siêu Sáng', `<h1>🔦 Đèn Pin Siêu Sáng</h1><p>Ứng dụng bật đèn flash của điện thoại. Khi cài, ứng dụng xin các quyền sau. Hãy chỉ cho phép quyền thật sự cần để <b>đèn vẫn bật được</b>.</p>
<form method="post" action="/cai-dat">${PERMISSIONS.map((p) => `<label><input type="checkbox" name="${p}" value="1" checked> ${p}</label>`).join('')}<button>Cài đặt</button></form>
<p>Gợi ý đọc thêm: đèn flash nằm cạnh ống kính máy ảnh.</p>`)),
    'POST /cai-dat': (req) => {
      const allowed = PERMISSIONS.filter((p) => req.form[p] === '1');
      if (!allowed.includes('may-anh')) return html(page('Đèn không bật', '<p>Đèn không bật được: ứng dụng cần quyền dùng máy ảnh (đèn flash).</p>'));
      const extra = allowed.filter((p) => p !== 'may-anh');
      if (extra.length) return html(page('Đã cài', `<p>Đèn bật được, nhưng ứng dụng vẫn đọc được: ${extra.join(', ')}. Một đèn pin không cần những quyền này.</p>`));
      return html(page('Đã cài an toàn', `<p>Đèn bật được và dữ liệu của em an toàn. Cờ của em: <b>${flag}</b></p>`));
    },
  } }]),
};

/** The organiser's reference solution and a beginner's naive attempt (never bundled into the player's page). */
export const appPermissionsSolution: ChallengeSolution = {
  async solve(c) {
    const p = await c.get(`http://${STORE}/den-pin`);
    return seen(p, await c.post(`http://${STORE}/cai-dat`, { 'may-anh': '1' }));
  },
  async naive(c) {
    // Presses "Allow" on everything, then, worried, denies everything.
    const all = await c.post(`http://${STORE}/cai-dat`, Object.fromEntries(PERMISSIONS.map((p) => [p, '1'])));
    return seen(all, await c.post(`http://${STORE}/cai-dat`, {}));
  },
};
