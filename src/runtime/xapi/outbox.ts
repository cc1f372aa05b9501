import type { Statement } from '@xapi/xapi';
import { LrsHttpError, isRetryable, type LrsTransport, type StateQuery } from './transport.ts';

/** What is kept durably: statements not yet delivered, the latest resume state, and statements the LRS refused. */
export interface OutboxData {
  statements: Statement[];
  state: string | null;
  /** Statements the LRS refused for good (kept for the teacher or an administrator to see, never re-sent). */
  refused?: Statement[];
}

/** Durable storage for what has not reached the LRS yet (statements and the latest resume state). */
export interface OutboxStore {
  load(): OutboxData;
  save(data: OutboxData): void;
  /** Takes over what other tabs of the same registration left behind when they closed (their outboxes). */
  adopt?(): OutboxData[];
  /** This page is going away: another tab may take over what it leaves at once. */
  release?(): void;
}

/** How many refused statements are kept (oldest dropped first). */
const REFUSED_KEPT = 20;

/** localStorage-backed store. Statements hold no credentials; the key names only the activity and registration. */
export function localOutboxStore(key: string): OutboxStore {
  return {
    load() {
      try {
        const v = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<OutboxData> | null;
        return { statements: v?.statements ?? [], state: v?.state ?? null, refused: v?.refused ?? [] };
      } catch {
        return { statements: [], state: null, refused: [] };
      }
    },
    save(data) {
      try {
        if (data.statements.length === 0 && data.state === null && !data.refused?.length) localStorage.removeItem(key);
        else localStorage.setItem(key, JSON.stringify(data));
      } catch {
        /* storage full or blocked: the in-memory copy still retries this session */
      }
    },
  };
}

/** One tab's outbox record: its data, when the tab last showed it is alive, and whether it has gone. */
interface TabRecord extends OutboxData {
  beat: number;
  released?: boolean;
  claimedBy?: string;
}

export interface TabStoreOptions {
  storage?: Storage;
  session?: Storage;
  now?: () => number;
  /** How often a tab with something waiting shows it is alive, and when a silent tab counts as gone. */
  beatMs?: number;
  staleMs?: number;
  newId?: () => string;
}

/**
 * A per-tab outbox in localStorage, so two tabs of one registration never overwrite (and so lose) each
 * other's waiting statements or state: each tab writes its own key `base#tab` (the tab id lives in that
 * tab's sessionStorage, so a reload keeps its own outbox; a duplicated tab that finds the id in use by a
 * live page takes a new one). A tab with something waiting rewrites a timestamp every `beatMs`; a tab that
 * closed (released at pagehide) or fell silent for `staleMs` (a crash) is an orphan, and the next tab of the
 * registration adopts its outbox: it claims the record (a timestamp lock in localStorage), reads the claim
 * back, and removes it. The key of older versions (`base`, shared by all tabs) is adopted the same way.
 * A background tab's timers may be slowed to once a minute, so `staleMs` is above that; adopting the
 * outbox of a live tab by mistake only means its statements are checked by id (xAPI) or dropped (cmi5).
 */
