import { el } from '../../runtime/ui/dom.ts';
import { registerLab, type LabMountOptions } from '../lab-api.ts';
import { CLUE_LABELS, CLUES, MESSAGES, type Clue, type InboxMessage } from './data.ts';
import { decodeVerdicts, encodeVerdicts, gradeInbox, type Verdict } from './grade.ts';

const T = {
  vi: { intro: 'Hộp thư mô phỏng: mở từng tin, đọc kĩ rồi đánh dấu “Lừa đảo” hoặc “An toàn”. Nếu là lừa đảo, chọn các dấu hiệu em thấy.', list: 'Danh sách tin', scam: 'Lừa đảo', real: 'An toàn', clues: 'Dấu hiệu em thấy', reveal: 'Xem link thật sự dẫn tới đâu', goes: 'Link này thật ra dẫn tới:', channel: { sms: 'SMS', email: 'Email', chat: 'Tin nhắn mạng xã hội' }, from: 'Từ', to: 'Đến: em', toLabel: 'Đến', you: 'em', subject: 'Tiêu đề', mock: 'Ảnh minh hoạ (mô phỏng)', badge: 'Mô phỏng', right: 'Đúng', wrong: 'Chưa đúng', verdict: 'Tin này là', unread: 'chưa đọc', marked: 'đã đánh dấu', pick: 'Chọn một tin trong danh sách để đọc.', next: 'Mở tin tiếp theo', done: (n: number, all: number) => `Đã đánh dấu ${n}/${all} tin.` },
  en: { intro: 'Simulated inbox: open each message, read it carefully and mark it “Scam” or “Safe”. If it is a scam, choose the warning signs you see.', list: 'Messages', scam: 'Scam', real: 'Safe', clues: 'Warning signs you see', reveal: 'Show where the link really goes', goes: 'This link really goes to:', channel: { sms: 'SMS', email: 'Email', chat: 'Social media message' }, from: 'From', to: 'To: you', toLabel: 'To', you: 'you', subject: 'Subject', mock: 'Illustration (mock-up)', badge: 'Mock-up', right: 'Correct', wrong: 'Not correct', verdict: 'This message is', unread: 'unread', marked: 'marked', pick: 'Choose a message in the list to read it.', next: 'Open the next message', done: (n: number, all: number) => `${n} of ${all} messages marked.` },
};

/** Invented receive times shown in the list (newest first), one per message. */
const TIMES = ['09:41', '09:12', '08:55', '08:30', 'Hôm qua', 'Hôm qua', 'T2', 'T2'];
const TIMES_EN = ['09:41', '09:12', '08:55', '08:30', 'Yesterday', 'Yesterday', 'Mon', 'Mon'];

const CSS = `.ks-inbox{display:grid;grid-template-columns:minmax(0,15rem) minmax(0,1fr);gap:0;border:1px solid #c5ccd6;border-radius:.4rem;overflow:hidden;background:#fff}
.ks-inbox-list{list-style:none;margin:0;padding:0;border-right:1px solid #c5ccd6;background:#f6f8fb}
.ks-inbox-list li{margin:0;border-bottom:1px solid #dde2e8}
.ks-inbox-list button{display:grid;grid-template-columns:.9rem minmax(0,1fr) auto;gap:.1rem .4rem;width:100%;text-align:left;border:0;border-radius:0;background:transparent;color:#1b1f24;padding:.5rem .6rem;min-height:3.6rem;font-size:.9rem;line-height:1.3}
.ks-inbox-list button[aria-current]{background:#e8f1fb;box-shadow:inset .3rem 0 0 #0b5cad}
.ks-inbox-dot{grid-row:1/3;align-self:center;width:.6rem;height:.6rem;border-radius:50%;background:#0b5cad}
.ks-inbox-dot[data-read]{background:transparent;border:1px solid #6b7480}
.ks-inbox-from{font-weight:bold;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}.ks-inbox-list [data-read] ~ .ks-inbox-from{font-weight:normal}
.ks-inbox-time{color:#4a5360;font-size:.8rem}
.ks-inbox-subj{grid-column:2/4;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;color:#4a5360}
.ks-inbox-mark{grid-column:2/4;font-size:.8rem;color:#1a6b34}
.ks-inbox-pane{padding:.7rem 1rem;min-width:0}
.ks-inbox-pane h3{margin:.1rem 0 .3rem;font-size:1.05rem}
.ks-inbox-pane .ks-mock{margin:1rem 0 .8rem}
@media (max-width:640px){.ks-inbox{grid-template-columns:minmax(0,1fr)}.ks-inbox-list{border-right:0;border-bottom:2px solid #c5ccd6}}`;

/**
 * The open message as the lessons' mock-ups show it (same markup and classes as the <Email> and <Phone> components of
 * src/model/load/visuals.ts, styled by visuals.css): an e-mail window, or a phone with the text or chat message.
 */
