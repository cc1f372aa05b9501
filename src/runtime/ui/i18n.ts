import type { Lang } from '../../model/text.ts';

/** Interface text of the lesson player, in both languages. */
export const UI = {
  vi: {
    assessment: 'Bài kiểm tra', prev: 'Trang trước', next: 'Trang tiếp', switchLang: 'English', switchLangLabel: 'Switch to English',
    viewed: 'đã xem', notViewed: 'chưa xem', current: 'đang xem', question: 'Câu', of: 'trên', submit: 'Nộp bài', retry: 'Làm lại bài kiểm tra',
    chooseOne: 'Chọn một đáp án.', chooseAll: 'Chọn tất cả các đáp án đúng.', trueLabel: 'Đúng', falseLabel: 'Sai',
    matchHint: 'Với mỗi dòng, chọn mục phù hợp trong danh sách.', choose: '— Chọn —', orderHint: 'Dùng các nút “Lên” và “Xuống” để sắp xếp theo thứ tự đúng.',
    up: 'Lên', down: 'Xuống', moveUp: 'Đưa lên', moveDown: 'Đưa xuống', moved: 'đã chuyển tới vị trí', yourAnswer: 'Câu trả lời của em',
    correct: 'Đúng', partial: 'Đúng một phần', incorrect: 'Chưa đúng', unanswered: 'Chưa trả lời',
    intro: (n: number, mastery: number) => `Bài kiểm tra có ${n} câu hỏi. Em cần đạt từ ${mastery} điểm (trên 100) để hoàn thành chủ đề.`,
    attemptInfo: (attempt: number, max: number) => (max === 0 ? `Lần làm thứ ${attempt}.` : `Lần làm thứ ${attempt} trên ${max}.`),
    unviewed: 'Em chưa xem các bài:', unanswered2: (n: number) => `Còn ${n} câu chưa trả lời. Em vẫn muốn nộp bài?`,
    confirmSubmit: 'Nộp bài', keepWorking: 'Làm tiếp', results: 'Kết quả',
    score: (s: number) => `Điểm của lần làm này: ${s}/100.`, best: (s: number) => `Điểm cao nhất: ${s}/100.`,
    passed: 'Chúc mừng! Em đã đạt yêu cầu của chủ đề.', failed: (m: number) => `Em chưa đạt ${m} điểm. Hãy xem lại phần nhận xét và các bài học, rồi làm lại.`,
    noAttempts: 'Em đã dùng hết số lần làm bài. Hãy hỏi thầy cô để được hướng dẫn thêm.',
    completed: 'Em đã hoàn thành chủ đề này.', notCompleted: 'Hãy xem hết các bài học để hoàn thành chủ đề.',
    standalone: 'Bài học đang chạy ngoài hệ thống học tập (LMS): kết quả chỉ được lưu trên trình duyệt này.',
    storage: 'Trình duyệt không cho lưu dữ liệu: nếu tải lại trang, em sẽ phải làm lại từ đầu.',
    saveFailed: 'Chưa lưu được kết quả lên hệ thống. Em cứ học tiếp, bài học sẽ thử lưu lại.',
    savedAgain: 'Đã lưu kết quả lên hệ thống.',
    stateReset: 'Chủ đề đã được cập nhật nên bài kiểm tra của em được bắt đầu lại. Các bài đã xem vẫn được giữ.',
    review: 'Chế độ xem lại: kết quả lần này không được ghi nhận.',
    launchFailed: 'Không kết nối được với hệ thống học tập, nên kết quả lần này chưa được ghi nhận. Hãy đóng trang và mở lại bài học từ trang khoá học.',
    refused: 'Hệ thống học tập từ chối một phần dữ liệu của bài học; phần còn lại vẫn được lưu. Nếu kết quả của em không hiện trong khoá học, hãy báo thầy cô.',
    openElsewhere: 'Bài học này đang mở ở một thẻ khác của trình duyệt. Hãy học tiếp ở thẻ đó: kết quả ở thẻ này không được gửi lên hệ thống học tập.',
    sessionClosed: 'Lượt học này đã kết thúc trên hệ thống. Bài làm của em vẫn được lưu; kết quả mới sẽ được ghi nhận khi em mở lại bài học từ trang khoá học.',
    finish: 'Kết thúc và quay lại khoá học',
    labMissing: 'Không tải được phần thực hành này. Hãy báo thầy cô.',
    labScore: (p: number) => `Em đạt ${p}% số điểm của phần thực hành.`,
    progress: (v: number, n: number) => `Đã xem ${v}/${n} bài`,
    reviewAnswer: 'Đáp án đúng:', reviewWhy: 'Vì sao:',
    hotspotHint: 'Chọn mọi dấu hiệu đáng ngờ trên hình: bấm vào vùng đó, hoặc dùng phím Tab để đến từng vùng và nhấn Space hay Enter để chọn hoặc bỏ chọn.',
    hsMark: { right: 'em chọn đúng', wrong: 'em chọn sai', missed: 'dấu hiệu em bỏ sót' },
    reviewOpen: 'Bên dưới mỗi câu hỏi có đáp án đúng và lời giải thích để em xem lại.',
    reviewLater: 'Đáp án đúng của từng câu sẽ hiện khi em đạt yêu cầu hoặc đã dùng hết số lần làm bài.',
  },
  en: {
    assessment: 'Assessment', prev: 'Previous page', next: 'Next page', switchLang: 'Tiếng Việt', switchLangLabel: 'Chuyển sang tiếng Việt',
    viewed: 'viewed', notViewed: 'not viewed', current: 'current', question: 'Question', of: 'of', submit: 'Submit answers', retry: 'Retake the assessment',
    chooseOne: 'Choose one answer.', chooseAll: 'Choose all correct answers.', trueLabel: 'True', falseLabel: 'False',
    matchHint: 'For each row, choose the matching item from the list.', choose: '— Choose —', orderHint: 'Use the “Up” and “Down” buttons to put the items in the right order.',
    up: 'Up', down: 'Down', moveUp: 'Move up', moveDown: 'Move down', moved: 'moved to position', yourAnswer: 'Your answer',
    correct: 'Correct', partial: 'Partly correct', incorrect: 'Not correct', unanswered: 'Not answered',
    intro: (n: number, mastery: number) => `The assessment has ${n} questions. You need ${mastery} points (out of 100) to complete the unit.`,
    attemptInfo: (attempt: number, max: number) => (max === 0 ? `Attempt ${attempt}.` : `Attempt ${attempt} of ${max}.`),
    unviewed: 'You have not viewed these lessons yet:', unanswered2: (n: number) => `${n} questions are not answered yet. Submit anyway?`,
    confirmSubmit: 'Submit', keepWorking: 'Keep working', results: 'Results',
    score: (s: number) => `Score for this attempt: ${s}/100.`, best: (s: number) => `Best score: ${s}/100.`,
    passed: 'Well done! You have met the goal of this unit.', failed: (m: number) => `You have not reached ${m} points yet. Read the feedback and the lessons again, then try again.`,
    noAttempts: 'You have used all your attempts. Ask your teacher for help.',
    completed: 'You have completed this unit.', notCompleted: 'View all lessons to complete the unit.',
    standalone: 'This lesson is running outside a learning platform (LMS): results are only saved in this browser.',
    storage: 'This browser does not allow saving: if you reload the page you will start again.',
    saveFailed: 'Your results are not saved to the platform yet. Keep going; the lesson will try again.',
    savedAgain: 'Your results are now saved to the platform.',
    stateReset: 'This unit was updated, so your assessment starts again. The lessons you viewed are kept.',
    review: 'Review mode: nothing you do now is recorded.',
    launchFailed: 'Could not connect to the learning platform, so this session is not recorded. Close this page and open the lesson again from your course page.',
    refused: 'The learning platform refused part of the lesson data; the rest is still saved. If your result does not show in the course, tell your teacher.',
    openElsewhere: 'This lesson is already open in another tab of this browser. Carry on there: results in this tab are not sent to the learning platform.',
    sessionClosed: 'This sitting has already ended on the learning platform. Your work is still saved; new results are recorded when you open the lesson again from your course page.',
    finish: 'Finish and return to the course',
    labMissing: 'This practice activity could not be loaded. Please tell your teacher.',
    labScore: (p: number) => `You earned ${p}% of this practice activity's points.`,
    progress: (v: number, n: number) => `${v} of ${n} lessons viewed`,
    reviewAnswer: 'Correct answer:', reviewWhy: 'Why:',
    hotspotHint: 'Mark every warning sign in the picture: click the part, or use Tab to reach each part and press Space or Enter to mark or unmark it.',
    hsMark: { right: 'you marked it, correct', wrong: 'you marked it, not a sign', missed: 'a sign you missed' },
    reviewOpen: 'Under each question you can now see the correct answer and why.',
    reviewLater: 'The correct answers appear once you pass or have used all your attempts.',
  },
} satisfies Record<Lang, unknown>;

