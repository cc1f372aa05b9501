// The offline search: an index built at build time over unit titles, summaries and lesson titles, and the
// normalisation that lets Vietnamese match with or without diacritics (NFD, strip marks, đ → d).
import type { Lang } from './i18n.ts';

/** Lower case, NFD with combining marks removed, đ → d, spaces collapsed: "Mật khẩu" → "mat khau". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** One searchable item; `text` is folded Vietnamese and English text. */
export interface SearchEntry {
  kind: 'unit' | 'lesson';
  title: { vi: string; en: string };
  context: { vi: string; en: string };
  /** Language-independent page path ('units/x/'). */
  path: string;
  text: string;
}

/** Every query word must appear in the entry's folded text. */
export function matches(entry: Pick<SearchEntry, 'text'>, query: string): boolean {
  const words = fold(query).split(' ').filter(Boolean);
  return words.length > 0 && words.every((w) => entry.text.includes(w));
}

/** Entries ranked: units before lessons, then title matches first. */
export function search(entries: SearchEntry[], query: string, lang: Lang): SearchEntry[] {
  const q = fold(query);
  return entries
    .filter((e) => matches(e, query))
    .map((e) => ({ e, rank: (e.kind === 'unit' ? 0 : 2) + (fold(e.title[lang]).includes(q) ? 0 : 1) }))
    .sort((a, b) => a.rank - b.rank)
    .map((x) => x.e);
}
