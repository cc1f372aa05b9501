import { z } from './zod.ts';

/** Vietnamese text, required, NFC-normalised (the build rejects decomposed diacritics). */
const viString = z
  .string({ error: 'missing Vietnamese text (vi)' })
  .trim()
  .min(1, 'missing Vietnamese text (vi)')
  .refine((s) => s === s.normalize('NFC'), 'Vietnamese text is not NFC-normalised; re-save the file as NFC');
const enString = z.string({ error: 'missing English text (en)' }).trim().min(1, 'missing English text (en)');

/**
 * Text in both languages.
 * @example { vi: "Mật khẩu", en: "Password" }
 */
export const LocalizedTextSchema = z.object(
  { vi: viString, en: enString },
  { error: 'expected an object { vi: "…", en: "…" } with Vietnamese and English text' },
);
export type LocalizedText = z.output<typeof LocalizedTextSchema>;

/** Which of the two languages. */
export const LangSchema = z.enum(['vi', 'en']);
export type Lang = z.output<typeof LangSchema>;
