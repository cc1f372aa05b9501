import { describe, expect, it } from 'vitest';
import type { Statement } from '@xapi/xapi';
import { createOutbox, type OutboxData, type OutboxStore } from '../../src/runtime/xapi/outbox.ts';
import { LrsHttpError, type LrsTransport, type StateQuery } from '../../src/runtime/xapi/transport.ts';
import { mergeStateText } from '../../src/runtime/xapi/resume.ts';
import { uuid } from '../../src/runtime/xapi/uuid.ts';
import { parseState, serializeState, type LearnerState } from '../../src/core/state.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const q: StateQuery = { agent: { objectType: 'Agent', mbox: 'mailto:a@school.example' }, activityId: 'urn:x', stateId: 's' };
const st = (id: string, verb = 'experienced'): Statement => ({ id, actor: q.agent, verb: { id: `http://adlnet.gov/expapi/verbs/${verb}` }, object: { objectType: 'Activity', id: 'urn:x' } });

/** An LRS in memory: refuses statements whose id is in `refuse` (400), is unreachable while `down`. */
function fakeLrs(opts: { refuse?: Set<string>; stored?: string[] } = {}) {
  const stored: string[] = [...(opts.stored ?? [])];
  const posts: string[][] = [];
  const lookups: string[] = [];
  let state: string | null = null;
  let down = false;
  const transport: LrsTransport = {
    async sendStatements(list) {
      if (down) throw new LrsHttpError(0, 'unreachable');
      posts.push(list.map((s) => s.id as string));
      if (list.some((s) => opts.refuse?.has(s.id as string))) throw new LrsHttpError(400, 'refused');
      for (const s of list) if (!stored.includes(s.id as string)) stored.push(s.id as string);
    },
    async getState() { if (down) throw new LrsHttpError(0, 'unreachable'); return state; },
    async setState(_q, v) { if (down) throw new LrsHttpError(0, 'unreachable'); state = v; },
    async getAgentProfile() { return null; },
    async hasStatement(id) { if (down) throw new LrsHttpError(0, 'unreachable'); lookups.push(id); return stored.includes(id); },
    async hasVerb() { return false; },
  };
  return { transport, stored, posts, lookups, get state() { return state; }, set state(v: string | null) { state = v; }, setDown(v: boolean) { down = v; } };
}
function memoryStore(initial: OutboxData = { statements: [], state: null }): OutboxStore & { data: OutboxData } {
  const s = { data: initial, load: () => JSON.parse(JSON.stringify(s.data)) as OutboxData, save: (d: OutboxData) => { s.data = JSON.parse(JSON.stringify(d)) as OutboxData; } };
  return s;
}
const events = () => {
  const log: string[] = [];
  return { log, onPending: () => log.push('pending'), onDrained: () => log.push('drained'), onRefused: (s: Statement, status: number) => log.push(`refused ${s.id} ${status}`) };
};
const fast = { baseMs: 5, maxMs: 20 };

