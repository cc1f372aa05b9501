import { createSite, esc, html, page } from '../http.ts';
import { seen, type ChallengeModule, type ChallengeSolution, type FixCase } from '../types.ts';

const HOST = 'sodiem.thpt-bachdang.test';

/** The server's parser of a typed score (the learner fixes it). */
export const VULNERABLE = `// Máy chủ nhận điểm giáo viên gõ (dạng chữ) và trả về số để lưu, hoặc null để từ chối.
// The server turns the typed score into a number to store, or null to refuse it.
function parseScore(text) {
  const n = parseFloat(text);
  if (isNaN(n)) return null;
  return n;
}`;

const REFERENCE = `function parseScore(text) {
  // Danh sách cho phép: 0–10, tối đa hai chữ số thập phân, dấu chấm hoặc dấu phẩy.
  const m = /^(\\d{1,2})(?:[.,](\\d{1,2}))?$/.exec(String(text).trim());
  if (!m) return null;
  const n = Number(m[1] + '.' + (m[2] || '0'));
  return n >= 0 && n <= 10 ? n : null;
}`;

/** What the simulated server runs: the same logic as VULNERABLE. */
function vulnerable(t: string): number | null {
  const n = parseFloat(t);
  return isNaN(n) ? null : n;
}

const refuse = (input: string, vi: string, en: string): FixCase => ({ kind: 'exploit', label: { vi: `Từ chối “${input}” (${vi})`, en: `Refuse “${input}” (${en})` }, args: [input], judge: (o) => o.ok && o.value === null });
const accept = (input: string, value: number): FixCase => ({ kind: 'normal', label: { vi: `Nhận “${input}” là ${value}`, en: `Accept “${input}” as ${value}` }, args: [input], judge: (o) => o.ok && o.value === value });

export const gradeValidation: ChallengeModule = {
  id: 'grade-validation',
  start: `http://${HOST}/nhap-diem`,
  createSite: ({ flag }) => {
    const stored: { hs: string; diem: number }[] = [];
    return createSite([{ host: HOST, routes: {
      'GET /nhap-diem': () => html(page('Nhập điểm – THPT Bạch Đằng', `<h1>Nhập điểm kiểm tra 15 phút – lớp 10A2</h1>
<form method="post" action="/luu-diem" onsubmit="var d=parseFloat(this.diem.value);if(!(d>=0&&d<=10)){alert('Điểm phải từ 0 đến 10');return false}">
<label>Mã học sinh <input name="hs" value="10A2-07"></label><label>Điểm <input name="diem" value="8.5"></label><button>Lưu</button></form>
<p>Trang kiểm tra điểm bằng JavaScript trước khi gửi.</p>`)),
      'POST /luu-diem': (req) => {
        const diem = vulnerable(req.form.diem ?? '');
        if (diem === null) return html(page('Lỗi', '<p>Điểm không đọc được.</p>'), 400);
        stored.push({ hs: req.form.hs ?? '', diem });
        const bad = diem < 0 || diem > 10 || String(diem) !== (req.form.diem ?? '').trim().replace(',', '.');
        return html(page('Đã lưu', `<p>Đã lưu điểm ${esc(String(diem))} cho ${esc(req.form.hs ?? '')}.</p>${bad ? `<p class="box">⚠️ Kiểm tra tự động: cơ sở dữ liệu vừa nhận một điểm không hợp lệ (“${esc(req.form.diem ?? '')}”). Mã xác nhận lỗi: <b>${flag}</b></p>` : ''}`));
      },
    } }]);
  },
  fix: {
    fn: 'parseScore', language: 'javascript', vulnerable: VULNERABLE,
    cases: [
      refuse('-5', 'âm', 'negative'), refuse('11', 'quá 10', 'above 10'), refuse('10abc', 'có chữ', 'letters'),
      refuse('Infinity', 'vô cực', 'infinity'), refuse('1e1', 'kí hiệu khoa học', 'scientific notation'), refuse('', 'trống', 'empty'),
      accept('0', 0), accept('10', 10), accept('7.5', 7.5), accept('8,25', 8.25), accept(' 9 ', 9),
    ],
  },
};

/** The organiser's reference solution and a beginner's naive attempt (never bundled into the player's page). */
export const gradeValidationSolution: ChallengeSolution = {
  async solve(c) {
    // Sends the request straight to the server, skipping the page's JavaScript check.
    return seen(await c.post(`http://${HOST}/luu-diem`, { hs: '10A2-07', diem: '-5' }));
  },
  async naive(c) {
    return seen(await c.post(`http://${HOST}/luu-diem`, { hs: '10A2-07', diem: '9.5' }));
  },
  reference: REFERENCE,
};
