// The web-security contest page of the teacher site: the challenges from their sources
// (curriculum/challenges/, texts, points and hint costs, never flags or solutions) and the downloads
// from the contest build's catalogue (dist/contest/catalog.json: file, size, SHA-256).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContestSources, type ContestSources } from '../contest/load-challenges.ts';
import type { ContestCatalog, ContestFile } from '../../packaging/contest/build-contest.ts';
import type { Tier } from '../contest/schema.ts';
import { distDir } from './dist.ts';
import type { Lang } from './i18n.ts';
export { contestDownloadPath } from './paths.ts';


export interface SiteChallenge {
  id: string;
  tier: Tier;
  title: string;
  category: string;
  value: number;
  fixValue: number;
  hintCosts: number[];
  outcomes: { code: string; text: string }[];
}

export interface SiteContest {
  id: string;
  title: string;
  summary: string;
  masteryScore: number;
  challenges: SiteChallenge[];
  downloads: { kind: string; f: ContestFile }[];
}

let sources: ContestSources | undefined;
let index: ContestCatalog | undefined;

/** The contest build's catalogue (written by scripts/build.ts before the site is built). */
export function contestCatalog(): ContestCatalog {
  if (!index) {
    const file = join(distDir(), 'contest', 'catalog.json');
    if (!existsSync(file)) throw new Error(`${file} is missing: run the unit build (node scripts/build.ts) before astro build`);
    index = JSON.parse(readFileSync(file, 'utf8')) as ContestCatalog;
  }
  return index;
}

/** Every contest unit with its challenges and downloads, in one language. */
export function webContest(lang: Lang): SiteContest[] {
  sources ??= loadContestSources(process.cwd());
  const src = sources;
  return contestCatalog().contests.map((entry) => {
    const def = src.contests.find((d) => d.id === entry.id);
    if (!def) throw new Error(`dist/contest/catalog.json lists "${entry.id}", which curriculum/challenges/contests.yaml does not: rebuild the units`);
    return {
      id: def.id, title: def.title[lang], summary: def.summary[lang], masteryScore: def.masteryScore,
      challenges: entry.challenges.map((id) => {
        const c = src.challenges.find((x) => x.text.id === id)?.text;
        if (!c) throw new Error(`contest "${def.id}" lists challenge "${id}", which has no curriculum/challenges/${id}/challenge.yaml`);
        return {
          id, tier: c.tier, title: c.title[lang], category: c.category[lang], value: c.value, fixValue: c.fixValue,
          hintCosts: c.hints.map((h) => h.cost), outcomes: c.outcomes.map((code) => ({ code, text: src.outcomes.get(code)?.[lang] ?? code })),
        };
      }),
      downloads: [...Object.entries(entry.packages).map(([kind, f]) => ({ kind, f })), { kind: 'offline', f: entry.offline }],
    };
  });
}
