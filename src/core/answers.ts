/** A learner's answer to one question; its shape depends on the question type. */
export type Answer =
  | { type: 'single'; choice: string }
  | { type: 'multiple'; choices: string[] }
  | { type: 'truefalse'; value: boolean }
  | { type: 'matching'; pairs: Record<string, string> }
  | { type: 'ordering'; order: string[] }
  | { type: 'fillin'; text: string }
  /** The regions of a hotspot picture the learner marked, sorted. */
  | { type: 'hotspot'; regions: string[] }
  /** A lab grades itself: a 0–1 score and a short ASCII summary of what the learner did. */
  | { type: 'lab'; score: number; detail: string };
