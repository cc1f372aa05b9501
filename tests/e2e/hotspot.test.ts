import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launchBrowser } from '../helpers/browser.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { buildRealCurriculum } from '../helpers/build-once.ts';
import { contentPath, prepareLmsSite } from '../helpers/lms-site.ts';
import { applyMoodleRules, relaunchData, type LmsCall } from '../helpers/moodle-rules.ts';
import { createLmsLauncher } from '../helpers/lms-launch.ts';
import { startStrictCmi5Lms } from '../helpers/cmi5-lms.ts';
import { pressButton, tabTo } from './keyboard.ts';
import { assessedOutcomes, bankFingerprint, drawQuestions } from '../../src/core/draw.ts';
import { serializeState, stateClock } from '../../src/core/state.ts';
import { iris } from '../../src/core/iris.ts';
import { RESUME_STATE_ID } from '../../src/runtime/adapters/xapi.ts';
import type { Hotspot } from '../../src/model/question-schema.ts';
import type { Unit } from '../../src/model/unit.ts';

/**
 * A hotspot item end to end in Chromium, keyboard only: resumed at an attempt whose draw holds the item (a saved
 * state, as the LMS hands it back), its regions toggled with Space and Enter, the answer surviving a relaunch,
 * submitted; then the interaction as the strict LMSes store it (scorm-again for SCORM 1.2 and 2004, the strict
 * cmi5 LMS with its xAPI validator) and axe on the assessment page.
 */
const UNIT = 'g6-email-messages';
const ITEM = 'em-hs-bank-email';
let browser: Browser;
let server: Awaited<ReturnType<typeof startStaticServer>>;
let unit: Unit;
let q: Hotspot;
let launcher: ReturnType<typeof createLmsLauncher>;
let units: Unit[];
/** Every hotspot item of the curriculum with its unit. */
let everyHotspot: { unit: Unit; item: Hotspot }[];
/** Every choice or true/false question that shows a mock-up of what it asks about. */
let everyPictured: { unit: Unit; item: Unit['assessment']['questions'][number] }[];

