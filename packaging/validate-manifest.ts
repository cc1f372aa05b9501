import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import type { PackageFiles } from './zip.ts';

/** Namespaces each format's manifest uses, with the schema file of each. */
const IMPORTS = {
  scorm12: [
    ['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd'],
  ],
  scorm2004: [
    ['http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlseq_v1p3', 'adlseq_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlnav_v1p3', 'adlnav_v1p3.xsd'],
    ['http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd'],
  ],
} as const;

/** One schema-validation problem: line in the manifest and libxml2's message. */
export interface ManifestProblem {
  line: number | null;
  message: string;
}

/**
 * Validates imsmanifest.xml against the official XSDs shipped in the package. xmllint applies only one
 * schema, so a wrapper schema imports every namespace the manifest uses.
 */
export async function validateManifest(format: keyof typeof IMPORTS, files: PackageFiles): Promise<ManifestProblem[]> {
  const manifest = files.get('imsmanifest.xml');
  if (typeof manifest !== 'string') return [{ line: null, message: 'imsmanifest.xml is missing from the package root' }];
  const wrapper = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
${IMPORTS[format].map(([ns, file]) => `  <xs:import namespace="${ns}" schemaLocation="${file}"/>`).join('\n')}
</xs:schema>`;
  const preload: XMLFileInfo[] = [];
  for (const [name, content] of files) {
    if (!/\.(xsd|dtd)$/.test(name)) continue;
    const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
    // xmllint-wasm rejects ims_xml.xsd's default namespace declaration (Debian's libxml2 does not); the
    // shipped file stays the official one, only this in-memory copy is patched.
    preload.push({ fileName: name, contents: name === 'ims_xml.xsd' ? text.replace(/xmlns="http:\/\/www\.w3\.org\/XML\/1998\/namespace"\s*/, '') : text });
  }
  const result = await validateXML({ xml: [{ fileName: 'imsmanifest.xml', contents: manifest }], schema: [{ fileName: 'wrapper.xsd', contents: wrapper }], preload });
  return result.valid ? [] : result.errors.map((e) => ({ line: e.loc?.lineNumber ?? null, message: e.message.trim() }));
}

/** Validates cmi5.xml against the cmi5 course-structure XSD. */
export async function validateCmi5(files: PackageFiles, xsd: string): Promise<ManifestProblem[]> {
  const xml = files.get('cmi5.xml');
  if (typeof xml !== 'string') return [{ line: null, message: 'cmi5.xml is missing from the package root' }];
  const result = await validateXML({ xml: [{ fileName: 'cmi5.xml', contents: xml }], schema: [{ fileName: 'CourseStructure.xsd', contents: xsd }] });
  return result.valid ? [] : result.errors.map((e) => ({ line: e.loc?.lineNumber ?? null, message: e.message.trim() }));
}

/**
 * Checks tincan.xml: well-formed (libxml2 parses it) and it declares the launchable unit activity with a
 * launch file that exists in the package. (No official schema file is published for offline use.)
 */
export async function validateTincan(files: PackageFiles, unitIri: string): Promise<ManifestProblem[]> {
  const xml = files.get('tincan.xml');
  if (typeof xml !== 'string') return [{ line: null, message: 'tincan.xml is missing from the package root' }];
  const parsed = await validateXML({ xml: [{ fileName: 'tincan.xml', contents: xml }], normalization: 'format' });
  if (parsed.errors.length) return parsed.errors.map((e) => ({ line: e.loc?.lineNumber ?? null, message: e.message.trim() }));
  return tincanRules(xml, files, unitIri);
}

function tincanRules(xml: string, files: PackageFiles, unitIri: string): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  if (!xml.includes('<tincan xmlns="http://projecttincan.com/tincan.xsd">')) problems.push({ line: 2, message: 'root element must be <tincan xmlns="http://projecttincan.com/tincan.xsd">' });
  if (!xml.includes(`<activity id="${unitIri}" type="http://adlnet.gov/expapi/activities/course">`)) problems.push({ line: null, message: `no course activity with id ${unitIri}` });
  const launch = /<launch lang="[a-z-]+">([^<]+)<\/launch>/.exec(xml)?.[1];
  if (!launch) problems.push({ line: null, message: 'no <launch> element' });
  else if (!files.has(launch)) problems.push({ line: null, message: `launch file ${launch} is not in the package` });
  return problems;
}

/** One package to validate in a batch: a name for messages and its files. */
export interface BatchItem { name: string; files: PackageFiles }

const MEMORY = { initialMemoryPages: 512, maxMemoryPages: 4096 };

/**
 * Validates the manifests of many packages of one format in ONE xmllint run (one WebAssembly start instead of
 * one per package: the start, not the validation, was most of the build time). Returns the problems of
 * each package, in order. If the batch cannot be attributed file by file, each package is validated alone.
 */
export async function validateManifestsBatch(format: keyof typeof IMPORTS | 'cmi5', items: BatchItem[], cmi5Xsd?: string): Promise<ManifestProblem[][]> {
  if (!items.length) return [];
  const manifestName = format === 'cmi5' ? 'cmi5.xml' : 'imsmanifest.xml';
  const out: ManifestProblem[][] = items.map(() => []);
  const xml: XMLFileInfo[] = [];
  items.forEach((it, i) => {
    const text = it.files.get(manifestName);
    if (typeof text !== 'string') out[i]?.push({ line: null, message: `${manifestName} is missing from the package root` });
    else xml.push({ fileName: `p${i}.xml`, contents: text });
  });
  let schema: XMLFileInfo[];
  const preload: XMLFileInfo[] = [];
  if (format === 'cmi5') {
    schema = [{ fileName: 'CourseStructure.xsd', contents: cmi5Xsd ?? '' }];
  } else {
    schema = [{ fileName: 'wrapper.xsd', contents: `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
${IMPORTS[format].map(([ns, file]) => `  <xs:import namespace="${ns}" schemaLocation="${file}"/>`).join('\n')}
</xs:schema>` }];
    // Every package ships the same official schema files; they are loaded once for the batch.
    for (const [name, content] of items[0]?.files ?? []) {
      if (!/\.(xsd|dtd)$/.test(name)) continue;
      const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
      preload.push({ fileName: name, contents: name === 'ims_xml.xsd' ? text.replace(/xmlns="http:\/\/www\.w3\.org\/XML\/1998\/namespace"\s*/, '') : text });
    }
  }
  if (!xml.length) return out;
  try {
    const result = await validateXML({ xml, schema, preload, ...MEMORY });
    if (result.valid) return out;
    let unattributed = false;
    for (const e of result.errors) {
      const i = /^p(\d+)\.xml$/.exec(e.loc?.fileName ?? '')?.[1];
      if (i === undefined) { unattributed = true; continue; }
      out[Number(i)]?.push({ line: e.loc?.lineNumber ?? null, message: e.message.trim() });
    }
    if (!unattributed || out.some((p) => p.length)) return out;
  } catch {
    /* fall through: validate one by one to say which package is wrong */
  }
  return Promise.all(items.map((it) => (format === 'cmi5' ? validateCmi5(it.files, cmi5Xsd ?? '') : validateManifest(format, it.files))));
}

/** tincan.xml of many packages: well-formedness in one run, then the per-package checks of validateTincan. */
export async function validateTincanBatch(items: (BatchItem & { unitIri: string })[]): Promise<ManifestProblem[][]> {
  const xml: XMLFileInfo[] = [];
  items.forEach((it, i) => {
    const text = it.files.get('tincan.xml');
    if (typeof text === 'string') xml.push({ fileName: `p${i}.xml`, contents: text });
  });
  let wellFormed = true;
  try {
    if (xml.length) wellFormed = (await validateXML({ xml, normalization: 'format', ...MEMORY })).valid;
  } catch {
    wellFormed = false;
  }
  if (!wellFormed) return Promise.all(items.map((it) => validateTincan(it.files, it.unitIri)));
  return items.map((it) => {
    const text = it.files.get('tincan.xml');
    if (typeof text !== 'string') return [{ line: null, message: 'tincan.xml is missing from the package root' }];
    return tincanRules(text, it.files, it.unitIri);
  });
}

/** A lax schema for tincan.xml (no official schema is published for offline use): checks only that it parses. */
const TINCAN_LAX = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://projecttincan.com/tincan.xsd" elementFormDefault="qualified">
  <xs:element name="tincan"><xs:complexType><xs:sequence><xs:any minOccurs="0" maxOccurs="unbounded" processContents="skip"/></xs:sequence></xs:complexType></xs:element>
</xs:schema>`;

const MANIFEST_OF = { scorm12: 'imsmanifest.xml', scorm2004: 'imsmanifest.xml', cmi5: 'cmi5.xml', xapi: 'tincan.xml' } as const;

/** One package of any format, for validateAllPackages. */
export interface AnyPackage { format: keyof typeof MANIFEST_OF; files: PackageFiles; unitIri?: string }

/**
 * Validates the manifests of every package of a build, of all four formats, in ONE xmllint run: one wrapper
 * schema imports the SCORM 1.2, SCORM 2004, cmi5 and (lax) tincan namespaces, and each manifest is checked
 * against the declarations of its own root namespace. One WebAssembly start per build instead of one per
 * package (which was most of the build time). Falls back to one run per format when a problem cannot be
 * attributed to its package.
 */
export async function validateAllPackages(items: AnyPackage[], cmi5Xsd: string): Promise<ManifestProblem[][]> {
  const out: ManifestProblem[][] = items.map(() => []);
  const xml: XMLFileInfo[] = [];
  const preload = new Map<string, string>();
  items.forEach((it, i) => {
    const name = MANIFEST_OF[it.format];
    const text = it.files.get(name);
    if (typeof text !== 'string') { out[i]?.push({ line: null, message: `${name} is missing from the package root` }); return; }
    xml.push({ fileName: `p${i}.xml`, contents: text });
    if (it.format === 'scorm12' || it.format === 'scorm2004') {
      for (const [f, content] of it.files) {
        if (!/\.(xsd|dtd)$/.test(f) || preload.has(f)) continue;
        const t = typeof content === 'string' ? content : new TextDecoder().decode(content);
        preload.set(f, f === 'ims_xml.xsd' ? t.replace(/xmlns="http:\/\/www\.w3\.org\/XML\/1998\/namespace"\s*/, '') : t);
      }
    }
  });
  if (!xml.length) return out;
  const formats = new Set(items.map((it) => it.format));
  const imports: (readonly [string, string])[] = [
    ...(formats.has('scorm12') ? IMPORTS.scorm12 : []),
    ...(formats.has('scorm2004') ? IMPORTS.scorm2004 : []),
    ...(formats.has('cmi5') ? [['https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd', 'CourseStructure.xsd'] as [string, string]] : []),
    ...(formats.has('xapi') ? [['http://projecttincan.com/tincan.xsd', 'tincan-lax.xsd'] as [string, string]] : []),
  ];
  preload.set('CourseStructure.xsd', cmi5Xsd);
  preload.set('tincan-lax.xsd', TINCAN_LAX);
  const wrapper = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
${imports.map(([ns, file]) => `  <xs:import namespace="${ns}" schemaLocation="${file}"/>`).join('\n')}
</xs:schema>`;
  let attributed = false;
  try {
    const result = await validateXML({ xml, schema: [{ fileName: 'wrapper.xsd', contents: wrapper }], preload: [...preload].map(([fileName, contents]) => ({ fileName, contents })), ...MEMORY });
    // libxml2 follows a parser error with lines of context (no file name): those belong to the error before.
    let count = 0;
    for (const e of result.valid ? [] : result.errors) {
      const i = /^p(\d+)\.xml$/.exec(e.loc?.fileName ?? '')?.[1];
      if (i === undefined) continue;
      out[Number(i)]?.push({ line: e.loc?.lineNumber ?? null, message: e.message.trim() });
      count++;
    }
    attributed = result.valid || count > 0;
  } catch {
    attributed = false;
  }
  if (!attributed) {
    // One run per format, so each problem is named with its package.
    const byFormat = new Map<string, number[]>();
    items.forEach((it, i) => byFormat.set(it.format, [...(byFormat.get(it.format) ?? []), i]));
    for (const [format, idx] of byFormat) {
      const list = idx.map((i) => ({ name: String(i), files: (items[i] as AnyPackage).files, unitIri: (items[i] as AnyPackage).unitIri ?? '' }));
      const res = format === 'xapi' ? await validateTincanBatch(list) : await validateManifestsBatch(format as 'scorm12' | 'scorm2004' | 'cmi5', list, cmi5Xsd);
      idx.forEach((i, k) => { out[i] = res[k] ?? []; });
    }
    return out;
  }
  items.forEach((it, i) => {
    const text = it.files.get('tincan.xml');
    if (it.format === 'xapi' && typeof text === 'string' && !out[i]?.length) out[i]?.push(...tincanRules(text, it.files, it.unitIri ?? ''));
  });
  return out;
}
