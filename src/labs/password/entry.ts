import { el } from '../../runtime/ui/dom.ts';
import { registerLab, type LabMountOptions } from '../lab-api.ts';
import { estimate } from './estimate.ts';
import { PASSPHRASE_GOAL, decodePassword, encodePassword, gradePassword, type PasswordProgress } from './grade.ts';

const T = {
  vi: {
    p1: '1. Tạo một cụm mật khẩu', p1hint: 'Gõ thử một cụm mật khẩu (4 từ ngẫu nhiên trở lên). Đừng gõ mật khẩu thật của em: những gì em gõ chỉ ở trên trang này, không được lưu hay gửi đi.', label: 'Cụm mật khẩu thử', show: 'Hiện chữ',
    levels: ['Rất yếu: đoán ra ngay', 'Yếu: đoán ra trong vài phút', 'Trung bình: vẫn bị dò được', 'Khá mạnh: khó đoán, nhưng máy tính mạnh vẫn có thể dò ra', 'Rất mạnh: gần như không thể đoán'], goal: 'Mục tiêu: đạt mức “Rất mạnh”.', reached: 'Đã đạt mục tiêu!',
    p2: '2. Dùng lại mật khẩu có sao không?', p2q: 'Lan dùng cùng một mật khẩu cho email, Zalo, trò chơi và tài khoản học tập. Trang trò chơi bị lộ mật khẩu. Những tài khoản nào của Lan gặp nguy?', accounts: ['Email', 'Zalo', 'Trò chơi', 'Tài khoản học tập'], check: 'Kiểm tra', reuseOk: 'Đúng: kẻ gian sẽ thử mật khẩu lộ ở mọi nơi, nên tất cả đều gặp nguy. Mỗi tài khoản cần một mật khẩu riêng.', reuseNo: 'Chưa đúng: kẻ gian thử mật khẩu bị lộ trên mọi tài khoản khác. Hãy chọn lại.',
    p3: '3. Bật xác minh hai bước (mô phỏng)', steps: ['Mở Cài đặt → Bảo mật của tài khoản', 'Chọn “Bật xác minh hai bước”', 'Nhập mã 6 chữ số hiện trên điện thoại của em', 'Cất mã dự phòng vào nơi an toàn ở nhà'], unsafe: 'Gửi mã cho một người bạn để bạn bật giúp', code: 'Mã trên điện thoại:', codeLabel: 'Nhập mã', next: 'Làm bước này', done: 'Hoàn tất: tài khoản đã có xác minh hai bước.', unsafeMsg: 'Không an toàn: không bao giờ gửi mã xác minh cho người khác, kể cả bạn thân. Hãy làm lại.', wrongCode: 'Mã chưa đúng, hãy nhập lại.',
  },
  en: {
    p1: '1. Make a passphrase', p1hint: 'Try a passphrase (4 or more random words). Do not type your real password: what you type stays on this page, it is not saved or sent.', label: 'Practice passphrase', show: 'Show text',
    levels: ['Very weak: guessed at once', 'Weak: guessed in minutes', 'Fair: can still be cracked', 'Fairly strong: hard to guess, but powerful computers can still crack it', 'Very strong: practically impossible to guess'], goal: 'Goal: reach “Very strong”.', reached: 'Goal reached!',
    p2: '2. Is reusing a password a problem?', p2q: 'Lan uses the same password for email, Zalo, a game and her school account. The game site leaks its passwords. Which of Lan’s accounts are at risk?', accounts: ['Email', 'Zalo', 'Game', 'School account'], check: 'Check', reuseOk: 'Right: attackers try a leaked password everywhere, so all are at risk. Every account needs its own password.', reuseNo: 'Not quite: attackers try a leaked password on every other account. Choose again.',
    p3: '3. Turn on two-step verification (simulation)', steps: ['Open the account’s Settings → Security', 'Choose “Turn on two-step verification”', 'Enter the 6-digit code shown on your phone', 'Keep the backup codes somewhere safe at home'], unsafe: 'Send the code to a friend so they can set it up for you', code: 'Code on your phone:', codeLabel: 'Enter the code', next: 'Do this step', done: 'Done: the account now has two-step verification.', unsafeMsg: 'Not safe: never send a verification code to anyone, not even a best friend. Start again.', wrongCode: 'That code is not right, try again.',
  },
};

