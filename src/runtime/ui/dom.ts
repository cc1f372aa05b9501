/** Creates an element with attributes (strings; `false`/undefined skip) and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  children: (Node | string | null | undefined | false)[] = [],
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'text') e.textContent = String(v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

/** Moves keyboard focus to an element that is not normally focusable (a heading), for screen readers. */
export function focusElement(e: HTMLElement | null): void {
  if (!e) return;
  if (!e.hasAttribute('tabindex')) e.setAttribute('tabindex', '-1');
  e.focus();
}
