import type { LmsChannel } from './lms-channel.ts';

/** Where each SCORM version keeps the unit score and the end-of-session data. */
export interface ScormScoreNames {
  raw: string;
  min: string;
  max: string;
  /** 2004 only: score.scaled (0–1) next to the raw 0–100 score Moodle grades with. */
  scaled?: string;
}

/**
 * Writes the unit score on 0–100 with min/max, and never lowers it: a retake that scores less keeps the
 * best score the LMS already has (Moodle grades with score.raw as is).
 */
export function createBestScoreWriter(lms: LmsChannel, names: ScormScoreNames) {
  const stored = parseFloat(lms.get(names.raw));
  let best: number | null = Number.isFinite(stored) ? stored : null;
  return (score: number | null) => {
    if (score === null || (best !== null && score < best)) return;
    lms.set(names.min, '0');
    lms.set(names.max, '100');
    lms.set(names.raw, String(score));
    if (names.scaled) lms.set(names.scaled, (score / 100).toFixed(2));
    best = score;
  };
}

/** Ends a session: exit (suspend or normal) and session time, a last commit, then LMSFinish/Terminate. */
export function endScormSession(lms: LmsChannel, writes: boolean, end: { exit: string; value: string; sessionTime: string; time: string }): void {
  if (writes) {
    lms.set(end.exit, end.value);
    lms.set(end.sessionTime, end.time);
    lms.commit();
  }
  lms.finish();
}
