import type { CodeRunner, FixEnv, FixSpec } from './types.ts';

export interface FixCaseResult {
  kind: 'exploit' | 'normal';
  label: { vi: string; en: string };
  passed: boolean;
  /** The function's return value or error, shortened, to show the learner. */
  output: string;
}

export interface FixVerdict {
  /** The fix counts: every replayed attack fails and every normal use still works. */
  accepted: boolean;
  attacksBlocked: boolean;
  featureWorks: boolean;
  cases: FixCaseResult[];
}

/**
 * Replays the challenge's exploits and normal use cases against the learner's patched function. The code
 * runs in the runner (a sandboxed frame in the page, node:vm in tests); only its JSON return values come
 * back, and they are judged here, against a fresh SQLite database or an HTML parser.
 */
export async function checkFix(spec: FixSpec, source: string, run: CodeRunner, env: FixEnv): Promise<FixVerdict> {
  const outputs = await run(source, spec.fn, spec.cases.map((c) => c.args));
  const cases: FixCaseResult[] = [];
  for (const [i, c] of spec.cases.entries()) {
    const out = outputs[i] ?? { ok: false as const, error: 'no result' };
    let passed = false;
    try {
      passed = await c.judge(out, env);
    } catch {
      passed = false;
    }
    cases.push({ kind: c.kind, label: c.label, passed, output: (out.ok ? JSON.stringify(out.value) ?? 'undefined' : `Error: ${out.error}`).slice(0, 300) });
  }
  const attacksBlocked = cases.filter((c) => c.kind === 'exploit').every((c) => c.passed);
  const featureWorks = cases.filter((c) => c.kind === 'normal').every((c) => c.passed);
  return { accepted: attacksBlocked && featureWorks, attacksBlocked, featureWorks, cases };
}

/** Judges for HTML output: the text is shown as text, and nothing in it can run. */
export function activeContent(doc: Document): string[] {
  const found: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'iframe', 'object', 'embed', 'base', 'meta'].includes(tag) && el.closest('body')) found.push(`<${tag}>`);
    for (const a of Array.from(el.attributes)) {
      if (/^on/i.test(a.name)) found.push(`${tag}[${a.name}]`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(a.name.toLowerCase()) && /^\s*javascript:/i.test(a.value)) found.push(`${tag}[${a.name}=javascript:]`);
    }
  }
  return found;
}

/** Runs a {sql, params} query the learner's function built against a fresh copy of the challenge data. */
export function runQuery(env: FixEnv, seedSql: string, out: unknown): unknown[][] | null {
  const q = out as { sql?: unknown; params?: unknown };
  if (!q || typeof q.sql !== 'string') return null;
  const params = Array.isArray(q.params) ? (q.params as (string | number | null)[]) : [];
  const db = new env.sql.Database();
  try {
    db.exec(seedSql);
    const stmt = db.prepare(q.sql);
    try {
      stmt.bind(params);
      const rows: unknown[][] = [];
      while (stmt.step()) rows.push(stmt.get());
      return rows;
    } finally {
      stmt.free();
    }
  } catch {
    return [];
  } finally {
    db.close();
  }
}