/** Passwords and accounts: passphrase strength (local estimator), why reuse is dangerous, two-step setup. */
function mount(root: HTMLElement, o: LabMountOptions): void {
  const t = T[o.lang];
  const p: PasswordProgress = o.saved ? decodePassword(o.saved.detail) : { best: -1, reuse: null, twoStep: null };
  const report = () => o.onChange({ score: gradePassword(p), detail: encodePassword(p) });

  // 1. Passphrase strength — the typed text is never put in the learner state or any request.
  const input = el('input', { type: 'password', id: 'pw-try', autocomplete: 'off', spellcheck: 'false', maxlength: 100, disabled: o.locked });
  const show = el('input', { type: 'checkbox', id: 'pw-show', disabled: o.locked });
  const meter = el('p', { id: 'pw-meter', 'aria-live': 'polite' }, [p.best >= 0 ? t.levels[p.best] ?? '' : t.goal]);
  show.addEventListener('change', () => { input.type = show.checked ? 'text' : 'password'; });
  input.addEventListener('input', () => {
    const value = input.value;
    if (!value) { meter.textContent = t.goal; return; }
    const { score } = estimate(value);
    meter.textContent = `${t.levels[score] ?? ''}${score >= PASSPHRASE_GOAL ? ` · ${t.reached}` : ''}`;
    if (score > p.best) { p.best = score; report(); }
  });
  root.append(el('section', { class: 'ks-lab-item', 'aria-labelledby': 'pw-h1' }, [
    el('h3', { id: 'pw-h1' }, [t.p1]), el('p', {}, [t.p1hint]),
    el('div', { class: 'ks-fill' }, [el('label', { for: 'pw-try' }, [t.label]), input]),
    el('span', { class: 'ks-option' }, [show, el('label', { for: 'pw-show' }, [t.show])]), meter,
  ]));

  // 2. Reuse.
  const boxes = t.accounts.map((name, i) => el('input', { type: 'checkbox', id: `pw-acc-${i}`, checked: p.reuse === true, disabled: o.locked }));
  const reuseOut = el('p', { 'aria-live': 'polite' }, [p.reuse === null ? '' : p.reuse ? t.reuseOk : t.reuseNo]);
  const check = el('button', { type: 'button', id: 'pw-reuse-check', class: 'ks-small', disabled: o.locked }, [t.check]);
  check.addEventListener('click', () => {
    p.reuse = boxes.every((b) => b.checked);
    reuseOut.textContent = p.reuse ? t.reuseOk : t.reuseNo;
    report();
  });
  root.append(el('section', { class: 'ks-lab-item', 'aria-labelledby': 'pw-h2' }, [
    el('h3', { id: 'pw-h2' }, [t.p2]), el('fieldset', {}, [el('legend', {}, [t.p2q]), ...boxes.map((b, i) => el('span', { class: 'ks-option' }, [b, el('label', { for: b.id }, [t.accounts[i] ?? ''])]))]), check, reuseOut,
  ]));

  // 3. Two-step verification, as a guided simulation.
  const sim = el('div', { 'aria-live': 'polite' });
  const code = String(100000 + (o.seed % 900000));
  let step = p.twoStep === 'done' ? t.steps.length : 0;
  const drawSim = () => {
    sim.replaceChildren();
    t.steps.forEach((s, i) => sim.append(el('p', { class: i < step ? 'ks-done' : undefined }, [`${i < step ? '✓ ' : ''}${s}`])));
    if (step >= t.steps.length) { sim.append(el('p', { class: 'ks-feedback ks-feedback--correct' }, [t.done])); return; }
    if (o.locked) return;
    if (step === 2) {
      const codeInput = el('input', { type: 'text', id: 'pw-code', inputmode: 'numeric', maxlength: 6, autocomplete: 'one-time-code' });
      const go = el('button', { type: 'button', class: 'ks-small', id: 'pw-step' }, [t.next]);
      const msg = el('p', {}, []);
      go.addEventListener('click', () => {
        if (codeInput.value.trim() === code) { step++; drawSim(); sim.querySelector<HTMLButtonElement>('#pw-step')?.focus(); } else msg.textContent = t.wrongCode;
      });
      sim.append(el('p', {}, [`${t.code} `, el('strong', { id: 'pw-phone-code' }, [code])]), el('div', { class: 'ks-fill' }, [el('label', { for: 'pw-code' }, [t.codeLabel]), codeInput]), go, msg);
      return;
    }
    const go = el('button', { type: 'button', class: 'ks-small', id: 'pw-step' }, [`${t.next}: ${t.steps[step] ?? ''}`]);
    go.addEventListener('click', () => {
      step++;
      if (step >= t.steps.length) { p.twoStep = 'done'; report(); }
      drawSim();
      (sim.querySelector<HTMLElement>('#pw-step') ?? sim.querySelector<HTMLElement>('#pw-code'))?.focus();
    });
    sim.append(go);
    if (step === 1) {
      const bad = el('button', { type: 'button', class: 'ks-small', id: 'pw-unsafe' }, [t.unsafe]);
      bad.addEventListener('click', () => { p.twoStep = 'unsafe'; step = 0; report(); drawSim(); sim.append(el('p', { class: 'ks-feedback ks-feedback--incorrect' }, [t.unsafeMsg])); });
      sim.append(' ', bad);
    }
  };
  drawSim();
  root.append(el('section', { class: 'ks-lab-item', 'aria-labelledby': 'pw-h3' }, [el('h3', { id: 'pw-h3' }, [t.p3]), sim]));
}

registerLab('password', { mount });
