import { el } from '../../runtime/ui/dom.ts';
import type { Tracker, TrackerNotice } from '../../runtime/tracker.ts';
import type { Lang } from '../../model/text.ts';
import { checkFix } from '../fixcheck.ts';
import { checkFlag, deriveFlag } from '../flags.ts';
import { createClient, parseCookies, parseForm, type Client, type SimResponse } from '../http.ts';
import type { RuntimeChallenge, RuntimeContest } from '../schema.ts';
import { challengePoints, challengeQuestion, contestOutcome, contestScore, emptyProgress, parseProgress, serializeProgress, type ContestProgress } from '../scoring.ts';
import type { ChallengeModule } from '../types.ts';
import type { SqlJsStatic } from 'sql.js';
import { browserSql, domParseHtml, frameRunner, frameVictim, intoHead } from './browser-env.ts';
import { loadLazy } from './lazy.ts';
import { noSql } from '../no-sql.ts';
import { CT } from './text.ts';

/** What the page knows besides the tracker. */
export interface ContestPageOptions {
  contest: RuntimeContest;
  /** The learner id the LMS gave, asked after the tracker started (null in standalone mode: the player types a team code). */
  learnerId: () => string | null;
}

const VIEW_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; form-action 'none'";
/** Runs in the rendered page's frame: links and forms become messages to the simulated browser. */
const INTERCEPT = `<meta http-equiv="Content-Security-Policy" content="${VIEW_CSP}"><script>(function(){
document.addEventListener('click',function(e){var a=e.target&&e.target.closest&&e.target.closest('a[href]');if(!a)return;e.preventDefault();parent.postMessage({ksNav:{method:'GET',url:a.getAttribute('href')}},'*')});
document.addEventListener('submit',function(e){if(e.defaultPrevented)return;e.preventDefault();var f=e.target,d={};for(var i=0;i<f.elements.length;i++){var x=f.elements[i];if(!x.name)continue;if((x.type==='checkbox'||x.type==='radio')&&!x.checked)continue;d[x.name]=x.value}parent.postMessage({ksNav:{method:(f.getAttribute('method')||'GET').toUpperCase(),url:f.getAttribute('action')||'',form:d}},'*')});
})()</script>`;

const paragraphs = (text: string) => text.trim().split(/\n\s*\n/).map((p) => el('p', {}, [p.trim()]));

