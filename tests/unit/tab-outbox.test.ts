import { describe, expect, it } from 'vitest';
import type { Statement } from '@xapi/xapi';
import { createOutbox, tabOutboxStore } from '../../src/runtime/xapi/outbox.ts';
import type { LrsTransport } from '../../src/runtime/xapi/transport.ts';
import { LrsHttpError } from '../../src/runtime/xapi/transport.ts';

/** A Storage in memory; two "tabs" share one localStorage and have their own sessionStorage. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() { return m.size; },
    key: (i: number) => [...m.keys()][i] ?? null,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, String(v)),
    removeItem: (k: string) => void m.delete(k),
    clear: () => m.clear(),
  };
}
const st = (id: string): Statement => ({ id, actor: { objectType: 'Agent', mbox: 'mailto:a@school.example' }, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { objectType: 'Activity', id: 'urn:x' } });
const BASE = 'khienso:xapi-outbox:urn:x:reg';

describe('per-tab outbox store', () => {
  it('two live tabs write separate keys and neither adopts the other\'s outbox', () => {
    const local = memoryStorage();
    let t = 1000;
    const now = () => t;
    const a = tabOutboxStore(BASE, { storage: local, session: memoryStorage(), now });
    const b = tabOutboxStore(BASE, { storage: local, session: memoryStorage(), now });
    expect(a.key).not.toBe(b.key);
    a.save({ statements: [st('a1')], state: null });
    b.save({ statements: [st('b1')], state: null });
    t += 5000;
    expect(a.adopt?.()).toEqual([]);
    expect(b.adopt?.()).toEqual([]);
    expect(a.load().statements.map((s) => s.id)).toEqual(['a1']);
    expect(b.load().statements.map((s) => s.id)).toEqual(['b1']);
  });

  it('a reload keeps its own outbox; a duplicated tab (same sessionStorage copy, original still live) takes a new key', () => {
    const local = memoryStorage();
    const session = memoryStorage();
    const t = 1000;
    const first = tabOutboxStore(BASE, { storage: local, session, now: () => t });
    first.save({ statements: [st('x')], state: null });
    // Chrome's "Duplicate tab" copies sessionStorage while the first page lives on.
    const copy = memoryStorage();
    copy.setItem('khienso:tab', session.getItem('khienso:tab') as string);
    const dup = tabOutboxStore(BASE, { storage: local, session: copy, now: () => t });
    expect(dup.key).not.toBe(first.key);
    expect(dup.load().statements).toEqual([]);
    // The first page is reloaded: pagehide released it, the reloaded page finds its own outbox.
    first.release?.();
    const reloaded = tabOutboxStore(BASE, { storage: local, session, now: () => t });
    expect(reloaded.key).toBe(first.key);
    expect(reloaded.load().statements.map((s) => s.id)).toEqual(['x']);
  });

  it('the outbox of a closed tab is adopted once, at once; a tab silent past staleMs (crash) is adopted too; the shared key of older versions is adopted', () => {
    const local = memoryStorage();
    let t = 1000;
    const now = () => t;
    local.setItem(BASE, JSON.stringify({ statements: [st('old')], state: null }));
    const closed = tabOutboxStore(BASE, { storage: local, session: memoryStorage(), now });
    closed.save({ statements: [st('c1')], state: 'S' });
    closed.release?.();
    const crashed = tabOutboxStore(BASE, { storage: local, session: memoryStorage(), now });
    crashed.save({ statements: [st('k1')], state: null });
    const open = tabOutboxStore(BASE, { storage: local, session: memoryStorage(), now });
    const other = tabOutboxStore(BASE, { storage: local, session: memoryStorage(), now });
    const got = open.adopt?.() ?? [];
    expect(got.flatMap((d) => d.statements.map((s) => s.id)).sort()).toEqual(['c1', 'old']);
    expect(got.map((d) => d.state)).toContain('S');
    expect(other.adopt?.()).toEqual([]);
    t += 80000;
    expect((open.adopt?.() ?? []).flatMap((d) => d.statements.map((s) => s.id))).toEqual(['k1']);
    expect([...Array(local.length).keys()].map((i) => local.key(i))).toEqual([]);
  });

  it('an outbox adopts a closed tab\'s waiting statements and sends each once (xAPI), or drops them and keeps the state (cmi5)', async () => {
    const local = memoryStorage();
    const sent: string[] = [];
    const transport: LrsTransport = {
      async sendStatements(list) { for (const s of list) sent.push(s.id as string); },
      async getState() { return null; }, async setState() {}, async getAgentProfile() { return null; },
      async hasStatement(id) { return sent.includes(id); }, async hasVerb() { return false; },
    };
    const q = { agent: { objectType: 'Agent' as const, mbox: 'mailto:a@school.example' }, activityId: 'urn:x', stateId: 's' };
    const ev = { onPending() {}, onDrained() {} };
    const closed = tabOutboxStore(BASE, { storage: local, session: memoryStorage() });
    const down: LrsTransport = { ...transport, async sendStatements() { throw new LrsHttpError(0, 'down'); } };
    const closedBox = createOutbox(down, closed, q, ev, { timing: { baseMs: 100000, maxMs: 100000 } });
    await closedBox.send([st('b1'), st('b2')]);
    closedBox.flushUrgent();
    const open = createOutbox(transport, tabOutboxStore(BASE, { storage: local, session: memoryStorage() }), q, ev, { leftovers: 'verify' });
    await open.send([st('a1')]);
    expect(sent.sort()).toEqual(['a1', 'b1', 'b2']);
    await open.flush();
    expect(sent).toHaveLength(3);
    const cmi5Closed = tabOutboxStore(`${BASE}2`, { storage: local, session: memoryStorage() });
    cmi5Closed.save({ statements: [st('z')], state: 'STATE' });
    cmi5Closed.release?.();
    const cmi5 = createOutbox(transport, tabOutboxStore(`${BASE}2`, { storage: local, session: memoryStorage() }), q, ev, { leftovers: 'drop', mergeState: (_r, ours) => ours });
    expect(cmi5.localState).toBe('STATE');
    await cmi5.flush();
    expect(sent).not.toContain('z');
  });
});
