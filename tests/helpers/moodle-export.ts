// Moodle 4.3 SCORM "Objectives report" downloads, built as Moodle's own code writes them
// (mod/scorm/report/objectives/classes/report.php, lib/csvlib.class.php), for tests of the results view.
// A real Moodle 4.3.0 leaves the objective cells of this report empty (see tests/fixtures/moodle-exports,
// downloaded from the real Moodle harness); these files keep the parser right for a Moodle that fills them.
//
// On download the report writes: Name, the identity fields (Email address by default), Attempt, Started on,
// Last accessed on, Score, one column per launchable SCO (its title, holding "raw/max" or the status word),
// then per objective id either "<id>" (status only) or "<id> status" and "<id> score" ("Show objective score").
// Text download: csv_export_writer('tab') → PHP fputcsv with a tab delimiter and '"' enclosure, no BOM, LF
// line ends, .txt. Excel download: MoodleExcelWorkbook → .xlsx with a sheet named "Report", bold headers.
import ExcelJS from 'exceljs';

export interface MoodleAttempt {
  attempt: number;
  /** cmi.objectives.n.id → status (passed/failed for SCORM 1.2) and score.raw. */
  objectives: Record<string, { status: string; score?: number }>;
  score: number;
}
export interface MoodleLearner { name: string; email: string; attempts: MoodleAttempt[] }

/** PHP 8 fputcsv: a field is enclosed when it holds the delimiter, '"', '\\', CR, LF, tab or a space. */
const phpCsvField = (v: string | number, delimiter: string): string => {
  const s = String(v);
  return s.includes(delimiter) || /["\\\r\n\t ]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** userdate($t) with Moodle's default English format (strftimedaydatetime). */
const userdate = (d: Date) => `${d.toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' })}, ${d.getUTCDate()} ${d.toLocaleDateString('en-GB', { month: 'long', timeZone: 'UTC' })} ${d.getUTCFullYear()}, ${((d.getUTCHours() + 11) % 12) + 1}:${String(d.getUTCMinutes()).padStart(2, '0')} ${d.getUTCHours() < 12 ? 'AM' : 'PM'}`;

/** The report as rows (headers first), the same for both downloads. */
export function objectivesReportRows(scoTitle: string, objectiveIds: string[], learners: MoodleLearner[], showScore: boolean): (string | number)[][] {
  const headers = ['Name', 'Email address', 'Attempt', 'Started on', 'Last accessed on', 'Score', scoTitle,
    ...objectiveIds.flatMap((id) => (showScore ? [`${id} status`, `${id} score`] : [id]))];
  const start = new Date(Date.UTC(2026, 10, 20, 7, 30));
  const rows = learners.flatMap((l) => l.attempts.map((a) => [
    l.name, l.email, a.attempt, userdate(start), userdate(new Date(start.getTime() + 45 * 60000)), a.score, `${a.score}/100`,
    ...objectiveIds.flatMap((id) => {
      const o = a.objectives[id];
      return showScore ? [o?.status ?? '', o?.score ?? ''] : [o?.status ?? ''];
    }),
  ]));
  return [headers, ...rows];
}

/** The "Text file" download (tab-separated .txt). */
export const objectivesReportText = (rows: (string | number)[][]): string => rows.map((r) => r.map((v) => phpCsvField(v, '\t')).join('\t')).join('\n') + '\n';

/** The "Excel spreadsheet" download (.xlsx, sheet "Report", bold centred headers, numbers as numbers). */
export async function objectivesReportXlsx(rows: (string | number)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Report');
  rows.forEach((r, i) => {
    const row = ws.addRow(r);
    if (i === 0) row.eachCell((c) => { c.font = { bold: true }; c.alignment = { horizontal: 'center' }; });
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