/** Renders the small Markdown of the rules file (headings, paragraphs, **bold**, `code`) safely. */
function rulesHtml(md: string): HTMLElement {
  const box = el('div', { class: 'ct-rules-body' });
  for (const block of md.trim().split(/\n\s*\n/)) {
    const heading = /^#+\s+(.*)$/.exec(block);
    if (heading) { box.append(el('h3', {}, [heading[1] ?? ''])); continue; }
    const p = el('p');
    for (const part of block.split(/(\*\*[^*]+\*\*|`[^`]+`)/)) {
      if (/^\*\*.*\*\*$/.test(part)) p.append(el('strong', {}, [part.slice(2, -2)]));
      else if (/^`.*`$/.test(part)) p.append(el('code', {}, [part.slice(1, -1)]));
      else p.append(part);
    }
    box.append(p);
  }
  return box;
}

/** The contest page: challenge list, simulated browser, flag submission, hints and fix-checking. */
export async function runContest(tracker: Tracker, o: ContestPageOptions): Promise<void> {
  const { contest } = o;
  const root = document.getElementById('ct-app') as HTMLElement;
  const notice = document.getElementById('ct-notice') as HTMLElement;
  let lang: Lang = document.documentElement.lang === 'en' ? 'en' : 'vi';
  const showNotice = (n: TrackerNotice) => {
    const t = CT[lang];
    const msg = n.kind === 'standalone' ? t.standalone : n.kind === 'save-failed' ? t.saveFailed : n.kind === 'saved-again' ? t.savedAgain : n.kind === 'launch-failed' ? t.launchFailed : '';
    if (msg) { notice.textContent = msg; notice.hidden = false; }
  };
  tracker.onNotice = showNotice;
  const start = await tracker.initialize();
  if (start.lang) lang = start.lang;
  if (tracker.name === 'standalone') showNotice({ kind: 'standalone' });
  const recording = start.mode === 'normal' && start.credit;

  const learnerId = o.learnerId();
  let progress = parseProgress(start.state);
  // Flags are per player: a saved state of another player (a shared computer) is not reused.
  if (progress && learnerId !== null && progress.player !== learnerId) progress = null;
  if (!progress && learnerId !== null) progress = emptyProgress(learnerId);
  if (!progress) progress = await askTeam();
  const p: ContestProgress = progress;

  const save = () => { tracker.saveState(serializeProgress(p), 'contest'); tracker.commit(); };
  const report = (c: RuntimeChallenge, part: 'flag' | 'fix') => {
    if (recording) {
      const weight = part === 'flag' ? c.value : c.fixValue;
      const earned = part === 'flag' ? challengePoints(c, p) : c.fixValue;
      tracker.answerRecorded({
        question: challengeQuestion(c, part, weight), answer: { type: 'lab', score: weight ? earned / weight : 1, detail: part === 'flag' ? `flag-h${p.hints[c.id] ?? 0}` : 'fix-accepted' },
        result: { fraction: weight ? earned / weight : 1, result: earned === weight ? 'correct' : 'partial' }, latencyMs: 0, timestamp: new Date(), description: c.title[lang],
      });
      tracker.reportOutcome(contestOutcome(contest, p));
    }
    save();
  };
  save();
  addEventListener('pagehide', () => { save(); tracker.terminate('suspend'); });
  addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') save(); });

  const runner = frameRunner();
  const victim = frameVictim();
  // A challenge's code (lazy/challenge-<id>.js) and, when it uses SQL, the SQLite engine load when it is opened.
  const sqlFor = (c: RuntimeChallenge): Promise<SqlJsStatic> => (c.usesSql ? browserSql(contest.offline === true) : Promise.resolve(noSql(c.id)));
  const moduleFor = (c: RuntimeChallenge) => loadLazy<ChallengeModule>(`challenge-${c.id}`);
  const clients = new Map<string, Promise<Client>>();
  const clientFor = (c: RuntimeChallenge) => {
    let cl = clients.get(c.id);
    if (!cl) {
      cl = Promise.all([moduleFor(c), sqlFor(c)]).then(async ([m, s]) => createClient(await m.createSite({ flag: deriveFlag(contest.seed, c.id, p.player), sql: s, victim })));
      cl.catch(() => clients.delete(c.id));
      clients.set(c.id, cl);
    }
    return cl;
  };

  // A contest opens on its overview (how to play, the rules); a challenge's code loads when it is opened.
  // A one-challenge page (the CTFd export) opens on that challenge.
  let current: RuntimeChallenge | null = contest.challenges.length === 1 ? contest.challenges[0] ?? null : null;
  const render = () => {
    const t = CT[lang];
    document.documentElement.lang = lang;
    const score = contestScore(contest, p);
    root.replaceChildren();
    const header = el('header', { class: 'ct-top' }, [
      el('h1', {}, [contest.title[lang]]),
      el('p', { id: 'ct-score', 'aria-live': 'polite' }, [t.score(score.points, score.max, score.percent)]),
      el('p', { id: 'ct-player' }, [`${t.player}: `, el('code', {}, [p.player])]),
    ]);
    const langBtn = el('button', { type: 'button', id: 'ct-lang', lang: lang === 'vi' ? 'en' : 'vi' }, [t.lang]);
    langBtn.addEventListener('click', () => { lang = lang === 'vi' ? 'en' : 'vi'; render(); });
    header.append(langBtn);
    const nav = el('nav', { 'aria-label': t.challenges, class: 'ct-nav' }, [el('h2', {}, [t.challenges])]);
    const list = el('ul');
    for (const c of contest.challenges) {
      const marks = [p.solved.includes(c.id) ? `✓ ${t.solvedMark}` : '', p.fixed.includes(c.id) ? `✓ ${t.fixedMark}` : ''].filter(Boolean).join(', ');
      const b = el('button', { type: 'button', 'data-challenge': c.id, 'aria-current': c.id === current?.id ? 'true' : undefined }, [`${c.title[lang]} · ${c.value}${c.fixValue ? `+${c.fixValue}` : ''}`, marks ? el('span', { class: 'ct-mark' }, [` (${marks})`]) : null]);
      b.addEventListener('click', () => { current = c; render(); document.getElementById('ct-main')?.focus(); });
      list.append(el('li', {}, [b]));
    }
    nav.append(list);
    const rules = el('details', { class: 'ct-rules' }, [el('summary', {}, [t.rules]), rulesHtml(contest.rules[lang])]);
    nav.append(rules);
    const main = el('main', { id: 'ct-main', tabindex: '-1' });
    if (current) renderChallenge(main, current);
    else renderOverview(main);
    root.append(el('a', { class: 'ct-skip', href: '#ct-main' }, [t.skip]), header, el('div', { class: 'ct-layout' }, [nav, main]));
  };

  function renderOverview(main: HTMLElement) {
    const t = CT[lang];
    const score = contestScore(contest, p);
    main.append(
      el('h2', { id: 'ct-title' }, [t.overview]),
      ...paragraphs(t.howTo(contest.challenges.length, score.max)),
      el('p', { class: 'ct-reminder', id: 'ct-reminder' }, [t.reminder]),
      rulesHtml(contest.rules[lang]),
    );
  }

  function renderChallenge(main: HTMLElement, c: RuntimeChallenge) {
    const t = CT[lang];
    main.append(
      el('h2', { id: 'ct-title' }, [c.title[lang]]),
      el('p', { class: 'ct-meta' }, [`${t.tier[c.tier]} · ${c.category[lang]} · ${t.points(c.value)}${c.fixValue ? ` · ${t.fixPoints(c.fixValue)}` : ''}`]),
      el('p', { class: 'ct-reminder', id: 'ct-reminder' }, [t.reminder]),
      el('h3', {}, [t.story]), ...paragraphs(c.story[lang]),
      el('h3', {}, [t.task]), ...paragraphs(c.task[lang]),
    );
    // Hints, opened in order; each lowers what this challenge is worth.
    const opened = p.hints[c.id] ?? 0;
    const hints = el('section', { 'aria-labelledby': 'ct-hints-h' }, [el('h3', { id: 'ct-hints-h' }, [t.hints])]);
    const hl = el('ol', { id: 'ct-hints' });
    c.hints.slice(0, opened).forEach((h) => hl.append(el('li', {}, [h.text[lang]])));
    hints.append(hl);
    const next = c.hints[opened];
    if (next && !p.solved.includes(c.id)) {
      const hb = el('button', { type: 'button', id: 'ct-hint-open' }, [t.openHint(next.cost, c.hints.length - opened - 1)]);
      hb.addEventListener('click', () => { p.hints[c.id] = opened + 1; save(); render(); document.getElementById('ct-hint-open')?.focus(); });
      hints.append(hb);
    }
    main.append(hints);
    main.append(browserPanel(c));
    // Flag.
    const t2 = CT[lang];
    const flagIn = el('input', { type: 'text', id: 'ct-flag', autocomplete: 'off', spellcheck: 'false', disabled: p.solved.includes(c.id) });
    const flagOut = el('p', { id: 'ct-flag-result', 'aria-live': 'polite' }, [p.solved.includes(c.id) ? t2.flagDone : '']);
    const flagBtn = el('button', { type: 'button', id: 'ct-submit-flag', disabled: p.solved.includes(c.id) }, [t2.submitFlag]);
    flagBtn.addEventListener('click', () => {
      if (checkFlag(contest.seed, c.id, p.player, flagIn.value)) {
        if (!p.solved.includes(c.id)) { p.solved.push(c.id); report(c, 'flag'); }
        render();
        const out = document.getElementById('ct-flag-result');
        if (out) { out.textContent = CT[lang].flagOk; out.dataset.ok = 'true'; }
      } else {
        flagOut.textContent = t2.flagNo;
        flagOut.dataset.ok = 'false';
      }
    });
    main.append(el('section', { class: 'ct-flag' }, [el('label', { for: 'ct-flag' }, [t2.flag]), flagIn, flagBtn, flagOut]));
    if (c.fix) main.append(fixPanel(c, c.fix));
  }

  function browserPanel(c: RuntimeChallenge): HTMLElement {
    const t = CT[lang];
    const address = el('input', { type: 'text', id: 'ct-address', value: c.start, spellcheck: 'false', autocomplete: 'off' });
    const method = el('select', { id: 'ct-method' }, [el('option', {}, ['GET']), el('option', {}, ['POST'])]);
    const headers = el('textarea', { id: 'ct-headers', rows: 2, spellcheck: 'false' });
    const cookies = el('input', { type: 'text', id: 'ct-cookies', spellcheck: 'false', autocomplete: 'off' });
    const body = el('textarea', { id: 'ct-body', rows: 2, spellcheck: 'false' });
    const status = el('p', { id: 'ct-status', 'aria-live': 'polite' }, [t.loading]);
    // allow-forms only so the submit event fires (intercepted); CSP form-action 'none' stops any real submission.
    const view = el('iframe', { id: 'ct-view', title: t.view, sandbox: 'allow-scripts allow-forms', class: 'ct-view' });
    const source = el('pre', { id: 'ct-source', class: 'ct-source', tabindex: '0' });
    const history: { method: 'GET' | 'POST'; url: string; form: Record<string, string> }[] = [];
    const back = el('button', { type: 'button', id: 'ct-back' }, [t.back]);
    const send = el('button', { type: 'button', id: 'ct-send' }, [t.send]);
    const hostOf = (u: string) => { try { return new URL(u).hostname; } catch { return ''; } };

    const show = (res: SimResponse & { url: string }, client: Client) => {
      address.value = res.url;
      cookies.value = Object.entries(client.cookies(hostOf(res.url))).map(([k, v]) => `${k}=${v}`).join('; ');
      status.textContent = `${res.status} · ${res.type} · ${res.url}`;
      source.textContent = res.body;
      const doc = res.type === 'text/html' ? res.body : `<!doctype html><html><head></head><body><pre style="white-space:pre-wrap">${res.body.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre></body></html>`;
      view.srcdoc = intoHead(doc, INTERCEPT);
    };
    const go = async (req: { method: 'GET' | 'POST'; url: string; form: Record<string, string> }, remember = true) => {
      const client = await clientFor(c);
      const h: Record<string, string> = {};
      for (const line of headers.value.split('\n')) { const i = line.indexOf(':'); if (i > 0) h[line.slice(0, i).trim()] = line.slice(i + 1).trim(); }
      const host = hostOf(req.url);
      if (host && host === hostOf(address.value)) client.replaceCookies(host, parseCookies(cookies.value));
      status.textContent = '…';
      const res = await client.request({ method: req.method, url: req.url, form: req.form, headers: h });
      if (remember) history.push(req);
      show(res, client);
      root.dataset.lastStatus = String(res.status);
    };
    send.addEventListener('click', () => {
      let url = address.value.trim();
      if (!/^[a-z]+:\/\//i.test(url)) url = `http://${url}`;
      void go({ method: method.value === 'POST' ? 'POST' : 'GET', url, form: method.value === 'POST' ? parseForm(body.value) : {} });
    });
    // history[length - 1], not .at(-1): Safari 14 lacks Array.prototype.at.
    back.addEventListener('click', () => { history.pop(); const prev = history[history.length - 1]; if (prev) void go(prev, false); });
    const onNav = (e: MessageEvent) => {
      if (e.source !== view.contentWindow) return;
      const nav = (e.data as { ksNav?: { method: string; url: string; form?: Record<string, string> } }).ksNav;
      if (!nav) return;
      let url: URL;
      try { url = new URL(nav.url || address.value, address.value); } catch { return; }
      if (nav.method === 'POST') {
        method.value = 'POST';
        body.value = new URLSearchParams(nav.form ?? {}).toString();
        void go({ method: 'POST', url: url.href, form: nav.form ?? {} });
      } else {
        if (nav.form) url.search = new URLSearchParams(nav.form).toString();
        method.value = 'GET';
        body.value = '';
        void go({ method: 'GET', url: url.href, form: {} });
      }
    };
    addEventListener('message', onNav);
    // Only the frame of the challenge on screen may navigate; drop the listener when the panel is replaced.
    const panel = el('section', { class: 'ct-browser', 'aria-labelledby': 'ct-browser-h' }, [
      el('h3', { id: 'ct-browser-h' }, [t.browser]),
      el('div', { class: 'ct-bar' }, [el('label', { for: 'ct-method', class: 'ct-sr' }, [t.method]), method, el('label', { for: 'ct-address', class: 'ct-sr' }, [t.address]), address, send, back]),
      el('details', {}, [el('summary', {}, [`${t.headers} · ${t.cookies} · ${t.body}`]),
        el('label', { for: 'ct-headers' }, [t.headers]), headers, el('label', { for: 'ct-cookies' }, [t.cookies]), cookies, el('label', { for: 'ct-body' }, [t.body]), body]),
      status, view, el('details', {}, [el('summary', {}, [t.source]), source]),
    ]);
    new MutationObserver((_m, obs) => { if (!panel.isConnected) { removeEventListener('message', onNav); obs.disconnect(); } }).observe(root, { childList: true });
    clientFor(c).then(() => { status.textContent = ''; root.dataset.ready = 'true'; void go({ method: 'GET', url: c.start, form: {} }); },
      (e: unknown) => { status.textContent = `${t.loadFailed} (${String((e as Error).message ?? e)})`; });
    return panel;
  }

  function fixPanel(c: RuntimeChallenge, fix: NonNullable<RuntimeChallenge['fix']>): HTMLElement {
    const t = CT[lang];
    const code = el('textarea', { id: 'ct-code', rows: 12, spellcheck: 'false', class: 'ct-code' });
    code.value = sessionStorageGet(`ct-code:${c.id}`) ?? fix.vulnerable;
    code.addEventListener('input', () => sessionStorageSet(`ct-code:${c.id}`, code.value));
    const out = el('div', { id: 'ct-fix-result', 'aria-live': 'polite' }, [p.fixed.includes(c.id) ? t.fixOk : '']);
    const check = el('button', { type: 'button', id: 'ct-check' }, [t.check]);
    const reset = el('button', { type: 'button', id: 'ct-reset' }, [t.reset]);
    reset.addEventListener('click', () => { code.value = fix.vulnerable; sessionStorageSet(`ct-code:${c.id}`, code.value); });
    check.addEventListener('click', async () => {
      out.textContent = t.running;
      let spec: ChallengeModule['fix'];
      let s: SqlJsStatic;
      try {
        [spec, s] = [(await moduleFor(c)).fix, await sqlFor(c)];
      } catch (e) {
        out.textContent = `${CT[lang].loadFailed} (${String((e as Error).message ?? e)})`;
        return;
      }
      if (!spec) return;
      const verdict = await checkFix(spec, code.value, runner, { sql: s, parseHtml: domParseHtml });
      const tt = CT[lang];
      out.replaceChildren(
        el('p', { 'data-ok': String(verdict.accepted) }, [verdict.accepted ? tt.fixOk : verdict.attacksBlocked ? tt.fixBlockedButBroken : tt.fixNo]),
        el('ul', {}, verdict.cases.map((r) => el('li', { 'data-pass': String(r.passed) }, [`${r.passed ? '✓' : '✗'} ${r.kind === 'exploit' ? tt.attack : tt.normal}: ${r.label[lang]} — ${r.passed ? tt.pass : tt.fail}`]))),
      );
      out.dataset.accepted = String(verdict.accepted);
      if (verdict.accepted && !p.fixed.includes(c.id)) {
        p.fixed.push(c.id);
        report(c, 'fix');
        const s = contestScore(contest, p);
        const sc = document.getElementById('ct-score');
        if (sc) sc.textContent = CT[lang].score(s.points, s.max, s.percent);
      }
    });
    return el('section', { class: 'ct-fix', 'aria-labelledby': 'ct-fix-h' }, [
      el('h3', { id: 'ct-fix-h' }, [t.fix]), el('p', {}, [t.fixIntro(fix.fn)]), el('label', { for: 'ct-code', class: 'ct-sr' }, [t.fix]), code, el('div', {}, [check, ' ', reset]), out,
    ]);
  }

  async function askTeam(): Promise<ContestProgress> {
    const t = CT[lang];
    const input = el('input', { type: 'text', id: 'ct-team', autocomplete: 'off', spellcheck: 'false', required: true });
    const btn = el('button', { type: 'submit', id: 'ct-start' }, [t.start]);
    const form = el('form', { class: 'ct-team' }, [el('h1', {}, [contest.title[lang]]), el('p', {}, [t.teamPrompt]), el('label', { for: 'ct-team' }, [t.teamLabel]), input, btn]);
    root.replaceChildren(form);
    document.body.classList.add('ks-ready');
    input.focus();
    return new Promise((resolve) => form.addEventListener('submit', (e) => {
      e.preventDefault();
      const v = input.value.trim();
      if (v) resolve(emptyProgress(v));
    }));
  }

  render();
  document.body.classList.add('ks-ready');
}

function sessionStorageGet(k: string): string | null {
  try { return sessionStorage.getItem(k); } catch { return null; }
}
function sessionStorageSet(k: string, v: string): void {
  try { sessionStorage.setItem(k, v); } catch { /* private mode: the edit lives only on screen */ }
}
