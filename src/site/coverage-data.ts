// The dashboard's coverage, computed from the built catalogue (dist/catalog.json) and the frameworks.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog, curriculum, frameworks, programme } from './data.ts';
import { computeCoverage, frameworkShortName, gradeTable, requirementsFrom, type Coverage, type GradeRow } from './coverage.ts';

let cached: Coverage | undefined;

/** Coverage of every framework requirement by the catalogue's units. */
export function siteCoverage(): Coverage {
  if (!cached) {
    const order = frameworks().map((f) => f.id);
    const requirements = requirementsFrom(curriculum().outcomes.values()).sort((a, b) => order.indexOf(a.framework) - order.indexOf(b.framework));
    cached = computeCoverage(catalog(), requirements);
  }
  return cached;
}

/** Per-grade units, periods, questions and the programme's requirements assessed/covered. */
export const siteGrades = (): GradeRow[] => gradeTable(catalog(), siteCoverage(), programme()?.id);

/**
 * Version and date of a report: the project version, a short fingerprint of the catalogue (every unit's id and
 * version, so two reports of the same content carry the same fingerprint) and the build date
 * (SOURCE_DATE_EPOCH when set, for reproducible builds).
 */
export function reportMeta(): { version: string; catalogue: string; date: string } {
  const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { version: string };
  const catalogue = createHash('sha256').update(catalog().map((u) => `${u.id}@${u.version}`).sort().join('\n')).digest('hex').slice(0, 8);
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const date = (Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date()).toISOString().slice(0, 10);
  return { version: pkg.version, catalogue, date };
}

/** The JSON export: units counted, frameworks, summary figures and one row per requirement. */
export function coverageJson(): string {
  const c = siteCoverage();
  return JSON.stringify({
    generator: 'khien-so',
    report: reportMeta(),
    scope: 'CT GDPT 2018 figures cover the information-security requirements (YCCĐ) the project selected from the Tin học programme, not the whole subject.',
    units: catalog().map((u) => ({ id: u.id, version: u.version, grade: u.grade, strand: u.strand, title: u.title })),
    frameworks: frameworks().map((f) => ({ id: f.id, short: frameworkShortName(f.id), name: f.name, prefix: f.prefix })),
    // No total across frameworks: their requirements are not comparable.
    summary: { byFramework: c.byFramework, byGrade: c.byGrade, byStrand: c.byStrand },
    perGrade: siteGrades(),
    rows: c.rows,
  }, null, 1) + '\n';
}
