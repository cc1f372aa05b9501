import type { Lang } from './i18n.ts';

/** Package formats the guide knows about, in the order teachers should consider them. */
export const KNOWN_FORMATS = ['scorm12', 'scorm2004', 'xapi', 'cmi5'] as const;

const LABELS: Record<string, { vi: string; en: string }> = {
  scorm12: { vi: 'SCORM 1.2', en: 'SCORM 1.2' },
  scorm2004: { vi: 'SCORM 2004 (bản 4)', en: 'SCORM 2004 (4th edition)' },
  xapi: { vi: 'xAPI', en: 'xAPI' },
  cmi5: { vi: 'cmi5', en: 'cmi5' },
};

/** Display name of a package format id from the catalogue. */
export const formatLabel = (id: string, lang: Lang): string => LABELS[id]?.[lang] ?? id;

/** Formats in display order: known ones first, then any other id found in the catalogue. */
export const orderFormats = (ids: Iterable<string>): string[] => {
  const set = new Set(ids);
  return [...KNOWN_FORMATS.filter((f) => set.has(f)), ...[...set].filter((f) => !(KNOWN_FORMATS as readonly string[]).includes(f)).sort()];
};

/** File size in KB with one decimal, in the language's number format. */
export const kilobytes = (bytes: number, lang: Lang): string => `${(bytes / 1024).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} KB`;
