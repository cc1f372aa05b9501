// Coverage dashboard: bar charts from the figures embedded at build time (chart.js bundled locally) and the
// filters (grade, strand, framework, status), whose choice is kept in the page URL (?grade=6&status=none…)
// so a filtered view can be shared, bookmarked and reloaded.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';
Chart.defaults.color = '#1b1f24';

const COLOURS = ['#1a7f37', '#0b5cad'];

export function drawCharts(): void {
  for (const canvas of document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')) {
    const data = JSON.parse(canvas.dataset.chart ?? '{}') as { labels: string[]; datasets: { label: string; data: number[] }[] };
    new Chart(canvas, {
      type: 'bar',
      data: { labels: data.labels, datasets: data.datasets.map((d, i) => ({ ...d, backgroundColor: COLOURS[i % COLOURS.length] })) },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } } },
        plugins: { tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${c.formattedValue}%` } } },
      },
    });
  }
}

const FILTERS = { grade: 'f-grade', strand: 'f-strand', framework: 'fw-filter', status: 'f-status' } as const;
type Key = keyof typeof FILTERS;

export function setupFilters(): void {
  const selects = Object.fromEntries(Object.entries(FILTERS).map(([k, id]) => [k, document.getElementById(id) as HTMLSelectElement | null])) as Record<Key, HTMLSelectElement | null>;
  if (Object.values(selects).some((s) => !s)) return;
  const count = document.getElementById('filter-count');
  const note = document.getElementById('filter-note');
  const params = new URLSearchParams(location.search);
  for (const [k, sel] of Object.entries(selects) as [Key, HTMLSelectElement][]) {
    const v = params.get(k) ?? '';
    if ([...sel.options].some((o) => o.value === v)) sel.value = v;
  }
  const apply = () => {
    const f = Object.fromEntries(Object.entries(selects).map(([k, s]) => [k, s?.value ?? ''])) as Record<Key, string>;
    const matches = (el: HTMLElement) =>
      (!f.framework || el.dataset.framework === f.framework) && (!f.grade || el.dataset.grade === f.grade) && (!f.strand || el.dataset.strand === f.strand) && (!f.status || el.dataset.status === f.status);
    let n = 0;
    const seen = new Set<string>();
    for (const el of document.querySelectorAll<HTMLElement>('.filter-item')) {
      el.hidden = !matches(el);
      if (!el.hidden) for (const c of (el.dataset.codes ?? el.dataset.code ?? '').split(' ')) if (c) seen.add(c);
    }
    n = seen.size;
    // Containers with nothing left to show are hidden; sections of another framework too.
    for (const el of [...document.querySelectorAll<HTMLElement>('.filterable')].reverse()) {
      const items = el.querySelectorAll<HTMLElement>('.filter-item');
      el.hidden = (items.length > 0 && [...items].every((i) => i.hidden)) || (!!f.framework && !!el.dataset.framework && el.dataset.framework !== f.framework);
    }
    for (const el of document.querySelectorAll<HTMLElement>('[data-framework]:not(.filter-item):not(.filterable)')) el.hidden = !!f.framework && el.dataset.framework !== f.framework;
    if (count) count.textContent = (count.dataset.template ?? '').replace('{n}', String(n)) || String(n);
    if (note) note.hidden = !(f.grade || f.strand);
    const q = new URLSearchParams(Object.entries(f).filter(([, v]) => v));
    history.replaceState(null, '', `${location.pathname}${q.toString() ? `?${q}` : ''}${location.hash}`);
  };
  for (const sel of Object.values(selects)) sel?.addEventListener('change', apply);
  apply();
}
