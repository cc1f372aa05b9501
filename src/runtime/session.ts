import type { Answer } from '../core/answers.ts';
import { assessedOutcomes, bankFingerprint, drawQuestions } from '../core/draw.ts';
import { newSeed } from '../core/random.ts';
import { isPassed, outcomeScores, scoreAttempt, scoreQuestion, type QuestionResult } from '../core/scoring.ts';
import { mergeStates, parseState, serializeState, stateClock, type LearnerState } from '../core/state.ts';
import { plainQuestion, type RuntimeQuestion } from '../core/hashed-keys.ts';
import type { Question } from '../model/question-schema.ts';
import type { Lang } from '../model/text.ts';
import type { RuntimeUnit } from './runtime-unit.ts';
import type { Tracker, TrackerNotice, TrackerStart, UnitOutcome } from './tracker.ts';

/** A learner's session with one unit: navigation, answers, grading and what is reported to the tracker. */
export interface Session {
  readonly unit: RuntimeUnit;
  readonly start: TrackerStart;
  readonly state: LearnerState;
  /** The pass mark in force: the LMS's when it sets one (cmi5), else the unit's. */
  readonly masteryScore: number;
  /** Index of the assessment page (after the last lesson). */
  readonly assessmentPage: number;
  /** The questions of the current attempt. */
  drawn(): RuntimeQuestion[];
  view(page: number): void;
  answer(questionId: string, answer: Answer | undefined): void;
  /** Grades the current attempt and reports it; returns per-question results. */
  submit(lang: Lang): { score: number; passed: boolean; results: Map<string, QuestionResult> };
  /** Results of the current attempt if it was submitted. */
  results(): Map<string, QuestionResult> | undefined;
  attemptsLeft(): number;
  /** Starts a new attempt with a new draw; false when no attempts remain. */
  retry(): boolean;
  outcome(): UnitOutcome;
  /** Saves state and commits (page hidden, checkpoints). */
  flush(): void;
  /** Ends the session with the LMS. */
  end(): void;
}

