import { el } from '../../runtime/ui/dom.ts';
import { registerLab, type LabMountOptions } from '../lab-api.ts';
import { CLUE_LABELS, CLUES, MESSAGES, type Clue } from './data.ts';
import { decodeVerdicts, encodeVerdicts, gradeInbox, type Verdict } from './grade.ts';

const T = {
  vi: { intro: 'Hộp thư mô phỏng: với mỗi tin, chọn “Lừa đảo” hoặc “Tin thật”. Nếu là lừa đảo, đánh dấu các dấu hiệu em thấy.', scam: 'Lừa đảo', real: 'Tin thật', clues: 'Dấu hiệu', reveal: 'Xem link thật sự dẫn tới đâu', goes: 'Link này thật ra dẫn tới:', channel: { sms: 'Tin nhắn SMS', email: 'Email', chat: 'Tin nhắn mạng xã hội' }, from: 'Từ', right: 'Đúng', wrong: 'Chưa đúng', verdict: 'Tin này là' },
  en: { intro: 'Simulated inbox: for each message choose “Scam” or “Real”. If it is a scam, mark the warning signs you see.', scam: 'Scam', real: 'Real', clues: 'Warning signs', reveal: 'Show where the link really goes', goes: 'This link really goes to:', channel: { sms: 'SMS', email: 'Email', chat: 'Social media message' }, from: 'From', right: 'Correct', wrong: 'Not correct', verdict: 'This message is' },
};

/** Inbox triage: flag the scams among realistic Vietnamese messages and mark their warning signs. */
function mount(root: HTMLElement, o: LabMountOptions): void {
  const t = T[o.lang];
  const verdicts: Verdict[] = o.saved ? decodeVerdicts(o.saved.detail) : MESSAGES.map(() => ({ kind: 'none' }));
  const report = () => o.onChange({ score: gradeInbox(verdicts), detail: encodeVerdicts(verdicts) });
  root.append(el('p', {}, [t.intro]));
  MESSAGES.forEach((m, i) => {
    const base = `inbox-${m.id}`;
    const v = verdicts[i] as Verdict;
    const head = el('p', { class: 'ks-lab-head' }, [el('strong', {}, [t.channel[m.channel]]), ` · ${t.from}: `, el('span', { class: 'ks-lab-from' }, [m.from]), m.subject ? ` · ${m.subject[o.lang]}` : '']);
    const body = el('p', {}, [m.body[o.lang], m.link ? ' ' : '', m.link ? el('span', { class: 'ks-lab-link' }, [m.link.text]) : '']);
    const article = el('article', { class: 'ks-lab-item', 'aria-labelledby': `${base}-h`, 'data-item': m.id }, [el('h3', { id: `${base}-h`, class: 'ks-sr' }, [`${t.from} ${m.from}`]), head, body]);
    if (m.link) {
      const out = el('p', { class: 'ks-lab-reveal', hidden: true, 'aria-live': 'polite' }, [t.goes, ' ', el('code', {}, [m.link.href])]);
      const btn = el('button', { type: 'button', class: 'ks-small', 'aria-expanded': 'false' }, [t.reveal]);
      btn.addEventListener('click', () => { out.hidden = !out.hidden; btn.setAttribute('aria-expanded', String(!out.hidden)); });
      article.append(btn, out);
    }
    const verdict = el('fieldset', { class: 'ks-lab-verdict' }, [el('legend', {}, [t.verdict])]);
    for (const kind of ['scam', 'real'] as const) {
      const id = `${base}-${kind}`;
      const input = el('input', { type: 'radio', name: `${base}-v`, id, value: kind, checked: v.kind === kind, disabled: o.locked });
      input.addEventListener('change', () => {
        verdicts[i] = kind === 'real' ? { kind: 'real' } : { kind: 'scam', clues: clueBoxes.filter((c) => c.checked).map((c) => c.value as Clue) };
        report();
      });
      verdict.append(el('span', { class: 'ks-option' }, [input, el('label', { for: id }, [t[kind]])]));
    }
    const clueSet = el('fieldset', { class: 'ks-lab-clues' }, [el('legend', {}, [t.clues])]);
    const clueBoxes = CLUES.map((c) => {
      const id = `${base}-clue-${c}`;
      const box = el('input', { type: 'checkbox', id, value: c, checked: v.kind === 'scam' && v.clues.includes(c), disabled: o.locked });
      box.addEventListener('change', () => {
        verdicts[i] = { kind: 'scam', clues: clueBoxes.filter((b) => b.checked).map((b) => b.value as Clue) };
        const scamRadio = verdict.querySelector<HTMLInputElement>('input[value=scam]');
        if (scamRadio) scamRadio.checked = true;
        report();
      });
      clueSet.append(el('span', { class: 'ks-option' }, [box, el('label', { for: id }, [CLUE_LABELS[c][o.lang]])]));
      return box;
    });
    article.append(verdict, clueSet);
    if (o.locked) {
      const ok = (v.kind === 'scam') === m.scam && v.kind !== 'none';
      article.append(el('div', { class: `ks-feedback ks-feedback--${ok ? 'correct' : 'incorrect'}` }, [el('p', {}, [el('strong', {}, [ok ? t.right : t.wrong]), ` · ${m.scam ? t.scam : t.real}. `, m.why[o.lang]])]));
    }
    root.append(article);
  });
}

registerLab('inbox', { mount });
