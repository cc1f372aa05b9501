// `npm run bench`: prints the figures the budgets are checked against, per unit and format:
// zip size, lesson JS and CSS (gzipped), worst-case learner state, build+package time, and the time until
// the lesson is interactive in Chromium with the CPU slowed 4×. Budgets: JS ≤ 30 KB gz (SCORM and
// standalone; ≤ 60 KB with the xAPI/cmi5 client), package ≤ 150 KB zipped, interactive ≤ 1 s.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildUnits } from '../packaging/build-units.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { startStaticServer } from '../tests/helpers/static-server.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = mkdtempSync(join(tmpdir(), 'ks-bench-'));
const only = process.env.KHIENSO_ONLY?.split(',');
const t0 = performance.now();
const { rows, catalog } = await buildUnits({ root, dist, only });
const buildMs = performance.now() - t0;
const KB = 1024;
const budget = { js: 30 * KB, jsXapi: 60 * KB, zip: 150 * KB, interactiveMs: 1000 };
const mark = (ok: boolean) => (ok ? '✓' : '✗ over budget');

console.log(`Built ${catalog.length} unit(s) and ${rows.filter((r) => r.zipBytes !== null).length} packages in ${(buildMs / 1000).toFixed(2)} s\n`);
console.log('unit'.padEnd(30) + 'format'.padEnd(12) + 'zip KB'.padStart(8) + 'js gz KB'.padStart(10) + 'labs gz KB'.padStart(12) + 'css gz KB'.padStart(11) + 'state'.padStart(7) + 'ms'.padStart(6) + '  budget');
let over = 0;
for (const r of rows) {
  const jsBudget = r.format === 'xapi' || r.format === 'cmi5' ? budget.jsXapi : budget.js;
  // Lab engine binaries (SQLite wasm) count like media: the package budget is "before media".
  const zipBeforeMedia = r.zipBytes === null ? null : r.zipBytes - r.binaryBytes;
  const ok = r.jsGz <= jsBudget && (zipBeforeMedia === null || zipBeforeMedia <= budget.zip);
  if (!ok) over++;
  console.log(r.unit.padEnd(30) + r.format.padEnd(12) + (r.zipBytes === null ? '—' : (r.zipBytes / KB).toFixed(1)).padStart(8) + (r.jsGz / KB).toFixed(1).padStart(10) + (r.labsGz ? (r.labsGz / KB).toFixed(1) : '—').padStart(12) + (r.cssGz / KB).toFixed(1).padStart(11) + String(r.state).padStart(7) + String(r.ms).padStart(6) + '  ' + mark(ok) + (r.binaryBytes ? `  (incl. ${(r.binaryBytes / KB).toFixed(0)} KB lab engine, counted as media)` : ''));
}

console.log('\nTime to interactive (standalone page, Chromium, CPU slowed 4×, median of 3 loads)');
const server = await startStaticServer(dist);
const browser = await launchBrowser();
try {
  for (const u of catalog) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(`${server.url}/${u.pages.standalone}`);
      await page.waitForSelector('body.ks-ready');
      times.push(await page.evaluate(() => performance.getEntriesByName('ks-ready')[0]?.startTime ?? NaN));
      await context.close();
    }
    const median = times.sort((a, b) => a - b)[1] ?? NaN;
    if (!(median <= budget.interactiveMs)) over++;
    console.log(`${u.id.padEnd(30)}${median.toFixed(0).padStart(6)} ms  ${mark(median <= budget.interactiveMs)}`);
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(over ? `\n${over} figure(s) over budget` : '\nAll figures within budget');
