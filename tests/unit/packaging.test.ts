import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { unzipSync, strFromU8 } from 'fflate';
import { buildUnits } from '../../packaging/build-units.ts';
import { PACKAGE_FORMATS } from '../../packaging/formats.ts';
import { validateCmi5, validateManifest, validateTincan } from '../../packaging/validate-manifest.ts';
import { iris } from '../../src/core/iris.ts';
import { CurriculumError } from '../../src/errors/unit-error.ts';
import { scratchCurriculum } from '../helpers/fixtures.ts';
import { buildRealCurriculum } from '../helpers/build-once.ts';
import type { CatalogUnit } from '../../packaging/catalog.ts';

async function buildFixture(dist?: string) {
  const c = scratchCurriculum();
  const out = dist ?? join(c.root, 'dist');
  const result = await buildUnits({ root: c.root, unitsDir: c.unitsDir, frameworksDir: c.frameworksDir, dist: out });
  return { c, dist: out, result };
}
const unzip = (path: string) => unzipSync(readFileSync(path));
const text = (files: Record<string, Uint8Array>, name: string) => strFromU8(files[name] as Uint8Array);

describe('SCORM packages', () => {
  it('have imsmanifest.xml at the root, stable ids, the mastery score and every file the lesson needs', async () => {
    const { dist } = await buildFixture();
    const p12 = unzip(join(dist, 'packages/scorm12/fx-basics.zip'));
    const m12 = text(p12, 'imsmanifest.xml');
    expect(m12).toContain('identifier="khienso.fx-basics"');
    expect(m12).toContain('<organization identifier="khienso.fx-basics.org">');
    expect(m12).toContain('<item identifier="khienso.fx-basics.item" identifierref="khienso.fx-basics.sco"');
    expect(m12).toContain('<adlcp:masteryscore>70</adlcp:masteryscore>');
    expect(m12).toContain('<title>Chủ đề thử nghiệm</title>');
    expect(m12).toContain('adlcp:scormtype="sco" href="index.html"');
    const p04 = unzip(join(dist, 'packages/scorm2004/fx-basics.zip'));
    const m04 = text(p04, 'imsmanifest.xml');
    expect(m04).toContain('<imsss:minNormalizedMeasure>0.70</imsss:minNormalizedMeasure>');
    expect(m04).toContain('satisfiedByMeasure="true"');
    expect(m04).toContain('<imsss:objective objectiveID="FX-G6-D-02"/>');
    expect(m04).toContain('<schemaversion>2004 4th Edition</schemaversion>');
    for (const [files, manifest] of [[p12, m12], [p04, m04]] as const) {
      const listed = [...manifest.matchAll(/<file href="([^"]+)"/g)].map((m) => m[1]);
      for (const f of listed) expect(files[f as string], f).toBeDefined();
      for (const f of ['index.html', 'player.js', 'player.css', 'metadata.xml']) expect(files[f], f).toBeDefined();
      // Every schema the manifest points at ships inside the package.
      const locations = (manifest.match(/xsi:schemaLocation="([^"]+)"/)?.[1] ?? '').trim().split(/\s+/).filter((_, i) => i % 2 === 1);
      for (const xsd of locations) expect(files[xsd], xsd).toBeDefined();
    }
  });

  it('reference nothing outside the package (relative URLs only, no CDN)', async () => {
    const { dist } = await buildFixture();
    for (const format of ['scorm12', 'scorm2004']) {
      const files = unzip(join(dist, `packages/${format}/fx-basics.zip`));
      const html = text(files, 'index.html');
      expect(html).not.toMatch(/\s(src|href)="(https?:|\/)/);
      expect(text(files, 'player.js')).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
      expect(text(files, 'player.css')).not.toMatch(/url\(|@import/);
    }
  });

  it('are byte-for-byte reproducible and listed in the catalogue with size and SHA-256', async () => {
    const a = await buildFixture();
    const b = await buildFixture();
    for (const format of ['scorm12', 'scorm2004']) {
      const za = readFileSync(join(a.dist, `packages/${format}/fx-basics.zip`));
      const zb = readFileSync(join(b.dist, `packages/${format}/fx-basics.zip`));
      expect(za.equals(zb)).toBe(true);
      const entry = (JSON.parse(readFileSync(join(a.dist, 'catalog.json'), 'utf8')).units as CatalogUnit[])[0]!.packages[format]!;
      expect(entry.bytes).toBe(za.length);
      expect(entry.sha256).toBe((await import('node:crypto')).createHash('sha256').update(za).digest('hex'));
      expect(entry.file).toBe(`packages/${format}/fx-basics.zip`);
    }
  });

  it('every manifest of every real unit validates against the official XSDs', async () => {
    const { dist, result } = await buildRealCurriculum();
    expect(result.catalog.length).toBeGreaterThan(0);
    for (const u of result.catalog) {
      for (const [format, v] of [['scorm12', 'scorm12'], ['scorm2004', 'scorm2004']] as const) {
        const files = new Map(Object.entries(unzip(join(dist, `packages/${format}/${u.id}.zip`))).map(([k, b]) => [k, /\.(xml|xsd|dtd)$/.test(k) ? strFromU8(b) : b]));
        expect(await validateManifest(v, files), `${u.id} ${format}`).toEqual([]);
      }
      const cmi5 = new Map(Object.entries(unzip(join(dist, `packages/cmi5/${u.id}.zip`))).map(([k, b]) => [k, /\.(xml|html)$/.test(k) ? strFromU8(b) : b]));
      expect(await validateCmi5(cmi5, readFileSync(join(import.meta.dirname, '../../packaging/xsd/cmi5/CourseStructure.xsd'), 'utf8')), `${u.id} cmi5.xml`).toEqual([]);
      const xapi = new Map(Object.entries(unzip(join(dist, `packages/xapi/${u.id}.zip`))).map(([k, b]) => [k, /\.(xml|html)$/.test(k) ? strFromU8(b) : b]));
      expect(await validateTincan(xapi, iris.unit(u.id)), `${u.id} tincan.xml`).toEqual([]);
      // The worst-case learner state fits SCORM 1.2's suspend_data.
      expect(u.state.worstCase).toBeLessThanOrEqual(4096);
      // Budget: a unit package under 150 KB zipped before media (the SQLite engine of the secure-coding lab counts as media).
      const engine = u.questions.ids.includes('lab-sql-xss') ? 400 * 1024 : 0;
      expect(u.packages.scorm12!.bytes).toBeLessThan(150 * 1024 + engine);
    }
  });

  it('SCORM 1.2 metadata validates against the IMS metadata schema (Debian xmllint)', async () => {
    let xmllint = true;
    try { execFileSync('xmllint', ['--version'], { stdio: 'ignore' }); } catch { xmllint = false; }
    expect(xmllint, 'install libxml2-utils (xmllint) to run this check').toBe(true);
    const { dist } = await buildFixture();
    const dir = mkdtempSync(join(tmpdir(), 'ks-md-'));
    const files = unzip(join(dist, 'packages/scorm12/fx-basics.zip'));
    for (const [name, bytes] of Object.entries(files)) if (/\.(xml|xsd)$/.test(name)) writeFileSync(join(dir, name), bytes);
    const out = execFileSync('xmllint', ['--noout', '--schema', 'imsmd_rootv1p2p1.xsd', 'metadata.xml'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toBe('');
  });

  it('a manifest that fails the XSDs is reported with its line', async () => {
    const { dist } = await buildFixture();
    const files = new Map<string, string | Uint8Array>(Object.entries(unzip(join(dist, 'packages/scorm12/fx-basics.zip'))).map(([k, b]) => [k, /\.(xml|xsd)$/.test(k) ? strFromU8(b) : b]));
    files.set('imsmanifest.xml', (files.get('imsmanifest.xml') as string).replace('isvisible="true"', 'isvisible="maybe"'));
    const problems = await validateManifest('scorm12', files);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.line).toBe(15);
    expect(problems[0]?.message).toMatch(/isvisible/);
  });
});

describe('xAPI and cmi5 packages', () => {
  it('cmi5.xml has one AU with the unit mastery score, moveOn and the outcomes as objectives; it validates against the cmi5 XSD', async () => {
    const { dist } = await buildFixture();
    const files = unzip(join(dist, 'packages/cmi5/fx-basics.zip'));
    const xml = text(files, 'cmi5.xml');
    expect(xml.match(/<au /g)).toHaveLength(1);
    expect(xml).toContain(`<au id="${iris.unit('fx-basics')}" moveOn="CompletedAndPassed" masteryScore="0.70" launchMethod="AnyWindow">`);
    expect(xml).toContain('<objective id="urn:khienso:outcome:FX-G6-D-01">');
    expect(xml).toContain('<url>index.html</url>');
    const map = new Map(Object.entries(files).map(([k, b]) => [k, /\.(xml|html)$/.test(k) ? strFromU8(b) : b]));
    expect(await validateCmi5(map, readFileSync(join(import.meta.dirname, '../../packaging/xsd/cmi5/CourseStructure.xsd'), 'utf8'))).toEqual([]);
    const broken = new Map(map);
    broken.set('cmi5.xml', xml.replace('moveOn="CompletedAndPassed"', 'moveOn="Whenever"'));
    expect((await validateCmi5(broken, readFileSync(join(import.meta.dirname, '../../packaging/xsd/cmi5/CourseStructure.xsd'), 'utf8')))[0]?.message).toMatch(/moveOn/);
  });

  it('tincan.xml declares the unit, its lessons and questions with stable IRIs and a launch file in the package', async () => {
    const { dist } = await buildFixture();
    const files = unzip(join(dist, 'packages/xapi/fx-basics.zip'));
    const xml = text(files, 'tincan.xml');
    expect(xml).toContain(`<activity id="urn:khienso:unit:fx-basics" type="http://adlnet.gov/expapi/activities/course">`);
    expect(xml).toContain(`<activity id="${iris.lesson('fx-basics', 'risks')}" type="http://adlnet.gov/expapi/activities/lesson">`);
    expect(xml).toContain(`<activity id="${iris.question('fx-basics', 'otp-call')}" type="http://adlnet.gov/expapi/activities/cmi.interaction">`);
    expect(xml).toContain('<launch lang="vi">index.html</launch>');
    const map = new Map(Object.entries(files).map(([k, b]) => [k, /\.(xml|html)$/.test(k) ? strFromU8(b) : b]));
    expect(await validateTincan(map, iris.unit('fx-basics'))).toEqual([]);
    map.delete('index.html');
    expect((await validateTincan(map, iris.unit('fx-basics')))[0]?.message).toBe('launch file index.html is not in the package');
  });
});

describe('a package that fails validation stops the build', () => {
  const original = [...PACKAGE_FORMATS];
  afterEach(() => { PACKAGE_FORMATS.splice(0, PACKAGE_FORMATS.length, ...original); });

  it('names the unit and the reason, and writes no zip', async () => {
    const broken = { ...original[0]!, build: (...args: Parameters<typeof original[0]['build']>) => {
      const files = original[0]!.build(...args);
      files.set('imsmanifest.xml', (files.get('imsmanifest.xml') as string).replace('<schemaversion>1.2</schemaversion>', '<schemaversion>1.2</schemaversion><bogus/>'));
      return files;
    } };
    PACKAGE_FORMATS.splice(0, 1, broken);
    const c = scratchCurriculum();
    const dist = join(c.root, 'dist');
    const err = await buildUnits({ root: c.root, unitsDir: c.unitsDir, frameworksDir: c.frameworksDir, dist }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CurriculumError);
    expect((err as Error).message).toMatch(/fx-basics\/unit\.mdx SCORM 1\.2 package of "fx-basics" is invalid: imsmanifest\.xml:\d+ .*bogus/);
    expect(existsSync(join(dist, 'packages'))).toBe(false);
    expect(existsSync(dist) ? readdirSync(dist).filter((n) => !n.startsWith('.')) : []).toEqual([]);
  });
});
