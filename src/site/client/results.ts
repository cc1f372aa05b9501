// Results page: reads the chosen files in the browser (FileReader API; nothing leaves the computer), turns
// each into results (Moodle SCORM objectives report as text or .xlsx, or xAPI statements as JSON) and shows
// mastery per requirement, weakest first, for all files together and per file (class).
import { fromMoodleReport, fromXapi, masteryTable, ResultsFileError, type RequirementInfo, type ResultSource, type UnitQuestions } from '../results/mastery.ts';
import { isZip, parseDelimited, readXlsx } from '../results/tables.ts';
import { resultsStrings } from '../results/strings.ts';
import type { Lang } from '../i18n.ts';

interface PageData { lang: Lang; requirements: RequirementInfo[]; units: UnitQuestions[] }

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
};

/** One file → results; throws ResultsFileError (missing columns) or Error (unreadable). */
export function readResultsFile(name: string, bytes: Uint8Array, requirements: Map<string, RequirementInfo>, units: UnitQuestions[]): ResultSource {
  const label = name.replace(/\.[a-z0-9]+$/i, '');
  if (isZip(bytes)) return { ...fromMoodleReport(name, readXlsx(bytes), requirements, units), name: label };
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  const masteryOfUnit = (id: string) => units.find((u) => u.id === id)?.mastery;
  if (/^\s*[[{]/.test(text)) return { ...fromXapi(name, JSON.parse(text), requirements, masteryOfUnit), name: label };
  return { ...fromMoodleReport(name, parseDelimited(text), requirements, units), name: label };
}

export function startResults(): void {
  const data = JSON.parse(document.getElementById('results-data')?.textContent ?? '{}') as PageData;
  const s = resultsStrings(data.lang);
  const requirements = new Map(data.requirements.map((r) => [r.code, r]));
  const input = document.getElementById('results-files-input') as HTMLInputElement;
  const errors = document.getElementById('results-errors') as HTMLElement;
  const status = document.getElementById('results-status') as HTMLElement;
  const list = document.getElementById('results-files') as HTMLElement;
  const wrap = document.getElementById('results-wrap') as HTMLElement;
  const table = document.getElementById('mastery') as HTMLTableElement;
  let sources: ResultSource[] = [];

  const render = () => {
    list.replaceChildren(...sources.map((src) => el('li', s.fileLine(src.name, src.learners, src.kind), { 'data-source': src.name })));
    const rows = masteryTable(sources);
    wrap.hidden = rows.length === 0;
    status.textContent = rows.length === 0 ? s.none : s.tableCaption + '.';
    const head = el('tr');
    head.append(el('th', s.code, { scope: 'col' }), el('th', s.requirement, { scope: 'col' }), el('th', s.grade, { scope: 'col', class: 'num' }), el('th', s.learners, { scope: 'col', class: 'num' }), el('th', s.mastered, { scope: 'col', class: 'num' }), el('th', `${s.masteredPct} (${s.all})`, { scope: 'col', class: 'num' }), el('th', s.mean, { scope: 'col', class: 'num' }));
    if (sources.length > 1) for (const src of sources) head.append(el('th', s.masteredIn(src.name), { scope: 'col', class: 'num' }));
    table.tHead?.replaceChildren(head);
    table.tBodies[0]?.replaceChildren(...rows.map((row) => {
      const req = requirements.get(row.code);
      const tr = el('tr', undefined, { 'data-code': row.code, 'data-learners': String(row.learners), 'data-mastered': String(row.mastered), 'data-pct': String(row.masteredPct), 'data-mean': row.meanScore === null ? '' : String(row.meanScore) });
      const th = el('th', undefined, { scope: 'row' });
      th.append(el('code', row.code));
      const pct = el('td', s.pct(row.masteredPct), { class: 'num' });
      pct.append(el('span', undefined, { class: 'bar', style: `width:${Math.round(row.masteredPct / 2)}px`, 'aria-hidden': 'true' }));
      tr.append(th, el('td', req ? req[data.lang] : ''), el('td', req?.grade === undefined ? '' : String(req.grade), { class: 'num' }), el('td', String(row.learners), { class: 'num' }), el('td', String(row.mastered), { class: 'num' }), pct, el('td', row.meanScore === null ? '–' : s.dec(row.meanScore), { class: 'num' }));
      if (sources.length > 1) for (const src of sources) {
        const m = row.bySource[src.name];
        tr.append(el('td', m ? `${s.pct(m.masteredPct)} (${m.mastered}/${m.learners})` : '–', { class: 'num', 'data-source': src.name, 'data-pct': m ? String(m.masteredPct) : '' }));
      }
      return tr;
    }));
    (document.getElementById('results-date') as HTMLElement).textContent = s.printedOn(new Date().toLocaleDateString(data.lang === 'vi' ? 'vi-VN' : 'en-GB'));
  };

  input.addEventListener('change', async () => {
    const problems: HTMLElement[] = [];
    for (const file of [...(input.files ?? [])]) {
      try {
        const src = readResultsFile(file.name, new Uint8Array(await file.arrayBuffer()), requirements, data.units);
        sources = [...sources.filter((x) => x.name !== src.name), src];
      } catch (e) {
        const li = el('li', undefined, { 'data-file': file.name });
        if (e instanceof ResultsFileError) {
          li.append(el('span', s.missingIntro(file.name) + ' '));
          const ul = el('ul');
          ul.append(...e.missing.map((m) => el('li', s.missing[m], { 'data-missing': m })));
          li.append(ul, el('span', s.hint[e.hint]));
        } else li.textContent = s.unreadable(file.name, e instanceof Error ? e.message : String(e));
        problems.push(li);
      }
    }
    if (problems.length) {
      const ul = el('ul');
      ul.append(...problems);
      errors.replaceChildren(el('p', s.errorTitle), ul);
    } else errors.replaceChildren();
    render();
  });
  document.getElementById('results-clear')?.addEventListener('click', () => {
    sources = [];
    input.value = '';
    errors.replaceChildren();
    render();
  });
}
