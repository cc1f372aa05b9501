import { LANGS, langParam, type Lang } from './i18n.ts';
import { units } from './data.ts';
import type { Lesson, Unit } from '../model/unit.ts';

/** Static paths of the per-unit pages, in both languages. */
export const unitRoutes = () => LANGS.flatMap((lang) => units().map((unit) => ({ params: { lang: langParam(lang), unit: unit.id }, props: { lang, unit } })));

/** Static paths of the lesson-plan pages, in both languages. */
export const lessonRoutes = () =>
  LANGS.flatMap((lang) => units().flatMap((unit) => unit.lessons.map((lesson) => ({ params: { lang: langParam(lang), unit: unit.id, lesson: lesson.id }, props: { lang, unit, lesson } }))));

export interface UnitProps { lang: Lang; unit: Unit }
export interface LessonProps extends UnitProps { lesson: Lesson }

/** Static paths of the lesson pages that only some lessons have (exit tickets, card sets). */
export const lessonRoutesWhere = (keep: (lesson: Lesson) => boolean) => () =>
  LANGS.flatMap((lang) => units().flatMap((unit) => unit.lessons.filter(keep).map((lesson) => ({ params: { lang: langParam(lang), unit: unit.id, lesson: lesson.id }, props: { lang, unit, lesson } }))));
