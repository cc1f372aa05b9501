// Astro integration run after the site is built: copies every package of dist/catalog.json into
// downloads/, unzips each SCORM 1.2 package into preview/<unit>/ for the LMS inspector, copies
// scorm-again, and makes every root-absolute URL Astro emitted (bundled scripts) relative, so the
// site works wherever dist/ is copied.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { unzipSync } from 'fflate';
import type { CatalogUnit } from '../../packaging/catalog.ts';
import type { MoodleIndex } from '../../packaging/moodle/build-moodle.ts';
import { contestDownloadPath, downloadPath, previewPath } from './paths.ts';
import { SCREENS_DIR } from './moodle-figures.ts';
import type { ContestCatalog } from '../../packaging/contest/build-contest.ts';

function write(file: string, content: Uint8Array | string) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/** Copies packages, preview players and scorm-again into the built site. */
export function copyAssets(dist: string, site: string): { packages: number; previews: number } {
  const units = (JSON.parse(readFileSync(join(dist, 'catalog.json'), 'utf8')) as { units: CatalogUnit[] }).units;
  let packages = 0;
  let previews = 0;
  for (const u of units) {
    for (const [format, p] of Object.entries(u.packages)) {
      const target = join(site, downloadPath(format, u.id));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(dist, p.file), target);
      packages++;
    }
    const scorm12 = u.packages.scorm12;
    if (scorm12) {
      const files = unzipSync(readFileSync(join(dist, scorm12.file)));
      const root = resolve(site, previewPath(u.id));
      for (const [name, bytes] of Object.entries(files)) {
        const target = resolve(root, name);
        if (!target.startsWith(root + sep) || name.endsWith('/')) continue;
        write(target, bytes);
      }
      previews++;
    }
  }
  // Moodle downloads (dist/moodle/: course backups, competency framework, question banks) under downloads/moodle/.
  const moodleIndex = join(dist, 'moodle', 'moodle.json');
  if (existsSync(moodleIndex)) {
    const idx = JSON.parse(readFileSync(moodleIndex, 'utf8')) as MoodleIndex;
    for (const f of [...(idx.backups ?? []), ...(idx.competencies ? [idx.competencies] : []), ...(idx.questionBanks ?? [])]) {
      write(join(site, 'downloads', f.file.file), readFileSync(join(dist, f.file.file)));
    }
  }
  // Contest downloads (dist/contest/catalog.json: LMS packages, offline pages, the ctfcli folders) under downloads/contest/.
  const contestIndex = join(dist, 'contest', 'catalog.json');
  if (existsSync(contestIndex)) {
    const idx = JSON.parse(readFileSync(contestIndex, 'utf8')) as ContestCatalog;
    for (const f of [...idx.contests.flatMap((c) => [...Object.values(c.packages), c.offline]), idx.ctfd]) write(join(site, contestDownloadPath(f)), readFileSync(join(dist, f.file)));
  }
  write(join(site, 'vendor/scorm12.min.js'), readFileSync(resolve('node_modules/scorm-again/dist/scorm12.min.js')));
  // Screenshots of a real Moodle for the Moodle guide (src/site/moodle-figures.ts), when there are any.
  if (existsSync(resolve(SCREENS_DIR))) {
    for (const name of readdirSync(resolve(SCREENS_DIR))) if (/\.(png|jpe?g|webp|svg)$/i.test(name)) write(join(site, 'moodle/screens', name), readFileSync(resolve(SCREENS_DIR, name)));
  }
  return { packages, previews };
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return htmlFiles(p);
    return n.endsWith('.html') ? [p] : [];
  });
}

/** Rewrites src="/…" and href="/…" in the site's pages to paths relative to each page. */
export function relativizeUrls(site: string): number {
  let changed = 0;
  for (const file of htmlFiles(site)) {
    if (relative(site, file).startsWith('preview' + sep)) continue;
    const up = '../'.repeat(relative(site, dirname(file)).split(sep).filter(Boolean).length) || './';
    const before = readFileSync(file, 'utf8');
    const after = before.replace(/\b(src|href|action)="\/(?!\/)/g, (_m, attr: string) => `${attr}="${up}`);
    if (after !== before) {
      writeFileSync(file, after);
      changed++;
    }
  }
  return changed;
}

export function khienSoSite(opts: { dist: string }): AstroIntegration {
  return {
    name: 'khien-so-site',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        if (!existsSync(join(opts.dist, 'catalog.json'))) throw new Error(`${join(opts.dist, 'catalog.json')} is missing: run node scripts/build.ts first`);
        const { packages, previews } = copyAssets(opts.dist, site);
        const pages = relativizeUrls(site);
        logger.info(`copied ${packages} package(s), unzipped ${previews} preview(s), made URLs relative in ${pages} page(s)`);
      },
    },
  };
}
