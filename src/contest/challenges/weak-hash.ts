import { createSite, html, page, text } from '../http.ts';
import { sha256Hex } from '../sha256.ts';
import { seen, type ChallengeModule, type ChallengeSolution } from '../types.ts';

const HOST = 'clb-tinhoc.dh-phuongnam.test';
const TOOLS = 'cong-cu.test';
/** A short list of passwords people really choose (the kind attackers try first). */
export const COMMON = ['123456', 'matkhau', '12345678', 'iloveyou', 'anhyeuem', 'matkhau123', 'qwerty', 'abc123', 'hanoi2024', 'sinhvien1', 'password', '11111111', 'admin123', 'vietnam1'];
const ADMIN_PASSWORD = 'sinhvien1';
const USERS = [['admin', ADMIN_PASSWORD], ['thuy.le', 'Bien-xanh-buoi-som-7'], ['khoa.tran', 'may-troi-ve-que-noi']] as const;

export const weakHash: ChallengeModule = {
  id: 'weak-hash',
  start: `http://${HOST}/`,
  createSite: ({ flag }) => createSite([
    { host: HOST, routes: {
      'GET /': () => html(page('CLB Tin học', `<h1>CLB Tin học – ĐH Phương Nam</h1><form method="post" action="/dang-nhap"><label>Tài khoản <input name="tk"></label><label>Mật khẩu <input name="mk" type="password"></label><button>Đăng nhập</button></form>`)),
      'GET /robots.txt': () => text('User-agent: *\nDisallow: /sao-luu/\n'),
      'GET /sao-luu/': () => html(page('Index of /sao-luu/', '<a href="/sao-luu/nguoi-dung.csv">nguoi-dung.csv</a>')),
      'GET /sao-luu/nguoi-dung.csv': () => text(`tai_khoan,sha256_mat_khau\n${USERS.map(([u, p]) => `${u},${sha256Hex(p)}`).join('\n')}\n`, 200, 'text/csv'),
      'POST /dang-nhap': (req) => {
        const u = USERS.find(([name]) => name === req.form.tk);
        if (!u || u[1] !== req.form.mk) return html(page('Sai', '<p>Sai tài khoản hoặc mật khẩu.</p>'), 401);
        return html(page('Xin chào', `<p>Xin chào ${u[0]}.</p>${u[0] === 'admin' ? `<p class="box">Bảng điều khiển CLB. Mã bàn giao: <b>${flag}</b></p>` : ''}`));
      },
    } },
    { host: TOOLS, routes: {
      'GET /': () => html(page('Công cụ (mô phỏng)', `<form action="/bam"><label>Chuỗi <input name="chuoi"></label><button>Tính SHA-256</button></form><p><a href="/pho-bien.txt">Danh sách mật khẩu phổ biến</a></p>`)),
      'GET /bam': (_r, url) => text(sha256Hex(url.searchParams.get('chuoi') ?? '')),
      'GET /pho-bien.txt': () => text(COMMON.join('\n') + '\n'),
    } },
  ]),
};

/** The organiser's reference solution and a beginner's naive attempt (never bundled into the player's page). */
export const weakHashSolution: ChallengeSolution = {
  async solve(c) {
    const robots = await c.get(`http://${HOST}/robots.txt`);
    const csv = await c.get(`http://${HOST}/sao-luu/nguoi-dung.csv`);
    const adminHash = /^admin,([0-9a-f]{64})$/m.exec(csv.body)?.[1];
    const words = (await c.get(`http://${TOOLS}/pho-bien.txt`)).body.split('\n').filter(Boolean);
    let found = '';
    for (const w of words) if ((await c.get(`http://${TOOLS}/bam?chuoi=${encodeURIComponent(w)}`)).body === adminHash) found = w;
    return seen(robots, csv, await c.post(`http://${HOST}/dang-nhap`, { tk: 'admin', mk: found }));
  },
  async naive(c) {
    const csv = await c.get(`http://${HOST}/sao-luu/nguoi-dung.csv`);
    const adminHash = /^admin,([0-9a-f]{64})$/m.exec(csv.body)?.[1] ?? '';
    // "Pass the hash" into a login form that expects the password, then the classic guesses.
    return seen(await c.post(`http://${HOST}/dang-nhap`, { tk: 'admin', mk: adminHash }), await c.post(`http://${HOST}/dang-nhap`, { tk: 'admin', mk: 'admin' }));
  },
};
