import { createSite, html, json, page, text } from '../http.ts';
import { seen, type ChallengeModule, type ChallengeSolution } from '../types.ts';

const HOST = 'trasua-may.test';
const KEY = 'tsm_live_7f3a9c2e51b8';

export const secretInJs: ChallengeModule = {
  id: 'secret-in-js',
  start: `http://${HOST}/`,
  createSite: ({ flag }) => createSite([{ host: HOST, routes: {
    'GET /': () => html(page('Trà Sữa Mây', `<h1>🧋 Trà Sữa Mây</h1><p>Đặt trà sữa giao tận nơi. Thực đơn được tải bằng <a href="/static/app.js">/static/app.js</a>.</p><p><a href="/api/thuc-don">Thực đơn</a></p>`)),
    'GET /static/app.js': () => text(`// app.js – Trà Sữa Mây (bản build)
var API = '/api';
// TODO: bỏ dòng này trước khi lên mạng!
var ADMIN_API_KEY = '${KEY}'; // gửi trong header X-Api-Key tới /api/quan-tri/don-hang
function loadMenu(){ return fetch(API + '/thuc-don').then(function(r){ return r.json(); }); }
`, 200, 'text/javascript'),
    'GET /api/thuc-don': () => json([{ mon: 'Trà sữa trân châu', gia: 30000 }, { mon: 'Trà đào', gia: 28000 }]),
    'GET /api/quan-tri/don-hang': (req) => {
      const key = Object.entries(req.headers).find(([k]) => k.toLowerCase() === 'x-api-key')?.[1];
      if (key !== KEY) return json({ loi: 'Thiếu hoặc sai X-Api-Key' }, 401);
      return json({ don_hang: [{ ma: 'DH-1001', khach: 'Khách A (giả)', ghi_chu: 'ít đá' }, { ma: 'DH-1002', khach: 'Quản trị (thử nghiệm)', ghi_chu: flag }] });
    },
  } }]),
};

/** The organiser's reference solution and a beginner's naive attempt (never bundled into the player's page). */
export const secretInJsSolution: ChallengeSolution = {
  async solve(c) {
    const js = await c.get(`http://${HOST}/static/app.js`);
    const key = /ADMIN_API_KEY = '([^']+)'/.exec(js.body)?.[1] ?? '';
    return seen(js, await c.get(`http://${HOST}/api/quan-tri/don-hang`, { headers: { 'X-Api-Key': key } }));
  },
  async naive(c) {
    return seen(await c.get(`http://${HOST}/`), await c.get(`http://${HOST}/api/quan-tri/don-hang`));
  },
};
