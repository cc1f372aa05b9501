import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { buildUnits } from '../../packaging/build-units.ts';
import { validateAllPackages, validateManifestsBatch, validateTincanBatch } from '../../packaging/validate-manifest.ts';
import { CMI5_XSD } from '../../packaging/formats.ts';
import { iris } from '../../src/core/iris.ts';
import { scratchCurriculum } from '../helpers/fixtures.ts';

async function packageFiles(format: string) {
  const c = scratchCurriculum();
  const dist = join(c.root, 'dist');
  await buildUnits({ root: c.root, unitsDir: c.unitsDir, frameworksDir: c.frameworksDir, dist });
  const z = unzipSync(readFileSync(join(dist, `packages/${format}/fx-basics.zip`)));
  return () => new Map<string, string | Uint8Array>(Object.entries(z).map(([k, b]) => [k, /\.(xml|xsd|dtd)$/.test(k) ? strFromU8(b) : b]));
}

describe('one validator run for the manifests of many units', () => {
  it('a broken manifest among valid ones is reported for that package only, with its line', async () => {
    const files = await packageFiles('scorm12');
    const broken = files();
    broken.set('imsmanifest.xml', (broken.get('imsmanifest.xml') as string).replace('isvisible="true"', 'isvisible="maybe"'));
    const result = await validateManifestsBatch('scorm12', [{ name: 'a', files: files() }, { name: 'b', files: broken }, { name: 'c', files: files() }]);
    expect(result[0]).toEqual([]);
    expect(result[2]).toEqual([]);
    expect(result[1]?.[0]?.line).toBe(15);
    expect(result[1]?.[0]?.message).toMatch(/isvisible/);
  });

  it('tincan.xml: a package whose launch file is missing is named, the others pass', async () => {
    const files = await packageFiles('xapi');
    const broken = files();
    broken.delete('index.html');
    const iri = iris.unit('fx-basics');
    const result = await validateTincanBatch([{ name: 'a', files: files(), unitIri: iri }, { name: 'b', files: broken, unitIri: iri }]);
    expect(result[0]).toEqual([]);
    expect(result[1]?.[0]?.message).toBe('launch file index.html is not in the package');
  });

  it('one run for all four formats: each problem lands on its own package', async () => {
    const [s12, s2004, cmi5, xapi] = await Promise.all(['scorm12', 'scorm2004', 'cmi5', 'xapi'].map(packageFiles));
    const iri = iris.unit('fx-basics');
    const badCmi5 = (cmi5 as () => Map<string, string | Uint8Array>)();
    badCmi5.set('cmi5.xml', (badCmi5.get('cmi5.xml') as string).replace('moveOn=', 'moveOnX='));
    const badTincan = (xapi as () => Map<string, string | Uint8Array>)();
    badTincan.set('tincan.xml', (badTincan.get('tincan.xml') as string).replace('</tincan>', ''));
    const ok = await validateAllPackages([
      { format: 'scorm12', files: s12!() }, { format: 'scorm2004', files: s2004!() }, { format: 'cmi5', files: cmi5!() }, { format: 'xapi', files: xapi!(), unitIri: iri },
    ], CMI5_XSD);
    expect(ok).toEqual([[], [], [], []]);
    const res = await validateAllPackages([
      { format: 'scorm2004', files: s2004!() }, { format: 'cmi5', files: badCmi5 }, { format: 'xapi', files: badTincan, unitIri: iri }, { format: 'scorm12', files: s12!() },
    ], CMI5_XSD);
    expect(res[0]).toEqual([]);
    expect(res[3]).toEqual([]);
    expect(res[1]?.[0]?.message).toMatch(/moveOnX/);
    expect(res[2]?.[0]?.message).toMatch(/Premature end of data/);
  });
});
