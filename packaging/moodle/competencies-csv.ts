// The programme as a Moodle competency framework, in the CSV that Moodle's "Import competency framework"
// (admin/tool/lpimportcsv) reads: the header row of tool_lpimportcsv's own export, one row for the framework
// ("Is framework" = 1), then grade and strand levels, then every CT GDPT 2018 requirement the units use.
// Pure: no I/O.
import type { OutcomeEntry } from '../../src/model/load/load-frameworks.ts';
import type { Unit } from '../../src/model/unit.ts';

/** The headers, in order, exactly as tool_lpimportcsv exports them (admin/tool/lpimportcsv/lang/en). */
export const COMPETENCY_HEADERS = [
  'Parent id number', 'Id number', 'Shortname', 'Description', 'Description format', 'Scale values', 'Scale configuration',
  'Rule type (optional)', 'Rule outcome (optional)', 'Rule config (optional)', 'Cross referenced competency id numbers',
  'Exported id (optional)', 'Is framework', 'Taxonomy',
] as const;

/** The framework's id number in Moodle; stable across releases (competency links in backups point at it). */
export const FRAMEWORK_IDNUMBER = 'khienso-ctgdpt2018-tinhoc';
/** Moodle's default competence scale ("Default competence scale", created at install): reused, not duplicated. */
const SCALE_VALUES = 'Not yet competent,Competent';
const SCALE_CONFIG = JSON.stringify([{ scaleid: '2' }, { id: 2, scaledefault: 1, proficient: 1 }]);

const STRAND_NAMES: Record<string, { vi: string; en: string }> = {
  A: { vi: 'Máy tính và cộng đồng', en: 'Computers and the community' },
  B: { vi: 'Mạng máy tính và Internet', en: 'Computer networks and the Internet' },
  C: { vi: 'Tổ chức lưu trữ, tìm kiếm và trao đổi thông tin', en: 'Organising, storing, searching for and exchanging information' },
  D: { vi: 'Đạo đức, pháp luật và văn hoá trong môi trường số', en: 'Ethics, law and culture in the digital environment' },
  E: { vi: 'Ứng dụng tin học', en: 'ICT applications' },
  F: { vi: 'Giải quyết vấn đề với sự trợ giúp của máy tính', en: 'Problem solving with computers' },
  G: { vi: 'Hướng nghiệp với tin học', en: 'Careers in informatics' },
};

/** Id numbers of the levels above the requirements. */
export const gradeIdNumber = (grade: number) => `khienso-g${grade}`;
export const strandIdNumber = (grade: number, strand: string) => `khienso-g${grade}-${strand}`;

function csvField(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The CT GDPT 2018 requirements the units use (assessed or not), in code order. */
export function usedProgrammeOutcomes(units: Unit[], outcomes: Map<string, OutcomeEntry>): OutcomeEntry[] {
  const codes = new Set(units.flatMap((u) => u.outcomes.map((o) => o.code)));
  return [...outcomes.values()].filter((o) => codes.has(o.code) && o.grade !== undefined && o.strand !== undefined)
    .sort((a, b) => (a.grade ?? 0) - (b.grade ?? 0) || a.code.localeCompare(b.code, 'en'));
}

/** The whole CSV (UTF-8, comma-separated, CRLF as Moodle's own export). */
export function competenciesCsv(units: Unit[], outcomes: Map<string, OutcomeEntry>): { csv: string; count: number } {
  const used = usedProgrammeOutcomes(units, outcomes);
  const rows: (string | number)[][] = [[...COMPETENCY_HEADERS]];
  const none = ['', '', '', '', '', ''];
  rows.push(['', FRAMEWORK_IDNUMBER, 'Khiên Số — CT GDPT 2018 Tin học (an toàn thông tin)',
    `<p>Các yêu cầu cần đạt về an toàn thông tin của Chương trình GDPT 2018 môn Tin học mà bộ bài học Khiên Số dạy và đánh giá (${used.length} yêu cầu, lớp 3–12). Mã TH-G&lt;lớp&gt;-&lt;mạch&gt;-&lt;số&gt; do dự án đặt.</p><p lang="en">The information-security learning requirements of the 2018 Informatics programme that the Khiên Số units teach and assess (${used.length} requirements, grades 3–12). TH-… codes are the project's.</p><p>Lưu ý / Note: wording from secondary sources, to be checked against the official programme text.</p>`,
    1, SCALE_VALUES, SCALE_CONFIG, '', '', '', '', '', 1, 'level,domain,outcome']);
  const grades = [...new Set(used.map((o) => o.grade as number))].sort((a, b) => a - b);
  for (const g of grades) {
    rows.push(['', gradeIdNumber(g), `Lớp ${g} / Grade ${g}`, `<p>Lớp ${g} — Grade ${g}</p>`, 1, '', '', '', 0, 'null', '', '', '', '']);
    const strands = [...new Set(used.filter((o) => o.grade === g).map((o) => o.strand as string))].sort();
    for (const s of strands) {
      const name = STRAND_NAMES[s] ?? { vi: `Mạch ${s}`, en: `Strand ${s}` };
      rows.push([gradeIdNumber(g), strandIdNumber(g, s), `Lớp ${g} · Mạch ${s}: ${name.vi}`.slice(0, 100), `<p>${esc(name.vi)}</p><p lang="en">${esc(name.en)}</p>`, 1, '', '', '', 0, 'null', '', '', '', '']);
      for (const o of used.filter((x) => x.grade === g && x.strand === s)) {
        rows.push([strandIdNumber(g, s), o.code, o.code, `<p>${esc(o.vi)}</p><p lang="en">${esc(o.en)}</p>`, 1, ...none.slice(0, 2), '', 0, 'null', '', '', '', '']);
      }
    }
  }
  return { csv: rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n', count: used.length };
}
