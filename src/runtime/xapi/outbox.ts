import type { Statement } from '@xapi/xapi';
import { LrsHttpError, type LrsTransport, type StateQuery } from './transport.ts';

/** Durable storage for what has not reached the LRS yet (statements and the latest resume state). */
export interface OutboxStore {
  load(): { statements: Statement[]; state: string | null };
  save(data: { statements: Statement[]; state: string | null }): void;
}

/** localStorage-backed store. Statements hold no credentials; the key names only the activity and registration. */
export function localOutboxStore(key: string): OutboxStore {
  return {
    load() {
      try {
        const v = JSON.parse(localStorage.getItem(key) ?? 'null') as { statements?: Statement[]; state?: string | null } | null;
        return { statements: v?.statements ?? [], state: v?.state ?? null };
      } catch {
        return { statements: [], state: null };
      }
    },
    save(data) {
      try {
        if (data.statements.length === 0 && data.state === null) localStorage.removeItem(key);
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
}

/**
 * Delivers statements in order and never loses or duplicates one: every statement already has its own
 * UUID, is written to durable storage before sending, and is removed only when the LRS accepted it (an LRS
 * answering 409 Conflict already has that id). Failures retry with exponential backoff (1 s … 60 s).
 */
export function createOutbox(transport: LrsTransport | null, store: OutboxStore, stateQuery: StateQuery, events: OutboxEvents, timing = { baseMs: 1000, maxMs: 60000 }) {
  const pending = store.load() as { statements: Statement[]; state: string | null };
  let delay = timing.baseMs;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let sending: Promise<void> | null = null;
  let failing = pending.statements.length > 0 || pending.state !== null;
  const persist = () => store.save(pending);

  async function flushOnce(): Promise<void> {
    if (!transport) throw new LrsHttpError(0, 'no LRS credentials in this launch');
    while (pending.statements.length) {
      const batch = pending.statements.slice(0, 50);
      try {
        await transport.sendStatements(batch);
      } catch (e) {
        // 409: the LRS already stored statements with these ids (an earlier send whose answer was lost).
        if (!(e instanceof LrsHttpError && e.status === 409)) throw e;
      }
      pending.statements.splice(0, batch.length);
      persist();
    }
    if (pending.state !== null) {
      const state = pending.state;
      await transport.setState(stateQuery, state);
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
     * earlier send is in flight. Statements that arrive twice carry the same ids, so the LRS keeps one.
     */
    flushUrgent() {
      if (!transport) return;
      const statements = pending.statements.slice();
      if (statements.length) void transport.sendStatements(statements).then(() => {
        pending.statements = pending.statements.filter((s) => !statements.includes(s));
        persist();
      }, () => {});
      if (pending.state !== null) void transport.setState(stateQuery, pending.state).catch(() => {});
    },
    get waiting() {
      return pending.statements.length + (pending.state === null ? 0 : 1);
    },
  };
}
export type Outbox = ReturnType<typeof createOutbox>;
