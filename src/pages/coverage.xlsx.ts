// coverage.xlsx: the department report as an Excel workbook (src/site/report-xlsx.ts).
import type { APIRoute } from 'astro';
import { coverageXlsx } from '../site/report-xlsx.ts';
import { reportMeta, siteCoverage, siteGrades } from '../site/coverage-data.ts';
import { frameworks } from '../site/data.ts';
import { scopeText } from '../site/report-text.ts';

export const GET: APIRoute = async () => {
  const bytes = await coverageXlsx({ coverage: siteCoverage(), grades: siteGrades(), frameworks: frameworks(), meta: reportMeta(), scope: scopeText('vi'), caveat: scopeText('vi', 'caveat') });
  return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
};
