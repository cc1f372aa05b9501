/** Options for comparing a typed answer with the accepted answers. */
export interface NormalizeOptions {
  ignoreCase: boolean;
  ignoreDiacritics: boolean;
}

/**
 * Normalises a typed answer: NFC, trimmed, inner spaces collapsed, surrounding quotes and final punctuation
 * dropped; optionally lower-cased and with Vietnamese diacritics removed (đ → d).
 * @example normalizeAnswer("  Mật   Khẩu. ", { ignoreCase: true, ignoreDiacritics: true }) === "mat khau"
 */
export function normalizeAnswer(input: string, opts: NormalizeOptions): string {
  let s = input.normalize('NFC').replace(/[‘’‛′]/g, "'").replace(/\s+/g, ' ').trim();
  // Drop surrounding quotes and final punctuation, unless the answer is only punctuation (e.g. "?").
  const trimmed = s.replace(/^["'“”‘’«»]+|["'“”‘’«»]+$/g, '').replace(/[.!?,;:…]+$/u, '').trim();
  if (trimmed) s = trimmed;
  if (opts.ignoreDiacritics) s = stripDiacritics(s);
  if (opts.ignoreCase) s = s.toLocaleLowerCase('vi');
  return s;
}

/** Removes Vietnamese (and other Latin) diacritics: "Đường hầm" → "Duong ham". */
export function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}
