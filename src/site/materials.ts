// Printable classroom materials derived from the lesson source (front matter + rendered lesson body), never
// retyped: worksheet key points and tasks, exit-ticket slips, card sets, projector slides, the one-page key and
// the parents' letter. The lesson HTML is our own renderer's output (lesson-html.ts), so its few landmarks
// (the vocabulary list, the "Remember" section, the "Where to report" box) are read with small patterns.
import type { Lesson, Unit } from '../model/unit.ts';
import type { CardSet } from '../model/lesson-schema.ts';
import type { Question } from '../model/question-schema.ts';
import type { SchoolLevel } from '../model/school-level.ts';
import type { Lang } from './i18n.ts';

export interface Term { term: string; meaning: string }
/** A misconception split into what a student might say and the correction. */
export interface Myth { claim: string; correction: string }

export interface LessonMaterials {
  /** Short "Remember" points of the lesson (the "## Ghi nhớ" list), else the vocabulary meanings. */
  keyPoints: string[];
  vocab: Term[];
  myths: Myth[];
  discussion: string[];
  /** The exit-ticket question (student wording), if the lesson uses one. */
  exitTicket?: string;
  cards: { title: string; cards: string[] }[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** Plain text of an HTML fragment (tags dropped, entities decoded, spaces collapsed). */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_m, e: string) => ENTITIES[e] ?? '')
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/\s+/g, ' ')
    .trim();
}

const REMEMBER = { vi: 'Ghi nhớ', en: 'Remember' } as const;

/** The vocabulary terms of a lesson body. */
export function vocabulary(html: string): Term[] {
  const dl = /<section class="ks-vocab"[^>]*>[\s\S]*?<dl>([\s\S]*?)<\/dl>/.exec(html)?.[1] ?? '';
  const out: Term[] = [];
  const re = /<dt>([\s\S]*?)<\/dt>\s*<dd>([\s\S]*?)<\/dd>/g;
  for (let m = re.exec(dl); m; m = re.exec(dl)) out.push({ term: plainText(m[1] ?? ''), meaning: plainText(m[2] ?? '') });
  return out;
}

/** The bullet points under the lesson's "Remember" heading. */
export function rememberPoints(html: string, lang: Lang): string[] {
  const at = html.search(new RegExp(`<h3>${REMEMBER[lang]}</h3>`));
  if (at < 0) return [];
  const list = /<ul>([\s\S]*?)<\/ul>/.exec(html.slice(at))?.[1] ?? '';
  return [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => plainText(m[1] ?? '')).filter(Boolean);
}

/** The "Where to report" box of a lesson, as its list items (plain text). */
export function reportPoints(html: string, lang: Lang): string[] {
  const label = lang === 'vi' ? 'Báo cáo ở đâu' : 'Where to report';
  const at = html.indexOf(`aria-label="${label}"`);
  if (at < 0) return [];
  const box = html.slice(at, html.indexOf('</aside>', at));
  return [...box.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => plainText(m[1] ?? '')).filter(Boolean);
}

/** “What a student might say.” The correction. → { claim, correction } */
export function splitMyth(text: string): Myth {
  const m = /^\s*[“"]([^”"]+)[”"]\s*(.*)$/s.exec(text);
  return m ? { claim: (m[1] ?? '').trim(), correction: (m[2] ?? '').trim() } : { claim: text.trim(), correction: '' };
}

export function lessonMaterials(lesson: Lesson, lang: Lang): LessonMaterials {
  const html = lesson.html[lang];
  const vocab = vocabulary(html);
  const remember = rememberPoints(html, lang);
  const notes = lesson.teacher;
  return {
    keyPoints: remember.length ? remember : vocab.map((v) => `${v.term}: ${v.meaning}`),
    vocab,
    myths: (notes?.misconceptions ?? []).map((m) => splitMyth(m[lang])),
    discussion: (notes?.discussion ?? []).map((d) => d[lang]),
    exitTicket: notes?.exitTicket?.[lang],
    cards: (notes?.cards ?? []).map((c: CardSet) => ({ title: c.title[lang], cards: c.cards.map((x) => x[lang]) })),
  };
}

/** Whether a lesson plan asks for an exit ticket (its materials or activities name one). */
export function asksForExitTicket(lesson: Lesson): boolean {
  const n = lesson.teacher;
  if (!n) return false;
  return [...n.materials, ...n.activities.map((a) => a.title)].some((x) => /phiếu ra cửa|exit ticket/i.test(`${x.vi} ${x.en}`));
}

