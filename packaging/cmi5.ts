import { iris } from '../src/core/iris.ts';
import type { Unit } from '../src/model/unit.ts';
import type { FrameworkOutcomeLookup } from './formats.ts';
import type { LessonFiles } from './scorm12.ts';
import { xmlEscape as x } from './xml.ts';
import type { PackageFiles } from './zip.ts';

const text = (t: { vi: string; en: string }) => `<langstring lang="vi">${x(t.vi)}</langstring><langstring lang="en">${x(t.en)}</langstring>`;

/**
 * cmi5 package: cmi5.xml (course structure) with one AU per unit, moveOn CompletedAndPassed, the unit's
 * mastery score (scaled), and the curriculum outcomes as course objectives referenced by the AU.
 */
export function buildCmi5Package(unit: Unit, lesson: LessonFiles, outcomeText: FrameworkOutcomeLookup): PackageFiles {
  const files: PackageFiles = new Map(lesson.content);
  const objectives = unit.outcomes.map((o) => {
    const t = outcomeText(o.code);
    return `    <objective id="${x(iris.outcome(o.code))}">
      <title>${text({ vi: o.code, en: o.code })}</title>
      <description>${text(t)}</description>
    </objective>`;
  }).join('\n');
  files.set('cmi5.xml', `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${x(iris.cmi5Course(unit.id))}">
    <title>${text(unit.title)}</title>
    <description>${text(unit.summary)}</description>
  </course>
  <objectives>
${objectives}
  </objectives>
  <au id="${x(iris.unit(unit.id))}" moveOn="CompletedAndPassed" masteryScore="${(unit.masteryScore / 100).toFixed(2)}" launchMethod="AnyWindow">
    <title>${text(unit.title)}</title>
    <description>${text(unit.summary)}</description>
    <objectives>
${unit.outcomes.map((o) => `      <objective idref="${x(iris.outcome(o.code))}"/>`).join('\n')}
    </objectives>
    <url>${x(lesson.launch)}</url>
  </au>
</courseStructure>
`);
  return files;
}
