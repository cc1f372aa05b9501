/** Why a link is unsafe. */
export type Reason = 'lookalike' | 'hidden' | 'padlock' | 'mismatch';
export const REASONS: Reason[] = ['lookalike', 'mismatch', 'hidden', 'padlock'];
export const REASON_LABELS: Record<Reason, { vi: string; en: string }> = {
  lookalike: { vi: 'Tên miền nhái (gần giống trang thật)', en: 'Look-alike domain' },
  mismatch: { vi: 'Chữ hiển thị khác nơi link thật sự dẫn tới', en: 'Shown text differs from the real destination' },
  hidden: { vi: 'Link rút gọn che mất địa chỉ thật', en: 'Short link hides the real address' },
  padlock: { vi: 'Chỉ dựa vào ổ khoá, nhưng tên miền là giả', en: 'Relies on the padlock, but the domain is fake' },
};

export interface LinkItem {
  id: string;
  context: { vi: string; en: string };
  text: string;
  href: string;
  https: boolean;
  safe: boolean;
  reason?: Reason;
  why: { vi: string; en: string };
}

/** Invented domains only; "nganhangabc.vn" stands for a bank's real site in this exercise. */
export const LINKS: LinkItem[] = [
  { id: 'bank-real', context: { vi: 'Địa chỉ em tự gõ vào trình duyệt để vào ngân hàng của gia đình', en: 'The address you type yourself to reach your family’s bank' }, text: 'https://www.nganhangabc.vn', href: 'https://www.nganhangabc.vn/', https: true, safe: true, why: { vi: 'Tên miền đúng của ngân hàng, em tự gõ: an toàn.', en: 'The bank’s right domain, typed by you: safe.' } },
  { id: 'bank-fake', context: { vi: 'Link trong tin nhắn “xác thực tài khoản”', en: 'A link in an “account verification” text' }, text: 'nganhangabc.vn/dang-nhap', href: 'https://nganhangabc.vn.xac-thuc-tk.com/dang-nhap', https: true, safe: false, reason: 'mismatch', why: { vi: 'Chữ hiện “nganhangabc.vn” nhưng link thật dẫn tới “nganhangabc.vn.xac-thuc-tk.com”. Đọc tên miền từ phải sang trái: trang này thuộc “xac-thuc-tk.com”, không phải của ngân hàng; “nganhangabc.vn” ở đầu chỉ là phần gắn thêm để đánh lừa.', en: 'The text shows “nganhangabc.vn” but the link goes to “nganhangabc.vn.xac-thuc-tk.com”. Read the domain from right to left: this site belongs to “xac-thuc-tk.com”, not the bank; “nganhangabc.vn” at the front is just a prefix to fool you.' } },
  { id: 'zalo-gift', context: { vi: 'Bài đăng tặng quà trên mạng xã hội', en: 'A giveaway post on social media' }, text: 'https://zal0-quatang.com', href: 'https://zal0-quatang.com/', https: true, safe: false, reason: 'lookalike', why: { vi: 'Số 0 thay cho chữ o: tên miền nhái để đánh lừa mắt.', en: 'A zero instead of the letter o: a look-alike domain to fool the eye.' } },
  { id: 'padlock', context: { vi: 'Trang đăng nhập có ổ khoá trên thanh địa chỉ', en: 'A login page with a padlock in the address bar' }, text: 'https://dangnhap-mangxahoi.example.com', href: 'https://dangnhap-mangxahoi.example.com/', https: true, safe: false, reason: 'padlock', why: { vi: 'Ổ khoá chỉ cho biết đường truyền được mã hoá; trang giả cũng có ổ khoá. Tên miền ở đây không phải của mạng xã hội.', en: 'The padlock only means the connection is encrypted; fake sites have padlocks too. This domain does not belong to the social network.' } },
  { id: 'school', context: { vi: 'Link cô giáo gửi trong nhóm lớp', en: 'A link your teacher posted in the class group' }, text: 'https://hocbai.thcs-hoabinh.edu.vn/bai-tap', href: 'https://hocbai.thcs-hoabinh.edu.vn/bai-tap', https: true, safe: true, why: { vi: 'Tên miền của trường (.edu.vn), do cô giáo gửi trong nhóm lớp quen thuộc.', en: 'The school’s own domain (.edu.vn), posted by the teacher in the usual class group.' } },
  { id: 'short', context: { vi: 'Tin nhắn lạ: “Nhận 1000 kim cương miễn phí”', en: 'A stranger’s message: “Get 1000 free diamonds”' }, text: 'bit.ly/kimcuong-free', href: 'https://kimcuong-free.top/nap-the', https: false, safe: false, reason: 'hidden', why: { vi: 'Link rút gọn che địa chỉ thật; mở ra là một trang nạp thẻ lạ, không có https.', en: 'The short link hides the real address: it opens a strange top-up site without https.' } },
];
