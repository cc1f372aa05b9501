// Which page holds a cmi5 session (src/runtime/xapi/live-page.ts): a copy of a live tab is a duplicate, a reload
// or a page after the original closed is not, a new launch from the LMS always takes over.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { claimLivePage } from '../../src/runtime/xapi/live-page.ts';

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() { return m.size; }, clear: () => m.clear(), key: (i) => [...m.keys()][i] ?? null,
    getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, String(v)), removeItem: (k) => void m.delete(k),
  };
}

describe('live page of a cmi5 session', () => {
  afterEach(() => vi.useRealTimers());

  it('a second page of a live session is a duplicate; after the first is hidden (reload, close) it is not', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const first = claimLivePage('cmi5:reg-1:/unit/', { storage });
    expect(first.duplicate).toBe(false);
    expect(claimLivePage('cmi5:reg-1:/unit/', { storage }).duplicate).toBe(true);
    // Another registration or another unit page is not the same session.
    expect(claimLivePage('cmi5:reg-2:/unit/', { storage }).duplicate).toBe(false);
    first.release();
    const next = claimLivePage('cmi5:reg-1:/unit/', { storage });
    expect(next.duplicate).toBe(false);
    next.release();
  });

  it('the live page keeps its marker fresh; a marker left by a crashed page goes stale', () => {
    vi.useFakeTimers();
    let t = 1_000_000;
    const now = () => t;
    const storage = memoryStorage();
    const live = claimLivePage('k', { storage, now, beatMs: 5000, staleMs: 75000 });
    for (let i = 0; i < 30; i++) { t += 5000; vi.advanceTimersByTime(5000); }
    // 150 s later the live page still beats: a copy is still a duplicate.
    expect(claimLivePage('k', { storage, now }).duplicate).toBe(true);
    live.release();
    // A page that died without releasing: its last beat goes stale after staleMs.
    storage.setItem('khienso:live:k', JSON.stringify({ page: 'crashed', beat: t }));
    expect(claimLivePage('k', { storage, now }).duplicate).toBe(true);
    t += 80_000;
    expect(claimLivePage('k', { storage, now }).duplicate).toBe(false);
  });

  it('a new launch from the LMS takes over, and the old page stops claiming', () => {
    vi.useFakeTimers();
    let t = 1_000_000;
    const now = () => t;
    const storage = memoryStorage();
    const old = claimLivePage('k', { storage, now });
    const fresh = claimLivePage('k', { storage, now, force: true });
    expect(fresh.duplicate).toBe(false);
    const owner = () => JSON.parse(storage.getItem('khienso:live:k') as string).page as string;
    const taken = owner();
    t += 5000; vi.advanceTimersByTime(5000);
    expect(owner()).toBe(taken);
    old.release();
    expect(owner(), 'the old page does not remove the new one\'s marker').toBe(taken);
  });

  it('without storage nothing is a duplicate (as before)', () => {
    expect(claimLivePage('k', { storage: null }).duplicate).toBe(false);
  });
});
