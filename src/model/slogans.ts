/**
 * One spiral safety slogan across grades (issue 12, item 8; content review §3.8 "Too many slogans"). The same
 * spine — pause, check, then act safely and tell or report — worded for each school level:
 * - primary (grades 3–5): "Dừng lại – Đóng lại – Kể lại" / "Stop – Close – Tell";
 * - lower secondary (6–9): "Dừng lại – Kiểm tra – Kể lại" / "Stop – Check – Tell" (check the sender or the
 *   source another way; tell a trusted adult, then block or report);
 * - upper secondary (10–12): the rule of SGK Tin học 11 (Kết nối tri thức, Bài 9), "Hãy chậm lại – Kiểm tra
 *   ngay – Dừng lại, không gửi" / "Slow down – Check now – Stop, don’t send".
 * A unit may quote an earlier level's slogan to build on it; a later level's slogan in a lower grade, and the
 * retired forms the units used before (each a different slogan), are reported with line and column and the
 * slogan of the grade's level as the fix. Patterns ignore case and accept "–", "—" or "-" with any spacing.
 */
import type { Lang } from './text.ts';
import { schoolLevel, type SchoolLevel } from './school-level.ts';

export type Slogan = Record<Lang, string>;

export const SLOGANS: Record<SchoolLevel, Slogan> = {
  primary: { vi: 'Dừng lại – Đóng lại – Kể lại', en: 'Stop – Close – Tell' },
  'lower-secondary': { vi: 'Dừng lại – Kiểm tra – Kể lại', en: 'Stop – Check – Tell' },
  'upper-secondary': { vi: 'Hãy chậm lại – Kiểm tra ngay – Dừng lại, không gửi', en: 'Slow down – Check now – Stop, don’t send' },
};

const LEVELS: readonly SchoolLevel[] = ['primary', 'lower-secondary', 'upper-secondary'];

export interface SloganHit {
  line: number;
  column: number;
  /** The text as written. */
  found: string;
  /** The slogan of the grade's level, in the language of the text found. */
  fix: string;
  /** A retired form, or the slogan of a later school level. */
  kind: 'retired' | 'later-level';
}

/**
 * A slogan pattern from its words (regex groups allowed): " - " stands for a dash with any spacing, a space for
 * any whitespace, "'" for either apostrophe; the match starts and ends at word edges.
 */
function pattern(words: string): RegExp {
  const body = words
    .split(' - ')
    .map((part) => part.replace(/'/g, '[’\']').replace(/ /g, '\\s+'))
    .join('\\s*[–—-]\\s*');
  return new RegExp(`(?<![\\p{L}\\p{M}])${body}(?![\\p{L}\\p{M}])`, 'giu');
}

interface Form { lang: Lang; re: RegExp }

/** Forms the units used before the spiral; each is replaced by the slogan of the grade's level. */
const RETIRED: readonly Form[] = [
  { lang: 'vi', re: pattern('dừng lại - hỏi người lớn') },
  { lang: 'en', re: pattern('stop - ask an adult') },
  { lang: 'vi', re: pattern('dừng lại - không chia sẻ - kể với người lớn( - báo cáo)?') },
  { lang: 'en', re: pattern("stop - don't share - tell an adult( - report)?") },
  { lang: 'vi', re: pattern('dừng lại - kiểm tra - cân nhắc') },
  { lang: 'en', re: pattern('stop - check - think') },
  { lang: 'vi', re: pattern('dừng( lại)? - hỏi - kiểm tra') },
  { lang: 'en', re: pattern('stop - ask - check') },
  { lang: 'vi', re: pattern('(hãy )?chậm lại - kiểm tra qua kênh khác - dừng( lại)?, không (gửi|chuyển tiền)') },
  { lang: 'en', re: pattern("slow down - check (through|via) another channel - stop, (don't|do not) send( money)?") },
  { lang: 'vi', re: pattern('dừng( lại)? - kiểm chứng - không chia sẻ') },
  { lang: 'en', re: pattern("stop - verify - don't share") },
];

/** The canonical slogans as patterns, to find a later level's slogan in a lower grade. */
const CANONICAL: Record<SchoolLevel, readonly Form[]> = {
  primary: [{ lang: 'vi', re: pattern('dừng lại - đóng lại - kể lại') }, { lang: 'en', re: pattern('stop - close - tell') }],
  'lower-secondary': [{ lang: 'vi', re: pattern('dừng lại - kiểm tra - kể lại') }, { lang: 'en', re: pattern('stop - check - tell') }],
  'upper-secondary': [{ lang: 'vi', re: pattern('(hãy )?chậm lại - kiểm tra ngay - dừng lại, không gửi') }, { lang: 'en', re: pattern("slow down - check now - stop, don't send") }],
};

/** Blanks ids (id="stop-check-think", YAML id: …), keeping columns: ids are stable machine names, not text. */
function withoutIds(line: string): string {
  const blank = (m: string) => ' '.repeat(m.length);
  return line.replace(/\bid="[^"]*"/g, blank).replace(/^(\s*(?:-\s+)?)id:\s.*$/, (m, pre: string) => pre + blank(m.slice(pre.length)));
}

/**
 * Slogan problems in a source text of a unit of the given grade: retired forms and later levels' slogans, with
 * line and column (1-based). Every line is checked against the Vietnamese and the English forms (a Vietnamese
 * file carries its English in en="…" attributes), unless `lang` limits it to one language. Ids are not text: an
 * item keeps its id (LMS records depend on it) even when it names a retired slogan.
 */
export function sloganHits(text: string, grade: number, lang?: Lang): SloganHit[] {
  const level = schoolLevel(grade);
  const later = LEVELS.slice(LEVELS.indexOf(level) + 1).flatMap((l) => CANONICAL[l]);
  const tag = (kind: SloganHit['kind']) => (form: Form) => ({ form, kind });
  const forms = [...RETIRED.map(tag('retired')), ...later.map(tag('later-level'))].filter(({ form }) => !lang || form.lang === lang);
  const hits: SloganHit[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = withoutIds(raw);
    for (const { form, kind } of forms) {
      for (const m of line.matchAll(form.re)) {
        hits.push({ line: i + 1, column: (m.index ?? 0) + 1, found: m[0], fix: SLOGANS[level][form.lang], kind });
      }
    }
  });
  return hits.sort((a, b) => a.line - b.line || a.column - b.column);
}
