// The department report's scope statement and source caveat, with the counts taken from the coverage, so the
// dashboard, the printable summary and the spreadsheet say the same thing.
import type { Lang } from './i18n.ts';
import { siteCoverage } from './coverage-data.ts';
import { programme } from './data.ts';

export function scopeText(lang: Lang, which: 'scope' | 'caveat' = 'scope'): string {
  const p = programme();
  const n = siteCoverage().rows.filter((r) => r.framework === p?.id).length;
  const grades = [...new Set(siteCoverage().rows.filter((r) => r.framework === p?.id).map((r) => r.grade ?? 0))].sort((a, b) => a - b);
  const span = grades.length ? `${grades[0]}–${grades[grades.length - 1]}` : '';
  if (which === 'scope') {
    return lang === 'vi'
      ? `Phạm vi: các số liệu về CT GDPT 2018 tính trên ${n} yêu cầu cần đạt (YCCĐ) liên quan đến an toàn thông tin mà dự án chọn ra từ Chương trình môn Tin học lớp ${span}, không phải toàn bộ chương trình môn Tin học. “100%” nghĩa là cả ${n} YCCĐ này đều có chủ đề kiểm tra, đánh giá.`
      : `Scope: the 2018 programme figures count the ${n} information-security requirements (YCCĐ) the project selected from the grade ${span} Informatics programme, not the whole subject. “100%” means each of these ${n} requirements is assessed by a unit.`;
  }
  return lang === 'vi'
    ? 'Lưu ý về nguồn: lời văn các YCCĐ lấy từ nguồn thứ cấp (bản chép lại của giáo viên, tệp dữ liệu công khai; lớp 3–5 là mục tiêu bài học trong sách giáo khoa Cánh Diều, không phải lời văn chương trình) và chưa được đối chiếu với văn bản chính thức của Thông tư 32/2018/TT-BGDĐT. Cần kiểm tra với văn bản chính thức trước khi trích dẫn trong văn bản hành chính.'
    : 'Source caveat: the requirement wording comes from secondary sources (teacher transcriptions, public data files; grades 3–5 are lesson objectives from the Cánh Diều textbooks, not programme text) and has not been checked against the official text of Circular 32/2018/TT-BGDĐT. Check it against the official text before quoting it in official documents.';
}
