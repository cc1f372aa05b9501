import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCurriculum, type Curriculum } from '../model/load/load-curriculum.ts';
import type { CatalogUnit } from '../../packaging/catalog.ts';
import { schoolLevel } from '../model/school-level.ts';
import type { Unit } from '../model/unit.ts';
import type { Framework } from '../model/framework-schema.ts';
import { distDir } from './dist.ts';

let model: Curriculum | undefined;
let catalogUnits: CatalogUnit[] | undefined;

/**
 * The one validated curriculum model, loaded once per build. Honours the same environment variables as
 * scripts/build.ts: KHIENSO_ONLY (comma-separated unit folders), KHIENSO_UNITS, KHIENSO_FRAMEWORKS.
 */
export function curriculum(): Curriculum {
  model ??= loadCurriculum({
    root: process.cwd(),
    only: process.env.KHIENSO_ONLY?.split(','),
    unitsDir: process.env.KHIENSO_UNITS ? resolve(process.env.KHIENSO_UNITS) : undefined,
    frameworksDir: process.env.KHIENSO_FRAMEWORKS ? resolve(process.env.KHIENSO_FRAMEWORKS) : undefined,
  });
  return model;
}

/** Units ordered by grade, then id. */
export const units = (): Unit[] => [...curriculum().units].sort((a, b) => a.grade - b.grade || a.id.localeCompare(b.id));

export const unitById = (id: string): Unit | undefined => curriculum().units.find((u) => u.id === id);

/** The units of dist/catalog.json (written by the unit build, which runs before the site build). */
export function catalog(): CatalogUnit[] {
  if (!catalogUnits) {
    const file = join(distDir(), 'catalog.json');
    if (!existsSync(file)) throw new Error(`${file} is missing: run the unit build (node scripts/build.ts) before astro build`);
    catalogUnits = (JSON.parse(readFileSync(file, 'utf8')) as { units: CatalogUnit[] }).units;
  }
  return catalogUnits;
}

export const catalogEntry = (id: string): CatalogUnit | undefined => catalog().find((u) => u.id === id);

/** The 2018 national programme (the framework without a code prefix). */
export const programme = (): Framework | undefined => curriculum().frameworks.find((f) => f.prefix === '');

type StrandEntry = { code: string; vi: string; en: string; by_level?: Record<string, { vi: string; en: string }> };

/** Name of a programme strand (A–G) in a language; strand A is named differently per school level. */
export function strandName(code: string, lang: 'vi' | 'en', grade?: number): string {
  const s = programme()?.strands?.find((x) => x.code === code) as StrandEntry | undefined;
  if (!s) return code;
  const level = grade === undefined ? undefined : schoolLevel(grade);
  const named = level ? s.by_level?.[level] : undefined;
  return (named ?? s)[lang];
}

/** Frameworks with the national programme first, then the others in file order. */
export const frameworks = (): Framework[] => [...curriculum().frameworks].sort((a, b) => Number(a.prefix !== '') - Number(b.prefix !== ''));

