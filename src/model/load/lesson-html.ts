import type { Root, Nodes as MdastNodes } from 'mdast';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { defaultHandlers, toHast, type State } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'mdast-util-to-string';
import type { ProblemList } from '../../errors/unit-error.ts';
import type { Lang } from '../text.ts';
import { attr, lineOf, type JsxElement } from './mdx-ast.ts';
import { checkUrl } from './check-urls.ts';
import { INLINE_VISUALS, VISUAL_ATTRS, renderVisual } from './visuals.ts';
import { metaAttr } from './program-files.ts';

/** A link to another unit (unit:<id>), checked against the whole curriculum once every unit id is known. */
export interface UnitLinkRef {
  unit: string;
  lesson?: string;
  file: string;
  line: number | undefined;
}

const LABELS = {
  vi: { vocab: 'Từ khoá', example: 'Ví dụ mẫu', think: 'Cùng suy nghĩ', info: 'Thông tin', tip: 'Mẹo', warning: 'Cảnh báo', law: 'Pháp luật', file: 'Tệp', output: 'Kết quả chạy' },
  en: { vocab: 'Key vocabulary', example: 'Worked example', think: 'Think about it', info: 'Information', tip: 'Tip', warning: 'Warning', law: 'The law', file: 'File', output: 'Output of' },
} as const;
const CALLOUT_TYPES = ['info', 'tip', 'warning', 'law'] as const;
type CalloutType = (typeof CALLOUT_TYPES)[number];

/** The lesson components authors may use, with the attributes each accepts. */
export const LESSON_COMPONENTS: Record<string, string[]> = {
  Callout: ['type', 'title'],
  KeyVocabulary: [],
  Term: ['word'],
  WorkedExample: ['title'],
  ThinkAboutIt: [],
  // Mock-ups, illustrations and comics (visuals.ts).
  ...VISUAL_ATTRS,
};
/** Components written inside running text (never lifted out of their paragraph). */
const INLINE_COMPONENTS = new Set(['Term', ...INLINE_VISUALS]);

const h = (tag: string, props: Record<string, string>, children: ElementContent[]): Element => ({ type: 'element', tagName: tag, properties: props, children });
const text = (value: string): ElementContent => ({ type: 'text', value });

/**
 * Renders a lesson body (mdast) to HTML; unknown components and bad attributes become problems. Links to
 * other units become `<span class="ks-unit-ref" data-unit="…">` (plain text in a package, which holds one
 * unit; the site turns them into links with linkUnitRefs) and are collected into `unitLinks`.
 */
