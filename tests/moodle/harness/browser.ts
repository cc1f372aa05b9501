// A learner in Chromium: logs in through Moodle's login form and opens a SCORM activity as a student would.
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { MoodleSite } from './site.ts';
import type { Scorm, User } from './fixtures.ts';

/** Every profile opened by loginAs in this test, closed after it (describeMoodle) so no tab of one scenario talks to the next. */
export const openContexts = new Set<BrowserContext>();

/** A fresh browser profile (own cookies and localStorage), logged in to Moodle as `user`. */
export async function loginAs(browser: Browser, site: MoodleSite, user: User): Promise<BrowserContext> {
  const context = await browser.newContext();
  openContexts.add(context);
  context.on('close', () => openContexts.delete(context));
  // No step may wait forever: a hung page fails within a minute and names what it waited for.
  context.setDefaultTimeout(60_000);
  context.setDefaultNavigationTimeout(120_000);
  const page = await context.newPage();
  await page.goto(`${site.url}/login/index.php`);
  await page.fill('#username', user.username);
  await page.fill('#password', user.password);
  // A loaded 2-core machine can take long for the first page after login (theme, caches).
  await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/login/index.php'), { timeout: 180_000, waitUntil: 'commit' }), page.click('#loginbtn')]);
  // The login lands on the dashboard, whose scripts (user tour, timeline, calendar) can keep page.close() waiting
  // for good (seen: 3 of 13 scenarios hung there). Leave it for a blank page first and never wait long on close:
  // the profile is closed after the scenario anyway (suite.ts).
  await page.goto('about:blank', { timeout: 30_000 }).catch(() => undefined);
  await Promise.race([page.close(), new Promise((r) => setTimeout(r, 10_000))]);
  return context;
}

export interface Launched {
  /** The page holding Moodle's player (the popup window in "New window" mode). */
  player: Page;
  /** The package's frame (index.html served through pluginfile.php), after the lesson player started. */
  content: Frame;
}

/** Waits for the package frame inside Moodle's player page and for the lesson to be interactive. */
export async function contentFrame(player: Page, timeout = 90_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = player.frames().find((f) => /\/mod_scorm\/content\//.test(f.url()));
    if (frame) {
      try {
        await frame.waitForSelector('main, [data-khs-ready], body', { timeout: 5_000 });
        return frame;
      } catch { /* navigating */ }
    }
    if (Date.now() > deadline) throw new Error(`no package frame in ${player.url()} (frames: ${player.frames().map((f) => f.url()).join(', ')})`);
    await player.waitForTimeout(200);
  }
}

/**
 * Opens the activity as the learner does from the course page: view.php (which, with "skip content structure
 * page: Always", goes straight to the player), or a given `mode` ('normal' | 'browse' = Preview | 'review') or a
 * new attempt via the entry page's form. In "New window" mode it follows the popup Moodle opens.
 */
export async function openScorm(context: BrowserContext, site: MoodleSite, scorm: Scorm, opts: { mode?: 'browse' | 'normal' | 'review'; newAttempt?: boolean; popup?: boolean } = {}): Promise<Launched> {
  const page = await context.newPage();
  if (opts.mode || opts.newAttempt) {
    // The entry page's form: "Preview" (#b) or "Enter" (#n) buttons, "Start a new attempt" checkbox (#a);
    // preventskip=1 keeps Moodle from launching straight away.
    await page.goto(`${site.url}/mod/scorm/view.php?id=${scorm.cmid}&preventskip=1`);
    if (opts.newAttempt) await page.check('#a');
    const submit = page.locator(opts.mode === 'browse' ? '#b' : '#n');
    if (opts.popup) {
      const [popup] = await Promise.all([context.waitForEvent('page', { timeout: 60_000 }), submit.click()]);
      return { player: popup, content: await contentFrame(popup) };
    }
    await Promise.all([page.waitForURL(/\/mod\/scorm\/player\.php/, { timeout: 60_000 }), submit.click()]);
    return { player: page, content: await contentFrame(page) };
  }
  if (opts.popup) {
    const [popup] = await Promise.all([context.waitForEvent('page', { timeout: 60_000 }), page.goto(`${site.url}/mod/scorm/view.php?id=${scorm.cmid}`)]);
    return { player: popup, content: await contentFrame(popup) };
  }
  await page.goto(`${site.url}/mod/scorm/view.php?id=${scorm.cmid}`);
  await page.waitForURL(/\/mod\/scorm\/player\.php/, { timeout: 120_000, waitUntil: 'commit' });
  return { player: page, content: await contentFrame(page) };
}

/** Closes the tab (no exit button pressed), running unload handlers as a real tab close does. */
export async function closeTab(player: Page): Promise<void> {
  await player.close({ runBeforeUnload: true });
  // Moodle saves with sendBeacon during unload; give the server a moment to store it.
  await new Promise((r) => setTimeout(r, 1_500));
}
