/** Where a problem is in the curriculum sources: file (relative to the repo), 1-based line and column. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

/** One problem found while loading or validating curriculum sources. */
export interface Problem {
  location: SourceLocation;
  /** Dotted path of the offending field, when the problem is in structured data. */
  field?: string;
  message: string;
  /** What the author should do about it. */
  hint?: string;
}

/** Formats a location as `file:line:column` (what editors and terminals turn into links). */
export function formatLocation(loc: SourceLocation): string {
  return [loc.file, loc.line, loc.line !== undefined ? loc.column : undefined].filter((p) => p !== undefined).join(':');
}

/** Formats one problem as a single readable block. */
export function formatProblem(p: Problem): string {
  const field = p.field ? ` ${p.field}:` : '';
  const hint = p.hint ? `\n    → ${p.hint}` : '';
  return `${formatLocation(p.location)}${field} ${p.message}${hint}`;
}

/** Thrown when curriculum sources are invalid; carries every problem found, each with its location. */
export class CurriculumError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const n = problems.length;
    super(`${n} problem${n === 1 ? '' : 's'} in the curriculum sources:\n` + problems.map((p) => '  ' + formatProblem(p)).join('\n'));
    this.name = 'CurriculumError';
    this.problems = problems;
  }
}

/**
 * Collects problems while loading, so one run reports all of them instead of stopping at the first.
 * Warnings (a declared exception, a normalised file) are shown but do not stop the build.
 */
export class ProblemList {
  readonly items: Problem[] = [];
  readonly warnings: Problem[] = [];
  add(p: Problem): void {
    this.items.push(p);
  }
  warn(p: Problem): void {
    this.warnings.push(p);
  }
  get empty(): boolean {
    return this.items.length === 0;
  }
  /** Throws a CurriculumError when any problem was collected. */
  throwIfAny(): void {
    if (!this.empty) throw new CurriculumError(this.items);
  }
}

/** Formats warnings for the terminal (empty string when there are none). */
export function formatWarnings(warnings: readonly Problem[]): string {
  if (!warnings.length) return '';
  const n = warnings.length;
  return `${n} warning${n === 1 ? '' : 's'}:\n` + warnings.map((p) => '  ' + formatProblem(p)).join('\n');
}
