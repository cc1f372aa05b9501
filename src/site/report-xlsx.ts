// The department report as an Excel workbook (.xlsx), written with exceljs at build time: a summary sheet
// (scope, version, date, per-framework and per-grade tables), one row per requirement, and the uncovered
// requirements in groups. Percentages are real numbers with a percent format, so Excel shows them in the
// reader's locale (31,3% in Vietnamese, 31.3% in English) and can compute with them.
import ExcelJS from 'exceljs';
import { frameworkShortName, groupUncovered, type Coverage, type GradeRow } from './coverage.ts';

export interface XlsxInput {
  coverage: Coverage;
  grades: GradeRow[];
  frameworks: { id: string; prefix: string; name: { vi: string; en: string } }[];
  meta: { version: string; catalogue: string; date: string };
  scope: string;
  caveat: string;
}

const STATUS: Record<string, string> = { assessed: 'Được đánh giá', opportunity: 'Chỉ có cơ hội rèn luyện', none: 'Chưa được đề cập' };

export async function coverageXlsx(x: XlsxInput): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Khiên Số';
  // A fixed date keeps the file the same for the same content (the report date is in the sheet itself).
  wb.created = new Date(`${x.meta.date}T00:00:00Z`);
  wb.modified = wb.created;
  const head = (row: ExcelJS.Row) => row.eachCell((c) => { c.font = { bold: true }; c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF4FB' } }; });
  const pct = '0.0%';

  const sum = wb.addWorksheet('Tổng hợp');
  sum.columns = [{ width: 22 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 14 }, { width: 16 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }];
  sum.addRow(['Khiên Số: mức độ đáp ứng yêu cầu cần đạt']).font = { bold: true, size: 14 };
  sum.addRow(['Phiên bản', `${x.meta.version} (danh mục ${x.meta.catalogue})`]);
  sum.addRow(['Ngày lập', x.meta.date]);
  sum.addRow(['Phạm vi', x.scope]);
  sum.addRow(['Lưu ý nguồn', x.caveat]);
  sum.addRow([]);
  head(sum.addRow(['Khung chương trình', 'Số yêu cầu', 'Được đánh giá', 'Chỉ có cơ hội', 'Chưa đề cập', '% được đánh giá', '% được đề cập']));
  for (const b of x.coverage.byFramework) {
    const r = sum.addRow([frameworkShortName(b.key), b.total, b.assessed, b.opportunity, b.none, b.assessedPct / 100, b.coveredPct / 100]);
    r.getCell(6).numFmt = pct;
    r.getCell(7).numFmt = pct;
  }
  sum.addRow(['Không cộng gộp các khung: yêu cầu của các khung khác nhau không so sánh được với nhau.']);
  sum.addRow([]);
  head(sum.addRow(['Lớp', 'Số chủ đề', 'Số tiết', 'Số phút', 'Số câu hỏi', 'YCCĐ của lớp', 'Được đánh giá', 'Được đề cập', '% được đánh giá', '% được đề cập']));
  for (const g of x.grades) {
    const r = sum.addRow([`Lớp ${g.grade}`, g.units, g.periods, g.minutes, g.questions, g.requirements, g.assessed, g.covered, g.assessedPct / 100, g.coveredPct / 100]);
    r.getCell(9).numFmt = pct;
    r.getCell(10).numFmt = pct;
  }

  const rows = wb.addWorksheet('Yêu cầu');
  rows.columns = [{ header: 'Khung', width: 14 }, { header: 'Mã', width: 16 }, { header: 'Lớp', width: 6 }, { header: 'Mạch', width: 6 }, { header: 'Trạng thái', width: 22 }, { header: 'Được đánh giá trong chủ đề', width: 30 }, { header: 'Có cơ hội rèn luyện trong chủ đề', width: 30 }, { header: 'Yêu cầu cần đạt', width: 80 }];
  head(rows.getRow(1));
  for (const r of x.coverage.rows) rows.addRow([frameworkShortName(r.framework), r.code, r.grade ?? '', r.strand ?? '', STATUS[r.status], r.assessedBy.join(', '), r.opportunityIn.join(', '), r.vi]);
  rows.views = [{ state: 'frozen', ySplit: 1 }];
  rows.autoFilter = { from: 'A1', to: 'H1' };

  const un = wb.addWorksheet('Chưa đề cập');
  un.columns = [{ header: 'Khung', width: 14 }, { header: 'Nhóm', width: 12 }, { header: 'Các mã (cùng nội dung)', width: 30 }, { header: 'Yêu cầu cần đạt', width: 90 }];
  head(un.getRow(1));
  for (const f of x.frameworks) {
    const rs = x.coverage.uncovered.filter((r) => r.framework === f.id);
    for (const g of groupUncovered(rs, f.prefix)) for (const it of g.items) un.addRow([frameworkShortName(f.id), g.key, it.codes.join(', '), it.vi]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
