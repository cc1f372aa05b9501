import type { Root, RootContent } from 'mdast';
import type { ProblemList } from '../../errors/unit-error.ts';
import type { Lang } from '../text.ts';
import { renderLessonHtml } from './lesson-html.ts';
import { attr, attrNames, isJsx, lineOf, type JsxElement } from './mdx-ast.ts';

/** A region as declared by <Region>: its id and, optionally, the `data-part` of a mock-up it stands for. */
export interface RegionRef { id: string; part?: string; line: number | undefined }

/**
 * Renders one <Picture lang="…"> of a <Hotspot> with the lesson renderer, so any lesson mock-up component can be
 * the picture. A region is marked either by wrapping part of the picture in <Area region="a">…</Area> or by
 * <Region part="…"> naming the `data-part` of a mock-up component. The result carries `data-region="a"` on
 * exactly one element per region; anything else (a region missing, marked twice, an unknown region) is a problem
 * with its line.
 */
export function renderHotspotPicture(picture: JsxElement, lang: Lang, regions: readonly RegionRef[], ctx: { file: string; where: string; problems: ProblemList }): string {
  const { file, where, problems } = ctx;
  const line = lineOf(picture);
  const ids = new Set(regions.map((r) => r.id));
  const transform = (nodes: RootContent[]): RootContent[] => nodes.map((n) => {
    if (isJsx(n) && n.name === 'Area') {
      const region = attr(n, 'region');
      for (const a of attrNames(n)) if (a !== 'region') problems.add({ location: { file, line: lineOf(n) }, message: `${where}: <Area> has unknown attribute "${a}"`, hint: '<Area> takes region="…" only' });
      if (typeof region !== 'string' || !ids.has(region)) {
        problems.add({ location: { file, line: lineOf(n) }, message: `${where}: <Area region="${String(region ?? '')}"> names no <Region>`, hint: `declare <Region id="${String(region ?? '…')}" …/> or use one of: ${[...ids].join(', ')}` });
      }
      const tag = n.type === 'mdxJsxFlowElement' ? 'div' : 'span';
      return { type: 'ksArea', data: { hName: tag, hProperties: { className: ['ks-hs-area'], dataRegion: String(region ?? '') } }, children: transform(n.children as RootContent[]) } as unknown as RootContent;
    }
    if ('children' in n && Array.isArray(n.children)) return { ...n, children: transform(n.children as RootContent[]) } as RootContent;
    return n;
  });
  const tree: Root = { type: 'root', children: transform(picture.children as RootContent[]) };
  let html = renderLessonHtml(tree, lang, file, problems);
  for (const r of regions) {
    if (!r.part) continue;
    const re = new RegExp(`data-part="${r.part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`, 'g');
    const n = html.match(re)?.length ?? 0;
    if (n !== 1) {
      problems.add({ location: { file, line: r.line }, message: `${where}: <Region id="${r.id}" part="${r.part}"> matches ${n} parts of the ${lang} picture`, hint: 'part="…" must name exactly one data-part of the mock-up (see docs/authoring.md)' });
      continue;
    }
    html = html.replace(re, `$& data-region="${r.id}"`);
  }
  for (const r of regions) {
    const n = html.match(new RegExp(`data-region="${r.id}"`, 'g'))?.length ?? 0;
    if (n === 0) problems.add({ location: { file, line: line ?? r.line }, message: `${where}: region "${r.id}" is not marked in the ${lang === 'vi' ? 'Vietnamese' : 'English'} picture`, hint: `wrap what it shows in <Area region="${r.id}">…</Area>, or give the <Region> part="…"` });
    if (n > 1) problems.add({ location: { file, line: line ?? r.line }, message: `${where}: region "${r.id}" is marked ${n} times in the ${lang === 'vi' ? 'Vietnamese' : 'English'} picture`, hint: 'mark each region exactly once' });
  }
  return html;
}

/** Regions must not nest (a click would toggle two at once): reported from the rendered HTML. */
export function nestedRegions(html: string): string[] {
  const out: string[] = [];
  const stack: (string | null)[] = [];
  const voids = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    const [, close, tag = '', rest = ''] = m;
    if (close) { stack.pop(); continue; }
    if (voids.has(tag.toLowerCase()) || rest.endsWith('/')) continue;
    const region = /data-region="([^"]*)"/.exec(rest)?.[1] ?? null;
    if (region && stack.some((s) => s !== null)) out.push(region);
    stack.push(region);
  }
  return out;
}
