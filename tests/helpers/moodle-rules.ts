/**
 * Moodle's mod_scorm rules, applied to the LMS calls one session made, so tests can assert what a
 * teacher's gradebook shows (see shared anchors §6 and §10: grade = score.raw as is; LMSFinish turns
 * "not attempted" into "completed"; with adlcp:masteryscore and a raw score, the status is recomputed at
 * LMSFinish ("Mastery score overrides status", default Yes); for SCORM 2004 the graded status is
 * cmi.completion_status). Only LMSCommit/LMSFinish persist data, as Moodle saves nothing else.
 * Checked against a real Moodle 4.3 by tests/moodle/.
 */
export interface LmsCall {
  method: string;
  args: string[];
  result: string;
  error: number;
  injected?: boolean;
}

export type Tracks = Record<string, string>;

export interface MoodleSession {
  /** What Moodle stored for this attempt (scorm_scoes_value rows), after this session. */
  tracks: Tracks;
  /** The status column of the teacher's report. */
  status: string;
  /** The grade for this attempt, as the gradebook shows it (null: no grade). */
  grade: number | null;
  /** Whether cmi.core.entry / cmi.entry will be "resume" next time. */
  resumes: boolean;
}

export function applyMoodleRules(version: '12' | '2004', calls: LmsCall[], opts: { masteryScore: number | null; previous?: Tracks }): MoodleSession {
  const tracks: Tracks = { ...(opts.previous ?? {}) };
  let pending: Tracks = {};
  const v12 = version === '12';
  const statusKey = v12 ? 'cmi.core.lesson_status' : 'cmi.completion_status';
  const rawKey = v12 ? 'cmi.core.score.raw' : 'cmi.score.raw';
  for (const c of calls) {
    if ((c.method === 'LMSSetValue' || c.method === 'SetValue') && c.result === 'true') pending[c.args[0] as string] = c.args[1] as string;
    if ((c.method === 'LMSCommit' || c.method === 'Commit') && c.result === 'true') {
      Object.assign(tracks, pending);
      pending = {};
    }
    if ((c.method === 'LMSFinish' || c.method === 'Terminate') && c.result === 'true') {
      Object.assign(tracks, pending);
      pending = {};
      if (v12) {
        if (!tracks[statusKey] || tracks[statusKey] === 'not attempted') tracks[statusKey] = 'completed';
        const raw = tracks[rawKey];
        const normal = (tracks['cmi.core.lesson_mode'] ?? 'normal') === 'normal' && (tracks['cmi.core.credit'] ?? 'credit') === 'credit';
        if (opts.masteryScore !== null && raw !== undefined && raw !== '' && normal) {
          tracks[statusKey] = Number(raw) >= opts.masteryScore ? 'passed' : 'failed';
        }
      }
    }
  }
  const raw = tracks[rawKey];
  const exit = tracks[v12 ? 'cmi.core.exit' : 'cmi.exit'];
  return { tracks, status: tracks[statusKey] ?? 'not attempted', grade: raw === undefined || raw === '' ? null : Number(raw), resumes: exit === 'suspend' };
}

/** Highest grade over attempts (Moodle's default "Grading method: Highest grade", "Attempts grading: Highest"). */
export function gradebook(sessions: MoodleSession[]): number | null {
  const grades = sessions.map((s) => s.grade).filter((g): g is number => g !== null);
  return grades.length ? Math.max(...grades) : null;
}

/** The CMI data Moodle hands the package on the next launch of the same attempt (flattened keys). */
export function relaunchData(version: '12' | '2004', tracks: Tracks, resumes: boolean): Tracks {
  const out: Tracks = {};
  for (const [k, v] of Object.entries(tracks)) {
    if (/\.(exit|session_time)$/.test(k)) continue;
    out[k] = v;
  }
  out[version === '12' ? 'cmi.core.entry' : 'cmi.entry'] = resumes ? 'resume' : '';
  return out;
}

/**
 * Whether Moodle reopens this attempt in review mode (no credit: nothing more is stored) when the learner comes
 * back with "Force new attempt: No" (mod/scorm lib.php scorm_check_mode): 1.2 when lesson_status is completed,
 * passed or failed; 2004 when completion_status is completed.
 */
export function reopensInReview(version: '12' | '2004', tracks: Tracks): boolean {
  return version === '12'
    ? ['completed', 'passed', 'failed'].includes(tracks['cmi.core.lesson_status'] ?? '')
    : tracks['cmi.completion_status'] === 'completed';
}
