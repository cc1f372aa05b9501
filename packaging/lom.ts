import type { Unit } from '../src/model/unit.ts';
import { packageIds, xmlEscape as x } from './xml.ts';

/** Typical ages per grade in Vietnam (grade 1 starts at 6). */
const ageRange = (grade: number) => `${grade + 5}-${grade + 6}`;
const minutes = (u: Unit) => u.lessons.reduce((s, l) => s + l.minutes, 0);
const duration = (m: number) => `PT${Math.floor(m / 60) ? `${Math.floor(m / 60)}H` : ''}${m % 60 ? `${m % 60}M` : ''}`;

/** IMS Metadata 1.2.1 (LOM) for SCORM 1.2: title, languages, version, grade, ages, outcomes. */
export function buildLom12(unit: Unit): string {
  const ls = (vi: string, en: string) => `<langstring xml:lang="vi">${x(vi)}</langstring><langstring xml:lang="en">${x(en)}</langstring>`;
  // IMS MD 1.2.1 allows one taxon per taxonpath: one path per outcome.
  const outcomes = unit.outcomes.map((o) => `\n    <taxonpath><source><langstring xml:lang="x-none">Khien So outcomes</langstring></source><taxon><id>${x(o.code)}</id><entry><langstring xml:lang="x-none">${x(o.level)}</langstring></entry></taxon></taxonpath>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<lom xmlns="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd">
  <general>
    <identifier>${x(packageIds(unit.id).manifest)}</identifier>
    <title>${ls(unit.title.vi, unit.title.en)}</title>
    <language>vi</language>
    <language>en</language>
    <description>${ls(unit.summary.vi, unit.summary.en)}</description>
    <keyword>${ls(`Tin học lớp ${unit.grade}`, `Informatics grade ${unit.grade}`)}</keyword>
    <keyword>${ls('an toàn thông tin', 'information security')}</keyword>
  </general>
  <lifecycle>
    <version><langstring xml:lang="x-none">${x(unit.version)}</langstring></version>
  </lifecycle>
  <metametadata>
    <metadatascheme>ADL SCORM 1.2</metadatascheme>
  </metametadata>
  <technical>
    <format>text/html</format>
  </technical>
  <educational>
    <typicalagerange><langstring xml:lang="x-none">${ageRange(unit.grade)}</langstring></typicalagerange>
    <typicallearningtime><datetime>${duration(minutes(unit))}</datetime></typicallearningtime>
  </educational>
  <classification>
    <purpose><source><langstring xml:lang="x-none">LOMv1.0</langstring></source><value><langstring xml:lang="x-none">Educational Objective</langstring></value></purpose>
${outcomes}
    <description><langstring xml:lang="en">Outcome codes: CT GDPT 2018 Tin hoc (TH-*), CSTA 2017, DigComp 2.2, TT 02/2025</langstring></description>
  </classification>
</lom>
`;
}

/** IEEE LOM (SCORM 2004) metadata with the same content. */
export function buildLom2004(unit: Unit): string {
  const ls = (vi: string, en: string) => `<string language="vi">${x(vi)}</string><string language="en">${x(en)}</string>`;
  const outcomes = unit.outcomes.map((o) => `<taxon><id>${x(o.code)}</id><entry><string language="en">${x(o.level)}</string></entry></taxon>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<lom xmlns="http://ltsc.ieee.org/xsd/LOM">
  <general>
    <identifier><catalog>khienso</catalog><entry>${x(unit.id)}</entry></identifier>
    <title>${ls(unit.title.vi, unit.title.en)}</title>
    <language>vi</language>
    <language>en</language>
    <description>${ls(unit.summary.vi, unit.summary.en)}</description>
  </general>
  <lifeCycle><version><string language="x-none">${x(unit.version)}</string></version></lifeCycle>
  <metaMetadata><metadataSchema>LOMv1.0</metadataSchema><metadataSchema>SCORM_CAM_v1.3</metadataSchema></metaMetadata>
  <technical><format>text/html</format></technical>
  <educational>
    <typicalAgeRange><string language="x-none">${ageRange(unit.grade)}</string></typicalAgeRange>
    <typicalLearningTime><duration>${duration(minutes(unit))}</duration></typicalLearningTime>
  </educational>
  <classification>
    <purpose><source>LOMv1.0</source><value>educational objective</value></purpose>
    <taxonPath><source><string language="en">CT GDPT 2018 Tin hoc; CSTA 2017; DigComp 2.2; TT 02/2025</string></source>${outcomes}</taxonPath>
  </classification>
</lom>
`;
}
