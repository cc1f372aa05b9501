import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { buildRealCurriculum } from '../helpers/build-once.ts';
import { contentPath, prepareLmsSite } from '../helpers/lms-site.ts';
import { startStrictCmi5Lms, type StrictCmi5Lms } from '../helpers/cmi5-lms.ts';
import { completeUnit, pressButton } from './keyboard.ts';
import { iris } from '../../src/core/iris.ts';
import { parseState } from '../../src/core/state.ts';
import { RESUME_STATE_ID } from '../../src/runtime/adapters/xapi.ts';
import type { Unit } from '../../src/model/unit.ts';

/**
 * The cmi5 package against a strict cmi5 LMS (tests/helpers/cmi5-lms.ts) over several sittings: nothing
 * of a closed session is re-sent, refused statements never block later ones, results of Browse sittings
 * never reach Normal ones, a second device never erases a pass, a reload keeps the launch, and moveOn is met.
 */
const UNIT = 'g6-internet-safety';
const activityId = iris.unit(UNIT);
const actor = { objectType: 'Agent', name: 'Trần Thị Bình', account: { homePage: 'https://lms.school.example', name: 'binh.tt' } };
let browser: Browser;
let server: Awaited<ReturnType<typeof startStaticServer>>;
let lms: StrictCmi5Lms;
let unit: Unit;

beforeAll(async () => {
  const { dist, result } = await buildRealCurriculum();
  unit = result.curriculum.units.find((u) => u.id === UNIT) as Unit;
  server = await startStaticServer(prepareLmsSite(dist, [UNIT], ['cmi5']));
  browser = await launchBrowser();
});
beforeEach(async () => {
  await lms?.close();
  lms = await startStrictCmi5Lms({ actor, activityId, auUrl: () => `${server.url}${contentPath('cmi5', UNIT)}index.html` });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await lms?.close();
});

async function open(url: string, context?: BrowserContext): Promise<{ page: Page; frame: Frame; context: BrowserContext }> {
  const ctx = context ?? (await browser.newContext({ viewport: { width: 1024, height: 768 } }));
  const page = await ctx.newPage();
  await page.goto(url);
  await page.waitForSelector('body.ks-ready');
  return { page, frame: page.mainFrame(), context: ctx };
}
const terminatedOf = (sessionId: string) => lms.sessions.get(sessionId)?.verbs.includes('terminated');
/** Closes the tab as a learner does (no Finish button) and waits until the LMS has the session's terminated. */
async function closeTab(page: Page, sessionId: string) {
  await page.goto('about:blank');
  await page.close();
  await expect.poll(() => terminatedOf(sessionId), { timeout: 15000 }).toBe(true);
}
const resumeState = (registration: string) => {
  const doc = [...lms.lrs.documents].find(([k]) => k.includes(RESUME_STATE_ID) && k.includes(registration))?.[1].body ?? null;
  const parsed = parseState(doc);
  return 'state' in parsed ? parsed.state : null;
};