export type UiText = (typeof UI)['vi'];

/**
 * Shorter, friendlier wording for grades 3–5 (8–10-year-olds): short sentences, "Gần đúng rồi!" instead of a
 * terse verdict. Applied once per page by useYoungText() when the unit's grade is 5 or lower.
 */
export const YOUNG = {
  vi: {
    chooseOne: 'Chọn 1 câu đúng.', chooseAll: 'Chọn hết các câu đúng.',
    matchHint: 'Mỗi dòng, chọn một ý hợp.', orderHint: 'Bấm “Lên”, “Xuống” để xếp cho đúng.',
    correct: 'Đúng rồi! Giỏi lắm!', partial: 'Gần đúng rồi! Xem lại một chút nhé.', incorrect: 'Chưa đúng. Em thử nghĩ lại nhé!', unanswered: 'Em chưa trả lời câu này.',
    intro: (n: number, mastery: number) => `Có ${n} câu hỏi. Được từ ${mastery} điểm là em đạt.`,
    attemptInfo: (attempt: number, max: number) => (max === 0 ? `Lần ${attempt}.` : `Lần ${attempt}/${max}.`),
    unanswered2: (n: number) => `Còn ${n} câu chưa làm. Em nộp bài luôn nhé?`,
    passed: 'Tuyệt vời! Em đã làm được rồi!', failed: (m: number) => `Em cần ${m} điểm. Đọc lại bài rồi thử lại nhé!`,
    notCompleted: 'Em xem hết các bài nhé.', standalone: 'Kết quả chỉ lưu trên máy này.',
  },
  en: {
    chooseOne: 'Pick 1 right answer.', chooseAll: 'Pick all the right answers.',
    matchHint: 'For each line, pick the one that fits.', orderHint: 'Press “Up” and “Down” to put them in order.',
    correct: 'Yes! Well done!', partial: 'Nearly there! Look again.', incorrect: 'Not yet. Have another think!', unanswered: 'You did not answer this one.',
    intro: (n: number, mastery: number) => `There are ${n} questions. Get ${mastery} points to pass.`,
    attemptInfo: (attempt: number, max: number) => (max === 0 ? `Try ${attempt}.` : `Try ${attempt} of ${max}.`),
    unanswered2: (n: number) => `${n} questions are not done. Hand in anyway?`,
    passed: 'Great job! You did it!', failed: (m: number) => `You need ${m} points. Read the lessons again and have another go!`,
    notCompleted: 'Look at all the lessons.', standalone: 'Your results are only kept on this device.',
  },
} satisfies Record<Lang, Partial<UiText>>;

/** Switches the player's wording to the young learners' set (grades 3–5). */
export function useYoungText(): void {
  Object.assign(UI.vi, YOUNG.vi);
  Object.assign(UI.en, YOUNG.en);
}
