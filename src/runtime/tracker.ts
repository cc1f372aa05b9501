import type { Answer } from '../core/answers.ts';
import type { QuestionResult } from '../core/scoring.ts';
import type { Question } from '../model/question-schema.ts';
import type { Lang } from '../model/text.ts';

/** What the LMS (or the browser, standalone) knows when a session starts. */
export interface TrackerStart {
  /** The saved learner state, or null for a first visit. */
  state: string | null;
  /** normal: results count; browse/review: nothing is recorded. */
  mode: 'normal' | 'browse' | 'review';
  /** Whether this session counts for credit (SCORM cmi.core.credit). */
  credit: boolean;
  /** The learner's preferred language, when the LMS says. */
  lang?: Lang;
  /** The learner's name, when the LMS says. */
  learnerName?: string;
  /** Whether the unit was already passed in an earlier session (never downgrade it). */
  alreadyPassed?: boolean;
  /** A pass mark set by the LMS (cmi5 LaunchData), overriding the unit's own, 0–100. */
  masteryScore?: number;
  /** Where to send the learner when they finish (cmi5 returnURL). */
  returnUrl?: string;
  /** A copy of the state shared with this learner's other tabs of the unit (see adapters/tab-mirror.ts). */
  mirror?: StateMirror;
}

/** A serialised learner state shared between tabs of one browser. */
export interface StateMirror {
  read(): string | null;
  write(state: string): void;
}

/** One answered question, as LMSes record it (cmi.interactions, xAPI "answered"). */
export interface InteractionRecord {
  question: Question;
  answer: Answer | undefined;
  result: QuestionResult;
  /** Time from showing the assessment (or the previous answer) to this answer. */
  latencyMs: number;
  /** When the answer was given. */
  timestamp: Date;
  /** Prompt text in the learner's language (2004 description, xAPI definition). */
  description: string;
}

/** The learner's standing in the unit, in meanings, not any standard's vocabulary. */
export interface UnitOutcome {
  /** All lessons viewed and the assessment submitted. */
  completed: boolean;
  /** Passed once the best score reaches the mastery score; unknown before any submission. */
  success: 'passed' | 'failed' | 'unknown';
  /** No assessment attempts remain. */
  final: boolean;
  /** Best score so far, 0–100, or null before any submission. */
  score: number | null;
  /** Per-outcome-code results of the best attempt (score 0–100). */
  objectives: { code: string; score: number; passed: boolean }[];
}

/** The one tracking interface. Each standard (standalone, SCORM 1.2, SCORM 2004, xAPI, cmi5) is an adapter. */
export interface Tracker {
  readonly name: string;
  /** Connects to the LMS and reads what it knows. */
  initialize(): Promise<TrackerStart>;
  /** A lesson page (or the assessment) was shown. `location` is the bookmark. */
  pageViewed(index: number, pageId: string, location: string): void;
  /** A question was answered and graded. */
  answerRecorded(record: InteractionRecord): void;
  /** The learner's score, completion and success changed; set score before status. */
  reportOutcome(outcome: UnitOutcome): void;
  /** Saves the serialised learner state and bookmark. */
  saveState(state: string, location: string): void;
  /** Makes everything sent so far durable (a graded checkpoint or the page being hidden). */
  commit(): void;
  /** Ends the session: suspend when unfinished, normal when finished. */
  terminate(exit: 'suspend' | 'normal'): void;
  /** The learner left the lesson on purpose (Finish): forget what this tab keeps of the launch (credentials). */
  release?(): void;
  /** Resolves when everything sent so far has been delivered (or could not be, for now). */
  whenIdle?(): Promise<void>;
  /** Set by the player: called with a learner-facing message when the LMS has trouble. */
  onNotice?: (notice: TrackerNotice) => void;
}

/** A non-blocking message for the learner about saving. */
export interface TrackerNotice {
  kind: 'standalone' | 'save-failed' | 'saved-again' | 'state-reset' | 'storage-unavailable' | 'review' | 'launch-failed' | 'statement-refused' | 'session-closed' | 'open-elsewhere';
  detail?: string;
}
