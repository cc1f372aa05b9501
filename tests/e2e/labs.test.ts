import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../helpers/browser.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { buildRealCurriculum } from '../helpers/build-once.ts';
import { prepareLmsSite } from '../helpers/lms-site.ts';
import { createLmsLauncher } from '../helpers/lms-launch.ts';
import { applyMoodleRules } from '../helpers/moodle-rules.ts';
import { completeUnit, pressButton } from './keyboard.ts';
import { solveLabWithKeyboard } from './lab-keyboard.ts';
import type { Unit } from '../../src/model/unit.ts';
import type { Lab } from '../../src/model/question-schema.ts';
import { bundleRuntime } from '../../packaging/runtime-bundle.ts';

const LAB_UNITS = { inbox: 'g6-email-messages', password: 'g7-protect-devices-data', links: 'g10-cyberspace-safety', scenario: 'g11-scams-safe-communication', sql: 'g11-secure-coding' } as const;
const only = process.env.KHIENSO_ONLY?.split(',');
const kinds = (Object.keys(LAB_UNITS) as (keyof typeof LAB_UNITS)[]).filter((k) => !only || only.includes(LAB_UNITS[k]));
let browser: Browser;
let dist: string;
let units: Unit[];
let lms: Awaited<ReturnType<typeof startStaticServer>>;
let plain: Awaited<ReturnType<typeof startStaticServer>>;
let launcher: ReturnType<typeof createLmsLauncher>;

beforeAll(async () => {
  const built = await buildRealCurriculum();
  dist = built.dist;
  units = built.result.curriculum.units;
  lms = await startStaticServer(prepareLmsSite(dist, kinds.map((k) => LAB_UNITS[k]), ['scorm12']));
  plain = await startStaticServer(dist);
  browser = await launchBrowser();
  launcher = createLmsLauncher(browser, lms.url);
});
afterAll(async () => {
  await browser?.close();
  await lms?.close();
  await plain?.close();
});

describe.each(kinds)('the %s lab', (kind) => {
  const unitId = LAB_UNITS[kind];
  const unitOf = () => units.find((u) => u.id === unitId) as Unit;
  const labOf = () => unitOf().assessment.questions.find((q): q is Lab => q.type === 'lab' && q.kind === kind) as Lab;

  it('is completed with the keyboard and recorded as a SCORM interaction with its score', async () => {
    const l = await launcher('12', unitId);
    const { expected } = await completeUnit(l.frame, unitOf(), 0);
    expect(expected).toBe(100);
    const calls = await l.leave();
    const m = applyMoodleRules('12', calls, { masteryScore: unitOf().masteryScore });
    const n = Object.entries(m.tracks).find(([k, v]) => /^cmi\.interactions\.\d+\.id$/.test(k) && v === labOf().id)?.[0].split('.')[2];
    expect(n, 'the lab is recorded as an interaction').toBeDefined();
    expect(m.tracks[`cmi.interactions.${n}.student_response`]).toBe(kind === 'sql' ? 'i1f1x1e1' : m.tracks[`cmi.interactions.${n}.student_response`]);
    const wrong = Object.entries(m.tracks).filter(([k, v]) => /^cmi\.interactions\.\d+\.result$/.test(k) && v !== 'correct').map(([k]) => `${m.tracks[k.replace('result', 'id')]}: ${m.tracks[k.replace('result', 'student_response')]} ≠ ${m.tracks[k.replace('result', 'correct_responses.0.pattern')]}`);
    expect(wrong).toEqual([]);
    expect(m.grade).toBe(100);
    expect(m.tracks[`cmi.interactions.${n}.type`]).toBe('performance');
    expect(m.tracks[`cmi.interactions.${n}.result`]).toBe('correct');
    expect(m.tracks[`cmi.interactions.${n}.weighting`]).toBe(String(labOf().weight));
    expect(m.tracks[`cmi.interactions.${n}.student_response`]).toMatch(/^[A-Za-z0-9-]+$/);
  });

  it('sends no network request while it runs, has no axe violations, and keeps typed text off the state', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${plain.url}/units/${unitId}/index.html`);
    await page.waitForSelector('body.ks-ready');
    await pressButton(page.mainFrame(), '#ks-nav li:last-child button');
    await page.waitForSelector(`.ks-lab[data-lab="${kind}"]`);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await solveLabWithKeyboard(page.mainFrame(), kind);
    const axe = await new AxeBuilder({ page }).include('.ks-lab').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(' ')).join('; ')}`)).toEqual([]);
    // Nothing leaves the unit's folder (the SQLite engine loads from the package itself).
    expect(requests.filter((u) => !u.startsWith(`${plain.url}/units/${unitId}/`))).toEqual([]);
    if (kind !== 'sql') expect(requests).toEqual([]);
    const saved = await page.evaluate((id) => localStorage.getItem(`khienso:${id}`) ?? '', unitId);
    expect(saved).toContain(`${labOf().id}:l100.`);
    if (kind === 'password') expect(saved).not.toContain('trau');
    await context.close();
  });
});

describe('lab code ships only where it is used', () => {
  it('a unit without labs carries no lab script and the same player as before labs existed', async () => {
    const noLab = units.find((u) => !u.assessment.questions.some((q) => q.type === 'lab'))!;
    const player = readFileSync(join(dist, 'units', noLab.id, 'player.js'), 'utf8');
    expect(player).toBe(await bundleRuntime('standalone'));
    expect(player).not.toMatch(/ZxcvbnFactory|inbox-|scenario-restart|registrableDomain|sql-wasm/);
    const html = readFileSync(join(dist, 'units', noLab.id, 'index.html'), 'utf8');
    expect(html).not.toContain('lab-');
    for (const kind of kinds) {
      const labUnit = LAB_UNITS[kind];
      expect(readFileSync(join(dist, 'units', labUnit, 'player.js'), 'utf8')).toBe(player);
      expect(readFileSync(join(dist, 'units', labUnit, 'index.html'), 'utf8')).toContain(`<script src="lab-${kind}.js"></script>`);
    }
  });
});