export function tabOutboxStore(base: string, o: TabStoreOptions = {}): OutboxStore & { key: string } {
  const now = o.now ?? (() => Date.now());
  const beatMs = o.beatMs ?? 10000;
  const staleMs = o.staleMs ?? 75000;
  const newId = o.newId ?? (() => Math.random().toString(36).slice(2, 10) + now().toString(36));
  let storage: Storage | null = null;
  let session: Storage | null = null;
  try {
    storage = o.storage ?? localStorage;
    session = o.session ?? sessionStorage;
  } catch {
    /* blocked storage: this page keeps its outbox in memory only */
  }
  const read = (k: string): TabRecord | null => {
    try {
      const v = JSON.parse(storage?.getItem(k) ?? 'null') as Partial<TabRecord> | null;
      return v ? { statements: v.statements ?? [], state: v.state ?? null, refused: v.refused ?? [], beat: v.beat ?? 0, released: v.released, claimedBy: v.claimedBy } : null;
    } catch {
      return null;
    }
  };
  const write = (k: string, r: TabRecord) => {
    try {
      storage?.setItem(k, JSON.stringify(r));
    } catch {
      /* storage full or blocked: the in-memory copy still retries this session */
    }
  };
  const alive = (r: TabRecord) => !r.released && now() - r.beat < staleMs;
  let tab = '';
  try {
    tab = session?.getItem('khienso:tab') ?? '';
  } catch {
    tab = '';
  }
  // A reload finds its own record released; a live record under this id belongs to a duplicated tab.
  const mine = tab ? read(`${base}#${tab}`) : null;
  if (!tab || (mine && alive(mine))) {
    tab = newId();
    try {
      session?.setItem('khienso:tab', tab);
    } catch {
      /* no sessionStorage: a reload of this tab adopts its own outbox like an orphan */
    }
  }
  const key = `${base}#${tab}`;
  let current: OutboxData = { statements: [], state: null, refused: [] };
  let released = false;
  let timer: ReturnType<typeof setInterval> | null = null;
  const empty = (d: OutboxData) => d.statements.length === 0 && d.state === null && !d.refused?.length;
  const save = (data: OutboxData) => {
    current = data;
    if (empty(data)) {
      try {
        storage?.removeItem(key);
      } catch {
        /* ignore */
      }
      if (timer) clearInterval(timer);
      timer = null;
      return;
    }
    write(key, { ...data, beat: now(), ...(released ? { released } : {}) });
    if (!timer && !released) timer = setInterval(() => {
      if (!empty(current)) write(key, { ...current, beat: now() });
    }, beatMs);
  };
  return {
    key,
    load() {
      const r = read(key);
      return r ? { statements: r.statements, state: r.state, refused: r.refused } : { statements: [], state: null, refused: [] };
    },
    save,
    adopt() {
      if (!storage) return [];
      const keys: string[] = [];
      try {
        for (let i = 0; i < storage.length; i++) {
          const k = storage.key(i);
          if (k && k !== key && (k === base || k.startsWith(`${base}#`))) keys.push(k);
        }
      } catch {
        return [];
      }
      const taken: OutboxData[] = [];
      for (const k of keys) {
        const r = read(k);
        if (!r || (k !== base && alive(r))) continue;
        // Claim, read the claim back, and take the record only if this tab holds it.
        write(k, { ...r, beat: now(), released: false, claimedBy: tab });
        if (read(k)?.claimedBy !== tab) continue;
        try {
          storage.removeItem(k);
        } catch {
          continue;
        }
        taken.push({ statements: r.statements, state: r.state, refused: r.refused });
      }
      return taken;
    },
    release() {
      released = true;
      if (timer) clearInterval(timer);
      timer = null;
      if (!empty(current)) write(key, { ...current, beat: now(), released: true });
    },
  };
}

export interface OutboxEvents {
  /** Something could not be sent; it waits and will be retried. */
  onPending(): void;
  /** Everything waiting has been delivered. */
  onDrained(): void;
  /** The LRS refused a statement for good; it was set aside and later statements go on. */
  onRefused?(statement: Statement, status: number): void;
}

export interface OutboxOptions {
  /** Backoff timing for retries (tests shorten it). */
  timing?: { baseMs: number; maxMs: number };
  /**
   * What to do with statements left over from an earlier page (a closed tab, a reload, an outage at the
   * end): 'verify' asks the LRS for each id and sends only those it does not have (plain xAPI); 'drop'
   * never sends them (cmi5: their session is closed, and the LMS must refuse them, §9.3.6, §9.3.8).
   */
  leftovers?: 'verify' | 'drop';
  /**
   * Combines the LRS's copy of the resume state (the truth, read just before writing) with ours, so an
   * older tab or device never overwrites newer progress or a better result. Without it ours is written.
   */
  mergeState?: (remote: string | null, ours: string) => string;
}

/**
 * Delivers statements in order and never loses or duplicates one: every statement has its own UUID, is
 * written to durable storage before sending, and is removed only when the LRS accepted it (or already has
 * it: 409, or found by id). Unreachable LRS and server errors retry with exponential backoff (1 s … 60 s);
 * a statement the LRS refuses for good (4xx) is set aside with a notice and never blocks the ones after it.
 */
