import type { Question, SingleChoice } from './question-schema.ts';
import type { Lang } from './text.ts';
import type { Unit } from './unit.ts';

/**
 * Item statistics of a question bank: the cues a test-wise student can use without reading
 * (docs/editorial-checklist.md, "Fair questions"). Pure: the build, `npm run item-stats` and tests share it.
 */

/** The limits every unit's bank must hold. */
export const ITEM_LIMITS = {
  /** Share of single-choice items whose key is the strictly longest option (Vietnamese text). */
  longestKeyMax: 0.35,
  /** Share of true/false items keyed "true". */
  trueMin: 0.4,
  trueMax: 0.6,
  /** Banks with fewer true/false items than this may be off by one item either way. */
  smallTrueFalse: 10,
  /** Largest share of a unit's single-choice keys on one position (at least 2 items always allowed). */
  positionMax: 0.5,
  /** Wrong options a multiple-response item needs at least. */
  multipleWrongMin: 2,
} as const;

/** Length of an option's text as a reader sees it: code points, spaces collapsed, trimmed. */
export function textLength(s: string): number {
  return [...s.normalize('NFC').replace(/\s+/g, ' ').trim()].length;
}

/** True when the key of a single-choice item is longer than every other option in that language. */
export function keyIsLongest(q: SingleChoice, lang: Lang): boolean {
  const key = q.choices.find((c) => c.id === q.correct[0]);
  if (!key) return false;
  const len = textLength(key.text[lang]);
  return q.choices.every((c) => c === key || textLength(c.text[lang]) < len);
}

/** Option wordings that mean "all of the above" (or "none of the above"): a cue, not a distractor. */
const ALL_OF_THEM = /(tất cả|cả ba|cả bốn|cả hai|mọi) (các )?(ý|đáp án|phương án|lựa chọn|câu)( trên| đều)?|^(tất cả|cả ba|cả bốn)( đều đúng)?\.?$|all of (the )?(above|them|these)|none of (the )?(above|them|these)/iu;

/** Allowed number of true keys for a bank of n true/false items: 40–60 %, ±1 item for small banks. */
export function trueRange(n: number): [number, number] {
  let lo = Math.ceil(ITEM_LIMITS.trueMin * n - 1e-9);
  let hi = Math.floor(ITEM_LIMITS.trueMax * n + 1e-9);
  if (n < ITEM_LIMITS.smallTrueFalse) {
    lo -= 1;
    hi += 1;
  }
  return [Math.max(0, lo), Math.min(n, hi)];
}

/** Most single-choice keys one position (a, b, c, d… in authored order) may hold: half, at least 2. */
export function positionLimit(n: number): number {
  return Math.max(2, Math.floor(ITEM_LIMITS.positionMax * n));
}

/** One broken limit: which unit, which rule, which items. */
export interface ItemViolation {
  unit: string;
  rule: 'longest-key' | 'true-false-balance' | 'multiple-response' | 'key-position' | 'all-of-the-above';
  message: string;
  /** Question ids to look at (for balance rules: the items on the over-used side). */
  items: string[];
}

/** Statistics of one bank (or the whole set, when units are pooled). */
export interface ItemStats {
  unit: string;
  questions: number;
  single: {
    count: number;
    /** Items whose key is the strictly longest option, per language. */
    longestKey: Record<Lang, string[]>;
    /** Keys on each position: index 0 = first option as authored. */
    positions: number[];
    /** Item ids by key position. */
    byPosition: string[][];
  };
  truefalse: { count: number; trueKeys: string[]; falseKeys: string[] };
  /** Multiple-response and hotspot items (the same rule: at least 2 wrong options/regions). */
  multiple: {
    count: number;
    /** Items with fewer than 2 wrong options. */
    fewWrong: string[];
    /** Items whose key is every option. */
    allKeyed: string[];
  };
  /** Items with an option worded "all/none of the above". */
  allOfTheAbove: string[];
}

const pct = (a: number, b: number) => (b === 0 ? 0 : (100 * a) / b);

/** Statistics of a list of questions. */
export function bankStats(unit: string, questions: readonly Question[]): ItemStats {
  const s: ItemStats = {
    unit,
    questions: questions.length,
    single: { count: 0, longestKey: { vi: [], en: [] }, positions: [], byPosition: [] },
    truefalse: { count: 0, trueKeys: [], falseKeys: [] },
    multiple: { count: 0, fewWrong: [], allKeyed: [] },
    allOfTheAbove: [],
  };
  for (const q of questions) {
    if (q.type === 'single') {
      s.single.count++;
      for (const lang of ['vi', 'en'] as const) if (keyIsLongest(q, lang)) s.single.longestKey[lang].push(q.id);
      const pos = q.choices.findIndex((c) => c.id === q.correct[0]);
      while (s.single.positions.length <= pos) {
        s.single.positions.push(0);
        s.single.byPosition.push([]);
      }
      s.single.positions[pos] = (s.single.positions[pos] ?? 0) + 1;
      s.single.byPosition[pos]?.push(q.id);
    } else if (q.type === 'truefalse') {
      s.truefalse.count++;
      (q.correct ? s.truefalse.trueKeys : s.truefalse.falseKeys).push(q.id);
    } else if (q.type === 'multiple' || q.type === 'hotspot') {
      // A hotspot is multiple response on a picture: it needs regions that look suspicious but are fine.
      s.multiple.count++;
      const wrong = (q.type === 'multiple' ? q.choices : q.regions).filter((c) => !q.correct.includes(c.id)).length;
      if (wrong === 0) s.multiple.allKeyed.push(q.id);
      if (wrong < ITEM_LIMITS.multipleWrongMin) s.multiple.fewWrong.push(q.id);
    }
    if (q.type === 'single') while (s.single.positions.length < q.choices.length) {
      s.single.positions.push(0);
      s.single.byPosition.push([]);
    }
    if ((q.type === 'single' || q.type === 'multiple') && q.choices.some((c) => ALL_OF_THEM.test(c.text.vi) || ALL_OF_THEM.test(c.text.en))) s.allOfTheAbove.push(q.id);
  }
  return s;
}

