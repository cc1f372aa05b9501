/**
 * Which page of this browser holds a cmi5 session. A browser's "Duplicate tab" copies sessionStorage, so the copy
 * would find the kept launch and send statements in the original tab's session: after one of them terminates the
 * LMS refuses the other's statements (cmi5 §9.3.8) and the learner's work there is lost. The live page writes a
 * marker in localStorage (`beatMs` heartbeat, removed at pagehide); a page that starts from a kept launch (a reload
 * or a duplicate) while another live page's marker is fresh is the duplicate and runs untracked, with a notice.
 * A reload is not a duplicate: the page it replaces removed its marker when it was hidden.
 */
export interface LivePage {
  /** Another page of this browser holds the session. */
  duplicate: boolean;
  release(): void;
}

interface Marker { page: string; beat: number }

export function claimLivePage(key: string, o: { force?: boolean; beatMs?: number; staleMs?: number; storage?: Storage | null; now?: () => number } = {}): LivePage {
  const now = o.now ?? (() => Date.now());
  const beatMs = o.beatMs ?? 5000;
  // Timers of a background tab may run once a minute: a marker is stale only after that.
  const staleMs = o.staleMs ?? 75000;
  const page = Math.random().toString(36).slice(2) + now().toString(36);
  const markerKey = `khienso:live:${key}`;
  let storage: Storage | null = null;
  try {
    storage = o.storage !== undefined ? o.storage : typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    storage = null;
  }
  const read = (): Marker | null => {
    try {
      return JSON.parse(storage?.getItem(markerKey) ?? 'null') as Marker | null;
    } catch {
      return null;
    }
  };
  const write = () => {
    try {
      storage?.setItem(markerKey, JSON.stringify({ page, beat: now() } satisfies Marker));
    } catch {
      /* storage full or blocked: duplicates go undetected, as before */
    }
  };
  const other = read();
  if (!o.force && other && other.page !== page && now() - other.beat < staleMs) return { duplicate: true, release() {} };
  write();
  const timer = setInterval(() => {
    const m = read();
    // A newer launch of the same session took over (e.g. the learner relaunched from the LMS): stop beating.
    if (m && m.page !== page && now() - m.beat < staleMs) clearInterval(timer);
    else write();
  }, beatMs);
  const release = () => {
    clearInterval(timer);
    try {
      if (read()?.page === page) storage?.removeItem(markerKey);
    } catch {
      /* nothing to remove */
    }
  };
  if (typeof addEventListener === 'function') {
    addEventListener('pagehide', release);
    // Back from the back/forward cache: this page is live again.
    addEventListener('pageshow', (e) => { if ((e as PageTransitionEvent).persisted) write(); });
  }
  return { duplicate: false, release };
}
