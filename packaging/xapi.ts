import { iris } from '../src/core/iris.ts';
import type { Unit } from '../src/model/unit.ts';
import type { LessonFiles } from './scorm12.ts';
import { xmlEscape as x } from './xml.ts';
import type { PackageFiles } from './zip.ts';

const both = (tag: string, t: { vi: string; en: string }) => `<${tag} lang="vi">${x(t.vi)}</${tag}><${tag} lang="en">${x(t.en)}</${tag}>`;

/**
 * xAPI package using the widely used tincan.xml launch convention: the LMS opens the launch page with
 * endpoint, auth, actor, registration and activity_id query parameters.
 */
export function buildXapiPackage(unit: Unit, lesson: LessonFiles): PackageFiles {
  const files: PackageFiles = new Map(lesson.content);
  const lessons = unit.lessons.map((l) => `    <activity id="${x(iris.lesson(unit.id, l.id))}" type="http://adlnet.gov/expapi/activities/lesson">
      ${both('name', l.title)}
      ${both('description', l.title)}
    </activity>`).join('\n');
  const questions = unit.assessment.questions.map((q) => `    <activity id="${x(iris.question(unit.id, q.id))}" type="http://adlnet.gov/expapi/activities/cmi.interaction">
      ${both('name', q.prompt)}
      ${both('description', q.prompt)}
    </activity>`).join('\n');
  files.set('tincan.xml', `<?xml version="1.0" encoding="utf-8"?>
<tincan xmlns="http://projecttincan.com/tincan.xsd">
  <activities>
    <activity id="${x(iris.unit(unit.id))}" type="http://adlnet.gov/expapi/activities/course">
      ${both('name', unit.title)}
      ${both('description', unit.summary)}
      <launch lang="vi">${x(lesson.launch)}</launch>
    </activity>
${lessons}
${questions}
  </activities>
</tincan>
`);
  return files;
}
