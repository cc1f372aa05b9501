// Fixes found by the December 2026 UX review (issue 13, part 7), checked in the real built player:
// the SQL lab must not keep claiming "logged in… that is SQL injection" after the fix is applied; the lab must
// not widen a 360 px phone page after the attack; g11's code blocks scroll inside their own box.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { servedCurriculum } from '../helpers/served-curriculum.ts';
import { pressButton } from './keyboard.ts';

const UNIT = 'g11-secure-coding';
const only = process.env.KHIENSO_ONLY?.split(',');
const env = servedCurriculum();

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

async function attack(page: Page): Promise<void> {
  await page.waitForSelector('.ks-lab[data-lab="sql"][data-ready="true"]');
  await page.fill('#sql-user', "admin' --");
  await page.fill('#sql-pass', 'khong-biet');
  await page.click('#sql-login');
  await page.waitForFunction(() => /SQL injection/.test(document.querySelector('#sql-result')?.textContent ?? ''));
}

describe.skipIf(only && !only.includes(UNIT))('g11-secure-coding fixes', () => {
  it('the SQL lab stops saying the login succeeded once the parameterised fix is applied', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/units/${UNIT}/index.html`);
    await page.waitForSelector('body.ks-ready');
    await pressButton(page.mainFrame(), '#ks-nav li:last-child button');
    await attack(page);
    expect(await page.textContent('#sql-result')).toContain('SQL injection');
    await page.check('#sql-fix-0');
    await page.click('#sql-rerun');
    await page.waitForSelector('#sql-fix-result[data-ok="true"]');
    const after = (await page.textContent('#sql-result')) ?? '';
    expect(after).not.toContain('SQL injection');
    expect(after).not.toContain('Đăng nhập thành công');
    expect(after).toContain('Sai tên đăng nhập hoặc mật khẩu');
    expect(await page.textContent('#sql-query')).toContain('username = ? AND password = ?');
    // Logging in again with the attack input runs the fixed page: it still fails.
    await page.click('#sql-login');
    expect(await page.textContent('#sql-result')).not.toContain('Đăng nhập thành công');
    // A real account still logs in through the fixed query.
    await page.fill('#sql-user', 'lan');
    await page.fill('#sql-pass', 'hoa-sen-tim-bien');
    await page.click('#sql-login');
    expect(await page.textContent('#sql-result')).toContain('Đăng nhập thành công: lan');
    await context.close();
  });

  it('after the attack the lab fits a 360 px phone (no sideways scroll of the page)', async () => {
    const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/units/${UNIT}/index.html`);
    await page.waitForSelector('body.ks-ready');
    await page.click('#ks-nav li:last-child button');
    await attack(page);
    await page.check('#sql-fix-0');
    await page.click('#sql-rerun');
    await page.waitForSelector('#sql-fix-result[data-ok="true"]');
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    const labRight = await page.$eval('.ks-lab[data-lab="sql"]', (e) => e.getBoundingClientRect().right);
    expect(labRight).toBeLessThanOrEqual(360);
    await context.close();
  });

  it('lesson code blocks scroll inside their own box at 360 px and 1024 px, and can be scrolled with the keyboard', async () => {
    for (const width of [360, 1024]) {
      const context = await env.browser.newContext({ viewport: { width, height: 740 } });
      const page = await context.newPage();
      await page.goto(`${env.server.url}/units/${UNIT}/index.html`);
      await page.waitForSelector('body.ks-ready');
      const lessons = await page.$$eval('#ks-nav li button', (b) => b.length - 1);
      let blocks = 0;
      for (let i = 1; i <= lessons; i++) {
        await page.click(`#ks-nav li:nth-child(${i}) button`);
        expect(await pageWidth(page), `lesson ${i} at ${width}px`).toBeLessThanOrEqual(width);
        const pres = await page.$$eval('.ks-page:not([hidden]) pre', (ps) => ps.map((p) => ({ scroll: p.scrollWidth > p.clientWidth, overflow: getComputedStyle(p).overflowX, tab: p.tabIndex })));
        blocks += pres.length;
        for (const p of pres) {
          expect(p.tab).toBe(0);
          if (p.scroll) expect(p.overflow).toBe('auto');
        }
      }
      expect(blocks).toBeGreaterThan(0);
      await context.close();
    }
  });
});