beforeAll(async () => {
  const { dist, result } = await buildRealCurriculum();
  unit = result.curriculum.units.find((u) => u.id === UNIT) as Unit;
  q = unit.assessment.questions.find((x) => x.id === ITEM) as Hotspot;
  units = result.curriculum.units;
  everyHotspot = units.flatMap((u) => u.assessment.questions.filter((x): x is Hotspot => x.type === 'hotspot').map((item) => ({ unit: u, item })));
  everyPictured = units.flatMap((u) => u.assessment.questions.filter((x) => x.type !== 'hotspot' && 'picture' in x && x.picture).map((item) => ({ unit: u, item })));
  const withHotspots = [...new Set([UNIT, ...everyHotspot.map((h) => h.unit.id), ...everyPictured.map((h) => h.unit.id)])];
  server = await startStaticServer(prepareLmsSite(dist, withHotspots, ['scorm12', 'scorm2004', 'cmi5']));
  browser = await launchBrowser();
  launcher = createLmsLauncher(browser, server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A saved state at the assessment page whose attempt draws the hotspot item (found by trying seeds). */
function stateWithItem(u: Unit = unit, itemId: string = ITEM): string {
  const strata = assessedOutcomes(u.outcomes);
  let seed = 1;
  while (!drawQuestions(u.assessment.questions, u.assessment.draw, seed, strata).some((x) => x.id === itemId)) seed++;
  return stateAtSeed(u, seed);
}
function stateAtSeed(u: Unit, seed: number): string {
  const strata = assessedOutcomes(u.outcomes);
  const bank = u.assessment.questions;
  return serializeState({ position: u.lessons.length, viewed: u.lessons.map(() => true), attempt: 1, seed, bank: bankFingerprint(bank, strata, u.assessment.draw), submitted: false, best: null, answers: new Map(), savedAt: stateClock() });
}

/**
 * Attempts that together draw every given item of every unit, as few as can be found (greedy over seeds
 * 1–500): one player launch then checks several items instead of one launch per item.
 */
function attemptsCovering<T extends { unit: Unit; item: { id: string } }>(entries: readonly T[]): { unit: Unit; seed: number; items: T[] }[] {
  const out: { unit: Unit; seed: number; items: T[] }[] = [];
  for (const u of [...new Set(entries.map((e) => e.unit))]) {
    const strata = assessedOutcomes(u.outcomes);
    const draws = Array.from({ length: 500 }, (_, i) => ({ seed: i + 1, ids: new Set(drawQuestions(u.assessment.questions, u.assessment.draw, i + 1, strata).map((x) => x.id)) }));
    let left = entries.filter((e) => e.unit === u);
    while (left.length) {
      const best = draws.reduce((a, d) => (left.filter((e) => d.ids.has(e.item.id)).length > left.filter((e) => a.ids.has(e.item.id)).length ? d : a));
      const items = left.filter((e) => best.ids.has(e.item.id));
      expect(items.length, `no seed draws ${left[0]?.item.id}`).toBeGreaterThan(0);
      out.push({ unit: u, seed: best.seed, items });
      left = left.filter((e) => !items.includes(e));
    }
  }
  return out;
}

const toggle = (id: string) => `#q-${ITEM} button.ks-hs-toggle[data-region="${id}"]`;
const checkedRegions = (frame: Frame) => frame.$$eval(`#q-${ITEM} button.ks-hs-toggle[aria-checked="true"]`, (bs) => bs.map((b) => (b as HTMLElement).dataset.region).sort());
/** Marks the signs and one region that is fine (a partly right answer), keyboard only: Space, Enter, Space. */
async function markWithKeyboard(frame: Frame, wrong: string): Promise<string[]> {
  const keys = ['Space', 'Enter'];
  for (const [i, id] of [...q.correct, wrong].entries()) {
    await tabTo(frame, toggle(id));
    await frame.page().keyboard.press(keys[i % 2] as string);
    expect(await frame.$eval(toggle(id), (b) => b.getAttribute('aria-checked'))).toBe('true');
  }
  // A second press unmarks, and marks again.
  await frame.page().keyboard.press('Space');
  expect(await frame.$eval(toggle(wrong), (b) => b.getAttribute('aria-checked'))).toBe('false');
  await frame.page().keyboard.press('Enter');
  return [...q.correct, wrong].sort();
}
async function submitWithKeyboard(frame: Frame): Promise<void> {
  await pressButton(frame, '#ks-submit');
  if (await frame.$('#ks-confirm-submit')) await pressButton(frame, '#ks-confirm-submit');
  await frame.waitForSelector('#ks-results-title');
}
const failedCalls = (calls: LmsCall[]) => calls.filter((c) => /SetValue|Commit|Finish|Terminate|Initialize/.test(c.method) && !c.injected && (c.result !== 'true' || c.error !== 0)).map((c) => `${c.method}(${c.args.join(', ')}) → ${c.result} #${c.error}`);

for (const version of ['12', '2004'] as const) {
  describe(`hotspot item in SCORM ${version === '12' ? '1.2' : '2004'} (scorm-again LMS)`, () => {
    it('keyboard only: regions toggled with Space/Enter, kept across a relaunch, recorded as a legal choice interaction with partial credit', async () => {
      const S = version === '12'
        ? { suspend: 'cmi.suspend_data', entry: 'cmi.core.entry', location: 'cmi.core.lesson_location', response: 'student_response', wrong: 'wrong' }
        : { suspend: 'cmi.suspend_data', entry: 'cmi.entry', location: 'cmi.location', response: 'learner_response', wrong: 'incorrect' };
      const first = await launcher(version, UNIT, { flat: { [S.suspend]: stateWithItem(), [S.entry]: 'resume', [S.location]: 'assessment' } });
      await first.frame.waitForSelector(`#q-${ITEM} .ks-hs-picture`);
      const wrong = q.regions.find((r) => !q.correct.includes(r.id))?.id as string;
      const marked = await markWithKeyboard(first.frame, wrong);
      expect(await checkedRegions(first.frame)).toEqual(marked);
      const s1 = applyMoodleRules(version, await first.leave(), { masteryScore: null });

      const second = await launcher(version, UNIT, { flat: relaunchData(version, s1.tracks, s1.resumes) });
      await second.frame.waitForSelector(`#q-${ITEM} .ks-hs-picture`);
      expect(await checkedRegions(second.frame)).toEqual(marked);
      await submitWithKeyboard(second.frame);
      // Feedback per region: the marked signs ✓ and the region that is fine ✗, each with its feedback.
      const marks = await second.frame.$$eval(`#q-${ITEM} .ks-hs-region[data-mark]`, (rs) => Object.fromEntries(rs.map((r) => [(r as HTMLElement).dataset.region, (r as HTMLElement).dataset.mark])));
      expect(marks).toEqual(Object.fromEntries(marked.map((id) => [id, id === wrong ? 'wrong' : 'right'])));
      const feedback = await second.frame.textContent(`#q-${ITEM} .ks-feedback`);
      expect(feedback).toContain(UI_PARTIAL);
      for (const id of marked) expect(feedback).toContain(q.regions.find((r) => r.id === id)?.feedback.vi);
      expect(await second.frame.$$eval(`#q-${ITEM} button.ks-hs-toggle:not([disabled])`, (b) => b.length)).toBe(0);

      const calls = await second.leave();
      expect(failedCalls(calls)).toEqual([]);
      const m = applyMoodleRules(version, calls, { masteryScore: null, previous: s1.tracks });
      const n = Object.entries(m.tracks).find(([k, v]) => /^cmi\.interactions\.\d+\.id$/.test(k) && v === ITEM)?.[0].split('.')[2];
      expect(n).toBeDefined();
      const t = (f: string) => m.tracks[`cmi.interactions.${n}.${f}`];
      expect(t('type')).toBe('choice');
      const fraction = (q.correct.length - 1) / q.correct.length;
      expect(t('result')).toBe(fraction.toFixed(2));
      if (version === '12') {
        expect(t(S.response)).toBe(marked.join(','));
        expect(t(S.response)).toMatch(/^[0-9a-z](,[0-9a-z])*$/);
        expect(t('correct_responses.0.pattern')).toBe([...q.correct].sort().join(','));
      } else {
        expect(t(S.response)).toBe(marked.join('[,]'));
        expect(t(S.response)).toMatch(/^[\w.]{1,250}(\[,\][\w.]{1,250})*$/);
        expect(t('correct_responses.0.pattern')).toBe([...q.correct].sort().join('[,]'));
        expect(t('description')).toBe(q.prompt.vi);
      }
    });
  });
}
const UI_PARTIAL = 'Đúng một phần';

describe('hotspot item in cmi5 (strict cmi5 LMS, xAPI-validated statements)', () => {
  it('keyboard only, answered statement is a legal choice interaction; the assessment page with the hotspot is axe clean', async () => {
    const actor = { objectType: 'Agent', name: 'Lê Văn Cường', account: { homePage: 'https://lms.school.example', name: 'cuong.lv' } };
    const activityId = iris.unit(UNIT);
    const lms = await startStrictCmi5Lms({ actor, activityId, auUrl: () => `${server.url}${contentPath('cmi5', UNIT)}index.html` });
    try {
      const registration = crypto.randomUUID();
      const { url } = lms.launch(registration);
      lms.lrs.documents.set(['activities/state', activityId, JSON.stringify(actor), registration, RESUME_STATE_ID].join('|'), { body: stateWithItem(), type: 'text/plain' });
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForSelector('body.ks-ready');
      const frame = page.mainFrame();
      await frame.waitForSelector(`#q-${ITEM} .ks-hs-picture`);
      const axe = async (label: string) => {
        const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        expect(r.violations.map((v) => `${label}: ${v.id} ${v.nodes.map((nd) => nd.target.join(' ')).join('; ')}`)).toEqual([]);
      };
      await axe('assessment with a hotspot');
      for (const id of q.correct) {
        await tabTo(frame, toggle(id));
        await page.keyboard.press('Space');
      }
      await submitWithKeyboard(frame);
      await axe('hotspot feedback');
      const answered = () => lms.lrs.statements.filter((s) => s.verb.id.endsWith('/answered') && (s.object as { id?: string }).id === iris.question(UNIT, ITEM));
      await expect.poll(() => answered().length, { timeout: 15000 }).toBe(1);
      const s = answered()[0] as unknown as { object: { definition: { interactionType: string; choices: { id: string; description: Record<string, string> }[]; correctResponsesPattern: string[] } }; result: { response: string; success: boolean; score: { scaled: number } } };
      expect(s.object.definition.interactionType).toBe('choice');
      expect(s.object.definition.choices.map((c) => c.id).sort()).toEqual(q.regions.map((r) => r.id).sort());
      expect(s.object.definition.choices.find((c) => c.id === q.correct[0])?.description.vi).toBe(q.regions.find((r) => r.id === q.correct[0])?.text.vi);
      expect(s.object.definition.correctResponsesPattern).toEqual([[...q.correct].sort().join('[,]')]);
      expect(s.result.response).toBe([...q.correct].sort().join('[,]'));
      expect(s.result.success).toBe(true);
      expect(s.result.score.scaled).toBe(1);
      expect(lms.lrs.invalid).toEqual([]);
      expect(lms.lrs.refusals).toEqual([]);
      await context.close();
    } finally {
      await lms.close();
    }
  });
});

/** SCORM 1.2 launch resumed at the assessment of the attempt drawn with this seed. */
const launchAtSeed = (u: Unit, seed: number) =>
  launcher('12', u.id, { flat: { 'cmi.suspend_data': stateAtSeed(u, seed), 'cmi.core.entry': 'resume', 'cmi.core.lesson_location': 'assessment' } });
/** axe (WCAG 2.1 A/AA) over the player's frame, as "item: rule targets" lines. */
async function axeViolations(page: import('playwright-core').Page, itemId: string): Promise<string[]> {
  const r = await new AxeBuilder({ page }).include('iframe').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations.map((v) => `${itemId}: ${v.id} ${v.nodes.map((nd) => nd.target.join(' ')).join('; ')}`);
}

describe('every hotspot item of the curriculum (issue 13: signs clicked on a mock-up)', () => {
  it('shows its picture as a mock-up with one keyboard toggle per region inside it, toggles, and is axe clean', async () => {
    expect(everyHotspot.length).toBeGreaterThanOrEqual(10);
    for (const attempt of attemptsCovering(everyHotspot)) {
      const run = await launchAtSeed(attempt.unit, attempt.seed);
      for (const { item } of attempt.items) {
        const root = `#q-${item.id}`;
        await run.frame.waitForSelector(`${root} .ks-hs-picture`);
        // Every region's toggle sits inside a mock-up figure (a phone, an e-mail, a browser…), not in a paragraph.
        const inMock = await run.frame.$$eval(`${root} button.ks-hs-toggle`, (bs) => bs.filter((b) => b.closest('figure[data-mock]')).map((b) => (b as HTMLElement).dataset.region).sort());
        expect(inMock, item.id).toEqual(item.regions.map((r) => r.id).sort());
        const first = item.regions[0]?.id as string;
        await tabTo(run.frame, `${root} button.ks-hs-toggle[data-region="${first}"]`);
        await run.page.keyboard.press('Space');
        expect(await run.frame.$eval(`${root} button.ks-hs-toggle[data-region="${first}"]`, (b) => b.getAttribute('aria-checked')), item.id).toBe('true');
      }
      expect(await axeViolations(run.page, attempt.items.map((e) => e.item.id).join('+'))).toEqual([]);
      await run.leave();
    }
  }, 300_000);
});

describe('every question that shows a message, page or call (issue 13: recognising items show a mock-up)', () => {
  it('shows the mock-up above its options with its words as text, nothing in it focusable, and is axe clean', async () => {
    expect(everyPictured.length).toBeGreaterThanOrEqual(20);
    for (const attempt of attemptsCovering(everyPictured)) {
      const run = await launchAtSeed(attempt.unit, attempt.seed);
      for (const { item } of attempt.items) {
        const root = `#q-${item.id}`;
        await run.frame.waitForSelector(`${root} .ks-q-picture figure[data-mock]`);
        // The picture comes before the options, and none of its fake buttons or links takes focus.
        const order = await run.frame.$eval(root, (fs) => {
          const pic = fs.querySelector('.ks-q-picture') as Element;
          const firstInput = fs.querySelector('input') as Element;
          return { before: !!(pic.compareDocumentPosition(firstInput) & Node.DOCUMENT_POSITION_FOLLOWING), focusable: pic.querySelectorAll('a, button, input, [tabindex]').length };
        });
        expect(order, item.id).toEqual({ before: true, focusable: 0 });
        const text = (await run.frame.textContent(`${root} .ks-q-picture`)) ?? '';
        // The mock-up's own words (the message, the warning) are on screen as text.
        const words = ('picture' in item && item.picture ? item.picture.vi : '').replace(/<svg[\s\S]*?<\/svg>|<[^>]+>/g, '').replace(/\s+/g, '');
        expect(text.replace(/\s+/g, ''), item.id).toBe(words.replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
      }
      expect(await axeViolations(run.page, attempt.items.map((e) => e.item.id).join('+'))).toEqual([]);
      await run.leave();
    }
  }, 300_000);
});
