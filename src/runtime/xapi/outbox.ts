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
  if (opts.leftovers === 'drop' && loaded.statements.length) persist();

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