/** Statistics of a unit's bank. */
export function unitStats(unit: Unit): ItemStats {
  return bankStats(unit.id, unit.assessment.questions);
}

/** The limits a unit's statistics break (empty when the bank is fair by these measures). */
export function checkItemStats(s: ItemStats): ItemViolation[] {
  const out: ItemViolation[] = [];
  const n1 = s.single.count;
  const longest = s.single.longestKey.vi;
  if (n1 > 0 && longest.length / n1 > ITEM_LIMITS.longestKeyMax + 1e-9) {
    out.push({ unit: s.unit, rule: 'longest-key', items: longest, message: `the key is the longest option in ${longest.length} of ${n1} single-choice items (${pct(longest.length, n1).toFixed(0)}%, limit ${ITEM_LIMITS.longestKeyMax * 100}% = at most ${Math.floor(ITEM_LIMITS.longestKeyMax * n1 + 1e-9)} items)` });
  }
  const nt = s.truefalse.count;
  if (nt > 0) {
    const t = s.truefalse.trueKeys.length;
    const [lo, hi] = trueRange(nt);
    if (t < lo || t > hi) {
      out.push({ unit: s.unit, rule: 'true-false-balance', items: t < lo ? s.truefalse.falseKeys : s.truefalse.trueKeys, message: `${t} of ${nt} true/false items are keyed true (${pct(t, nt).toFixed(0)}%); allowed ${lo}–${hi} (40–60%${nt < ITEM_LIMITS.smallTrueFalse ? ', ±1 item for a small bank' : ''})` });
    }
  }
  const mr = [...new Set([...s.multiple.fewWrong, ...s.multiple.allKeyed])];
  if (mr.length) out.push({ unit: s.unit, rule: 'multiple-response', items: mr, message: `${mr.length} multiple-response item(s) have fewer than ${ITEM_LIMITS.multipleWrongMin} wrong options or key every option` });
  if (s.allOfTheAbove.length) out.push({ unit: s.unit, rule: 'all-of-the-above', items: s.allOfTheAbove, message: `${s.allOfTheAbove.length} item(s) offer "all/none of the above"` });
  const limit = positionLimit(n1);
  s.single.positions.forEach((count, i) => {
    if (count > limit) out.push({ unit: s.unit, rule: 'key-position', items: s.single.byPosition[i] ?? [], message: `${count} of ${n1} single-choice keys are option ${positionName(i)} (limit ${limit}: at most half, at least 2 allowed)` });
  });
  return out;
}

/** "a" for the first position, "b" for the second… */
export function positionName(i: number): string {
  return String.fromCharCode(97 + i);
}

/** Pools several units' statistics into one (for the whole-set line). */
export function poolStats(units: readonly Unit[]): ItemStats {
  return bankStats('(all units)', units.flatMap((u) => u.assessment.questions));
}

/** One table row per unit plus the whole set: what the build summary and `npm run item-stats` print. */
export function itemStatsTable(rows: readonly ItemStats[], total: ItemStats): string {
  const head = ['unit', 'items', 'single', 'longest key vi', 'longest key en', 'key positions a/b/c/d…', 'T/F', 'true', 'multi', 'multi <2 wrong/all', 'violations'];
  const line = (s: ItemStats, bad: number | string) => {
    const n1 = s.single.count;
    const t = s.truefalse.trueKeys.length;
    return [
      s.unit, String(s.questions), String(n1),
      `${s.single.longestKey.vi.length} (${pct(s.single.longestKey.vi.length, n1).toFixed(0)}%)`,
      `${s.single.longestKey.en.length} (${pct(s.single.longestKey.en.length, n1).toFixed(0)}%)`,
      s.single.positions.join('/') || '—',
      String(s.truefalse.count), s.truefalse.count ? `${t} (${pct(t, s.truefalse.count).toFixed(0)}%)` : '—',
      String(s.multiple.count), String(new Set([...s.multiple.fewWrong, ...s.multiple.allKeyed]).size),
      String(bad),
    ];
  };
  const body = [...rows.map((s) => line(s, checkItemStats(s).length)), line(total, '')];
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const fmt = (cols: string[]) => cols.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [fmt(head), ...body.slice(0, -1).map(fmt), '-'.repeat(widths.reduce((a, b) => a + b + 2, -2)), fmt(body[body.length - 1] ?? [])].join('\n');
}
