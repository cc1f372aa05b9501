/**
 * The one allow-list for every URL an author can write (Markdown links and link definitions, images,
 * URL-carrying component attributes). Allowed:
 *   - links: `https:`, `mailto:`, `#fragment` within the page, and `unit:<unit-id>` for another unit;
 *   - images: nothing remote (packages make no request outside their folder).
 * Everything else (javascript:, data:, vbscript:, http:, file:, root-absolute /x, protocol-relative //x,
 * paths that leave the unit) is refused with the fix.
 */

export type UrlUse = 'link' | 'image' | 'attribute';

export type UrlVerdict =
  | { ok: true; kind: 'external' | 'mailto' | 'fragment'; href: string }
  | { ok: true; kind: 'unit'; unit: string; lesson?: string; href: string }
  | { ok: false; message: string; hint: string };

const UNIT_LINK = /^unit:([a-z0-9][a-z0-9-]{2,47})(?:#([a-z0-9][a-z0-9-]{1,39}))?$/;

/** Browsers ignore ASCII whitespace and control characters inside a scheme (`java\tscript:`), so we do too. */
function cleaned(url: string): string {
  return url.replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g, '');
}

export function checkUrl(url: string, use: UrlUse): UrlVerdict {
  const c = cleaned(url);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(c)?.[1]?.toLowerCase();
  const shown = url.length > 60 ? url.slice(0, 60) + '…' : url;
  if (use === 'image') {
    return { ok: false, message: `image "${shown}" cannot be used: images are not supported in lessons yet, and packages may not load anything from outside their folder`, hint: 'describe the picture in words for now, or show a message/page as a mock-up with the lesson components' };
  }
  if (scheme === 'https') {
    if (!/^https:\/\/[^/?#\s]+\.[^/?#\s]+/i.test(c)) return { ok: false, message: `link "${shown}" is not a complete https address`, hint: 'write the full address, e.g. https://tinnhiemmang.vn' };
    return { ok: true, kind: 'external', href: c };
  }
  if (scheme === 'mailto') {
    if (!/^mailto:[^@\s]+@[^@\s]+\.[^@\s]+$/i.test(c)) return { ok: false, message: `link "${shown}" is not a valid e-mail link`, hint: 'write mailto:name@example.vn' };
    return { ok: true, kind: 'mailto', href: c };
  }
  if (scheme === 'unit') {
    const m = UNIT_LINK.exec(c);
    if (!m) return { ok: false, message: `link "${shown}" is not a valid link to another unit`, hint: 'write unit:<unit-id> or unit:<unit-id>#<lesson-id>, e.g. unit:g6-internet-safety#accounts' };
    return { ok: true, kind: 'unit', unit: m[1] as string, lesson: m[2], href: c };
  }
  if (scheme === 'http') return { ok: false, message: `link "${shown}" uses http:, which is not allowed`, hint: 'use the https: address of the page (school networks and LMSes block or warn on plain http)' };
  if (scheme) {
    return { ok: false, message: `link "${shown}" uses the ${scheme}: scheme, which is not allowed${['javascript', 'vbscript', 'data'].includes(scheme) ? ' (it could run code or load content inside the LMS page)' : ''}`, hint: 'links may only be https:…, mailto:…, #section in the same page, or unit:<unit-id> for another unit' };
  }
  if (c.startsWith('#')) {
    if (c.length < 2) return { ok: false, message: 'link "#" points nowhere', hint: 'write #<heading-id>, or remove the link' };
    return { ok: true, kind: 'fragment', href: c };
  }
  if (c.startsWith('//')) return { ok: false, message: `link "${shown}" is protocol-relative (starts with //), so it leaves the package`, hint: 'write the full https:// address' };
  if (c.startsWith('/')) return { ok: false, message: `link "${shown}" is root-absolute (starts with /): it breaks inside an LMS and in every package`, hint: 'link to another unit with unit:<unit-id>, to a page on the web with https://…' };
  if (c === '') return { ok: false, message: 'link has an empty address', hint: 'write the address between the parentheses, or remove the link' };
  return { ok: false, message: `link "${shown}" points to a file, but packages hold only the unit's page`, hint: 'link to another unit with unit:<unit-id>, to a section of this page with #id, or to the web with https://…' };
}
