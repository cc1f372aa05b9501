import { createSite, esc, html, page, text } from '../http.ts';
import { seen, type ChallengeModule, type ChallengeSolution, type FixCase } from '../types.ts';

const HOST = 'tailieu.dh-phuongnam.test';
const ROOT = '/srv/tailieu/';

/** POSIX path normalisation (what the file system does with the path the server builds). */
export function normalizePath(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

const files = (flag: string): Record<string, string> => ({
  '/srv/tailieu/de-cuong.txt': 'Đề cương môn An toàn thông tin (mô phỏng).',
  '/srv/tailieu/lop/on-tap.txt': 'Câu hỏi ôn tập chương 1–3.',
  '/srv/cau-hinh/bi-mat.env': `DB_PASSWORD=khong-phai-that\nBACKUP_KEY=${flag}\n`,
  '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\nwww:x:33:33::/srv:/usr/sbin/nologin\n',
});

export const VULNERABLE = `// Trả về đường dẫn tệp cần đọc cho tham số ?tep=, hoặc null để từ chối.
// Returns the path of the file to read for ?tep=, or null to refuse.
function resolveDownload(tep) {
  const cleaned = tep.replace('../', '');   // "chặn" ../ (chỉ một lần!)
  return '/srv/tailieu/' + cleaned;
}`;

const REFERENCE = `function resolveDownload(tep) {
  // Chuẩn hoá đường dẫn rồi kiểm tra nó vẫn nằm trong thư mục tài liệu.
  const parts = [];
  for (const p of ('/srv/tailieu/' + tep).split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop(); else parts.push(p);
  }
  const full = '/' + parts.join('/');
  return full.startsWith('/srv/tailieu/') ? full : null;
}`;

function vulnerable(tep: string): string {
  return ROOT + tep.replace('../', '');
}

const inside = (o: { ok: boolean; value?: unknown }) => o.ok && (o.value === null || (typeof o.value === 'string' && normalizePath(o.value).startsWith(ROOT)));
const blocked = (tep: string, vi: string, en: string): FixCase => ({ kind: 'exploit', label: { vi, en }, args: [tep], judge: (o) => inside(o as { ok: boolean; value?: unknown }) });
const serves = (tep: string): FixCase => ({ kind: 'normal', label: { vi: `Tải được “${tep}”`, en: `“${tep}” downloads` }, args: [tep], judge: (o) => o.ok && typeof o.value === 'string' && normalizePath(o.value) === normalizePath(ROOT + tep) });

export const pathTraversal: ChallengeModule = {
  id: 'path-traversal',
  start: `http://${HOST}/`,
  createSite: ({ flag }) => {
    const fs = files(flag);
    return createSite([{ host: HOST, routes: {
      'GET /': () => html(page('Kho tài liệu – ĐH Phương Nam', `<h1>Kho tài liệu</h1><ul><li><a href="/tai-ve?tep=de-cuong.txt">de-cuong.txt</a></li><li><a href="/tai-ve?tep=lop/on-tap.txt">lop/on-tap.txt</a></li></ul><p>Cấu hình máy chủ nằm ở /srv/cau-hinh/ (chỉ quản trị viên).</p>`)),
      'GET /tai-ve': (_r, url) => {
        const tep = url.searchParams.get('tep') ?? '';
        const path = normalizePath(vulnerable(tep));
        const body = fs[path];
        return body === undefined ? text(`Không tìm thấy ${esc(path)}`, 404) : text(body);
      },
    } }]);
  },
  fix: {
    fn: 'resolveDownload', language: 'javascript', vulnerable: VULNERABLE,
    cases: [
      blocked('....//cau-hinh/bi-mat.env', 'Chặn ....//', 'Block ....//'),
      blocked('lop/../../cau-hinh/bi-mat.env', 'Chặn ../ ở giữa đường dẫn', 'Block ../ in the middle'),
      blocked('../../../etc/passwd', 'Chặn ../../../etc/passwd', 'Block ../../../etc/passwd'),
      serves('de-cuong.txt'), serves('lop/on-tap.txt'),
    ],
  },
};

/** The organiser's reference solution and a beginner's naive attempt (never bundled into the player's page). */
export const pathTraversalSolution: ChallengeSolution = {
  async solve(c) {
    const first = await c.get(`http://${HOST}/tai-ve?tep=${encodeURIComponent('../cau-hinh/bi-mat.env')}`);
    return seen(first, await c.get(`http://${HOST}/tai-ve?tep=${encodeURIComponent('....//cau-hinh/bi-mat.env')}`));
  },
  async naive(c) {
    return seen(await c.get(`http://${HOST}/tai-ve?tep=${encodeURIComponent('../cau-hinh/bi-mat.env')}`), await c.get(`http://${HOST}/tai-ve?tep=${encodeURIComponent('/srv/cau-hinh/bi-mat.env')}`));
  },
  reference: REFERENCE,
};
