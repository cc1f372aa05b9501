// Preview host: scorm-again's SCORM 1.2 API on window.API (as Moodle provides it), the unit's SCORM 1.2
// package in an iframe, and a panel showing what the LMS records as the student works.

/** The part of scorm-again's Scorm12API the inspector uses. */
interface Scorm12Api {
  on(event: string, cb: (element?: string, value?: string) => void): void;
  renderCMIToJSONObject(): { cmi: Cmi };
  loadFromFlattenedJSON(json: Record<string, string>, prefix: string): void;
}
interface Cmi {
  suspend_data?: string;
  core?: { lesson_status?: string; score?: { raw?: string }; lesson_location?: string };
  interactions?: Record<string, { id?: string; type?: string; student_response?: string; result?: string }>;
  objectives?: Record<string, { id?: string; status?: string; score?: { raw?: string } }>;
}
type Scorm12Constructor = new (settings: { autocommit: boolean; logLevel: number }) => Scorm12Api;

const el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function fill(id: string, value: string, text = value) {
  const node = el(id);
  node.dataset.value = value;
  node.textContent = text;
}

function rows(tbodyId: string, data: string[][], empty: string) {
  const body = el<HTMLTableSectionElement>(tbodyId);
  if (data.length === 0) {
    const td = document.createElement('td');
    td.colSpan = body.closest('table')?.querySelectorAll('thead th').length ?? 1;
    td.textContent = empty;
    const tr = document.createElement('tr');
    tr.append(td);
    body.replaceChildren(tr);
    return;
  }
  body.replaceChildren(...data.map((cells) => {
    const tr = document.createElement('tr');
    cells.forEach((c, i) => {
      const cell = document.createElement(i === 0 ? 'th' : 'td');
      if (cell instanceof HTMLTableCellElement && i === 0) cell.scope = 'row';
      cell.textContent = c;
      tr.append(cell);
    });
    return tr;
  }));
}

const byIndex = <T,>(o: Record<string, T> | undefined): T[] => Object.keys(o ?? {}).filter((k) => /^\d+$/.test(k)).sort((a, b) => Number(a) - Number(b)).map((k) => (o as Record<string, T>)[k] as T);

export function startInspector(root: HTMLElement): void {
  const Api = (window as unknown as { Scorm12API?: Scorm12Constructor }).Scorm12API;
  const frame = el<HTMLIFrameElement>('ks-preview');
  if (!Api || !frame) return;
  const cfg = root.dataset;
  const budget = Number(cfg.budget ?? 4096);
  const api = new Api({ autocommit: false, logLevel: 5 });
  // What Moodle hands a SCO on first launch: learner, language, mastery score from the manifest.
  api.loadFromFlattenedJSON({
    'cmi.core.student_id': 'preview',
    'cmi.core.student_name': cfg.learner ?? 'Preview',
    'cmi.core.lesson_mode': 'normal',
    'cmi.core.credit': 'credit',
    'cmi.core.entry': 'ab-initio',
    'cmi.student_preference.language': cfg.lang ?? 'vi',
    'cmi.student_data.mastery_score': cfg.mastery ?? '',
  }, '');
  (window as unknown as { API: Scorm12Api }).API = api;

  let commits = 0;
  let last = '';
  let announced = '';
  let pending = false;
  const render = () => {
    pending = false;
    const cmi = api.renderCMIToJSONObject().cmi;
    const status = cmi.core?.lesson_status ?? '';
    const score = cmi.core?.score?.raw ?? '';
    const suspend = (cmi.suspend_data ?? '').length;
    fill('insp-status', status);
    fill('insp-score', score, score || '—');
    fill('insp-suspend', String(suspend), (cfg.suspendText ?? '{n} / {max}').replace('{n}', String(suspend)).replace('{max}', String(budget)));
    fill('insp-commits', String(commits));
    fill('insp-last', last);
    const interactions = byIndex(cmi.interactions);
    const objectives = byIndex(cmi.objectives);
    fill('insp-interactions-count', String(interactions.length));
    fill('insp-objectives-count', String(objectives.length));
    rows('insp-interactions', interactions.map((i) => [i.id ?? '', i.result ?? '', i.type ?? '', i.student_response ?? '']), cfg.empty ?? '—');
    rows('insp-objectives', objectives.map((o) => [o.id ?? '', o.score?.raw ?? '', o.status ?? '']), cfg.empty ?? '—');
    // Announce only status and score changes, not every value written.
    const summary = `${el('insp-status-label').textContent}: ${status || '—'}. ${el('insp-score-label').textContent}: ${score || '—'}.`;
    if (summary !== announced) {
      announced = summary;
      el('insp-live').textContent = summary;
    }
  };
  const later = () => {
    if (!pending) {
      pending = true;
      setTimeout(render, 0);
    }
  };
  api.on('LMSInitialize', () => { last = 'LMSInitialize'; later(); });
  api.on('LMSSetValue.cmi.*', (element) => { last = `LMSSetValue ${element ?? ''}`; later(); });
  api.on('LMSCommit', () => { commits++; last = 'LMSCommit'; later(); });
  api.on('LMSFinish', () => { last = 'LMSFinish'; later(); });
  el<HTMLButtonElement>('insp-restart').addEventListener('click', () => location.reload());
  render();
  frame.src = cfg.src ?? '';
}
