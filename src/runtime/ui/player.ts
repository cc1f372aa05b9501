import type { Lang } from '../../model/text.ts';
import { readPageUnit } from '../page-unit.ts';
import type { RuntimeUnit } from '../runtime-unit.ts';
import { startSession, type Session } from '../session.ts';
import type { Tracker, TrackerNotice } from '../tracker.ts';
import { renderAssessment } from './assessment-view.ts';
import { el, focusElement } from './dom.ts';
import { UI, useYoungText } from './i18n.ts';
import { isYoungGrade } from '../../model/school-level.ts';

const LANG_KEY = 'khienso:lang';

/** Boots the lesson player on a built unit page with the given tracking adapter. */
/** `unit` is the page's unit when the caller has already read it (bootWithLms), so the page is read once. */
export async function runPlayer(tracker: Tracker, unit: RuntimeUnit = readPageUnit()): Promise<Session> {
  if (isYoungGrade(unit.grade ?? 12)) { useYoungText(); document.body.classList.add('ks-young'); }
  const pages = [...document.querySelectorAll<HTMLElement>('.ks-page')];
  const live = document.getElementById('ks-live') as HTMLElement;
  const noticeBox = document.getElementById('ks-notice') as HTMLElement;
  let lang: Lang = document.documentElement.lang === 'en' ? 'en' : 'vi';
  const notices = new Set<TrackerNotice['kind']>();
  const details = new Map<TrackerNotice['kind'], string>();
  const announce = (m: string) => { live.textContent = ''; setTimeout(() => { live.textContent = m; }, 30); };
  const showNotices = () => {
    const t = UI[lang];
    const text: Record<TrackerNotice['kind'], string> = { standalone: t.standalone, 'storage-unavailable': t.storage, 'save-failed': t.saveFailed, 'saved-again': t.savedAgain, 'state-reset': t.stateReset, review: t.review, 'launch-failed': t.launchFailed, 'statement-refused': t.refused, 'session-closed': t.sessionClosed, 'open-elsewhere': t.openElsewhere };
    noticeBox.replaceChildren(...[...notices].map((k) => el('p', { 'data-notice': k }, [text[k], details.get(k) ? ` (${details.get(k)})` : ''])));
    noticeBox.hidden = notices.size === 0;
  };
  const notify = (n: TrackerNotice) => {
    if (n.kind === 'saved-again') notices.delete('save-failed');
    if (n.kind === 'save-failed') notices.delete('saved-again');
    notices.add(n.kind);
    if (n.kind === 'launch-failed' && n.detail) details.set(n.kind, n.detail);
    showNotices();
  };
  tracker.onNotice = notify;
  const session = await startSession(unit, tracker, notify);
  lang = session.start.lang ?? storedLang() ?? lang;

  const nav = document.getElementById('ks-nav') as HTMLElement;
  const pager = document.getElementById('ks-pager') as HTMLElement;
  const assessmentRoot = document.getElementById('ks-assessment') as HTMLElement;
  const langButton = document.getElementById('ks-lang') as HTMLButtonElement;
  const progress = document.getElementById('ks-progress') as HTMLElement;
  let current = session.state.position;

  const drawChrome = () => {
    const t = UI[lang];
    document.documentElement.lang = lang;
    nav.setAttribute('aria-label', lang === 'vi' ? 'Mục lục' : 'Contents');
    langButton.textContent = t.switchLang;
    langButton.setAttribute('aria-label', t.switchLangLabel);
    langButton.setAttribute('lang', lang === 'vi' ? 'en' : 'vi');
    const items = [...unit.lessons.map((l, i) => `${i + 1}. ${l.title[lang]}`), t.assessment];
    nav.replaceChildren(el('ol', {}, items.map((label, i) => {
      const done = i < unit.lessons.length && session.state.viewed[i];
      const b = el('button', { type: 'button', 'data-page': i, 'aria-current': i === current ? 'step' : undefined, class: done ? 'ks-done' : undefined }, [
        label, i < unit.lessons.length ? el('span', { class: 'ks-sr' }, [` (${done ? t.viewed : t.notViewed})`]) : null,
      ]);
      b.addEventListener('click', () => show(i, true));
      return el('li', {}, [b]);
    })));
    progress.textContent = t.progress(session.state.viewed.filter(Boolean).length, unit.lessons.length);
    const prev = el('button', { type: 'button', id: 'ks-prev', disabled: current === 0 }, [`← ${t.prev}`]);
    const next = el('button', { type: 'button', id: 'ks-next', class: 'ks-primary', disabled: current === pages.length - 1 }, [`${t.next} →`]);
    prev.addEventListener('click', () => show(current - 1, true));
    next.addEventListener('click', () => show(current + 1, true));
    pager.replaceChildren(prev, next);
    const returnUrl = session.start.returnUrl;
    if (returnUrl) {
      const finish = el('button', { type: 'button', id: 'ks-finish' }, [t.finish]);
      finish.addEventListener('click', () => {
        session.end();
        tracker.release?.();
        const idle = tracker.whenIdle?.() ?? Promise.resolve();
        void Promise.race([idle, new Promise((r) => setTimeout(r, 3000))]).then(() => { window.location.href = returnUrl; });
      });
      pager.append(finish);
    }
    showNotices();
  };
  const show = (page: number, focus: boolean) => {
    current = Math.max(0, Math.min(page, pages.length - 1));
    pages.forEach((p, i) => { p.hidden = i !== current; });
    session.view(current);
    if (current === session.assessmentPage) renderAssessment(assessmentRoot, session, lang, announce);
    drawChrome();
    if (focus) {
      const heading = current === session.assessmentPage ? assessmentRoot.querySelector<HTMLElement>('h2') : pages[current]?.querySelector<HTMLElement>(`[data-l="${lang}"] h2`);
      focusElement(heading ?? null);
      window.scrollTo(0, 0);
    }
  };
  langButton.addEventListener('click', () => {
    lang = lang === 'vi' ? 'en' : 'vi';
    try { localStorage.setItem(LANG_KEY, lang); } catch { /* preference only */ }
    if (current === session.assessmentPage) renderAssessment(assessmentRoot, session, lang, announce);
    drawChrome();
    announce(lang === 'vi' ? 'Đã chuyển sang tiếng Việt' : 'Switched to English');
  });
  if (tracker.name === 'standalone') notify({ kind: 'standalone' });
  if (session.start.mode !== 'normal' || !session.start.credit) notify({ kind: 'review' });
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') session.flush(); });
  window.addEventListener('pagehide', () => session.end());
  // Restored from the back/forward cache after the session was ended: start a fresh, connected session.
  window.addEventListener('pageshow', (e) => { if (e.persisted) location.reload(); });
  show(current, false);
  document.body.classList.add('ks-ready');
  // Read by `npm run bench` (time to interactive under CPU throttling).
  performance.mark?.('ks-ready');
  return session;
}

function storedLang(): Lang | undefined {
  try {
    const v = localStorage.getItem(LANG_KEY);
    return v === 'en' || v === 'vi' ? v : undefined;
  } catch {
    return undefined;
  }
}
