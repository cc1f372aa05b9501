import type { Lang } from './i18n.ts';

/**
 * A page of the site: its language and its language-independent path ('' for home, 'units/x/' …).
 * Every link is relative, so the site works wherever dist/ is copied (a web server folder, a USB stick).
 */
export interface Here { lang: Lang; path: string }

/** The page's folder inside the site: en/ prefixed for English. */
export const pageDir = (lang: Lang, path: string): string => (lang === 'en' ? 'en/' : '') + path;

/** Relative href from one site folder to a site file or folder (folders get index.html, for file:// use). */
export function relative(fromDir: string, to: string): string {
  const up = '../'.repeat(fromDir.split('/').filter(Boolean).length);
  const target = to === '' || to.endsWith('/') ? `${to}index.html` : to;
  return up + target;
}

/** Link to another page (language-independent path) in this page's language, or in `lang`. */
export const pageHref = (here: Here, path: string, lang: Lang = here.lang): string => relative(pageDir(here.lang, here.path), pageDir(lang, path));

/** Link to a language-independent file of the site (downloads, exports, preview players). */
export const fileHref = (here: Here, file: string): string => relative(pageDir(here.lang, here.path), file);

/** Site paths of the pages of a unit. */
export const unitPaths = {
  overview: (id: string) => `units/${id}/`,
  lesson: (id: string, lesson: string) => `units/${id}/lessons/${lesson}/`,
  answers: (id: string) => `units/${id}/answers/`,
  handouts: (id: string) => `units/${id}/handouts/`,
  preview: (id: string) => `units/${id}/preview/`,
  materials: (id: string) => `units/${id}/materials/`,
  worksheet: (id: string, lesson: string) => `units/${id}/lessons/${lesson}/worksheet/`,
  exitTicket: (id: string, lesson: string) => `units/${id}/lessons/${lesson}/exit-ticket/`,
  cards: (id: string, lesson: string) => `units/${id}/lessons/${lesson}/cards/`,
  projector: (id: string, lesson: string) => `units/${id}/lessons/${lesson}/projector/`,
  key: (id: string) => `units/${id}/key/`,
  parents: (id: string) => `units/${id}/parents/`,
  /** A program file a lesson ships (```python file="…"), in the language of the page. */
  program: (id: string, name: string) => `units/${id}/files/${name}`,
};

/** Where a package is copied inside the site: downloads/<format>/<unit>.zip. */
export const downloadPath = (format: string, unitId: string): string => `downloads/${format}/${unitId}.zip`;

/** Where the SCORM 1.2 package of a unit is unzipped for the preview. */
/** Where a contest download (dist/contest/catalog.json, file relative to dist/) is in the built site. */
export const contestDownloadPath = (f: { file: string }): string => `downloads/${f.file}`;

export const previewPath = (unitId: string): string => `preview/${unitId}/`;
