// coverage.csv: one row per requirement, UTF-8 with a byte-order mark so Excel reads Vietnamese correctly.
import type { APIRoute } from 'astro';
import { coverageCsv } from '../site/coverage.ts';
import { siteCoverage } from '../site/coverage-data.ts';

export const GET: APIRoute = () => new Response(coverageCsv(siteCoverage()), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