export function renderLessonHtml(tree: Root, lang: Lang, file: string, problems: ProblemList, unitLinks?: UnitLinkRef[]): string {
  const L = LABELS[lang];
  const definitions = new Map<string, string>();
  for (const n of tree.children) if (n.type === 'definition') definitions.set(n.identifier.toLowerCase(), n.url);
  /** Every link goes through the allow-list; a refused URL (already reported by check-mdx) renders as text. */
  const safeLink = (state: State, node: MdastNodes, url: string): Element | ElementContent[] => {
    const kids = state.all(node) as ElementContent[];
    const v = checkUrl(url, 'link');
    if (!v.ok) return kids;
    if (v.kind === 'unit') {
      unitLinks?.push({ unit: v.unit, lesson: v.lesson, file, line: lineOf(node) });
      return h('span', { className: 'ks-unit-ref', dataUnit: v.unit, ...(v.lesson ? { dataLesson: v.lesson } : {}) }, kids);
    }
    return h('a', v.kind === 'fragment' ? { href: v.href } : { href: v.href, target: '_blank', rel: 'noopener noreferrer' }, kids);
  };
  const jsx = (state: State, node: JsxElement): Element | ElementContent[] | undefined => {
    const name = node.name ?? '';
    const allowed = LESSON_COMPONENTS[name];
    if (!allowed) {
      problems.add({ location: { file, line: lineOf(node) }, message: `unknown component <${name}>`, hint: `lessons may use ${Object.keys(LESSON_COMPONENTS).map((c) => `<${c}>`).join(', ')}` });
      return undefined;
    }
    for (const a of node.attributes) {
      if (a.type === 'mdxJsxAttribute' && !allowed.includes(a.name)) problems.add({ location: { file, line: lineOf(node) }, message: `<${name}> has unknown attribute "${a.name}"`, hint: allowed.length ? `allowed: ${allowed.join(', ')}` : `<${name}> takes no attributes` });
    }
    if (VISUAL_ATTRS[name]) return renderVisual(state, node, lang, file, problems);
    const kids = state.all(node as unknown as MdastNodes) as ElementContent[];
    switch (name) {
      case 'Callout': {
        const t = String(attr(node, 'type') ?? 'info') as CalloutType;
        if (!CALLOUT_TYPES.includes(t)) problems.add({ location: { file, line: lineOf(node) }, message: `<Callout type="${t}"> is not a known type`, hint: `use ${CALLOUT_TYPES.join(', ')}` });
        const title = attr(node, 'title');
        const label = typeof title === 'string' ? title : L[CALLOUT_TYPES.includes(t) ? t : 'info'];
        return h('aside', { className: `ks-callout ks-callout--${t}`, ariaLabel: label }, [h('p', { className: 'ks-box-title' }, [text(label)]), ...kids]);
      }
      case 'KeyVocabulary':
        // Terms written on consecutive lines arrive wrapped in a paragraph; a <dl> may only hold <dt>/<dd>.
        return h('section', { className: 'ks-vocab', ariaLabel: L.vocab }, [h('p', { className: 'ks-box-title' }, [text(L.vocab)]), h('dl', {}, termsOnly(kids))]);
      case 'Term': {
        const word = attr(node, 'word');
        if (typeof word !== 'string' || !word.trim()) problems.add({ location: { file, line: lineOf(node) }, message: '<Term> needs word="…"' });
        return [h('dt', {}, [text(String(word ?? ''))]), h('dd', {}, unwrapSingleParagraph(kids))];
      }
      case 'WorkedExample': {
        const title = attr(node, 'title');
        const label = typeof title === 'string' ? `${L.example}: ${title}` : L.example;
        return h('section', { className: 'ks-example', ariaLabel: label }, [h('p', { className: 'ks-box-title' }, [text(label)]), ...kids]);
      }
      default:
        return h('aside', { className: 'ks-think', ariaLabel: L.think }, [h('p', { className: 'ks-box-title' }, [text(L.think)]), ...kids]);
    }
  };
  const hast = toHast(tree, {
    handlers: {
      mdxJsxFlowElement: (state: State, node: JsxElement) => jsx(state, node),
      mdxJsxTextElement: (state: State, node: JsxElement) => jsx(state, node),
      mdxFlowExpression: () => undefined,
      mdxTextExpression: () => undefined,
      // Reported by check-mdx.ts for every file; never rendered.
      mdxjsEsm: () => undefined,
      paragraph: (state: State, node: MdastNodes & { children: MdastNodes[] }) => {
        // Block components written on one line (or on consecutive lines) arrive inside a paragraph;
        // <aside>/<section>/<figure> may not sit in <p>.
        const real = node.children.filter((c) => !(c.type === 'text' && !(c as { value: string }).value.trim())) as (MdastNodes & { name?: string })[];
        if (real.length && real.every((c) => c.type === 'mdxJsxTextElement' && c.name && !INLINE_COMPONENTS.has(c.name) && LESSON_COMPONENTS[c.name])) {
          return real.flatMap((c) => jsx(state, c as unknown as JsxElement) ?? []);
        }
        return h('p', {}, state.all(node) as ElementContent[]);
      },
      heading: (state: State, node: MdastNodes & { depth: number }) => {
        // Lesson titles are <h2> in the player, so "##" in a lesson becomes <h3>.
        const depth = Math.min(6, Math.max(3, node.depth + 1));
        return h(`h${depth}`, {}, state.all(node) as ElementContent[]);
      },
      link: (state: State, node: MdastNodes & { url: string }) => safeLink(state, node, node.url),
      linkReference: (state: State, node: MdastNodes & { identifier: string }) => {
        const url = definitions.get(node.identifier.toLowerCase());
        return url === undefined ? (state.all(node) as ElementContent[]) : safeLink(state, node, url);
      },
      // A code block scrolls inside its own box (CSS overflow-x) instead of widening the page; tabindex lets a
      // keyboard user scroll it (axe: scrollable-region-focusable).
      code: (state: State, node: Parameters<typeof defaultHandlers.code>[1]) => {
        const pre = defaultHandlers.code(state, node);
        pre.properties = { ...pre.properties, className: ['ks-code'], tabIndex: 0 };
        // A program the unit ships (```python file="…", program-files.ts) or its expected output: named above the code.
        const meta = (node as { meta?: string | null }).meta;
        const file = metaAttr(meta, 'file');
        const output = metaAttr(meta, 'output');
        if (file === undefined && output === undefined) return pre;
        return [h('p', { className: 'ks-code-file' }, [text(`${file !== undefined ? L.file : L.output}: `), h('code', {}, [text(file ?? output ?? '')])]), pre];
      },
      definition: () => undefined,
      // Images are refused by check-mdx.ts (nothing is loaded from outside a package).
      image: () => undefined,
      imageReference: () => undefined,
    } as never,
  }) as HastRoot;
  // Raw nodes come only from visuals.ts (its own SVG drawings); authors cannot write raw HTML in MDX.
  return toHtml(hast, { allowDangerousHtml: true });
}

function termsOnly(kids: ElementContent[]): ElementContent[] {
  return kids.flatMap((k) => (k.type === 'element' && k.tagName === 'p' ? k.children : [k])).filter((k) => k.type === 'element' && (k.tagName === 'dt' || k.tagName === 'dd'));
}

function unwrapSingleParagraph(kids: ElementContent[]): ElementContent[] {
  const real = kids.filter((k) => !(k.type === 'text' && !k.value.trim()));
  const only = real[0];
  return real.length === 1 && only && only.type === 'element' && only.tagName === 'p' ? only.children : kids;
}

/** Number of words of running text in a lesson (for reading-load checks). */
export function wordCount(tree: Root): number {
  return toString(tree).split(/\s+/).filter(Boolean).length;
}
