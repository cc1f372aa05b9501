// coverage-summary.csv: counts and percentages per framework, grade and strand.
import type { APIRoute } from 'astro';
import { coverageSummaryCsv } from '../site/coverage.ts';
import { siteCoverage } from '../site/coverage-data.ts';

export const GET: APIRoute = () => new Response(coverageSummaryCsv(siteCoverage()), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