describe('cmi5 package with a strict cmi5 LMS, over several sittings', () => {
  it('fail, close the tab, come back, retake and pass: nothing of the closed session is re-sent; passed, completed, moveOn met', async () => {
    const registration = crypto.randomUUID();
    const ctx = await browser.newContext();
    const s1 = lms.launch(registration);
    const first = await open(s1.url, ctx);
    await completeUnit(first.frame, unit, unit.assessment.draw);
    await closeTab(first.page, s1.session.id);
    const s2 = lms.launch(registration);
    const second = await open(s2.url, ctx);
    await pressButton(second.frame, '#ks-retry');
    await completeUnit(second.frame, unit, 0);
    await closeTab(second.page, s2.session.id);
    await ctx.close();
    expect(lms.lrs.invalid).toEqual([]);
    expect(lms.lrs.refusals).toEqual([]);
    expect(lms.definedVerbs(registration)).toEqual(['initialized', 'completed', 'failed', 'terminated', 'initialized', 'passed', 'terminated']);
    expect(lms.satisfied.has(registration)).toBe(true);
    expect(lms.fetchCalls).toEqual([s1.session.id, s2.session.id]);
  });

  it('an outage at Finish: nothing of the closed session is re-sent later, and the pass earned in it is reported once at the next launch', async () => {
    const registration = crypto.randomUUID();
    const ctx = await browser.newContext();
    const s1 = lms.launch(registration, { returnURL: `${server.url}/lms/host.html?returned=1` });
    const first = await open(s1.url, ctx);
    await pressButton(first.frame, '#ks-next');
    lms.lrs.setDown(true);
    await completeUnit(first.frame, unit, 0);
    await first.frame.waitForSelector('[data-notice="save-failed"]');
    await pressButton(first.frame, '#ks-finish');
    await first.page.waitForURL(/returned=1/, { timeout: 10000 });
    // Finish ends the launch for good: the tab (now on the LMS page, same origin) keeps no credentials.
    expect(await first.page.evaluate(() => JSON.stringify({ ...sessionStorage }))).not.toContain(s1.session.token);
    await first.page.close();
    lms.lrs.setDown(false);
    expect(lms.definedVerbs(registration)).not.toContain('passed');
    const s2 = lms.launch(registration);
    const second = await open(s2.url, ctx);
    await expect.poll(() => lms.definedVerbs(registration).filter((v) => v === 'passed').length, { timeout: 15000 }).toBe(1);
    await expect.poll(() => lms.satisfied.has(registration), { timeout: 15000 }).toBe(true);
    // The learner sees the pass and is not asked to do it again.
    expect(await second.frame.$('#ks-retry')).toBeNull();
    await closeTab(second.page, s2.session.id);
    await ctx.close();
    expect(lms.lrs.refusals).toEqual([]);
    expect(lms.lrs.invalid).toEqual([]);
    const verbs = lms.definedVerbs(registration);
    expect(verbs.filter((v) => v === 'completed')).toHaveLength(1);
    expect(verbs.filter((v) => v === 'failed')).toHaveLength(0);
  });

  it('a failure whose statements were lost in an outage at Finish is reported once, at the end of the next session', async () => {
    const registration = crypto.randomUUID();
    const ctx = await browser.newContext();
    const s1 = lms.launch(registration, { returnURL: `${server.url}/lms/host.html?returned=1` });
    const first = await open(s1.url, ctx);
    lms.lrs.setDown(true);
    await completeUnit(first.frame, unit, unit.assessment.draw);
    await pressButton(first.frame, '#ks-finish');
    await first.page.waitForURL(/returned=1/, { timeout: 10000 });
    await first.page.close();
    lms.lrs.setDown(false);
    const s2 = lms.launch(registration);
    const second = await open(s2.url, ctx);
    await closeTab(second.page, s2.session.id);
    await ctx.close();
    expect(lms.lrs.refusals).toEqual([]);
    // Session 1 got only its initialized through; session 2 reports what was earned and lost in it.
    expect(lms.definedVerbs(registration)).toEqual(['initialized', 'initialized', 'completed', 'failed', 'terminated']);
    expect(lms.satisfied.has(registration)).toBe(false);
  });

  it('a session abandoned by a launch in another tab: its statements are refused and set aside with a notice, and never block the new session', async () => {
    const registration = crypto.randomUUID();
    const ctx = await browser.newContext();
    const s1 = lms.launch(registration);
    const stale = await open(s1.url, ctx);
    const s2 = lms.launch(registration);
    expect(lms.sessions.get(s1.session.id)?.closed).toBe('abandoned');
    const fresh = await open(s2.url, ctx);
    // The abandoned tab keeps being used: the LMS refuses its statements.
    await pressButton(stale.frame, '#ks-next');
    await stale.frame.waitForSelector('[data-notice="statement-refused"]', { timeout: 15000 });
    await expect.poll(() => stale.page.evaluate(() => document.querySelector('[data-notice="save-failed"]') === null)).toBe(true);
    await stale.page.close();
    await completeUnit(fresh.frame, unit, 0);
    await closeTab(fresh.page, s2.session.id);
    await ctx.close();
    expect(lms.lrs.refusals.length).toBeGreaterThan(0);
    expect(lms.lrs.refusals.every((r) => r.reason.includes(s1.session.id))).toBe(true);
    expect(lms.definedVerbs(registration).filter((v) => v === 'passed')).toHaveLength(1);
    expect(lms.satisfied.has(registration)).toBe(true);
  });

  it('a pass in Browse mode never enters the Normal state: the next Normal sitting offers the assessment and reports the pass', async () => {
    const registration = crypto.randomUUID();
    const ctx = await browser.newContext();
    const browse = lms.launch(registration, { mode: 'Browse' });
    const b = await open(browse.url, ctx);
    await completeUnit(b.frame, unit, 0);
    await closeTab(b.page, browse.session.id);
    expect(resumeState(registration)).toBeNull();
    const normal = lms.launch(registration);
    const n = await open(normal.url, ctx);
    await completeUnit(n.frame, unit, 0);
    await closeTab(n.page, normal.session.id);
    await ctx.close();
    expect(lms.lrs.refusals).toEqual([]);
    expect(lms.definedVerbs(registration).filter((v) => ['passed', 'completed'].includes(v))).toEqual(['passed', 'completed']);
    expect(lms.satisfied.has(registration)).toBe(true);
  });

  it('a second device with an older offline copy never erases a pass made on another device, nor sends a second passed/completed', async () => {
    const registration = crypto.randomUUID();
    const deviceB = await browser.newContext();
    const s1 = lms.launch(registration);
    const b1 = await open(s1.url, deviceB);
    // Device B works offline for a while (its copy stays local), then the tab is closed.
    lms.lrs.setDown(true);
    await pressButton(b1.frame, '#ks-next');
    await b1.frame.waitForSelector('[data-notice="save-failed"]');
    await b1.page.close();
    lms.lrs.setDown(false);
    // Device A passes the unit.
    const deviceA = await browser.newContext();
    const s2 = lms.launch(registration);
    const a = await open(s2.url, deviceA);
    const { expected } = await completeUnit(a.frame, unit, 0);
    await closeTab(a.page, s2.session.id);
    await deviceA.close();
    expect(resumeState(registration)?.best).toBe(expected);
    // Device B comes back with its stale local copy.
    const s3 = lms.launch(registration);
    const b2 = await open(s3.url, deviceB);
    expect(await b2.frame.$('#ks-retry')).toBeNull();
    await pressButton(b2.frame, '#ks-nav li:first-child button');
    await closeTab(b2.page, s3.session.id);
    await deviceB.close();
    expect(resumeState(registration)?.best).toBe(expected);
    expect(resumeState(registration)?.viewed.every(Boolean)).toBe(true);
    const verbs = lms.definedVerbs(registration);
    expect(verbs.filter((v) => v === 'passed')).toHaveLength(1);
    expect(verbs.filter((v) => v === 'completed')).toHaveLength(1);
    expect(lms.lrs.refusals).toEqual([]);
  });

  it('F5 right after answering ends the session cleanly: everything answered before it reaches the LMS once, the reloaded page says the session has ended and sends nothing in it, and what the learner earns after the reload is reported at the next launch', async () => {
    const registration = crypto.randomUUID();
    const ctx = await browser.newContext();
    const s1 = lms.launch(registration);
    const { page, frame } = await open(s1.url, ctx);
    const { ids } = await completeUnit(frame, unit, unit.assessment.draw);
    // F5 at once: the statements of the last answers may still be on their way when the page unloads.
    await page.reload();
    await page.waitForSelector('body.ks-ready');
    await expect.poll(() => terminatedOf(s1.session.id), { timeout: 15000 }).toBe(true);
    const inSession = (sid: string) => lms.lrs.statements.filter((s) => (s as unknown as { context?: { extensions?: Record<string, string> } }).context?.extensions?.['https://w3id.org/xapi/cmi5/context/extensions/sessionid'] === sid);
    const first = inSession(s1.session.id).map((s) => ({ verb: s.verb.id.split('/').pop() as string, object: (s.object as { id: string }).id }));
    // Every answer and every lesson viewed before the reload arrived, each once, and terminated is the last one.
    const answered = first.filter((s) => s.verb === 'answered');
    expect(answered).toHaveLength(ids.length);
    expect(new Set(answered.map((s) => s.object)).size).toBe(ids.length);
    expect(new Set(first.filter((s) => s.verb === 'experienced').map((s) => s.object)).size).toBe(unit.lessons.length);
    expect(first.at(-1)?.verb).toBe('terminated');
    expect(first.map((s) => s.verb)).toContain('failed');
    // The reloaded page knows the session is over and tells the learner to reopen from the course.
    await page.waitForSelector('[data-notice="session-closed"]');
    const notice = await page.textContent('[data-notice="session-closed"]');
    expect(notice).toMatch(/trang khoá học|course page/);
    const before = lms.lrs.statements.length;
    await pressButton(page.mainFrame(), '#ks-retry');
    const { expected } = await completeUnit(page.mainFrame(), unit, 0);
    await expect.poll(() => resumeState(registration)?.best, { timeout: 15000 }).toBe(expected);
    // Nothing was sent in the terminated session, and nothing waits in the outbox to be sent in it later.
    expect(lms.lrs.statements.length).toBe(before);
    expect(lms.lrs.refusals).toEqual([]);
    const outbox = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('khienso:cmi5-outbox')).map((k) => JSON.parse(localStorage.getItem(k) as string) as { statements?: unknown[] }));
    expect(outbox.flatMap((o) => o.statements ?? [])).toEqual([]);
    await page.close();
    const s2 = lms.launch(registration);
    const next = await open(s2.url, ctx);
    await expect.poll(() => lms.definedVerbs(registration).filter((v) => v === 'passed').length, { timeout: 15000 }).toBe(1);
    await closeTab(next.page, s2.session.id);
    await ctx.close();
    expect(lms.lrs.refusals).toEqual([]);
    expect(lms.definedVerbs(registration)).toEqual(['initialized', 'completed', 'failed', 'terminated', 'initialized', 'passed', 'terminated']);
    expect(lms.satisfied.has(registration)).toBe(true);
  });

  it('a reload (F5) keeps the launch: no second fetch, tracked not standalone, credentials only in sessionStorage; what is earned after it is reported at the next launch', async () => {
    const registration = crypto.randomUUID();
    const ctx = await browser.newContext();
    const s1 = lms.launch(registration);
    const { page, frame } = await open(s1.url, ctx);
    await pressButton(frame, '#ks-next');
    await page.reload();
    await page.waitForSelector('body.ks-ready');
    expect(await page.$('[data-notice="standalone"]')).toBeNull();
    expect(await page.$('[data-notice="launch-failed"]')).toBeNull();
    expect(lms.fetchCalls).toEqual([s1.session.id]);
    expect(page.url()).not.toContain('fetch=');
    const storage = await page.evaluate(() => ({ local: JSON.stringify({ ...localStorage }), session: JSON.stringify({ ...sessionStorage }) }));
    expect(storage.session).toContain(s1.session.token);
    expect(storage.local).not.toContain(s1.session.token);
    const { expected } = await completeUnit(page.mainFrame(), unit, 0);
    // The pass is saved with the LMS's LRS at once (resume state), whatever happens to the tab.
    await expect.poll(() => resumeState(registration)?.best, { timeout: 15000 }).toBe(expected);
    await page.close();
    const s2 = lms.launch(registration);
    const next = await open(s2.url, ctx);
    await expect.poll(() => lms.definedVerbs(registration).filter((v) => v === 'passed').length, { timeout: 15000 }).toBe(1);
    await closeTab(next.page, s2.session.id);
    await ctx.close();
    expect(lms.lrs.refusals).toEqual([]);
    expect(lms.satisfied.has(registration)).toBe(true);
  });

  it('"Duplicate tab" (sessionStorage copied into a second tab): the copy runs untracked with a notice and sends nothing in the session; the original carries on and its pass is reported', async () => {
    const registration = crypto.randomUUID();
    const ctx = await browser.newContext();
    const s1 = lms.launch(registration);
    const original = await open(s1.url, ctx);
    await pressButton(original.frame, '#ks-next');
    await expect.poll(() => lms.fetchCalls.length).toBe(1);
    // What a browser's "Duplicate tab" does: a new tab with the same (now stripped) address and a copy of sessionStorage.
    const copied = await original.page.evaluate(() => JSON.stringify({ ...sessionStorage }));
    const address = original.page.url();
    const before = lms.lrs.statements.length;
    const dup = await ctx.newPage();
    await dup.addInitScript((items) => { for (const [k, v] of Object.entries(JSON.parse(items) as Record<string, string>)) sessionStorage.setItem(k, v); }, copied);
    await dup.goto(address);
    await dup.waitForSelector('body.ks-ready');
    expect(await dup.isVisible('[data-notice="open-elsewhere"]')).toBe(true);
    await pressButton(dup.mainFrame(), '#ks-next');
    await dup.close();
    expect(lms.fetchCalls).toEqual([s1.session.id]);
    // The original is still the session's only page: it passes, and nothing was refused.
    const { expected } = await completeUnit(original.frame, unit, 0);
    await expect.poll(() => resumeState(registration)?.best, { timeout: 15000 }).toBe(expected);
    await closeTab(original.page, s1.session.id);
    const inSession = lms.lrs.statements.slice(before).filter((st) => JSON.stringify(st).includes(s1.session.id));
    expect(inSession.filter((st) => st.verb.id.endsWith('/passed')).length).toBe(1);
    expect(lms.lrs.refusals).toEqual([]);
    // A reload of the original tab is not a duplicate (covered above): a new page in a fresh tab after the original
    // closed is not one either.
    const later = await ctx.newPage();
    await later.addInitScript((items) => { for (const [k, v] of Object.entries(JSON.parse(items) as Record<string, string>)) sessionStorage.setItem(k, v); }, copied);
    await later.goto(address);
    await later.waitForSelector('body.ks-ready');
    expect(await later.isVisible('[data-notice="open-elsewhere"]')).toBe(false);
    await ctx.close();
    expect(lms.satisfied.has(registration)).toBe(true);
  });
});