/** Starts a session: reads the saved state from the tracker and repairs it if it cannot be used as is. */
export async function startSession(unit: RuntimeUnit, tracker: Tracker, notify: (n: TrackerNotice) => void = () => {}): Promise<Session> {
  const start = await tracker.initialize();
  const strata = assessedOutcomes(unit.outcomes);
  const bank = bankFingerprint(unit.bank, strata, unit.draw);
  const lessons = unit.lessons.length;
  const fresh = (): LearnerState => ({ position: 0, viewed: Array<boolean>(lessons).fill(false), attempt: 1, seed: newSeed(), bank, submitted: false, best: null, answers: new Map(), savedAt: stateClock() });
  let state = fresh();
  const parsed = parseState(start.state);
  if ('state' in parsed) {
    state = parsed.state;
    state.viewed = Array.from({ length: lessons }, (_, i) => state.viewed[i] ?? false);
    state.position = Math.min(state.position, lessons);
    if (state.bank !== bank) {
      // The unit's question bank changed since this attempt was drawn: keep progress and best score,
      // start a new draw so answers are never matched to the wrong questions.
      state = { ...state, seed: newSeed(), bank, submitted: false, answers: new Map() };
      notify({ kind: 'state-reset', detail: 'bank-changed' });
    }
  } else if (parsed.problem !== 'empty') {
    notify({ kind: 'state-reset', detail: parsed.problem });
  }
  // Another tab of this browser may hold newer progress than the LMS gave this one (see adapters/tab-mirror.ts).
  const openedAt = stateClock();
  const mirrored = (): LearnerState | null => {
    const m = parseState(start.mirror?.read());
    return 'state' in m && m.state.bank === bank ? m.state : null;
  };
  // On open, a local copy only fills an offline gap of the same attempt (the LMS's copy exists and is older);
  // an empty LMS copy is a new attempt, which starts empty.
  const local = 'state' in parsed ? mirrored() : null;
  if (local && local.savedAt > state.savedAt) state = mergeStates(state, local);
  const recording = start.mode === 'normal' && start.credit;
  const masteryScore = start.masteryScore ?? unit.masteryScore;
  let drawn = drawQuestions(unit.bank, unit.draw, state.seed, strata);
  let results: Map<string, QuestionResult> | undefined = state.submitted ? scoreAttempt(drawn, state.answers).results : undefined;
  let lastAnswerAt = Date.now();
  let ended = false;
  const pageId = (p: number) => (p < lessons ? unit.lessons[p]?.id ?? String(p) : 'assessment');

  /** Takes in what this learner's other tabs saved since this one opened: never write older progress over it. */
  function absorb() {
    const other = mirrored();
    if (!other || other.savedAt < openedAt) return;
    const merged = mergeStates(state, other);
    if (merged.attempt !== state.attempt || merged.seed !== state.seed || merged.submitted !== state.submitted) {
      drawn = drawQuestions(unit.bank, unit.draw, merged.seed);
      results = merged.submitted ? scoreAttempt(drawn, merged.answers).results : undefined;
    }
    state = merged;
  }

  const session: Session = {
    unit, start, assessmentPage: lessons, masteryScore,
    get state() { return state; },
    drawn: () => drawn,
    view(page) {
      absorb();
      state.position = Math.max(0, Math.min(page, lessons));
      if (page < lessons) state.viewed[page] = true;
      if (page === lessons) lastAnswerAt = Date.now();
      tracker.pageViewed(page, pageId(page), pageId(page));
      save();
      if (recording && page < lessons && state.viewed.every(Boolean) && state.submitted) tracker.reportOutcome(session.outcome());
    },
    answer(id, a) {
      if (state.submitted) return;
      if (a === undefined) state.answers.delete(id);
      else state.answers.set(id, a);
      save();
    },
    submit(lang) {
      absorb();
      const scored = scoreAttempt(drawn, state.answers);
      results = scored.results;
      state.submitted = true;
      state.best = state.best === null ? scored.score : Math.max(state.best, scored.score);
      if (recording) {
        const now = Date.now();
        for (const q of drawn) {
          const a = state.answers.get(q.id);
          tracker.answerRecorded({ question: plainQuestion(q), answer: a, result: scoreQuestion(q, a), latencyMs: Math.max(0, now - lastAnswerAt), timestamp: new Date(now), description: q.prompt[lang] });
        }
        tracker.reportOutcome(session.outcome());
      }
      save();
      tracker.commit();
      return { score: scored.score, passed: isPassed(scored.score, masteryScore), results: scored.results };
    },
    results: () => results,
    attemptsLeft: () => (unit.maxAttempts === 0 ? Infinity : Math.max(0, unit.maxAttempts - state.attempt)),
    retry() {
      if (!state.submitted || session.attemptsLeft() <= 0) return false;
      state = { ...state, attempt: state.attempt + 1, seed: newSeed(), submitted: false, answers: new Map() };
      drawn = drawQuestions(unit.bank, unit.draw, state.seed, strata);
      results = undefined;
      lastAnswerAt = Date.now();
      save();
      tracker.commit();
      return true;
    },
    outcome() {
      const passed = state.best !== null && isPassed(state.best, masteryScore);
      return {
        completed: state.viewed.every(Boolean) && (state.submitted || state.best !== null),
        success: passed || start.alreadyPassed ? 'passed' : state.best === null ? 'unknown' : 'failed',
        final: session.attemptsLeft() <= 0 || passed,
        score: state.best,
        objectives: objectiveScores(masteryScore, drawn, results),
      };
    },
    flush() {
      if (ended) return;
      save();
      tracker.commit();
    },
    end() {
      if (ended) return;
      ended = true;
      save();
      // Finished = complete and either passed or out of attempts; otherwise the learner comes back to it.
      const o = session.outcome();
      tracker.terminate(o.completed && (o.success === 'passed' || o.final) ? 'normal' : 'suspend');
    },
  };
  function save() {
    absorb();
    state.savedAt = stateClock();
    const text = serializeState(state);
    start.mirror?.write(text);
    tracker.saveState(text, pageId(state.position));
  }
  return session;
}

/** Per outcome code: the weighted score of the drawn questions that target it. */
function objectiveScores(masteryScore: number, drawn: RuntimeQuestion[], results: Map<string, QuestionResult> | undefined) {
  if (!results) return [];
  const scores = outcomeScores(drawn.map((q) => ({ weight: q.weight, outcomes: q.outcomes, fraction: results.get(q.id)?.fraction ?? 0 })));
  return [...scores].map(([code, score]) => ({ code, score, passed: isPassed(score, masteryScore) }));
}
