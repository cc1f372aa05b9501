import { LINKS, REASONS, type Reason } from './data.ts';

export type LinkVerdict = { safe: boolean | null; reason: Reason | null };

/** 1 point per link: safe links for "safe"; unsafe links half for "unsafe" and half for the right reason. */
export function gradeLinks(v: LinkVerdict[]): number {
  let earned = 0;
  LINKS.forEach((l, i) => {
    const a = v[i];
    if (!a || a.safe === null) return;
    if (l.safe) earned += a.safe ? 1 : 0;
    else if (!a.safe) earned += 0.5 + (a.reason === l.reason ? 0.5 : 0);
  });
  return earned / LINKS.length;
}

/** Per link: '-' unanswered, 's' safe, or 'u' + reason index. */
export function encodeLinks(v: LinkVerdict[]): string {
  return LINKS.map((_, i) => {
    const a = v[i];
    if (!a || a.safe === null) return '-';
    if (a.safe) return 's';
    return `u${a.reason ? REASONS.indexOf(a.reason) : 'x'}`;
  }).join('');
}

export function decodeLinks(detail: string): LinkVerdict[] {
  const tokens = detail.match(/s|-|u[0-9x]/g) ?? [];
  return LINKS.map((_, i) => {
    const tk = tokens[i];
    if (!tk || tk === '-') return { safe: null, reason: null };
    if (tk === 's') return { safe: true, reason: null };
    return { safe: false, reason: REASONS[Number(tk[1])] ?? null };
  });
}

/** The registrable domain of a URL (e.g. xac-thuc-tk.com for nganhangabc.vn.xac-thuc-tk.com, thcs-hoabinh.edu.vn), to show where it goes. */
export function registrableDomain(href: string): string {
  const host = new URL(href).hostname;
  const parts = host.split('.');
  // parts[length - n], not parts.at(-n): Array.prototype.at needs Safari 15.4 (school iPads run 14.x).
  const twoLevel = /^(edu|com|gov|org|net|ac)$/.test(parts[parts.length - 2] ?? '') && (parts[parts.length - 1] ?? '').length === 2;
  return parts.slice(twoLevel ? -3 : -2).join('.');
}
