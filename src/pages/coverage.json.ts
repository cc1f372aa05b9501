// coverage.json: every coverage figure, for reports and other tools.
import type { APIRoute } from 'astro';
import { coverageJson } from '../site/coverage-data.ts';

export const GET: APIRoute = () => new Response(coverageJson(), { headers: { 'content-type': 'application/json; charset=utf-8' } });
