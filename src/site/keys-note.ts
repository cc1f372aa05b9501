import type { Lang } from '../model/text.ts';

/**
 * What hiding the keys in the lesson pages does and does not do, for teachers (shown on the answer-key
 * pages; the full text is docs/answer-keys.md). Keep it honest: it is not exam security.
 */
export const KEYS_NOTE: Record<Lang, string> = {
  vi: 'Đáp án không nằm ở dạng chữ trong trang bài học: mỗi đáp án được lưu dưới dạng mã băm SHA-256 có muối riêng cho từng chủ đề, còn lời nhận xét và mã câu hỏi (nhiều mã gợi ý đáp án, như fill-hotline-111) được mã hoá kí tự. Học sinh không thể chép đáp án bằng cách xem mã nguồn trang (Ctrl+U) hay tìm chữ “Đúng” trong trang. Tuy vậy, một học sinh rành kĩ thuật dùng công cụ cho nhà phát triển (F12) vẫn có thể thử lần lượt từng phương án. Vì vậy hãy coi bài kiểm tra trong LMS là bài luyện tập có chấm điểm; với bài kiểm tra quan trọng, hãy cho làm tại lớp dưới sự giám sát. Đáp án đầy đủ chỉ có ở trang dành cho giáo viên này; học sinh thấy đáp án đúng và lời giải thích của từng câu sau khi đạt hoặc đã dùng hết số lần làm bài.',
  en: 'The answers are not in the lesson page as text: each key is stored as a SHA-256 hash salted per unit, and the feedback and the question ids (many of which hint at the answer, like fill-hotline-111) are character-encoded. Students cannot copy answers by viewing the page source (Ctrl+U) or by searching the page for “Correct”. A technically skilled student with the browser’s developer tools (F12) can still try each option in turn, so treat the LMS quiz as graded practice and run important tests supervised in class. The full keys are only on this teacher page; students see the correct answer and why for each question once they pass or have used all their attempts.',
};
