import type { z } from '../zod.ts';
import type { ProblemList } from '../../errors/unit-error.ts';

/** How to find the line of a field, for error messages. */
export type LineOf = (path: readonly PropertyKey[]) => number | undefined;

/**
 * Validates data against a schema; every issue becomes a problem naming the file, the field and its line.
 * Returns the parsed value, or undefined when invalid.
 */
export function parseWithFriendlyErrors<S extends z.ZodType>(
  schema: S,
  data: unknown,
  ctx: { file: string; lineOf: LineOf; problems: ProblemList; fieldPrefix?: string },
): z.output<S> | undefined {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path as PropertyKey[];
    const field = [ctx.fieldPrefix, path.map(String).join('.')].filter(Boolean).join('.');
    ctx.problems.add({
      location: { file: ctx.file, line: ctx.lineOf(path) },
      field: field || undefined,
      message: friendlyMessage(issue),
    });
  }
  return undefined;
}

function friendlyMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling against docs/authoring.md)`;
  if (issue.code === 'invalid_union' && 'note' in issue) return issue.message;
  return issue.message;
}