export function createOutbox(transport: LrsTransport | null, store: OutboxStore, stateQuery: StateQuery, events: OutboxEvents, opts: OutboxOptions = {}) {
  const timing = opts.timing ?? { baseMs: 1000, maxMs: 60000 };
  const loaded = store.load();
  const pending: OutboxData = { statements: [], state: loaded.state, refused: loaded.refused ?? [] };
  // Leftovers of an earlier page: checked (or dropped) before anything new is sent.
  let leftovers: Statement[] = opts.leftovers === 'drop' ? [] : loaded.statements;
  /** The LRS's copy of the state as last read or written by this page. */
  let lastRemote: string | null = null;
  let delay = timing.baseMs;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let sending: Promise<void> | null = null;
  let failing = leftovers.length > 0 || pending.state !== null;
  const persist = () => store.save({ statements: [...leftovers, ...pending.statements], state: pending.state, refused: pending.refused });
  /** Takes over the outboxes of closed tabs of this registration: their statements as leftovers, their state merged. */
  function adopt(): boolean {
    const taken = store.adopt?.() ?? [];
    for (const t of taken) {
      if (opts.leftovers !== 'drop') leftovers = [...leftovers, ...t.statements.filter((s) => !leftovers.some((x) => x.id === s.id) && !pending.statements.some((x) => x.id === s.id))];
      if (t.state !== null) pending.state = pending.state === null ? t.state : opts.mergeState ? opts.mergeState(t.state, pending.state) : pending.state;
      if (t.refused?.length) pending.refused = [...(pending.refused ?? []), ...t.refused].slice(-REFUSED_KEPT);
    }
    if (taken.length) persist();
    return taken.length > 0;
  }
  if (opts.leftovers === 'drop' && loaded.statements.length) persist();
  adopt();

  function setAside(s: Statement, status: number) {
    pending.refused = [...(pending.refused ?? []), s].slice(-REFUSED_KEPT);
    events.onRefused?.(s, status);
  }

  /** Sends one batch; on a refusal, finds the refused statements one by one and sets them aside. */
  async function deliver(batch: Statement[]): Promise<void> {
    if (!transport) throw new LrsHttpError(0, 'no LRS credentials in this launch');
    try {
      await transport.sendStatements(batch);
      return;
    } catch (e) {
      if (isRetryable(e)) throw e;
      if (batch.length > 1) {
        for (const s of batch) await deliver([s]);
        return;
      }
      const s = batch[0] as Statement;
      // 409 and friends: the LRS may already hold this id (an earlier send whose answer was lost).
      if (s.id && (await transport.hasStatement(s.id).catch(() => false))) return;
      setAside(s, (e as LrsHttpError).status);
    }
  }

  async function flushOnce(): Promise<void> {
    if (!transport) throw new LrsHttpError(0, 'no LRS credentials in this launch');
    adopt();
    while (leftovers.length) {
      const s = leftovers[0] as Statement;
      if (!s.id || !(await transport.hasStatement(s.id))) await deliver([s]);
      leftovers = leftovers.slice(1);
      persist();
    }
    while (pending.statements.length) {
      const batch = pending.statements.slice(0, 50);
      await deliver(batch);
      pending.statements.splice(0, batch.length);
      persist();
    }
    if (pending.state !== null) {
      const state = pending.state;
      if (opts.mergeState) lastRemote = await transport.getState(stateQuery);
      const value = opts.mergeState ? opts.mergeState(lastRemote, state) : state;
      await transport.setState(stateQuery, value);
      lastRemote = value;
      if (pending.state === state) pending.state = null;
      persist();
    }
  }
  function schedule() {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, delay);
    delay = Math.min(timing.maxMs, delay * 2);
  }
  function flush(): Promise<void> {
    if (sending) return sending;
    sending = flushOnce().then(
      () => {
        delay = timing.baseMs;
        if (failing) events.onDrained();
        failing = false;
      },
      () => {
        if (!failing) events.onPending();
        failing = true;
        schedule();
      },
    ).finally(() => {
      sending = null;
      if (!failing && (pending.statements.length || pending.state !== null)) void flush();
    });
    return sending;
  }
  if (failing) events.onPending();
  return {
    /** Queues statements durably, then tries to send. */
    send(statements: Statement[]) {
      pending.statements.push(...statements);
      persist();
      return flush();
    },
    /** Queues the latest resume state (only the newest one matters). */
    saveState(state: string) {
      pending.state = state;
      persist();
      return flush();
    },
    flush,
    /**
     * The page is going away: send everything still waiting at once (keepalive requests), even while an
     * earlier send is in flight. Statements that arrive twice carry the same ids, so the LRS keeps one;
     * what stays in storage is checked by id (xAPI) or dropped (cmi5) by the next page.
     */
    flushUrgent() {
      store.release?.();
      if (!transport) return;
      const statements = pending.statements.slice();
      if (statements.length) void transport.sendStatements(statements).then(() => {
        pending.statements = pending.statements.filter((s) => !statements.includes(s));
        persist();
      }, () => {});
      if (pending.state !== null) {
        // No time to read the LRS's copy again: merge with the copy this page last saw.
        const value = opts.mergeState ? opts.mergeState(lastRemote, pending.state) : pending.state;
        void transport.setState(stateQuery, value).catch(() => {});
      }
    },
    /** The local copy of the resume state (this tab's and what closed tabs left), written to the LRS when it can be. */
    get localState() {
      return pending.state;
    },
    get waiting() {
      return leftovers.length + pending.statements.length + (pending.state === null ? 0 : 1);
    },
    /** Tells the outbox the LRS's copy of the state read at the start of the session. */
    set remoteState(v: string | null) {
      lastRemote = v;
    },
    /** Statements the LRS refused for good. */
    get refused() {
      return pending.refused ?? [];
    },
  };
}
export type Outbox = ReturnType<typeof createOutbox>;
