/** A branching phone call from someone claiming to be the police: invented, based on common scams in Vietnam. */
export interface Choice {
  id: string;
  text: { vi: string; en: string };
  /** Next node, or an ending. */
  next: string;
}
export interface ScenarioNode {
  id: string;
  say: { vi: string; en: string };
  choices: Choice[];
}
export interface Ending {
  id: string;
  /** 0–1: how safely the learner handled the call. */
  score: number;
  text: { vi: string; en: string };
}

export const NODES: ScenarioNode[] = [
  {
    id: 'start',
    say: { vi: '“Alo, tôi là cán bộ công an quận. Số điện thoại của em liên quan đến một vụ án lừa đảo. Em phải hợp tác ngay, nếu không sẽ bị bắt!”', en: '“Hello, I’m a district police officer. Your phone number is linked to a fraud case. You must cooperate right now or you will be arrested!”' },
    choices: [
      { id: 'a', text: { vi: '“Dạ… cháu phải làm gì ạ?”', en: '“Oh… what do I have to do?”' }, next: 'app' },
      { id: 'b', text: { vi: 'Nói “Cháu sẽ báo bố mẹ và tự gọi lên công an phường”, rồi cúp máy.', en: 'Say “I’ll tell my parents and call the local police station myself”, then hang up.' }, next: 'end-best' },
      { id: 'c', text: { vi: 'Cúp máy ngay và kể với bố mẹ.', en: 'Hang up at once and tell your parents.' }, next: 'end-best' },
    ],
  },
  {
    id: 'app',
    say: { vi: '“Em cài ứng dụng theo đường link tôi gửi, rồi đọc cho tôi mã OTP vừa gửi về điện thoại của mẹ em để xác minh.”', en: '“Install the app from the link I’m sending, then read me the OTP just sent to your mum’s phone so I can verify you.”' },
    choices: [
      { id: 'a', text: { vi: 'Cài ứng dụng và đọc mã OTP.', en: 'Install the app and read out the OTP.' }, next: 'end-worst' },
      { id: 'b', text: { vi: '“Công an không bao giờ xin mã OTP.” Cúp máy và báo bố mẹ.', en: '“The police never ask for an OTP.” Hang up and tell your parents.' }, next: 'end-recovered' },
      { id: 'c', text: { vi: '“Cháu phải hỏi bố mẹ đã.”', en: '“I have to ask my parents first.”' }, next: 'secret' },
    ],
  },
  {
    id: 'secret',
    say: { vi: '“Không được nói với ai, kể cả bố mẹ! Đây là bí mật điều tra. Nói ra là em bị bắt.”', en: '“You must not tell anyone, not even your parents! This is a secret investigation. If you tell, you’ll be arrested.”' },
    choices: [
      { id: 'a', text: { vi: 'Sợ quá, giữ bí mật và làm theo.', en: 'Too scared: keep it secret and do as told.' }, next: 'end-worst' },
      { id: 'b', text: { vi: 'Cúp máy, kể ngay với bố mẹ; nếu sợ thì gọi 113 hoặc 111.', en: 'Hang up, tell your parents at once; if you feel in danger call 113 or 111.' }, next: 'end-recovered' },
    ],
  },
];

export const ENDINGS: Ending[] = [
  { id: 'end-best', score: 1, text: { vi: 'Rất tốt! Công an không làm việc qua điện thoại với trẻ em, không bắt chuyển tiền hay đọc mã. Cúp máy và báo người lớn là đúng nhất.', en: 'Excellent! The police do not deal with children by phone or ask for money or codes. Hanging up and telling an adult is exactly right.' } },
  { id: 'end-recovered', score: 0.6, text: { vi: 'Em đã dừng lại kịp lúc. Lần sau hãy cúp máy ngay từ câu đầu: lời doạ “bị bắt” và đòi “hợp tác ngay” đã là dấu hiệu lừa đảo.', en: 'You stopped in time. Next time hang up at the first sentence: threats of “arrest” and “cooperate now” are already signs of a scam.' } },
  { id: 'end-worst', score: 0, text: { vi: 'Kẻ gian đã lấy được mã OTP và có thể rút tiền của gia đình. Hãy báo bố mẹ ngay để gọi ngân hàng khoá tài khoản. Nhớ: không ai được xin mã OTP, và “giữ bí mật” là mẹo để em không hỏi người lớn.', en: 'The scammer got the OTP and could take your family’s money. Tell your parents at once so they can call the bank. Remember: nobody may ask for an OTP, and “keep it secret” is a trick to stop you asking an adult.' } },
];
