// coverage-summary.csv: counts and percentages per framework, grade and strand, and the per-grade table.
import type { APIRoute } from 'astro';
import { coverageSummaryCsv } from '../site/coverage.ts';
import { siteCoverage, siteGrades } from '../site/coverage-data.ts';

export const GET: APIRoute = () => new Response(coverageSummaryCsv(siteCoverage(), siteGrades()), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
