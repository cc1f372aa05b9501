// Issue 13: axe-core over a lesson page holding every visual component (in the player's CSS), in Vietnamese and
// English, and a print check: printed in black and white the mock-ups keep their text and outlines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launchBrowser } from '../helpers/browser.ts';
import { parseMdx } from '../../src/model/load/mdx-ast.ts';
import { renderLessonHtml } from '../../src/model/load/lesson-html.ts';
import { ProblemList } from '../../src/errors/unit-error.ts';
import { bundleCss } from '../../packaging/runtime-bundle.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const EVERY = (en: boolean) => `
Intro.

<Phone kind="sms" from="SAOMAI-BANK" number="0909 xxx 888">
<Msg from="them" time="09:12">Text <Link>saomai-bank.top/mo-khoa</Link></Msg>
<Msg from="me" time="09:15">?</Msg>
</Phone>

<Phone kind="chat" app="Chat Xanh" from="Tuấn">
<Msg from="them" time="20:05">Hi</Msg>
</Phone>

<Email from="Support" address="help@mail-verify.top" to="me@school.vn" subject="Mailbox full" time="07:45">
Body <Link>here</Link>.

<Attachment name="guide.zip" size="96 KB" />
</Email>

<Browser address="https://www.truyen.vn/truyen-moi" title="Truyện" highlight="host">
<WebPage labels="yes">
<Part kind="header">Truyện</Part>
<Part kind="menu">Home</Part>
<Part kind="content">Chapter 3</Part>
<Part kind="ad">Game!</Part>
<Part kind="footer">Contact</Part>
</WebPage>
</Browser>

<WebPage>
<Part kind="header">Standalone page</Part>
<Part kind="content">Text</Part>
</WebPage>

<Popup kind="prize" title="Prize!" button="Claim" countdown="04:59">You won</Popup>

<Popup kind="warning" title="5 viruses!" button="Scan">Download</Popup>

<Permission app="Torch">Read contacts?</Permission>

<Call from="Police" number="+84 9xx xxx 123" label="Unknown" />

<Post author="Shop" time="2h" likes="12">
Free phone!

<Comment author="Lan">Real?</Comment>
</Post>

<Notice from="Portal" title="Fine" time="10:30">Pay now</Notice>

<Illustration name="posture-good" alt="${en ? 'A child sits up straight' : 'Bạn nhỏ ngồi thẳng lưng'}" caption="Caption" />

<Comic title="Story">
<Panel alt="An looks at a phone" scene="kid-phone"><Say who="An">What?</Say></Panel>
<Panel alt="An asks dad" scene="ask-adult"><Say who="Dad" kind="think">Good.</Say></Panel>
</Comic>
`;

let browser: Browser;
let css = '';
beforeAll(async () => {
  browser = await launchBrowser();
  css = await bundleCss();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

function page(lang: 'vi' | 'en'): string {
  const problems = new ProblemList();
  const html = renderLessonHtml(parseMdx(EVERY(lang === 'en'), 'x.mdx', problems)!, lang, 'x.mdx', problems);
  expect(problems.items).toEqual([]);
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Visuals</title><style>${css}</style></head><body><main><h1>Visuals</h1><h2>Lesson</h2>${html}</main></body></html>`;
}

describe('visual components in a browser', () => {
  it('a page with every component has no axe violations (Vietnamese and English)', async () => {
    const violations: string[] = [];
    const ctx = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const p = await ctx.newPage();
    for (const lang of ['vi', 'en'] as const) {
      await p.setContent(page(lang));
      const r = await new AxeBuilder({ page: p }).withTags(TAGS).analyze();
      violations.push(...r.violations.map((v) => `${lang}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`));
      // Every mock-up and drawing is on screen with a size (CSS applied, nothing collapsed).
      const sizes = await p.$$eval('figure', (fs) => fs.map((f) => f.getBoundingClientRect().height));
      expect(sizes.length).toBe(13);
      expect(Math.min(...sizes)).toBeGreaterThan(40);
    }
    // On a phone the mock-ups fit the screen (no sideways scroll).
    await p.setViewportSize({ width: 360, height: 740 });
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await ctx.close();
    expect(violations).toEqual([]);
  }, 120_000);

  it('printed, every mock-up keeps its text black on white and its outline', async () => {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await p.setContent(page('vi'));
    await p.emulateMedia({ media: 'print' });
    const styles = await p.$$eval('.ks-mock', (fs) => fs.map((f) => { const s = getComputedStyle(f); return { bg: s.backgroundColor, fg: s.color, border: s.borderTopStyle }; }));
    expect(styles.length).toBe(11);
    for (const s of styles) expect(s).toEqual({ bg: 'rgb(255, 255, 255)', fg: 'rgb(0, 0, 0)', border: expect.not.stringMatching(/^none$/) });
    const pdf = await p.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);
    await ctx.close();
  }, 120_000);
});
