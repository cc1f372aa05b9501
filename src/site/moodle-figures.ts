// Figures of the Moodle guide page. Two kinds:
//  - diagrams drawn here as inline SVG in both languages (role="img", <title> and <desc>), available now;
//  - screenshots of a real Moodle, dropped into docs/moodle-screens/ with a figures.json (format below); the
//    site integration copies that folder to moodle/screens/ and the page shows each screenshot in its section.
//    Screenshots replace the diagram of the same `id` when both exist.
// figures.json: [{ "id": "steps-flow", "file": "add-scorm.png", "section": 1, "position": "start" | "end",
//                  "alt": { "vi": "…", "en": "…" }, "caption": { "vi": "…", "en": "…" } }]
// `section` counts the guide's second-level headings of each language (1 = "Các bước"/"Steps", 2 = reports,
// 3 = troubleshooting).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from './i18n.ts';

export interface Figure {
  id: string;
  section: number;
  position: 'start' | 'end';
  caption: string;
  /** Inline SVG (diagram) or an image file under moodle/screens/ (screenshot). */
  svg?: string;
  image?: { file: string; alt: string };
}

/** Where real screenshots are put (relative to the repository). */
export const SCREENS_DIR = 'docs/moodle-screens';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Text lines in an SVG box, centred. */
const lines = (x: number, y: number, texts: string[], size = 15, weight = 400) =>
  texts.map((t, i) => `<text x="${x}" y="${y + i * (size + 5)}" font-size="${size}" font-weight="${weight}" text-anchor="middle">${esc(t)}</text>`).join('');

