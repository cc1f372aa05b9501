// The dashboard's coverage, computed from the built catalogue (dist/catalog.json) and the frameworks.
import { catalog, curriculum, frameworks } from './data.ts';
import { computeCoverage, frameworkShortName, requirementsFrom, type Coverage } from './coverage.ts';

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

/** The JSON export: units counted, frameworks, summary figures and one row per requirement. */
export function coverageJson(): string {
  const c = siteCoverage();
  return JSON.stringify({
    generator: 'khien-so',
    units: catalog().map((u) => ({ id: u.id, version: u.version, grade: u.grade, strand: u.strand, title: u.title })),
    frameworks: frameworks().map((f) => ({ id: f.id, short: frameworkShortName(f.id), name: f.name, prefix: f.prefix })),
    summary: { total: c.total, byFramework: c.byFramework, byGrade: c.byGrade, byStrand: c.byStrand },
    rows: c.rows,
  }, null, 1) + '\n';
}