describe('statement ids on plain http', () => {
  it('without crypto.randomUUID (insecure origin, Safari < 15.4) ids are random version-4 UUIDs from getRandomValues', () => {
    const c = { getRandomValues: (a: Uint8Array<ArrayBuffer>) => globalThis.crypto.getRandomValues(a) };
    const ids = Array.from({ length: 200 }, () => uuid(c as unknown as Crypto));
    expect(ids.every((id) => UUID_V4.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('with no crypto at all the ids are still well-formed and distinct', () => {
    const ids = Array.from({ length: 200 }, () => uuid(undefined));
    expect(ids.every((id) => UUID_V4.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('outbox', () => {
  it('a statement the LRS refuses for good is set aside with a notice and never blocks the ones after it', async () => {
    const lrs = fakeLrs({ refuse: new Set(['b']) });
    const store = memoryStore();
    const ev = events();
    const outbox = createOutbox(lrs.transport, store, q, ev, { timing: fast });
    await outbox.send([st('a'), st('b'), st('c')]);
    await outbox.send([st('d')]);
    expect(lrs.stored).toEqual(['a', 'c', 'd']);
    expect(ev.log).toEqual(['refused b 400']);
    expect(outbox.waiting).toBe(0);
    expect(outbox.refused.map((s) => s.id)).toEqual(['b']);
    // Kept for diagnosis, not for sending.
    expect(store.data.refused?.map((s) => s.id)).toEqual(['b']);
    expect(store.data.statements).toEqual([]);
  });

  it('an unreachable LRS is retried (never set aside) and everything arrives once it is back', async () => {
    const lrs = fakeLrs();
    const ev = events();
    const outbox = createOutbox(lrs.transport, memoryStore(), q, ev, { timing: fast });
    lrs.setDown(true);
    await outbox.send([st('a')]);
    expect(ev.log).toEqual(['pending']);
    lrs.setDown(false);
    await expect.poll(() => lrs.stored).toEqual(['a']);
    await expect.poll(() => ev.log).toEqual(['pending', 'drained']);
    expect(outbox.refused).toEqual([]);
  });

  it('xAPI: statements left by an earlier page are checked by id; the ones the LRS has are not sent again', async () => {
    const lrs = fakeLrs({ stored: ['old-1'] });
    const store = memoryStore({ statements: [st('old-1'), st('old-2')], state: null });
    const outbox = createOutbox(lrs.transport, store, q, events(), { timing: fast, leftovers: 'verify' });
    await outbox.send([st('new')]);
    expect(lrs.lookups).toEqual(['old-1', 'old-2']);
    expect(lrs.posts.flat()).toEqual(['old-2', 'new']);
    expect(lrs.stored).toEqual(['old-1', 'old-2', 'new']);
  });

  it('cmi5: statements left by an earlier page (a closed session) are never sent', async () => {
    const lrs = fakeLrs();
    const store = memoryStore({ statements: [st('old-terminated', 'terminated')], state: null });
    const outbox = createOutbox(lrs.transport, store, q, events(), { timing: fast, leftovers: 'drop' });
    expect(store.data.statements).toEqual([]);
    await outbox.send([st('init', 'initialized')]);
    expect(lrs.posts.flat()).toEqual(['init']);
  });

  it('the state written is merged with the LRS copy read just before: an older tab never erases a pass or viewed lessons', async () => {
    const lrs = fakeLrs();
    const base: LearnerState = { position: 0, viewed: [false, false, false], attempt: 1, seed: 7, bank: 'b1', submitted: false, best: null, answers: new Map(), savedAt: 1000 };
    // Another tab passed and viewed everything.
    lrs.state = serializeState({ ...base, viewed: [true, true, true], position: 3, submitted: true, best: 90, savedAt: 1100 });
    const outbox = createOutbox(lrs.transport, memoryStore(), q, events(), { timing: fast, mergeState: (remote, ours) => mergeStateText(ours, remote) ?? ours });
    // This older tab moves to lesson 2 a little later.
    await outbox.saveState(serializeState({ ...base, viewed: [true, true, false], position: 1, savedAt: 1200 }));
    const saved = parseState(lrs.state);
    expect('state' in saved && saved.state.best).toBe(90);
    expect('state' in saved && saved.state.viewed).toEqual([true, true, true]);
    expect('state' in saved && saved.state.submitted).toBe(true);
  });
});

describe('mergeStateText', () => {
  const s = (over: Partial<LearnerState>) => serializeState({ position: 0, viewed: [false, false], attempt: 1, seed: 1, bank: 'b', submitted: false, best: null, answers: new Map(), savedAt: 100, ...over });
  it('a stale local copy never wins over a newer LRS copy with a pass', () => {
    const merged = parseState(mergeStateText(s({ attempt: 2, submitted: true, best: 80, viewed: [true, true], savedAt: 300 }), s({ viewed: [true, false], position: 1, savedAt: 200 })));
    expect('state' in merged && [merged.state.best, merged.state.attempt, merged.state.submitted]).toEqual([80, 2, true]);
  });
  it('an unreadable copy never erases a readable one', () => {
    const good = s({ best: 50 });
    expect(mergeStateText('garbage', good)).toBe(good);
    expect(mergeStateText(good, null)).toBe(good);
  });
});
