import type { Root } from 'mdast';
import type { ProblemList } from '../../errors/unit-error.ts';
import { checkUrl } from './check-urls.ts';

interface AnyNode {
  type: string;
  name?: string | null;
  url?: string;
  value?: string;
  identifier?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: AnyNode[];
  position?: { start: { line: number; column: number } };
}

/** Attributes whose value is an address: checked against the URL allow-list wherever they appear. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'url', 'link', 'action', 'formaction', 'poster', 'srcset', 'xlink:href']);

/** A literal written as an expression attribute (`maxLength={20}`, `ignoreCase={true}`) is allowed. */
function isLiteral(code: string): boolean {
  try {
    const v: unknown = JSON.parse(code.trim());
    return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string';
  } catch {
    return false;
  }
}

/**
 * Checks an MDX tree the same way in every file (unit.mdx, lessons, assessment): nothing the author wrote may
 * be silently dropped or run. Refuses import/export, `{…}` expressions, expression and spread attributes,
 * and every URL outside the allow-list (links, link definitions, images, URL attributes).
 */
export function checkMdxTree(tree: Root, file: string, problems: ProblemList): void {
  const at = (n: AnyNode) => ({ file, line: n.position?.start.line, column: n.position?.start.column });
  const url = (n: AnyNode, value: string, use: 'link' | 'image' | 'attribute', what?: string) => {
    const v = checkUrl(value, use);
    if (!v.ok) problems.add({ location: at(n), message: what ? `${what}: ${v.message}` : v.message, hint: v.hint });
  };
  const visit = (n: AnyNode) => {
    switch (n.type) {
      case 'mdxjsEsm':
        problems.add({ location: at(n), message: 'import/export statements are not allowed in unit files (unit.mdx, lessons or the assessment): the build never runs author code', hint: 'use the built-in components only (docs/authoring.md); to show code to students, put it in a ``` code block' });
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const code = (n.value ?? '').trim();
        if (code.startsWith('/*') && code.endsWith('*/')) return; // an MDX comment {/* … */} is fine: it is meant to vanish
        problems.add({ location: at(n), message: `the expression {${code.length > 30 ? code.slice(0, 30) + '…' : code}} would be dropped from the page: MDX expressions are not run`, hint: 'to show braces as text write \\{ and \\}; to show code put it in `backticks`; to leave a note for authors write {/* note */}' });
        return;
      }
      case 'link':
        url(n, n.url ?? '', 'link');
        break;
      case 'definition':
        url(n, n.url ?? '', 'link', `link definition [${n.identifier ?? ''}]`);
        break;
      case 'image':
        url(n, n.url ?? '', 'image');
        break;
      case 'imageReference':
        problems.add({ location: at(n), message: 'images are not supported in lessons yet', hint: 'describe the picture in words for now' });
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        for (const a of n.attributes ?? []) {
          const where = `<${n.name ?? ''}>`;
          if (a.type === 'mdxJsxExpressionAttribute') {
            problems.add({ location: at(n), message: `${where} has a spread attribute {…}: expressions are not run`, hint: 'write each attribute as name="text"' });
            continue;
          }
          const value = a.value as string | { type: string; value: string } | null | undefined;
          if (value && typeof value === 'object') {
            if (!isLiteral(value.value)) problems.add({ location: at(n), message: `${where} attribute ${a.name}={${value.value.trim().slice(0, 30)}} is an expression, which is not run (the value would be lost or shown as code)`, hint: `write ${a.name}="text", or a plain number or true/false such as maxLength={20}` });
            continue;
          }
          if (typeof value === 'string' && a.name && URL_ATTRIBUTES.has(a.name.toLowerCase())) url(n, value, 'attribute', `${where} ${a.name}`);
        }
        break;
    }
    for (const c of n.children ?? []) visit(c);
  };
  visit(tree as unknown as AnyNode);
}
