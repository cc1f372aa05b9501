import type { Unit } from '../src/model/unit.ts';
import { buildUnitPage } from './player-page.ts';
import { bundleCss, bundleLab, bundleRuntime, labAssets, type RuntimeKind } from './runtime-bundle.ts';
import { buildScorm12Package } from './scorm12.ts';
import { buildScorm2004Package } from './scorm2004.ts';
import { validateManifest } from './validate-manifest.ts';
import { loadXsds } from './xsd-files.ts';
import { buildXapiPackage } from './xapi.ts';
import { buildCmi5Package } from './cmi5.ts';
import { validateCmi5, validateTincan } from './validate-manifest.ts';
import { iris } from '../src/core/iris.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Text of an outcome code, for package metadata. */
export type FrameworkOutcomeLookup = (code: string) => { vi: string; en: string };
import type { PackageFiles } from './zip.ts';

/** One package format: how to build its files and how to check them. */
export interface PackageFormat {
  id: 'scorm12' | 'scorm2004' | 'xapi' | 'cmi5';
  label: string;
  runtime: RuntimeKind;
  build(unit: Unit, lesson: { content: PackageFiles; launch: string }, outcomeText: FrameworkOutcomeLookup): PackageFiles;
  validate(files: PackageFiles, unit: Unit): Promise<string[]>;
}

const xsds = { scorm12: loadXsds('scorm12'), scorm2004: loadXsds('scorm2004-4th') };
/** The cmi5 course-structure schema (also used by the build's one-run validation of every package). */
export const CMI5_XSD = readFileSync(fileURLToPath(new URL('./xsd/cmi5/CourseStructure.xsd', import.meta.url)), 'utf8');
const lines = (problems: { line: number | null; message: string }[], file: string) => problems.map((p) => `${file}${p.line ? `:${p.line}` : ''} ${p.message}`);

/** Every package format the build produces, in order. */
export const PACKAGE_FORMATS: PackageFormat[] = [
  {
    id: 'scorm12', label: 'SCORM 1.2', runtime: 'scorm12',
    build: (unit, lesson) => buildScorm12Package(unit, lesson, xsds.scorm12),
    validate: async (files) => (await validateManifest('scorm12', files)).map((p) => `imsmanifest.xml${p.line ? `:${p.line}` : ''} ${p.message}`),
  },
  {
    id: 'scorm2004', label: 'SCORM 2004 4th ed.', runtime: 'scorm2004',
    build: (unit, lesson) => buildScorm2004Package(unit, lesson, xsds.scorm2004),
    validate: async (files) => (await validateManifest('scorm2004', files)).map((p) => `imsmanifest.xml${p.line ? `:${p.line}` : ''} ${p.message}`),
  },
  {
    id: 'xapi', label: 'xAPI (tincan.xml)', runtime: 'xapi',
    build: (unit, lesson) => buildXapiPackage(unit, lesson),
    validate: async (files, unit) => lines(await validateTincan(files, iris.unit(unit.id)), 'tincan.xml'),
  },
  {
    id: 'cmi5', label: 'cmi5', runtime: 'cmi5',
    build: (unit, lesson, outcomeText) => buildCmi5Package(unit, lesson, outcomeText),
    validate: async (files) => lines(await validateCmi5(files, CMI5_XSD), 'cmi5.xml'),
  },
];

/** The files of a unit every format shares: player page, stylesheet, the scripts and engines of its labs. */
export async function unitFiles(unit: Unit): Promise<PackageFiles> {
  const labs = [...new Set(unit.assessment.questions.flatMap((q) => (q.type === 'lab' ? [q.kind] : [])))].sort();
  const content: PackageFiles = new Map<string, string | Uint8Array>([
    ['index.html', buildUnitPage(unit, { script: 'player.js', css: 'player.css', labs: labs.map((k) => `lab-${k}.js`) })],
    ['player.css', await bundleCss()],
  ]);
  for (const kind of labs) {
    content.set(`lab-${kind}.js`, await bundleLab(kind));
    for (const asset of labAssets(kind)) content.set(asset.name, asset.bytes);
  }
  return content;
}

/** The lesson files for one runtime: the shared unit files plus that runtime's player script. */
export async function lessonFiles(shared: PackageFiles, runtime: RuntimeKind): Promise<{ content: PackageFiles; launch: string }> {
  const content: PackageFiles = new Map(shared);
  content.set('player.js', await bundleRuntime(runtime));
  return { content, launch: 'index.html' };
}
