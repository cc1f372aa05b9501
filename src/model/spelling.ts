/**
 * One spelling convention (issue 12): the NXBGD textbooks' "kĩ" and "lí" (kĩ năng, kĩ thuật, kĩ sư, quản lí,
 * lí do, lí thuyết, xử lí, vật lí, địa lí, hợp lí, tâm lí, pháp lí…). The other form is reported with its
 * line and column. Proper names keep their spelling: a capitalised "Lý" followed by another capitalised
 * word (Lý Thường Kiệt) is a name and is left alone. English text is not checked.
 */
export interface SpellingHit {
  line: number;
  column: number;
  found: string;
  fix: string;
  /** Which convention. */
  rule: 'ki-li' | 'tone-placement';
}

const L = '\\p{L}\\p{M}';
const KY = new RegExp(`(?<![${L}])([kK])ỹ(?![${L}])`, 'gu');
const LY = new RegExp(`(?<![${L}])([lL])ý(?![${L}])( +\\p{Lu})?`, 'gu');
/** Old-style tone placement in open oa/oe/uy syllables (hóa, khỏe, thủy): the textbooks write hoá, khoẻ, thuỷ. */
const TONE = new RegExp(`(?<![${L}])(\\p{Ll}*)([òóỏõọ])([ae])(?![${L}])|(?<![${L}])(\\p{Ll}*[^qQ\\s\\p{Lu}\\p{P}]|)([ùúủũụ])(y)(?![${L}])`, 'gu');
const TONE_MOVE: Record<string, [string, string]> = {
  ò: ['o', '\u0300'], ó: ['o', '\u0301'], ỏ: ['o', '\u0309'], õ: ['o', '\u0303'], ọ: ['o', '\u0323'],
  ù: ['u', '\u0300'], ú: ['u', '\u0301'], ủ: ['u', '\u0309'], ũ: ['u', '\u0303'], ụ: ['u', '\u0323'],
};

/** Blanks English parts of a source line (en="…", feedbackEn="…", YAML en: …), keeping columns. */
function vietnameseOnly(line: string): string {
  const blank = (m: string) => ' '.repeat(m.length);
  return line
    .replace(/\b(en|feedbackEn)="[^"]*"/g, blank)
    .replace(/\ben:\s*"(?:[^"\\]|\\.)*"/g, blank)
    .replace(/\ben:\s*'(?:[^']|'')*'/g, blank)
    .replace(/^(\s*(?:-\s+)?)en:\s.*$/, (m, pre: string) => pre + blank(m.slice(pre.length)));
}

/** Spelling hits in a Vietnamese source file (for .en.mdx files, pass nothing). */
export function spellingHits(text: string, rules: readonly SpellingHit['rule'][] = ['ki-li']): SpellingHit[] {
  const hits: SpellingHit[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = vietnameseOnly(raw);
    if (rules.includes('ki-li')) {
      for (const m of line.matchAll(KY)) hits.push({ line: i + 1, column: (m.index ?? 0) + 1, found: m[0], fix: `${m[1]}ĩ`, rule: 'ki-li' });
      for (const m of line.matchAll(LY)) {
        if (m[1] === 'L' && m[2]) continue; // a name: Lý Thường Kiệt
        hits.push({ line: i + 1, column: (m.index ?? 0) + 1, found: `${m[1]}ý`, fix: `${m[1]}í`, rule: 'ki-li' });
      }
    }
    if (rules.includes('tone-placement')) {
      for (const m of line.matchAll(TONE)) {
        const [pre, toned, second] = m[2] ? [m[1] ?? '', m[2], m[3] ?? ''] : [m[4] ?? '', m[5] ?? '', m[6] ?? ''];
        const mv = TONE_MOVE[toned];
        if (!mv) continue;
        hits.push({ line: i + 1, column: (m.index ?? 0) + 1, found: m[0], fix: `${pre}${mv[0]}${(second + mv[1]).normalize('NFC')}`, rule: 'tone-placement' });
      }
    }
  });
  return hits;
}
