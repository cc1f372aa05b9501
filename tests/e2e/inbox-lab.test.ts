// The inbox lab looks and works like an inbox (issue 13, part 6): a message list (sender, subject, time, unread
// dot) and a reading pane; the learner opens each message and marks it; few controls at a time; it fits a
// 360 px phone; the list is keyboard operable. Grading and the recorded result are covered by labs.test.ts.
import { describe, expect, it } from 'vitest';
import { servedCurriculum } from '../helpers/served-curriculum.ts';
import { MESSAGES } from '../../src/labs/inbox/data.ts';

const UNIT = 'g6-email-messages';
const only = process.env.KHIENSO_ONLY?.split(',');
const env = servedCurriculum();

describe.skipIf(only && !only.includes(UNIT))('inbox lab', () => {
  for (const width of [360, 1024]) {
    it(`is a message list with a reading pane at ${width} px`, async () => {
      const context = await env.browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${env.server.url}/units/${UNIT}/index.html`);
      await page.waitForSelector('body.ks-ready');
      await page.click('#ks-nav li:last-child button');
      await page.waitForSelector('.ks-lab[data-lab="inbox"] .ks-inbox');
      const rows = await page.$$eval('.ks-inbox-list button', (bs) => bs.map((b) => ({ from: b.querySelector('.ks-inbox-from')?.textContent, time: b.querySelector('.ks-inbox-time')?.textContent, unread: !b.querySelector('.ks-inbox-dot')?.hasAttribute('data-read') })));
      expect(rows.map((r) => r.from)).toEqual(MESSAGES.map((m) => m.from));
      expect(rows.every((r) => !!r.time)).toBe(true);
      expect(rows.filter((r) => r.unread).length).toBe(MESSAGES.length - 1);
      // One message open at a time: far fewer controls than the old 48-control form.
      const controls = await page.$$eval('.ks-lab[data-lab="inbox"] .ks-inbox-pane input', (i) => i.length);
      expect(controls).toBeLessThanOrEqual(6);
      const m = MESSAGES[2]!;
      await page.click(`#inbox-open-${m.id}`);
      expect(await page.textContent('.ks-inbox-pane')).toContain(m.body.vi.slice(0, 30));
      expect(await page.$eval(`#inbox-open-${m.id} .ks-inbox-dot`, (d) => d.hasAttribute('data-read'))).toBe(true);
      // Each message opens as the lessons' own mock-ups show one: an e-mail window, or a phone with the text/chat.
      for (const channel of ['email', 'sms', 'chat'] as const) {
        const msg = MESSAGES.find((x) => x.channel === channel);
        if (!msg) continue;
        await page.click(`#inbox-open-${msg.id}`);
        const mock = `.ks-inbox-pane figure.ks-mock[data-mock="${channel === 'email' ? 'email' : 'phone'}"]`;
        expect(await page.textContent(`${mock} [data-part="sender"]`), msg.id).toBe(msg.from);
        expect(await page.textContent(`${mock} ${channel === 'email' ? '.ks-email-body' : '.ks-msg'}`), msg.id).toContain(msg.body.vi.slice(0, 30));
        if (msg.link) expect(await page.textContent(`${mock} .ks-fake-link`)).toBe(msg.link.text);
      }
      await page.click(`#inbox-open-${m.id}`);
      await page.check(`#inbox-${m.id}-${m.scam ? 'scam' : 'real'}`);
      expect(await page.textContent(`#inbox-open-${m.id}`)).toContain(m.scam ? 'Lừa đảo' : 'An toàn');
      // Arrow keys move through the list like a mail client.
      await page.focus(`#inbox-open-${MESSAGES[0]!.id}`);
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`inbox-open-${MESSAGES[1]!.id}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await context.close();
    });
  }
});
