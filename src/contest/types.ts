import type { SqlJsStatic } from 'sql.js';
import type { Client, SimSite } from './http.ts';

/**
 * A "teacher" or "admin" who opens a page of the simulated site (the victim of an XSS challenge). In the
 * browser this is a sandboxed iframe with no network (CSP default-src 'none'); in tests it is jsdom. The
 * page runs with the victim's cookie in document.cookie, and fetch()/Image requests are captured instead of
 * sent: the returned list is every URL the page tried to reach.
 */
export type VictimBrowser = (pageHtml: string, cookie: string) => Promise<string[]>;

/** Parses HTML into a document (DOMParser in the browser, jsdom in tests), for the XSS fix-checks. */
export type HtmlParser = (html: string) => Document;

/** What a challenge's simulated site may use. */
export interface SiteEnv {
  /** This player's flag. */
  flag: string;
  sql: SqlJsStatic;
  victim: VictimBrowser;
}

/** One case the fix-checker replays against the learner's code. */
export interface FixCase {
  kind: 'exploit' | 'normal';
  /** Shown to the learner: what the case tries. */
  label: { vi: string; en: string };
  /** Arguments the learner's function is called with (JSON values). */
  args: unknown[];
  /** Judges the function's return value (or its error); true = this case passes. */
  judge(output: RunOutput, env: FixEnv): boolean | Promise<boolean>;
}

export interface FixEnv {
  sql: SqlJsStatic;
  parseHtml: HtmlParser;
}

/** What one call of the learner's function produced. */
export type RunOutput = { ok: true; value: unknown } | { ok: false; error: string };

/** Runs the learner's source: defines `fn` and calls it once per argument list (sandboxed, with a time limit). */
export type CodeRunner = (source: string, fn: string, calls: unknown[][]) => Promise<RunOutput[]>;

/** The fix part of a coding challenge. */
export interface FixSpec {
  /** Name of the function the learner edits. */
  fn: string;
  language: 'javascript';
  /** The vulnerable code the learner starts from. */
  vulnerable: string;
  cases: FixCase[];
}

/** The code side of one challenge (its texts live in curriculum/challenges/<id>/challenge.yaml). */
export interface ChallengeModule {
  id: string;
  /** The first address the simulated browser opens. */
  start: string;
  createSite(env: SiteEnv): SimSite | Promise<SimSite>;
  fix?: FixSpec;
  /**
   * The site or the fix-check uses env.sql. The page loads the SQLite engine only for such challenges and
   * gives the others an engine that throws (tests/unit/contest-challenges.test.ts holds them to it).
   */
  usesSql?: true;
}

/** The organiser's side of a challenge: kept out of the player's page (tests, solution sheets, CTFd). */
export interface ChallengeSolution {
  /** The reference solution as a script; resolves to everything it saw (contains the flag). */
  solve(client: Client): Promise<string>;
  /** What a beginner tries first; must not reveal the flag. */
  naive(client: Client): Promise<string>;
  /** The reference fix of a coding challenge. */
  reference?: string;
}

/** Joins response bodies for the solve scripts. */
export const seen = (...bodies: { body: string }[]) => bodies.map((b) => b.body).join('\n');
