import { createSite, esc, html, page } from '../http.ts';
import { seen, type ChallengeModule, type ChallengeSolution } from '../types.ts';

const MSG = 'tin-nhan.test';
/** The five links in the message; only the third goes to the bank's real address. */
export const LINKS = [
  'http://nganhang-senvang.test@dang-nhap.xac-thuc-ngay.test/',
  'http://nganhang-senvang.test.khoa-tai-khoan.test/',
  'http://nganhang-senvang.test/uu-dai',
  'http://nganhang-sen-vang.test/',
  'http://rut-gon.test/Ab3x',
];

export const linkTricks: ChallengeModule = {
  id: 'link-tricks',
  start: `http://${MSG}/`,
  createSite: ({ flag }) => {
    const dest = (title: string, body: string) => () => html(page(title, body));
    return createSite([
      { host: MSG, routes: {
        'GET /': () => html(page('Tin nhắn', `<h1>Tin nhắn từ “NH Sen Vàng”</h1><p>Tài khoản của quý khách sắp bị khoá. Chọn một đường link để xác minh:</p><ol>${LINKS.map((l) => `<li><a href="${l}">${esc(l)}</a></li>`).join('')}</ol>
<p>Ngân hàng Sen Vàng chỉ dùng một địa chỉ: <b>nganhang-senvang.test</b>.</p><p><a href="/tra-loi">Trả lời</a></p>`)),
        'GET /tra-loi': () => html(page('Trả lời', `<form method="post" action="/tra-loi">${LINKS.map((_, i) => `<label>Tên miền thật của link ${i + 1} <input name="host${i + 1}"></label>`).join('')}<label>Link nào là của ngân hàng thật? (1–5) <input name="that"></label><button>Gửi</button></form>`)),
        'POST /tra-loi': (req) => {
          const expected = ['dang-nhap.xac-thuc-ngay.test', 'nganhang-senvang.test.khoa-tai-khoan.test', 'nganhang-senvang.test', 'nganhang-sen-vang.test', 'qua-tang.test'];
          const wrong = expected.filter((h, i) => (req.form[`host${i + 1}`] ?? '').trim().toLowerCase() !== h).length;
          if (wrong || (req.form.that ?? '').trim() !== '3') return html(page('Chưa đúng', `<p>${wrong} tên miền chưa đúng${req.form.that?.trim() === '3' ? '' : ', và link thật chưa đúng'}. Tên miền thật nằm ngay sau “http://” (và sau dấu @ nếu có), kết thúc ở dấu “/” đầu tiên; link rút gọn phải mở ra mới biết.</p>`));
          return html(page('Chính xác', `<p>Em đọc địa chỉ như chuyên gia! Cờ của em: <b>${flag}</b></p>`));
        },
      } },
      { host: 'dang-nhap.xac-thuc-ngay.test', routes: { 'GET /': dest('Đăng nhập ngân hàng', '<p>Trang giả: xin số tài khoản và mã OTP.</p>') } },
      { host: 'nganhang-senvang.test.khoa-tai-khoan.test', routes: { 'GET /': dest('Mở khoá tài khoản', '<p>Trang giả: xin mật khẩu.</p>') } },
      { host: 'nganhang-senvang.test', routes: { 'GET /uu-dai': dest('Ngân hàng Sen Vàng', '<p>Trang thật của ngân hàng. Ngân hàng không bao giờ xin mã OTP qua tin nhắn.</p>') } },
      { host: 'nganhang-sen-vang.test', routes: { 'GET /': dest('Ngân hàng Sen Vang', '<p>Trang giả: tên gần giống.</p>') } },
      { host: 'rut-gon.test', routes: { 'GET /Ab3x': () => ({ status: 302, type: 'text/plain', body: '', location: 'http://qua-tang.test/nhan-qua' }) } },
      { host: 'qua-tang.test', routes: { 'GET /nhan-qua': dest('Nhận quà', '<p>Trang giả: “trúng thưởng”, xin phí nhận quà.</p>') } },
    ]);
  },
};

/** The organiser's reference solution and a beginner's naive attempt (never bundled into the player's page). */
export const linkTricksSolution: ChallengeSolution = {
  async solve(c) {
    const hosts: Record<string, string> = {};
    for (const [i, l] of LINKS.entries()) {
      const r = await c.get(l);
      hosts[`host${i + 1}`] = new URL(r.url).hostname;
    }
    return seen(await c.post(`http://${MSG}/tra-loi`, { ...hosts, that: '3' }));
  },
  async naive(c) {
    // Reads each link from the left and stops at the first name that looks like the bank.
    const hosts = Object.fromEntries(LINKS.map((l, i) => [`host${i + 1}`, l.replace('http://', '').split(/[/@]/)[0] ?? '']));
    return seen(await c.post(`http://${MSG}/tra-loi`, { ...hosts, that: '1' }));
  },
};
