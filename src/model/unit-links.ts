/**
 * Links between units. In the model (and so in every package, which holds one unit) a link to another unit
 * is plain text: `<span class="ks-unit-ref" data-unit="…" [data-lesson="…"]>…</span>`. Pages that hold every
 * unit (the teacher site) turn them into real links with linkUnitRefs.
 */
const REF = /<span class="ks-unit-ref" data-unit="([a-z0-9-]+)"(?: data-lesson="([a-z0-9-]+)")?>/g;

/** Turns unit references into links; `hrefOf` gives the (relative) address of a unit or one of its lessons. */
export function linkUnitRefs(html: string, hrefOf: (unit: string, lesson?: string) => string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  let out = '';
  let last = 0;
  let open = 0;
  // Each matched <span …> is closed by the next </span> at the same depth; refs never contain other spans.
  for (const m of html.matchAll(REF)) {
    const start = m.index ?? 0;
    const end = html.indexOf('</span>', start);
    if (end < 0) break;
    out += html.slice(last, start) + `<a class="ks-unit-ref" href="${esc(hrefOf(m[1] as string, m[2]))}">` + html.slice(start + m[0].length, end) + '</a>';
    last = end + '</span>'.length;
    open++;
  }
  return open ? out + html.slice(last) : html;
}