/** Short answer of one question for the one-page key: a single line. */
export function shortAnswer(q: Question, lang: Lang, words: { trueWord: string; falseWord: string; lab: string }): string {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return q.choices.filter((c) => q.correct.includes(c.id)).map((c) => c.text[lang]).join(' + ');
    case 'truefalse':
      return q.correct ? words.trueWord : words.falseWord;
    case 'matching': {
      const src = new Map(q.sources.map((o) => [o.id, o.text[lang]]));
      const tgt = new Map(q.targets.map((o) => [o.id, o.text[lang]]));
      return q.correct.map(([a, b]) => `${src.get(a) ?? a} → ${tgt.get(b) ?? b}`).join('; ');
    }
    case 'ordering': {
      const step = new Map(q.steps.map((o) => [o.id, o.text[lang]]));
      return q.correct.map((id, i) => `${i + 1}. ${step.get(id) ?? id}`).join(' ');
    }
    case 'fillin':
      return [...new Set(q.accept.map((a) => a[lang] ?? a.vi ?? a.en ?? '').filter(Boolean))].join(' / ');
    case 'hotspot':
      return q.regions.filter((g) => q.correct.includes(g.id)).map((g) => g.text[lang]).join(' + ');
    case 'lab':
      return words.lab;
    default:
      return '';
  }
}

/** The report points of a unit for its parents' letter: the first "Where to report" box of its lessons. */
export function unitReportPoints(unit: Unit, lang: Lang): string[] {
  for (const l of unit.lessons) {
    const points = reportPoints(l.html[lang], lang);
    if (points.length) return points;
  }
  return [];
}

/** Where to report, by age, when no lesson of the unit has its own box (the same channels the lessons teach). */
export const REPORT_BY_AGE: Record<SchoolLevel, Record<Lang, string[]>> = {
  primary: {
    vi: [
      'Khi con thấy điều lạ, đáng sợ hoặc bị đe doạ trên mạng: con kể ngay với bố mẹ hoặc thầy cô.',
      'Tổng đài quốc gia bảo vệ trẻ em 111 (miễn phí) khi trẻ bị bắt nạt, đe doạ, xâm hại; 113 khi khẩn cấp cần công an.',
      'Cuộc gọi, tin nhắn lừa đảo: bố mẹ báo số điện thoại đó tới 156 hoặc 5656 theo hướng dẫn của nhà mạng.',
    ],
    en: [
      'When your child sees something strange or frightening online, or is threatened: they tell you or their teacher straight away.',
      'The national child protection hotline 111 (free) for bullying, threats or abuse; 113 for police emergencies.',
      'Scam calls and messages: report the number to 156 or 5656 as your mobile network explains.',
    ],
  },
  'lower-secondary': {
    vi: [
      'Trước hết, con kể với bố mẹ hoặc thầy cô và giữ lại bằng chứng (ảnh chụp màn hình, số điện thoại).',
      'Tổng đài quốc gia bảo vệ trẻ em 111 (miễn phí) khi con bị bắt nạt, đe doạ.',
      'Cuộc gọi, tin nhắn lừa đảo: báo số điện thoại tới 156 hoặc 5656 theo cú pháp nhà mạng hướng dẫn.',
      'Ứng dụng VNeID: mục phản ánh, tố giác để báo vụ lừa đảo với công an; trang web đáng ngờ: tra trên tinnhiemmang.vn.',
    ],
    en: [
      'First, your child tells you or a teacher and keeps the evidence (screenshots, the phone number).',
      'The national child protection hotline 111 (free) for bullying or threats.',
      'Scam calls and messages: report the number to 156 or 5656 in the format your mobile network gives.',
      'The VNeID app: its report section to report a scam to the police; a suspicious website: check it on tinnhiemmang.vn.',
    ],
  },
  'upper-secondary': {
    vi: [
      'Giữ bằng chứng (ảnh chụp màn hình, đường link, số tài khoản) và báo ngay cho ngân hàng nếu đã lộ mã OTP hay chuyển tiền.',
      'Cuộc gọi, tin nhắn lừa đảo: báo tới 156 hoặc 5656; trang web lừa đảo: báo và tra cứu trên tinnhiemmang.vn.',
      'Tố giác với công an qua ứng dụng VNeID hoặc gọi 113 khi khẩn cấp; tổng đài 111 khi người dưới 18 tuổi bị đe doạ, xâm hại.',
    ],
    en: [
      'Keep the evidence (screenshots, links, account numbers) and call the bank at once if an OTP was given away or money sent.',
      'Scam calls and messages: report to 156 or 5656; scam websites: report and check them on tinnhiemmang.vn.',
      'Report to the police through the VNeID app, or call 113 in an emergency; hotline 111 when someone under 18 is threatened or abused.',
    ],
  },
};

