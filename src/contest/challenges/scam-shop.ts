import { createSite, esc, html, page } from '../http.ts';
import { seen, type ChallengeModule, type ChallengeSolution } from '../types.ts';

const SHOP = 'sieusale-dienthoai.test';
const WHOIS = 'tra-cuu-ten-mien.test';
const REPORT = 'bao-cao-lua-dao.test';
/** The five real warning signs on the shop page (and the WHOIS record). */
export const SCAM_SIGNS = ['gia-re-bat-thuong', 'chuyen-khoan-ca-nhan', 'ten-mien-moi', 'khong-dia-chi', 'dem-nguoc'];
const DECOYS = ['co-https', 'logo-dep', 'nhieu-like'];

export const scamShop: ChallengeModule = {
  id: 'scam-shop',
  start: `http://${SHOP}/`,
  createSite: ({ flag }) => createSite([
    { host: SHOP, routes: {
      'GET /': () => html(page('SIÊU SALE ĐIỆN THOẠI', `<h1>🔥 SIÊU SALE ĐIỆN THOẠI – GIẢM 90% 🔥</h1>
<p class="box">Điện thoại PhoneX 15 Pro chính hãng: <s>29.990.000đ</s> <b>2.990.000đ</b></p>
<p>⏰ Ưu đãi kết thúc sau <b>09:59</b> phút! Chỉ còn 3 máy!</p>
<p><a href="/thanh-toan">Mua ngay</a> · <a href="/gioi-thieu">Giới thiệu</a></p>
<p>👍 12.500 lượt thích</p>`)),
      'GET /thanh-toan': () => html(page('Thanh toán', `<h1>Thanh toán</h1><p>Vui lòng chuyển khoản <b>100%</b> trước vào tài khoản <b>NGUYEN VAN T</b> (tài khoản cá nhân) để giữ máy. Không nhận thanh toán khi giao hàng.</p>`)),
      'GET /gioi-thieu': () => html(page('Giới thiệu', `<h1>Giới thiệu</h1><p>Chúng tôi là cửa hàng uy tín số 1. Liên hệ: chỉ qua tin nhắn. (Không có địa chỉ cửa hàng, không có mã số doanh nghiệp.)</p>`)),
    } },
    { host: WHOIS, routes: {
      'GET /': () => html(page('Tra cứu tên miền (mô phỏng)', `<h1>Tra cứu tên miền</h1><form action="/tra-cuu"><label>Tên miền <input name="ten_mien"></label><button>Tra cứu</button></form>`)),
      'GET /tra-cuu': (_r, url) => {
        const d = (url.searchParams.get('ten_mien') ?? '').trim().toLowerCase();
        if (d === SHOP) return html(page('Kết quả', `<pre>Tên miền: ${SHOP}\nNgày đăng kí: 3 ngày trước\nChủ thể: (ẩn)</pre>`));
        if (d === REPORT || d === WHOIS) return html(page('Kết quả', `<pre>Tên miền: ${esc(d)}\nNgày đăng kí: 9 năm trước</pre>`));
        return html(page('Kết quả', `<p>Không có dữ liệu cho ${esc(d)}.</p>`));
      },
    } },
    { host: REPORT, routes: {
      'GET /': () => html(page('Báo cáo trang lừa đảo (mô phỏng)', `<h1>Báo cáo trang lừa đảo</h1>
<p>Trang mô phỏng. Ngoài đời, em báo cho thầy cô, cha mẹ và trang chính thức như tinnhiemmang.vn hoặc canhbao.khonggianmang.vn.</p>
<form method="post" action="/gui"><label>Tên miền của trang <input name="ten_mien"></label>
${[...SCAM_SIGNS.slice(0, 2), 'co-https', ...SCAM_SIGNS.slice(2, 4), 'logo-dep', SCAM_SIGNS[4], 'nhieu-like'].map((s) => `<label><input type="checkbox" name="${s}" value="1"> ${s}</label>`).join('')}
<button>Gửi báo cáo</button></form>`)),
      'POST /gui': (req) => {
        const domain = (req.form.ten_mien ?? '').trim().toLowerCase();
        const ticked = Object.keys(req.form).filter((k) => req.form[k] === '1');
        const missing = SCAM_SIGNS.filter((s) => !ticked.includes(s)).length;
        const wrong = ticked.filter((s) => DECOYS.includes(s)).length;
        if (domain !== SHOP) return html(page('Chưa đúng', '<p>Tên miền này không phải trang cần báo cáo.</p>'));
        if (wrong) return html(page('Chưa đúng', `<p>Có ${wrong} điều em đánh dấu không phải là dấu hiệu lừa đảo.</p>`));
        if (missing) return html(page('Chưa đủ', `<p>Còn ${missing} dấu hiệu em chưa chỉ ra. Đã xem hết các trang và tra cứu tên miền chưa?</p>`));
        return html(page('Cảm ơn em', `<p>Báo cáo chính xác! Cờ của em: <b>${flag}</b></p>`));
      },
    } },
  ]),
};

/** The organiser's reference solution and a beginner's naive attempt (never bundled into the player's page). */
export const scamShopSolution: ChallengeSolution = {
  async solve(c) {
    const shop = await c.get(`http://${SHOP}/`);
    const pay = await c.get(`http://${SHOP}/thanh-toan`);
    const about = await c.get(`http://${SHOP}/gioi-thieu`);
    const whois = await c.get(`http://${WHOIS}/tra-cuu?ten_mien=${SHOP}`);
    const report = await c.post(`http://${REPORT}/gui`, { ten_mien: SHOP, ...Object.fromEntries(SCAM_SIGNS.map((s) => [s, '1'])) });
    return seen(shop, pay, about, whois, report);
  },
  async naive(c) {
    // Trusts the padlock, the logo and the likes, and never looks the domain up.
    const r = await c.post(`http://${REPORT}/gui`, { ten_mien: SHOP, 'gia-re-bat-thuong': '1', 'co-https': '1', 'nhieu-like': '1' });
    return seen(r);
  },
};
