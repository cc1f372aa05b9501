// Coverage dashboard: bar charts from the figures embedded at build time (chart.js bundled locally) and
// the framework filter, which hides the sections of the other frameworks.
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

export function setupFilter(): void {
  const box = document.getElementById('fw-filter-box');
  const select = document.getElementById('fw-filter') as HTMLSelectElement | null;
  if (!box || !select) return;
  box.hidden = false;
  const apply = () => {
    for (const el of document.querySelectorAll<HTMLElement>('[data-framework]')) el.hidden = select.value !== '' && el.dataset.framework !== select.value;
  };
  select.addEventListener('change', apply);
  apply();
}
