// Screenshots of the real Moodle for the teacher guide (docs/moodle-screens/). Written only when
// KHIENSO_MOODLE_SCREENS names a folder (e.g. KHIENSO_MOODLE_SCREENS=docs/moodle-screens), so ordinary test
// runs leave the repository untouched. Small PNGs: a 1000 px wide viewport, clipped to the part that matters.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { REPO } from './source.ts';

export async function screenshot(page: Page, name: string, what?: Locator, maxHeight = 560): Promise<string | null> {
  const dir = process.env.KHIENSO_MOODLE_SCREENS;
  if (!dir) return null;
  const out = resolve(REPO, dir);
  mkdirSync(out, { recursive: true });
  await page.setViewportSize({ width: 1000, height: 800 });
  const file = join(out, name);
  const box = what ? await what.boundingBox() : null;
  const clip = box ? { x: Math.max(0, box.x - 8), y: Math.max(0, box.y - 8), width: Math.min(1000, box.width + 16), height: Math.min(maxHeight, box.height + 16) } : { x: 0, y: 0, width: 1000, height: maxHeight };
  await page.screenshot({ path: file, clip, animations: 'disabled' });
  return file;
}