function messageMock(m: InboxMessage, lang: 'vi' | 'en', time: string): HTMLElement {
  const t = T[lang];
  const link = m.link ? [' ', el('span', { class: 'ks-fake-link ks-lab-link', 'data-part': 'link' }, [m.link.text])] : [];
  const badge = el('span', { class: 'ks-mock-badge', 'aria-hidden': 'true' }, [t.badge]);
  if (m.channel === 'email') {
    const row = (label: string, value: (HTMLElement | string)[]) => el('div', {}, [el('dt', {}, [label]), el('dd', {}, value)]);
    return el('figure', { class: 'ks-mock ks-email', 'data-mock': 'email', 'aria-label': `${t.mock}: ${t.channel.email}` }, [
      badge,
      el('p', { class: 'ks-email-time', 'data-part': 'time' }, [time]),
      el('dl', { class: 'ks-email-head' }, [
        row(t.from, [el('span', { class: 'ks-email-from ks-lab-from', 'data-part': 'sender' }, [m.from])]),
        row(t.toLabel, [t.you]),
        ...(m.subject ? [row(t.subject, [el('span', { class: 'ks-email-subject', 'data-part': 'subject' }, [m.subject[lang]])])] : []),
      ]),
      el('div', { class: 'ks-email-body', 'data-part': 'body' }, [el('p', {}, [m.body[lang], ...link])]),
    ]);
  }
  return el('figure', { class: `ks-mock ks-phone ks-phone--${m.channel}`, 'data-mock': 'phone', 'aria-label': `${t.mock}: ${t.channel[m.channel]}` }, [
    badge,
    el('div', { class: 'ks-phone-screen' }, [
      el('p', { class: 'ks-phone-head' }, [el('span', { class: 'ks-phone-who' }, [el('span', { class: 'ks-phone-from ks-lab-from', 'data-part': 'sender' }, [m.from])])]),
      el('ol', { class: 'ks-thread' }, [el('li', { class: 'ks-msg ks-msg--them', 'data-part': 'message' }, [
        el('span', { class: 'ks-sr' }, [`${t.from} ${m.from}, ${time}: `]), m.body[lang], ...link, el('span', { class: 'ks-msg-time', 'aria-hidden': 'true' }, [time]),
      ])]),
    ]),
  ]);
}

