import { createProcessor } from '@mdx-js/mdx';
import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { ProblemList } from '../../errors/unit-error.ts';
import { checkMdxTree } from './check-mdx.ts';

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

const processor = createProcessor();

/**
 * Parses an MDX body into an mdast tree with positions; a syntax error becomes a problem with its line.
 * Every tree is then checked the same way (check-mdx.ts): no expressions, no import/export, allowed URLs only.
 */
export function parseMdx(body: string, file: string, problems: ProblemList): Root | undefined {
  let tree: Root;
  try {
    tree = processor.parse(body) as Root;
  } catch (err) {
    const e = err as { line?: number; column?: number; reason?: string; message: string; place?: { line?: number; column?: number; start?: { line: number; column: number } } };
    const place = e.place && 'start' in e.place ? e.place.start : e.place;
    problems.add({
      location: { file, line: e.line ?? place?.line, column: e.column ?? place?.column },
      message: `MDX syntax error: ${e.reason ?? e.message}`,
      hint: 'check that every component tag is closed (<Tag …/> or <Tag>…</Tag>) and attribute text uses “ ” rather than straight double quotes',
    });
    return undefined;
  }
  checkMdxTree(tree, file, problems);
  return tree;
}

/** True for a JSX element node (block or inline). */
export function isJsx(node: RootContent | { type: string }): node is JsxElement {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

/** An attribute value: a string, `true` for a bare attribute, a JSON-ish value for `{…}`, or undefined. */
export function attr(el: JsxElement, name: string): string | number | boolean | undefined {
  for (const a of el.attributes) {
    if (a.type !== 'mdxJsxAttribute' || a.name !== name) continue;
    if (a.value === null || a.value === undefined) return true;
    if (typeof a.value === 'string') return a.value;
    const raw = a.value.value.trim();
    try {
      const v: unknown = JSON.parse(raw);
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    } catch {
      /* fall through: keep the raw expression text so validation can report it */
    }
    return raw;
  }
  return undefined;
}

/** Names of the attributes an element has (for unknown-attribute checks). */
export function attrNames(el: JsxElement): string[] {
  return el.attributes.flatMap((a) => (a.type === 'mdxJsxAttribute' ? [a.name] : ['{…spread}']));
}

/** 1-based line of a node. */
export function lineOf(node: { position?: { start: { line: number } } }): number | undefined {
  return node.position?.start.line;
}
