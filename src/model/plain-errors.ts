import type { z } from 'zod';

/** What a value is, in an author's words. */
function kind(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `the text "${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean') return `${v}`;
  return 'a group of fields';
}

const EXPECTED: Record<string, string> = {
  string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list (- item lines or [a, b])',
  object: 'a group of fields ({ key: value })', date: 'a date',
};

/**
 * Plain-language messages for schema checks that have no message of their own, so an author never sees raw
 * schema text such as "Too small: expected string to have >=1 characters". Messages written in the schemas
 * take precedence over these.
 */
export const plainErrorMap = (issue: z.core.$ZodRawIssue): string | undefined => {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return `missing: add ${EXPECTED[String(issue.expected)] ?? String(issue.expected)}`;
      return `expected ${EXPECTED[String(issue.expected)] ?? String(issue.expected)}, found ${kind(input)}`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? 'must not be empty' : `must be at least ${min} characters long`;
      if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? 'the list must not be empty' : `the list needs at least ${min} entries`;
      return `must be at least ${min}${issue.inclusive === false ? ' (exclusive)' : ''}, found ${kind(input)}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `must be at most ${max} characters long`;
      if (issue.origin === 'array' || issue.origin === 'set') return `the list may have at most ${max} entries`;
      return `must be at most ${max}, found ${kind(input)}`;
    }
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${kind(input)}`;
    case 'invalid_format':
      return `${kind(input)} is not in the expected form${issue.format === 'regex' && 'pattern' in issue && issue.pattern ? ` (${String(issue.pattern)})` : ''}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling against docs/authoring.md)`;
    case 'invalid_union':
      return `${kind(input)} does not fit any allowed form`;
    case 'invalid_key':
    case 'invalid_element':
      return 'contains an entry that is not allowed';
    default:
      return undefined;
  }
};