function svg(id: string, w: number, h: number, title: string, desc: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="100%" role="img" aria-labelledby="${id}-t ${id}-d" font-family="system-ui, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif" fill="#1b1f24"><title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(desc)}</desc>${body}</svg>`;
}

interface Strings {
  flowTitle: string; flow: string[][]; flowCaption: string; setTitle: string; setDesc: string;
  groups: [string, [string, string][]][]; setCaption: string; repTitle: string; repDesc: string; rep: string[][]; repArrow: string[]; repCaption: string;
}

const T: Record<Lang, Strings> = {
  vi: {
    flowTitle: 'Sơ đồ: các bước đưa một chủ đề vào Moodle',
    flow: [['Tải gói', 'SCORM 1.2 (.zip)', 'ở trang Tải gói'], ['Vào khoá học,', 'bật Chế độ', 'chỉnh sửa'], ['Thêm hoạt động', 'hoặc tài nguyên', '→ Gói SCORM'], ['Kéo thả tệp .zip', 'vào Tệp gói', '(không giải nén)'], ['Đặt Giao diện,', 'Chấm điểm,', 'Lượt làm'], ['Lưu và hiển thị,', 'bấm Xem trước', 'để thử']],
    flowCaption: 'Sơ đồ các bước (hình vẽ minh hoạ, không phải ảnh chụp màn hình Moodle).',
    setTitle: 'Hình minh hoạ: các cài đặt quan trọng của hoạt động SCORM',
    setDesc: 'Bốn nhóm cài đặt: Giao diện: hiển thị gói trong Cửa sổ hiện tại, học sinh bỏ qua trang cấu trúc Luôn luôn, hiển thị điều hướng Không. Chấm điểm: cách chấm Điểm cao nhất, điểm tối đa 100. Quản lí lượt làm: số lượt Không giới hạn, tính điểm các lượt Lượt cao nhất, bắt buộc lượt mới Không. Điều kiện hoàn thành: học sinh phải đạt trạng thái Đạt.',
    groups: [
      ['Giao diện (Appearance)', [['Hiển thị gói', 'Cửa sổ hiện tại'], ['Học sinh bỏ qua trang cấu trúc', 'Luôn luôn'], ['Hiển thị điều hướng', 'Không']]],
      ['Chấm điểm (Grade)', [['Cách chấm', 'Điểm cao nhất'], ['Điểm tối đa', '100']]],
      ['Quản lí lượt làm', [['Số lượt làm', 'Không giới hạn'], ['Tính điểm các lượt', 'Lượt cao nhất'], ['Bắt buộc lượt mới', 'Không']]],
      ['Điều kiện hoàn thành', [['Học sinh phải đạt trạng thái', 'Đạt (Passed)']]],
    ],
    setCaption: 'Các giá trị cần chọn, theo nhóm cài đặt của Moodle (hình vẽ minh hoạ; tên mục trên Moodle của trường có thể khác đôi chút).',
    repTitle: 'Sơ đồ: xem kết quả ở đâu',
    repDesc: 'Sổ điểm cho điểm 0–100 của lượt cao nhất. Báo cáo cơ bản cho trạng thái từng học sinh. Báo cáo tương tác cho từng câu trả lời. Báo cáo mục tiêu cho từng yêu cầu cần đạt; tải báo cáo này về rồi mở ở trang Kết quả học tập của trang hướng dẫn để xem tỉ lệ học sinh đạt từng yêu cầu.',
    rep: [['Sổ điểm', 'điểm 0–100'], ['Báo cáo cơ bản', 'trạng thái'], ['Báo cáo tương tác', 'từng câu trả lời'], ['Báo cáo mục tiêu', 'từng YCCĐ']],
    repArrow: ['Tải về (.txt, .xlsx)', '→ trang Kết quả học tập'],
    repCaption: 'Bốn nơi xem kết quả trong Moodle; báo cáo mục tiêu tải về được mở ở trang Kết quả học tập (hình vẽ minh hoạ).',
  },
  en: {
    flowTitle: 'Diagram: the steps to add a unit to Moodle',
    flow: [['Download the', 'SCORM 1.2 package', '(.zip)'], ['Open the course,', 'turn editing on', ''], ['Add an activity', 'or resource', '→ SCORM package'], ['Drop the .zip', 'into Package file', '(do not unzip)'], ['Set Appearance,', 'Grade and', 'Attempts'], ['Save and display,', 'then Preview', 'to try it']],
    flowCaption: 'The steps (a drawn diagram, not a Moodle screenshot).',
    setTitle: 'Illustration: the SCORM activity settings that matter',
    setDesc: 'Four groups of settings. Appearance: display package in the current window, student skip content structure page always, show navigation no. Grade: grading method highest grade, maximum grade 100. Attempts management: number of attempts unlimited, attempts grading highest attempt, force new attempt no. Activity completion: require status passed.',
    groups: [
      ['Appearance', [['Display package', 'Current window'], ['Student skip content structure page', 'Always'], ['Show Navigation', 'No']]],
      ['Grade', [['Grading method', 'Highest grade'], ['Maximum grade', '100']]],
      ['Attempts management', [['Number of attempts', 'Unlimited'], ['Attempts grading', 'Highest attempt'], ['Force new attempt', 'No']]],
      ['Activity completion', [['Require status', 'Passed']]],
    ],
    setCaption: 'The values to choose, by Moodle settings group (a drawn illustration; labels on your school’s Moodle may differ slightly).',
    repTitle: 'Diagram: where to see results',
    repDesc: 'The gradebook holds the 0–100 grade of the best attempt. The basic report shows each student’s status. The interactions report shows each answer. The objectives report shows each learning requirement; download it and open it on the Results page of this guide to see the share of students who mastered each requirement.',
    rep: [['Gradebook', 'grade 0–100'], ['Basic report', 'status'], ['Interactions report', 'each answer'], ['Objectives report', 'each requirement']],
    repArrow: ['Download (.txt, .xlsx)', '→ Results page'],
    repCaption: 'Four places to see results in Moodle; the downloaded objectives report opens on the Results page (a drawn diagram).',
  },
};

/** The guide's diagrams in a language. */
export function diagrams(lang: Lang): Figure[] {
  const s = T[lang];
  const flow = s.flow.map((box, i) => {
    const col = i % 3;
    const row = Math.floor(i / 3);
    const x = 20 + col * 240;
    const y = 20 + row * 130;
    const arrow = i < s.flow.length - 1
      ? col < 2 ? `<path d="M${x + 200} ${y + 45} h32" stroke="#0b5cad" stroke-width="3" marker-end="url(#mf-a-${lang})"/>` : `<path d="M${x + 100} ${y + 92} v18 H120 v18" fill="none" stroke="#0b5cad" stroke-width="3" marker-end="url(#mf-a-${lang})"/>`
      : '';
    return `<rect x="${x}" y="${y}" width="200" height="90" rx="10" fill="#eef4fb" stroke="#0b5cad" stroke-width="2"/><circle cx="${x + 18}" cy="${y + 18}" r="12" fill="#0b5cad"/><text x="${x + 18}" y="${y + 23}" font-size="14" font-weight="700" text-anchor="middle" fill="#fff">${i + 1}</text>${lines(x + 108, y + 32, box.filter(Boolean), 15)}${arrow}`;
  }).join('');
  const flowSvg = svg(`mf-flow-${lang}`, 740, 260, s.flowTitle, s.flow.map((b, i) => `${i + 1}. ${b.filter(Boolean).join(' ')}`).join(' '),
    `<defs><marker id="mf-a-${lang}" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#0b5cad"/></marker></defs>${flow}`);

  let y = 20;
  const groups = s.groups.map(([name, rows]) => {
    const top = y;
    const body = rows.map(([label, value], i) => {
      const ry = top + 40 + i * 34;
      return `<text x="40" y="${ry + 17}" font-size="15">${esc(label)}</text><rect x="420" y="${ry}" width="280" height="26" rx="4" fill="#fff" stroke="#1a7f37" stroke-width="2"/><text x="432" y="${ry + 18}" font-size="15" font-weight="700" fill="#14532d">${esc(value)}</text>`;
    }).join('');
    y = top + 40 + rows.length * 34 + 16;
    return `<rect x="20" y="${top}" width="700" height="${y - top - 8}" rx="8" fill="#f3f5f8" stroke="#c5ccd6"/><text x="36" y="${top + 26}" font-size="16" font-weight="700">${esc(name)}</text>${body}`;
  }).join('');
  const setSvg = svg(`mf-set-${lang}`, 740, y + 8, s.setTitle, s.setDesc, groups);

  const rep = s.rep.map(([a, b], i) => {
    const x = 20 + i * 180;
    const last = i === s.rep.length - 1;
    return `<rect x="${x}" y="20" width="160" height="74" rx="10" fill="${last ? '#edf7ef' : '#eef4fb'}" stroke="${last ? '#1a7f37' : '#0b5cad'}" stroke-width="2"/>${lines(x + 80, 50, [a ?? ''], 15, 700)}${lines(x + 80, 74, [b ?? ''], 14)}`;
  }).join('');
  const repSvg = svg(`mf-rep-${lang}`, 740, 190, s.repTitle, s.repDesc,
    `<defs><marker id="mf-r-${lang}" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0L10 5L0 10z" fill="#1a7f37"/></marker></defs>${rep}<path d="M640 94 v30 H560" fill="none" stroke="#1a7f37" stroke-width="3" marker-end="url(#mf-r-${lang})"/><rect x="300" y="110" width="260" height="62" rx="10" fill="#fff" stroke="#1a7f37" stroke-width="2" stroke-dasharray="6 4"/>${lines(430, 136, s.repArrow, 15, 600)}`);

  return [
    { id: 'steps-flow', section: 1, position: 'start', caption: s.flowCaption, svg: flowSvg },
    { id: 'settings', section: 1, position: 'end', caption: s.setCaption, svg: setSvg },
    { id: 'reports', section: 2, position: 'end', caption: s.repCaption, svg: repSvg },
  ];
}

