/** The simulated inbox: invented senders and addresses only (no real bank, shop or person). */
export type Clue = 'sender' | 'link' | 'urgency' | 'request';
export const CLUES: Clue[] = ['sender', 'link', 'urgency', 'request'];

export interface InboxMessage {
  id: string;
  channel: 'sms' | 'email' | 'chat';
  from: string;
  subject?: { vi: string; en: string };
  body: { vi: string; en: string };
  /** Where a link in the message really goes (shown on request). */
  link?: { text: string; href: string };
  scam: boolean;
  /** The warning signs a careful reader should mark (scams only). */
  clues: Clue[];
  why: { vi: string; en: string };
}

export const CLUE_LABELS: Record<Clue, { vi: string; en: string }> = {
  sender: { vi: 'Người gửi lạ hoặc giả danh', en: 'Unknown or fake sender' },
  link: { vi: 'Đường link dẫn tới trang lạ', en: 'Link to a strange site' },
  urgency: { vi: 'Giục làm gấp, doạ nạt', en: 'Rushes or threatens you' },
  request: { vi: 'Đòi mã OTP, mật khẩu hoặc tiền', en: 'Asks for an OTP, password or money' },
};

export const MESSAGES: InboxMessage[] = [
  {
    id: 'bank-lock', channel: 'sms', from: 'NganHangABC',
    body: { vi: 'Tài khoản của quý khách đã bị tạm khoá do đăng nhập bất thường. Xác thực trong 30 phút để tránh bị khoá vĩnh viễn:', en: 'Your account has been locked after an unusual login. Verify within 30 minutes to avoid a permanent lock:' },
    link: { text: 'nganhangabc.vn/xac-thuc', href: 'https://nganhangabc-xacthuc.com/login' },
    scam: true, clues: ['link', 'urgency'],
    why: { vi: 'Tên người gửi có thể bị giả. Link hiện “nganhangabc.vn” nhưng thật ra dẫn tới “nganhangabc-xacthuc.com”, và tin nhắn doạ khoá tài khoản trong 30 phút.', en: 'A sender name can be faked. The link shows “nganhangabc.vn” but really goes to “nganhangabc-xacthuc.com”, and the message threatens a lock in 30 minutes.' },
  },
  {
    id: 'friend-money', channel: 'chat', from: 'Minh (bạn cùng lớp)',
    body: { vi: 'Ê, cho tớ mượn 500 nghìn, chuyển gấp vào số tài khoản 0123456789 nhé. Tớ đang bận, đừng gọi, tối tớ trả!', en: 'Hey, lend me 500,000 dong, send it now to account 0123456789. I’m busy, don’t call, I’ll pay you back tonight!' },
    scam: true, clues: ['urgency', 'request'],
    why: { vi: 'Tài khoản của bạn có thể đã bị chiếm. Xin tiền gấp và bảo “đừng gọi” là dấu hiệu lừa đảo: hãy gọi điện hoặc gặp trực tiếp bạn để hỏi.', en: 'Your friend’s account may have been taken over. Asking for money urgently and saying “don’t call” are warning signs: call or meet your friend to check.' },
  },
  {
    id: 'delivery-fee', channel: 'email', from: 'giaohang@giaohang-nhanh.example',
    subject: { vi: 'Đơn hàng bị giữ lại', en: 'Your parcel is on hold' },
    body: { vi: 'Đơn hàng của bạn đang bị giữ tại kho. Thanh toán phí 15.000đ để được giao hôm nay:', en: 'Your parcel is held at the warehouse. Pay a 15,000 dong fee to get it delivered today:' },
    link: { text: 'Thanh toán ngay / Pay now', href: 'https://thanhtoan-phi.xyz/pay' },
    scam: true, clues: ['sender', 'link', 'request'],
    why: { vi: 'Em không đặt hàng từ địa chỉ này; link dẫn tới một trang thanh toán lạ và đòi tiền. Hãy kiểm tra đơn hàng trong ứng dụng chính thức.', en: 'You did not order from this address; the link goes to a strange payment site and asks for money. Check your orders in the official app.' },
  },
  {
    id: 'real-otp', channel: 'sms', from: 'NganHangABC',
    body: { vi: 'Mã OTP của quý khách là 482913. TUYỆT ĐỐI KHÔNG cung cấp mã này cho bất kỳ ai, kể cả nhân viên ngân hàng.', en: 'Your OTP is 482913. NEVER give this code to anyone, including bank staff.' },
    scam: false, clues: [],
    why: { vi: 'Đây là tin nhắn thật gửi mã khi chính em (hoặc bố mẹ) đang giao dịch: không có link, không đòi gì. Chỉ cần không đưa mã cho ai.', en: 'This is a real message sent when you (or your parents) are making a transaction: no link, no request. Just never give the code to anyone.' },
  },
  {
    id: 'prize-otp', channel: 'chat', from: 'Quà Tặng Tri Ân',
    body: { vi: 'Chúc mừng bạn trúng điện thoại mới! Đọc mã OTP vừa gửi về máy bạn cho chúng tôi để xác nhận nhận quà. Ưu đãi chỉ còn 10 phút!', en: 'Congratulations, you won a new phone! Tell us the OTP just sent to your phone to confirm the prize. Offer ends in 10 minutes!' },
    scam: true, clues: ['sender', 'urgency', 'request'],
    why: { vi: 'Em không tham gia thi gì mà lại “trúng thưởng”; kẻ gian giục gấp và đòi mã OTP, thứ không bao giờ được đưa cho ai.', en: 'You did not enter any contest yet you “won”; the scammer rushes you and asks for an OTP, which must never be given to anyone.' },
  },
  {
    id: 'teacher-homework', channel: 'email', from: 'co.lan@thcs-hoabinh.edu.vn',
    subject: { vi: 'Nhắc nộp bài tập Tin học', en: 'Reminder: Informatics homework' },
    body: { vi: 'Các em nhớ nộp bài trước thứ Sáu trên hệ thống học tập của trường như mọi tuần nhé. Cô Lan.', en: 'Please hand in your homework on the school’s learning system before Friday, as every week. Ms Lan.' },
    scam: false, clues: [],
    why: { vi: 'Địa chỉ đúng của trường, nội dung quen thuộc, không có link lạ và không đòi mã hay tiền.', en: 'The school’s real address, a familiar message, no strange link and no request for codes or money.' },
  },
  {
    id: 'police-transfer', channel: 'sms', from: '+84 93 555 0199',
    body: { vi: 'Công an quận thông báo: số điện thoại của bạn liên quan đến một vụ án. Chuyển toàn bộ tiền vào tài khoản tạm giữ 9988776655 trong hôm nay, không được nói với ai.', en: 'District police notice: your phone number is linked to a criminal case. Move all your money to holding account 9988776655 today and tell no one.' },
    scam: true, clues: ['sender', 'urgency', 'request'],
    why: { vi: 'Công an không bao giờ làm việc qua tin nhắn hay yêu cầu chuyển tiền vào “tài khoản tạm giữ”. Bảo “không được nói với ai” là để em không kịp hỏi người lớn.', en: 'The police never deal with cases by text or ask you to move money to a “holding account”. “Tell no one” is there so you cannot ask an adult.' },
  },
  {
    id: 'easy-job', channel: 'chat', from: 'Tuyển CTV Online',
    body: { vi: 'Việc nhẹ lương cao: thả tim video nhận 50 nghìn mỗi nhiệm vụ! Nạp trước 200 nghìn để mở khoá nhiệm vụ, nhận lại gấp đôi:', en: 'Easy job, great pay: like videos and earn 50,000 dong per task! Top up 200,000 first to unlock tasks and get double back:' },
    link: { text: 'nhiemvu-online.top', href: 'https://nhiemvu-online.top/dangky' },
    scam: true, clues: ['sender', 'link', 'request'],
    why: { vi: 'Việc thật không bắt em nộp tiền trước. “Làm nhiệm vụ, nạp tiền nhận hoa hồng” là kiểu lừa đảo rất phổ biến.', en: 'A real job never makes you pay first. “Do tasks, top up to earn commission” is a very common scam.' },
  },
];
