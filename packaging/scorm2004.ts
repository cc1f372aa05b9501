import type { Unit } from '../src/model/unit.ts';
import { buildLom2004 } from './lom.ts';
import type { LessonFiles } from './scorm12.ts';
import { addSchemas, fileElements, packageIds, xmlEscape as x } from './xml.ts';
import type { PackageFiles } from './zip.ts';

/** The official SCORM 2004 4th edition schema files the manifest references. */
export const SCORM2004_XSDS = [
  'imscp_v1p1.xsd', 'adlcp_v1p3.xsd', 'adlseq_v1p3.xsd', 'adlnav_v1p3.xsd', 'imsss_v1p0.xsd', 'imsss_v1p0auxresource.xsd', 'imsss_v1p0control.xsd',
  'imsss_v1p0delivery.xsd', 'imsss_v1p0limit.xsd', 'imsss_v1p0objective.xsd', 'imsss_v1p0random.xsd', 'imsss_v1p0rollup.xsd', 'imsss_v1p0seqrule.xsd',
  'imsss_v1p0util.xsd', 'xml.xsd', 'XMLSchema.dtd', 'datatypes.dtd',
];

/**
 * SCORM 2004 4th edition package of one unit: one SCO whose primary objective is satisfied by measure
 * at the unit's mastery score (minNormalizedMeasure = mastery / 100), plus one objective per outcome code.
 */
export function buildScorm2004Package(unit: Unit, lesson: LessonFiles, xsds: PackageFiles): PackageFiles {
  const ids = packageIds(unit.id);
  const files: PackageFiles = new Map(lesson.content);
  files.set('metadata.xml', buildLom2004(unit));
  addSchemas(files, SCORM2004_XSDS, xsds);
  const measure = (unit.masteryScore / 100).toFixed(2);
  const objectives = unit.outcomes.map((o) => `          <imsss:objective objectiveID="${x(o.code)}"/>`).join('\n');
  files.set('imsmanifest.xml', `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${x(ids.manifest)}" version="${x(unit.version)}"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
    <adlcp:location>metadata.xml</adlcp:location>
  </metadata>
  <organizations default="${x(ids.organization)}">
    <organization identifier="${x(ids.organization)}">
      <title>${x(unit.title.vi)}</title>
      <item identifier="${x(ids.item)}" identifierref="${x(ids.resource)}" isvisible="true">
        <title>${x(unit.title.vi)}</title>
        <imsss:sequencing>
          <imsss:objectives>
          <imsss:primaryObjective objectiveID="${x(ids.primaryObjective)}" satisfiedByMeasure="true">
            <imsss:minNormalizedMeasure>${measure}</imsss:minNormalizedMeasure>
          </imsss:primaryObjective>
${objectives}
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${x(ids.resource)}" type="webcontent" adlcp:scormType="sco" href="${x(lesson.launch)}">
${fileElements(lesson.content)}
    </resource>
  </resources>
</manifest>
`);
  return files;
}