/** Inbox triage: a message list and a reading pane; the learner opens each message and marks it. */
function mount(root: HTMLElement, o: LabMountOptions): void {
  const t = T[o.lang];
  if (!document.getElementById('ks-inbox-style')) document.head.append(el('style', { id: 'ks-inbox-style' }, [CSS]));
  const verdicts: Verdict[] = o.saved ? decodeVerdicts(o.saved.detail) : MESSAGES.map(() => ({ kind: 'none' }));
  const read = verdicts.map((v) => v.kind !== 'none');
  const report = () => o.onChange({ score: gradeInbox(verdicts), detail: encodeVerdicts(verdicts) });
  const status = el('p', { class: 'ks-hint', 'aria-live': 'polite', id: 'inbox-status' });
  const pane = el('section', { class: 'ks-inbox-pane', id: 'inbox-pane', 'aria-label': t.pick, tabindex: -1 }, [el('p', {}, [t.pick])]);
  const list = el('ul', { class: 'ks-inbox-list', 'aria-label': t.list });
  const buttons: HTMLButtonElement[] = [];
  let open = -1;

  const countDone = () => { status.textContent = t.done(verdicts.filter((v) => v.kind !== 'none').length, MESSAGES.length); };
  const drawRow = (i: number) => {
    const m = MESSAGES[i]!;
    const v = verdicts[i] as Verdict;
    const b = buttons[i]!;
    const mark = v.kind === 'none' ? '' : `${t.marked}: ${v.kind === 'scam' ? t.scam : t.real}`;
    const ok = o.locked && v.kind !== 'none' ? ((v.kind === 'scam') === m.scam ? ` ✓ ${t.right}` : ` ✗ ${t.wrong}`) : o.locked ? ` ✗ ${t.wrong}` : '';
    b.replaceChildren(...[
      el('span', { class: 'ks-inbox-dot', 'aria-hidden': 'true', 'data-read': read[i] ? '' : undefined }),
      el('span', { class: 'ks-inbox-from' }, [m.from]),
      el('span', { class: 'ks-inbox-time' }, [(o.lang === 'vi' ? TIMES : TIMES_EN)[i] ?? '']),
      el('span', { class: 'ks-inbox-subj' }, [m.subject ? m.subject[o.lang] : m.body[o.lang]]),
      el('span', { class: 'ks-sr' }, [read[i] ? '' : ` (${t.unread})`]),
      mark || ok ? el('span', { class: 'ks-inbox-mark' }, [mark, ok]) : null,
    ].filter((x): x is HTMLSpanElement => x !== null));
    if (i === open) b.setAttribute('aria-current', 'true'); else b.removeAttribute('aria-current');
  };

  const show = (i: number, focus: boolean) => {
    const prev = open;
    open = i;
    read[i] = true;
    if (prev >= 0) drawRow(prev);
    drawRow(i);
    const m = MESSAGES[i]!;
    const base = `inbox-${m.id}`;
    const v = verdicts[i] as Verdict;
    const title = el('h3', { id: `${base}-h` }, [m.subject ? m.subject[o.lang] : `${t.channel[m.channel]} · ${m.from}`]);
    const parts: (HTMLElement | null)[] = [title, messageMock(m, o.lang, (o.lang === 'vi' ? TIMES : TIMES_EN)[i] ?? '')];
    if (m.link) {
      const out = el('p', { class: 'ks-lab-reveal', hidden: true, 'aria-live': 'polite' }, [t.goes, ' ', el('code', {}, [m.link.href])]);
      const btn = el('button', { type: 'button', class: 'ks-small', 'aria-expanded': 'false', id: `${base}-reveal` }, [t.reveal]);
      btn.addEventListener('click', () => { out.hidden = !out.hidden; btn.setAttribute('aria-expanded', String(!out.hidden)); });
      parts.push(btn, out);
    }
    const verdict = el('fieldset', { class: 'ks-lab-verdict' }, [el('legend', {}, [t.verdict])]);
    const clueSet = el('fieldset', { class: 'ks-lab-clues', hidden: v.kind === 'real' }, [el('legend', {}, [t.clues])]);
    const clueBoxes = CLUES.map((c) => {
      const id = `${base}-clue-${c}`;
      const box = el('input', { type: 'checkbox', id, value: c, checked: v.kind === 'scam' && v.clues.includes(c), disabled: o.locked });
      box.addEventListener('change', () => {
        verdicts[i] = { kind: 'scam', clues: clueBoxes.filter((x) => x.checked).map((x) => x.value as Clue) };
        const scamRadio = verdict.querySelector<HTMLInputElement>('input[value=scam]');
        if (scamRadio) scamRadio.checked = true;
        drawRow(i); countDone(); report();
      });
      clueSet.append(el('span', { class: 'ks-option' }, [box, el('label', { for: id }, [CLUE_LABELS[c][o.lang]])]));
      return box;
    });
    for (const kind of ['scam', 'real'] as const) {
      const id = `${base}-${kind}`;
      const input = el('input', { type: 'radio', name: `${base}-v`, id, value: kind, checked: v.kind === kind, disabled: o.locked });
      input.addEventListener('change', () => {
        verdicts[i] = kind === 'real' ? { kind: 'real' } : { kind: 'scam', clues: clueBoxes.filter((c) => c.checked).map((c) => c.value as Clue) };
        clueSet.hidden = kind === 'real';
        drawRow(i); countDone(); report();
      });
      verdict.append(el('span', { class: 'ks-option' }, [input, el('label', { for: id }, [t[kind]])]));
    }
    parts.push(verdict, clueSet);
    if (o.locked) {
      const ok = (v.kind === 'scam') === m.scam && v.kind !== 'none';
      parts.push(el('div', { class: `ks-feedback ks-feedback--${ok ? 'correct' : 'incorrect'}` }, [el('p', {}, [el('strong', {}, [ok ? t.right : t.wrong]), ` · ${m.scam ? t.scam : t.real}. `, m.why[o.lang]])]));
    }
    if (i < MESSAGES.length - 1) {
      const next = el('button', { type: 'button', class: 'ks-small', id: 'inbox-next' }, [t.next]);
      next.addEventListener('click', () => { show(i + 1, true); buttons[i + 1]?.focus(); });
      parts.push(next);
    }
    pane.setAttribute('aria-labelledby', `${base}-h`);
    pane.removeAttribute('aria-label');
    pane.replaceChildren(...parts.filter((x): x is HTMLElement => x !== null));
    if (focus) pane.focus();
  };

  MESSAGES.forEach((m, i) => {
    const b = el('button', { type: 'button', id: `inbox-open-${m.id}`, 'aria-controls': 'inbox-pane', 'data-item': m.id });
    b.addEventListener('click', () => show(i, true));
    // Up/Down move through the list like a mail client; Enter or Space opens the message.
    b.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      e.preventDefault();
      buttons[(i + (e.key === 'ArrowDown' ? 1 : MESSAGES.length - 1)) % MESSAGES.length]?.focus();
    });
    buttons.push(b);
    list.append(el('li', {}, [b]));
  });
  MESSAGES.forEach((_, i) => drawRow(i));
  countDone();
  root.append(el('p', {}, [t.intro]), status, el('div', { class: 'ks-inbox' }, [list, pane]));
  show(0, false);
}

registerLab('inbox', { mount });
