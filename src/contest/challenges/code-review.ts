import { createSite, esc, html, page } from '../http.ts';
import { seen, type ChallengeModule, type ChallengeSolution } from '../types.ts';

const HOST = 'cham-bai.test';
/** A handler with five security bugs, on lines 3, 6, 8, 13 and 16. */
export const CODE = [
  "const SECRET_KEY = process.env.SECRET_KEY;",
  "app.post('/doi-mat-khau', async (req, res) => {",
  "  const user = await db.get(\"SELECT * FROM users WHERE name = '\" + req.body.name + \"'\");",
  "  if (!user) return res.status(404).send('Không có người dùng');",
  "  // Không cần đăng nhập: ai biết tên là đổi được",
  "  const ok = true;",
  "  if (req.body.newPassword.length < 8) return res.status(400).send('Mật khẩu cần ít nhất 8 kí tự');",
  "  const hash = crypto.createHash('sha256');",
  "  hash.update(req.body.newPassword);",
  "  await db.run('UPDATE users SET hash = ? WHERE id = ?', [hash.digest('hex'), user.id]);",
  "  log.info('Đổi mật khẩu cho ' + user.name);",
  "  await sessions.revokeAll(user.id); // đăng xuất mọi phiên cũ",
  "  res.send('<p>Đã đổi mật khẩu cho ' + req.body.name + '</p>');",
  "});",
  "app.get('/debug', (req, res) => {",
  "  res.json({ env: process.env, users: db.all('SELECT * FROM users') });",
  "});",
];
export const BUG_LINES = [3, 6, 8, 13, 16];

export const codeReview: ChallengeModule = {
  id: 'code-review',
  start: `http://${HOST}/ma-nguon`,
  createSite: ({ flag }) => createSite([{ host: HOST, routes: {
    'GET /ma-nguon': () => html(page('Rà soát mã', `<h1>Rà soát mã: đổi mật khẩu</h1><pre>${CODE.map((l, i) => `${String(i + 1).padStart(2, ' ')}  ${esc(l)}`).join('\n')}</pre>
<form method="post" action="/nop"><label>Số các dòng có lỗ hổng bảo mật, cách nhau bởi dấu phẩy <input name="dong"></label><button>Nộp</button></form>`)),
    'POST /nop': (req) => {
      const lines = [...new Set((req.form.dong ?? '').split(/[,\s]+/).filter(Boolean).map(Number))].sort((a, b) => a - b);
      if (lines.length > 7) return html(page('Quá nhiều', '<p>Em chọn quá nhiều dòng: người rà soát phải chỉ đúng chỗ, không khoanh cả trang.</p>'));
      const right = lines.filter((l) => BUG_LINES.includes(l)).length;
      const wrong = lines.length - right;
      if (right === BUG_LINES.length && wrong === 0) return html(page('Xuất sắc', `<p>Đúng cả năm lỗi! Cờ của em: <b>${flag}</b></p>`));
      return html(page('Chưa đủ', `<p>Đúng ${right}/${BUG_LINES.length} lỗi, ${wrong} dòng không có lỗ hổng.</p>`));
    },
  } }]),
};

/** The organiser's reference solution and a beginner's naive attempt (never bundled into the player's page). */
export const codeReviewSolution: ChallengeSolution = {
  async solve(c) {
    return seen(await c.get(`http://${HOST}/ma-nguon`), await c.post(`http://${HOST}/nop`, { dong: BUG_LINES.join(',') }));
  },
  async naive(c) {
    // Marks only the obvious SQL line, then every line.
    return seen(await c.post(`http://${HOST}/nop`, { dong: '3' }), await c.post(`http://${HOST}/nop`, { dong: CODE.map((_, i) => i + 1).join(',') }));
  },
};
