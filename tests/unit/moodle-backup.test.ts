// The course backups (.mbz) are reproducible and hold what Moodle's restore reads.
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadCurriculum } from '../../src/model/load/load-curriculum.ts';
import { zipPackage } from '../../packaging/zip.ts';
import { courseBackup } from '../../packaging/moodle/mbz/course-backup.ts';
import { courseBackups } from '../../packaging/moodle/mbz/course-sets.ts';
import { REPO } from '../moodle/harness/source.ts';

const curriculum = loadCurriculum({ root: REPO, only: ['g6-internet-safety', 'g3-personal-info'] } as never);
const manifest = (id: string) => `<manifest><resource identifier="khienso.${id}.sco" type="webcontent" adlcp:scormtype="sco" href="index.html"></resource></manifest>`;
const zip = (id: string) => zipPackage(new Map<string, string>([['imsmanifest.xml', manifest(id)], ['index.html', `<p>${id}</p>`], ['player.js', 'var x = 1;']]));

/** path → content of a .mbz (ustar inside gzip). */
function untar(mbz: Uint8Array): Map<string, string> {
  const tar = gunzipSync(mbz);
  const out = new Map<string, string>();
  for (let off = 0; off + 512 <= tar.length;) {
    const name = tar.subarray(off, off + 100).toString('utf8').replace(/\0.*$/s, '');
    if (!name) break;
    const size = parseInt(tar.subarray(off + 124, off + 136).toString('ascii'), 8);
    out.set(name, tar.subarray(off + 512, off + 512 + size).toString('utf8'));
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

describe('Moodle course backups', () => {
  it('two builds give the same bytes', () => {
    const a = courseBackups(curriculum.units, zip, new Set(['TH-G6-D-05']));
    const b = courseBackups(curriculum.units, zip, new Set(['TH-G6-D-05']));
    expect(a.map((x) => x.file)).toEqual(['course-grade-3.mbz', 'course-grade-6.mbz', 'course-all-grades.mbz']);
    for (const [i, x] of a.entries()) expect(Buffer.from(x.bytes).equals(Buffer.from(b[i]?.bytes ?? []))).toBe(true);
  });

  it('holds one SCORM activity per unit with the proven settings, the package and its unpacked files by content hash', () => {
    const unit = curriculum.units.find((u) => u.id === 'g6-internet-safety');
    if (!unit) throw new Error('unit missing');
    const files = untar(courseBackup({ shortname: 's', fullname: 'f', summary: '', units: [{ unit, scorm12: zip(unit.id) }], competencies: new Set() }));
    expect([...files.keys()][0]).toBe('.ARCHIVE_INDEX');
    const scorm = files.get('activities/scorm_2/scorm.xml') ?? '';
    for (const [k, v] of Object.entries({ popup: 0, skipview: 2, hidetoc: 3, nav: 0, grademethod: 1, maxgrade: 100, whatgrade: 0, forcenewattempt: 0, masteryoverride: 1, completionstatusrequired: 2 })) expect(scorm).toContain(`<${k}>${v}</${k}>`);
    expect(files.get('activities/scorm_2/module.xml')).toContain('<completion>2</completion>');
    const filesXml = files.get('files.xml') ?? '';
    for (const name of ['g6-internet-safety.zip', 'index.html', 'player.js', 'imsmanifest.xml']) expect(filesXml).toContain(`<filename>${name}</filename>`);
    const hashes = [...filesXml.matchAll(/<contenthash>([0-9a-f]{40})<\/contenthash>/g)].map((m) => m[1] as string);
    for (const h of hashes) expect(files.has(`files/${h.slice(0, 2)}/${h}`), h).toBe(true);
  });
});
