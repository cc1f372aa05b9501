import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** Letters that occur in Vietnamese words but (almost) never in English ones. */
const VI_LETTER = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

/** Share of the words of a text that carry Vietnamese letters (0–1), and the number of words. */
export function vietnameseShare(text: string): { share: number; words: number } {
  const words = text.normalize('NFC').split(/[\s\p{P}\d]+/u).filter((w) => /\p{L}/u.test(w));
  if (!words.length) return { share: 0, words: 0 };
  return { share: words.filter((w) => VI_LETTER.test(w)).length / words.length, words: words.length };
}

/** True when a short English field (a title, a choice) is really Vietnamese. */
export function shortTextLooksVietnamese(text: string): boolean {
  const { share, words } = vietnameseShare(text);
  return words >= 3 && share >= 0.5;
}

/**
 * True when the body of an English lesson is mostly Vietnamese. Code blocks are left out; an English lesson
 * may quote a Vietnamese message or name, so only a large share counts.
 */
export function lessonLooksVietnamese(tree: Root): boolean {
  const prose = { ...tree, children: tree.children.filter((c) => c.type !== 'code') } as Root;
  const { share, words } = vietnameseShare(toString(prose));
  return words >= 12 && share >= 0.3;
}