interface ScreenEntry { id: string; file: string; section: number; position?: 'start' | 'end'; alt: Record<Lang, string>; caption: Record<Lang, string> }

/** Screenshots listed in docs/moodle-screens/figures.json (none until real Moodle screenshots are added). */
export function screenshots(lang: Lang, root = process.cwd()): Figure[] {
  const manifest = join(root, SCREENS_DIR, 'figures.json');
  if (!existsSync(manifest)) return [];
  const entries = JSON.parse(readFileSync(manifest, 'utf8')) as ScreenEntry[];
  return entries.filter((e) => existsSync(join(root, SCREENS_DIR, e.file))).map((e) => ({
    id: e.id, section: e.section, position: e.position ?? 'end', caption: e.caption[lang], image: { file: e.file, alt: e.alt[lang] },
  }));
}

/** The figures of one language: screenshots, and the diagrams no screenshot replaces. */
export function guideFigures(lang: Lang, root = process.cwd()): Figure[] {
  const shots = screenshots(lang, root);
  return [...diagrams(lang).filter((d) => !shots.some((s) => s.id === d.id)), ...shots];
}

/** Puts each figure at the start or end of its section (sections start at each <h3>, the guide's shifted h2). */
export function placeFigures(html: string, figures: Figure[], render: (f: Figure) => string): string {
  const parts = html.split(/(?=<h3\b)/);
  if (parts.length === 1) {
    // A part without section headings: the steps are its first numbered list; other figures go at the end.
    const of = (pred: (f: Figure) => boolean) => figures.filter(pred).map(render).join('');
    const ol = html.indexOf('<ol');
    const olEnd = html.indexOf('</ol>');
    if (ol < 0 || olEnd < 0) return html + of(() => true);
    return html.slice(0, ol) + of((f) => f.section === 1 && f.position === 'start') + html.slice(ol, olEnd + 5) + of((f) => f.section === 1 && f.position === 'end') + html.slice(olEnd + 5) + of((f) => f.section !== 1);
  }
  return parts.map((part, i) => {
    const mine = figures.filter((f) => f.section === i);
    if (i === 0 || mine.length === 0) return part;
    const headEnd = part.indexOf('</h3>') + '</h3>'.length;
    const start = mine.filter((f) => f.position === 'start').map(render).join('');
    const end = mine.filter((f) => f.position === 'end').map(render).join('');
    return part.slice(0, headEnd) + start + part.slice(headEnd) + end;
  }).join('');
}
