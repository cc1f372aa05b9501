import type { Unit } from '../src/model/unit.ts';
import { toPageUnit } from './runtime-data.ts';
import { isYoungGrade } from '../src/model/school-level.ts';

/** File names the page refers to, relative to the page itself. */
export interface PageAssets {
  script: string;
  css: string;
  /** Lab scripts this unit uses, loaded before the player. */
  labs?: string[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** JSON safe inside a <script> element. */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/**
 * Content-Security-Policy of every lesson page (standalone and in every package), as defence in depth behind
 * the URL allow-list: scripts only from the unit's own folder (no inline script, no event-handler attributes,
 * no other origin); WebAssembly compilation for the SQL lab; nothing embedded from elsewhere. connect-src
 * stays open to http(s) because an xAPI/cmi5 launch names its LRS, which may be any server of the school.
 * Inline style attributes are allowed (labs size their frames); frame-ancestors cannot be set in a <meta>,
 * so Moodle's frame and a new window both keep working.
 */
export const PLAYER_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' https: http:",
  "frame-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Builds the single lesson-player page of a unit: every lesson in both languages, then the assessment. */
export function buildUnitPage(unit: Unit, assets: PageAssets): string {
  const both = (vi: string, en: string, tag = 'span') => `<${tag} data-l="vi" lang="vi">${vi}</${tag}><${tag} data-l="en" lang="en">${en}</${tag}>`;
  const lessons = unit.lessons.map((l, i) => `<section class="ks-page" id="p-${i + 1}" data-page="${i}">
<div data-l="vi" lang="vi"><h2>${l.order}. ${esc(l.title.vi)}</h2>
${l.html.vi}</div>
<div data-l="en" lang="en"><h2>${l.order}. ${esc(l.title.en)}</h2>
${l.html.en}</div>
</section>`).join('\n');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PLAYER_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Khiên Số ${esc(unit.id)}@${esc(unit.version)}">
<title>${esc(unit.title.vi)} · ${esc(unit.title.en)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${esc(assets.css)}">
</head>
<body${isYoungGrade(unit.grade) ? ' class="ks-young"' : ''}>
<a class="ks-skip" href="#ks-main">${both('Bỏ qua, đến nội dung chính', 'Skip to main content')}</a>
<header class="ks-top">
<h1 class="ks-unit-title">${both(`${esc(unit.title.vi)}<span class="ks-grade">Tin học lớp ${unit.grade}</span>`, `${esc(unit.title.en)}<span class="ks-grade">Informatics, grade ${unit.grade}</span>`)}</h1>
<span id="ks-progress"></span>
<button type="button" id="ks-lang" lang="en">English</button>
</header>
<div id="ks-notice" role="status" hidden></div>
<div class="ks-layout">
<nav id="ks-nav" aria-label="Mục lục / Contents"></nav>
<main id="ks-main" tabindex="-1">
${lessons}
<section class="ks-page" id="ks-assessment" data-page="${unit.lessons.length}"><noscript>${both('Cần bật JavaScript để làm bài kiểm tra.', 'JavaScript is needed for the assessment.', 'p')}</noscript></section>
<div class="ks-pager" id="ks-pager"></div>
</main>
</div>
<div id="ks-live" class="ks-sr" aria-live="polite"></div>
<script type="application/json" id="ks-unit" data-unit="${esc(unit.id)}">${scriptJson(toPageUnit(unit))}</script>
${(assets.labs ?? []).map((l) => `<script src="${esc(l)}"></script>\n`).join('')}<script src="${esc(assets.script)}"></script>
</body>
</html>
`;
}
