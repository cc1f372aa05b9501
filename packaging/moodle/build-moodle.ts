// dist/moodle/: Moodle-native downloads derived from the validated curriculum — question banks in Moodle XML
// (one file per unit; Vietnamese at questions/<unit>.xml, English at questions/en/<unit>.xml) and the competency
// framework CSV, course backups (course-grade-N.mbz, course-all-grades.mbz) — plus moodle.json listing every file with its size, SHA-256 and what was left out.
// Written to a staging folder and swapped in whole, so a failed build never leaves a partial folder.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Curriculum } from '../../src/model/load/load-curriculum.ts';
import type { SchoolLevel } from '../../src/model/school-level.ts';
import { sha256 } from '../zip.ts';
import { competenciesCsv, usedProgrammeOutcomes } from './competencies-csv.ts';
import { courseBackups } from './mbz/course-sets.ts';
import { questionBankXml } from './question-xml.ts';

export interface MoodleFileEntry { file: string; bytes: number; sha256: string }
export interface MoodleIndex {
  generator: 'khien-so';
  questionBanks: { unit: string; lang: 'vi' | 'en'; questions: number; omitted: { id: string; type: string; why: string }[]; file: MoodleFileEntry }[];
  competencies?: { requirements: number; file: MoodleFileEntry };
  /** Course backups (.mbz): one per grade and one of all grades; written by full builds only. */
  backups?: { kind: 'grade' | 'all'; grade?: number; units: string[]; contests: { level: SchoolLevel; questions: number }[]; file: MoodleFileEntry }[];
}

/**
 * Writes dist/moodle/. With `partial` (a filtered build) only the given units' banks are replaced and the rest of
 * an existing dist/moodle/ is kept; the competency framework is rewritten only from a full curriculum.
 */
export function buildMoodle(curriculum: Curriculum, dist: string, opts: { partial?: boolean } = {}): MoodleIndex {
  const out = join(dist, 'moodle');
  const staging = join(dist, `.moodle-staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const previous: MoodleIndex | undefined = opts.partial && existsSync(join(out, 'moodle.json')) ? JSON.parse(readFileSync(join(out, 'moodle.json'), 'utf8')) as MoodleIndex : undefined;
  const write = (rel: string, content: string | Uint8Array): MoodleFileEntry => {
    mkdirSync(dirname(join(staging, rel)), { recursive: true });
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    writeFileSync(join(staging, rel), bytes);
    return { file: `moodle/${rel}`, bytes: bytes.length, sha256: sha256(bytes) };
  };
  try {
    const index: MoodleIndex = { generator: 'khien-so', questionBanks: [] };
    const built = new Set(curriculum.units.map((u) => u.id));
    // Keep the other units' banks of an earlier full build.
    for (const b of previous?.questionBanks ?? []) {
      if (built.has(b.unit)) continue;
      const rel = b.file.file.replace(/^moodle\//, '');
      const src = join(out, rel);
      if (!existsSync(src)) continue;
      write(rel, readFileSync(src, 'utf8'));
      index.questionBanks.push(b);
    }
    for (const unit of curriculum.units) {
      for (const lang of ['vi', 'en'] as const) {
        const bank = questionBankXml(unit, lang);
        index.questionBanks.push({ unit: unit.id, lang, questions: bank.count, omitted: bank.omitted, file: write(bank.path, bank.xml) });
      }
    }
    index.questionBanks.sort((a, b) => a.unit.localeCompare(b.unit) || a.lang.localeCompare(b.lang));
    if (!opts.partial) {
      const { csv, count } = competenciesCsv(curriculum.units, curriculum.outcomes);
      index.competencies = { requirements: count, file: write('competencies.csv', csv) };
      // Course backups need every unit's SCORM 1.2 package (built just before, by buildUnits).
      const codes = new Set(usedProgrammeOutcomes(curriculum.units, curriculum.outcomes).map((o) => o.code));
      const scorm12 = (id: string) => readFileSync(join(dist, 'packages', 'scorm12', `${id}.zip`));
      // (Without the packages — buildMoodle called on its own — there is nothing to put in a backup.)
      const havePackages = curriculum.units.every((u) => existsSync(join(dist, 'packages', 'scorm12', `${u.id}.zip`)));
      if (havePackages) index.backups = courseBackups(curriculum.units, scorm12, codes, process.env.KHIENSO_GUIDE_URL)
        .map((b) => ({ kind: b.kind, ...(b.grade ? { grade: b.grade } : {}), units: b.units, contests: b.contests, file: write(b.file, b.bytes) }));
    } else if (previous?.competencies && existsSync(join(out, 'competencies.csv'))) {
      write('competencies.csv', readFileSync(join(out, 'competencies.csv'), 'utf8'));
      index.competencies = previous.competencies;
    }
    writeFileSync(join(staging, 'moodle.json'), JSON.stringify(index, null, 2) + '\n');
    rmSync(out, { recursive: true, force: true });
    renameSync(staging, out);
    return index;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
