import type { Unit } from '../src/model/unit.ts';
import { buildLom12 } from './lom.ts';
import { addSchemas, fileElements, packageIds, xmlEscape as x } from './xml.ts';
import type { PackageFiles } from './zip.ts';

/** The official SCORM 1.2 schema files the manifest references (shipped inside every package). */
export const SCORM12_XSDS = ['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'ims_xml.xsd'];

/** What the lesson needs inside the package, besides the manifest. */
export interface LessonFiles {
  /** Player page, runtime script, stylesheet… relative path → content. */
  content: PackageFiles;
  /** The launch page (relative). */
  launch: string;
}

/**
 * SCORM 1.2 package of one unit: one SCO, stable identifiers, Vietnamese title, LOM metadata in
 * metadata.xml, and adlcp:masteryscore equal to the unit's mastery score (Moodle recomputes
 * passed/failed from it at LMSFinish, so it must match the unit's own pass rule).
 */
export function buildScorm12Package(unit: Unit, lesson: LessonFiles, xsds: PackageFiles): PackageFiles {
  const ids = packageIds(unit.id);
  const files: PackageFiles = new Map(lesson.content);
  files.set('metadata.xml', buildLom12(unit));
  addSchemas(files, SCORM12_XSDS, xsds);
  files.set('imsmanifest.xml', `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${x(ids.manifest)}" version="${x(unit.version)}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
    <adlcp:location>metadata.xml</adlcp:location>
  </metadata>
  <organizations default="${x(ids.organization)}">
    <organization identifier="${x(ids.organization)}">
      <title>${x(unit.title.vi)}</title>
      <item identifier="${x(ids.item)}" identifierref="${x(ids.resource)}" isvisible="true">
        <title>${x(unit.title.vi)}</title>
        <adlcp:masteryscore>${unit.masteryScore}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${x(ids.resource)}" type="webcontent" adlcp:scormtype="sco" href="${x(lesson.launch)}">
${fileElements(lesson.content)}
    </resource>
  </resources>
</manifest>
`);
  return files;
}
