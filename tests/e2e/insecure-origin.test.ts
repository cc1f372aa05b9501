import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM } from '../helpers/browser.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { buildRealCurriculum } from '../helpers/build-once.ts';
import { contentPath, prepareLmsSite } from '../helpers/lms-site.ts';
import { startLrs } from '../helpers/lrs.ts';
import { startStrictCmi5Lms } from '../helpers/cmi5-lms.ts';
import { completeUnit } from './keyboard.ts';
import { iris } from '../../src/core/iris.ts';
import type { Unit } from '../../src/model/unit.ts';

/**
 * School LMSes often run on plain http inside the school network. There the page is not a secure context:
 * crypto.randomUUID and other secure-only APIs do not exist. The xAPI and cmi5 players must still record
 * everything. Chromium resolves school.lan to this machine, so http://school.lan:PORT is a real insecure origin.
 */
const UNIT = 'g6-internet-safety';
const HOST = 'school.lan';
const actor = { objectType: 'Agent', name: 'Lê Văn Cường', account: { homePage: 'https://lms.school.example', name: 'cuong.lv' } };
let browser: Browser;
let server: Awaited<ReturnType<typeof startStaticServer>>;
let unit: Unit;
let site: string;
const lan = (url: string) => url.replaceAll('127.0.0.1', HOST);

beforeAll(async () => {
  const { dist, result } = await buildRealCurriculum();
  unit = result.curriculum.units.find((u) => u.id === UNIT) as Unit;
  server = await startStaticServer(prepareLmsSite(dist, [UNIT], ['xapi', 'cmi5']));
  site = lan(server.url);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--host-resolver-rules=MAP ${HOST} 127.0.0.1`, '--disable-features=HttpsUpgrades'],
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const verbsOf = (list: { verb: { id: string } }[]) => list.map((s) => s.verb.id.split('/').pop());

describe(`players on an insecure origin (http://${HOST})`, () => {
  it('xAPI: not a secure context, no crypto.randomUUID, and every statement arrives', async () => {
    const lrs = await startLrs();
    try {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      const q = new URLSearchParams({ endpoint: lan(lrs.endpoint), auth: lrs.auth, actor: JSON.stringify(actor), registration: crypto.randomUUID(), activity_id: iris.unit(UNIT) });
      await page.goto(`${site}${contentPath('xapi', UNIT)}index.html?${q}`);
      await page.waitForSelector('body.ks-ready');
      expect(page.url().startsWith(`http://${HOST}:`)).toBe(true);
      expect(await page.evaluate(() => ({ secure: window.isSecureContext, uuid: typeof (crypto as { randomUUID?: unknown }).randomUUID }))).toEqual({ secure: false, uuid: 'undefined' });
      expect(await page.$('[data-notice="standalone"]')).toBeNull();
      await completeUnit(page.mainFrame(), unit, 0);
      await page.goto('about:blank');
      await expect.poll(() => verbsOf(lrs.statements).includes('terminated'), { timeout: 15000 }).toBe(true);
      await ctx.close();
      expect(lrs.invalid).toEqual([]);
      const v = verbsOf(lrs.statements);
      expect(v[0]).toBe('initialized');
      expect(v.filter((x) => x === 'answered')).toHaveLength(unit.assessment.draw);
      expect(v).toContain('passed');
      expect(v).toContain('completed');
      expect(new Set(lrs.statements.map((s) => s.id)).size).toBe(lrs.statements.length);
      expect(lrs.statements.every((s) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(s.id))).toBe(true);
    } finally {
      await lrs.close();
    }
  });

  it('cmi5: launched by a strict cmi5 LMS, passed and completed arrive and moveOn is met', async () => {
    const lms = await startStrictCmi5Lms({ actor, activityId: iris.unit(UNIT), auUrl: () => `${site}${contentPath('cmi5', UNIT)}index.html` });
    try {
      const registration = crypto.randomUUID();
      const { url, session } = lms.launch(registration);
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      await page.goto(lan(url));
      await page.waitForSelector('body.ks-ready');
      expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
      expect(await page.$('[data-notice="launch-failed"]')).toBeNull();
      await completeUnit(page.mainFrame(), unit, 0);
      await page.goto('about:blank');
      await expect.poll(() => lms.sessions.get(session.id)?.verbs.includes('terminated'), { timeout: 15000 }).toBe(true);
      await ctx.close();
      expect(lms.lrs.invalid).toEqual([]);
      expect(lms.lrs.refusals).toEqual([]);
      expect(lms.definedVerbs(registration)).toEqual(['initialized', 'passed', 'completed', 'terminated']);
      expect(lms.satisfied.has(registration)).toBe(true);
    } finally {
      await lms.close();
    }
  });
});
