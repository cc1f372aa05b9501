// Home page: the grade/strand filter hides the other units' cards (and grades left empty); the choice is kept
// in the URL (?grade=6&strand=D) so a link or a reload shows the same units.
export function setupHomeFilter(): void {
  const grade = document.getElementById('hf-grade') as HTMLSelectElement | null;
  const strand = document.getElementById('hf-strand') as HTMLSelectElement | null;
  const count = document.getElementById('hf-count');
  if (!grade || !strand) return;
  const params = new URLSearchParams(location.search);
  for (const [sel, key] of [[grade, 'grade'], [strand, 'strand']] as const) {
    const v = params.get(key) ?? '';
    if ([...sel.options].some((o) => o.value === v)) sel.value = v;
  }
  const apply = () => {
    let shown = 0;
    for (const card of document.querySelectorAll<HTMLElement>('article.card[data-unit]')) {
      card.hidden = (grade.value !== '' && card.dataset.grade !== grade.value) || (strand.value !== '' && card.dataset.strand !== strand.value);
      if (!card.hidden) shown++;
    }
    for (const sec of document.querySelectorAll<HTMLElement>('section.grade-section')) sec.hidden = [...sec.querySelectorAll<HTMLElement>('article.card')].every((c) => c.hidden);
    for (const a of document.querySelectorAll<HTMLAnchorElement>('.grade-jump a')) {
      const target = document.getElementById(a.hash.slice(1))?.closest('section');
      a.closest('li')?.toggleAttribute('hidden', !!target?.hidden);
    }
    if (count) count.textContent = (count.dataset.template ?? '{n}').replace('{n}', String(shown));
    const q = new URLSearchParams([['grade', grade.value], ['strand', strand.value]].filter(([, v]) => v));
    history.replaceState(null, '', `${location.pathname}${q.toString() ? `?${q}` : ''}${location.hash}`);
  };
  grade.addEventListener('change', apply);
  strand.addEventListener('change', apply);
  apply();
}
