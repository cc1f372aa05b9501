import type { Database } from 'sql.js';
import { el } from '../../runtime/ui/dom.ts';
import { registerLab, type LabMountOptions } from '../lab-api.ts';
import { PARAMETERISED_LOGIN, SEED_SQL, concatenatedLogin, decodeSql, encodeSql, gradeSql, type SqlProgress } from './grade.ts';
import { SANDBOX_FILE } from './sandbox.ts';
import { loadSqlEngine } from './engine.ts';

const T = {
  vi: {
    intro: 'Phòng thực hành lập trình an toàn. Mọi thứ chạy ngay trong trình duyệt này, với cơ sở dữ liệu SQLite tạo mới trong bộ nhớ: không có máy chủ thật nào bị tấn công.',
    h1: '1. Tấn công: SQL injection', h1hint: 'Trang đăng nhập dưới đây ghép thẳng chữ em gõ vào câu lệnh SQL. Hãy đăng nhập vào tài khoản admin mà không biết mật khẩu.',
    user: 'Tên đăng nhập', pass: 'Mật khẩu', login: 'Đăng nhập', query: 'Câu lệnh SQL được chạy:', ok: (u: string, r: string) => `Đăng nhập thành công: ${u} (${r}).`, fail: 'Sai tên đăng nhập hoặc mật khẩu.', err: 'Lỗi SQL:', win: 'Em đã vào được tài khoản admin mà không cần mật khẩu: đó là SQL injection.',
    h2: '2. Sửa lỗi', h2hint: 'Chọn cách sửa đúng, rồi chạy lại đúng đầu vào tấn công của em.', fixes: ['Dùng câu lệnh có tham số (dấu ?) và truyền dữ liệu riêng', 'Xoá chữ “OR” trong dữ liệu người dùng nhập', 'Giấu thông báo lỗi SQL'], rerun: 'Chạy lại tấn công', fixedOk: 'Tấn công thất bại: với câu lệnh có tham số, chữ em gõ chỉ là dữ liệu, không còn là lệnh SQL.', fixedNo: 'Cách này chưa chặn được tấn công (kẻ gian có nhiều cách viết khác). Hãy chọn cách khác.', nowFixed: 'Trang đăng nhập đã dùng câu lệnh có tham số: đầu vào tấn công chỉ còn là dữ liệu, đăng nhập thất bại.',
    h3: '3. Tấn công: XSS', h3hint: 'Trang bình luận (chạy trong khung cách li) hiển thị bình luận bằng innerHTML. Hãy gửi một bình luận chứa mã chạy được, ví dụ: <img src=x onerror=hacked()>', comment: 'Bình luận', send: 'Gửi bình luận', xssOk: 'Mã của em đã chạy trong trang bình luận: đó là XSS.', frame: 'Trang bình luận mô phỏng',
    h4: '4. Sửa lỗi XSS', h4hint: 'Chọn cách sửa đúng rồi gửi lại đúng bình luận đó.', xfixes: ['Hiển thị bình luận bằng textContent (chỉ là chữ)', 'Chặn bình luận có chữ “script”'], resend: 'Gửi lại bình luận', escOk: 'Bình luận hiện ra nguyên văn, mã không chạy: đầu ra đã được xử lí an toàn.', escNo: 'Mã vẫn chạy: lọc từ khoá không đủ. Hãy chọn cách khác.',
    loading: 'Đang nạp SQLite…', loadFailed: 'Không nạp được SQLite. Hãy tải lại trang; nếu vẫn lỗi, hãy báo thầy cô.',
  },
  en: {
    intro: 'A secure-coding practice room. Everything runs in this browser, with a fresh SQLite database in memory: no real server is attacked.',
    h1: '1. Attack: SQL injection', h1hint: 'The login page below pastes what you type straight into its SQL. Log in as admin without knowing the password.',
    user: 'Username', pass: 'Password', login: 'Log in', query: 'SQL that runs:', ok: (u: string, r: string) => `Logged in: ${u} (${r}).`, fail: 'Wrong username or password.', err: 'SQL error:', win: 'You got into the admin account without the password: that is SQL injection.',
    h2: '2. Fix it', h2hint: 'Choose the right fix, then run your exact attack input again.', fixes: ['Use a parameterised query (? placeholders) and pass the data separately', 'Remove the word “OR” from user input', 'Hide SQL error messages'], rerun: 'Run the attack again', fixedOk: 'The attack fails: with a parameterised query, what you type is only data, never SQL.', fixedNo: 'That does not stop the attack (attackers have many other spellings). Choose another fix.', nowFixed: 'The login page now uses a parameterised query: the attack input is only data, and the login fails.',
    h3: '3. Attack: XSS', h3hint: 'The comment page (in an isolated frame) shows comments with innerHTML. Post a comment containing code that runs, for example: <img src=x onerror=hacked()>', comment: 'Comment', send: 'Post comment', xssOk: 'Your code ran in the comment page: that is XSS.', frame: 'Simulated comment page',
    h4: '4. Fix the XSS', h4hint: 'Choose the right fix, then post the same comment again.', xfixes: ['Show the comment with textContent (plain text)', 'Block comments that contain the word “script”'], resend: 'Post the comment again', escOk: 'The comment shows as plain text and the code does not run: the output is handled safely.', escNo: 'The code still runs: keyword filters are not enough. Choose another fix.',
    loading: 'Loading SQLite…', loadFailed: 'Could not load SQLite. Reload the page; if it still fails, tell your teacher.',
  },
};

/** Secure coding: SQL injection against an in-browser SQLite login, the parameterised fix, and XSS in a sandbox. */
function mount(root: HTMLElement, o: LabMountOptions): void {
  const t = T[o.lang];
  const p: SqlProgress = o.saved ? decodeSql(o.saved.detail) : { injected: false, fixed: false, xss: false, escaped: false };
  const report = () => o.onChange({ score: gradeSql(p), detail: encodeSql(p) });
  const status = el('p', { 'aria-live': 'polite', id: 'sql-status' }, [t.loading]);
  root.append(el('p', {}, [t.intro]), status);
  let db: Database | null = null;
  let lastAttack: [string, string] = ['', ''];
  void loadSqlEngine().then((SQL) => {
    db = new SQL.Database();
    db.exec(SEED_SQL);
    status.textContent = '';
    root.dataset.ready = 'true';
  }, () => {
    status.textContent = t.loadFailed;
  });

  // 1. SQL injection against the string-built query.
  const user = el('input', { type: 'text', id: 'sql-user', autocomplete: 'off', spellcheck: 'false', disabled: o.locked });
  const pass = el('input', { type: 'text', id: 'sql-pass', autocomplete: 'off', spellcheck: 'false', disabled: o.locked });
  const shown = el('pre', { class: 'ks-lab-reveal', id: 'sql-query' });
  const out = el('p', { id: 'sql-result', 'aria-live': 'polite' });
  const login = el('button', { type: 'button', class: 'ks-small', id: 'sql-login', disabled: o.locked }, [t.login]);
  // Once the learner has applied the parameterised fix, the login page runs the fixed query.
  let fixedQuery = p.fixed;
  const runFixed = (u: string, pw: string): unknown[] => {
    if (!db) return [];
    const stmt = db.prepare(PARAMETERISED_LOGIN);
    stmt.bind([u, pw]);
    const rows = stmt.step() ? [stmt.get()] : [];
    stmt.free();
    shown.textContent = `${PARAMETERISED_LOGIN}   -- [${JSON.stringify(u)}, ${JSON.stringify(pw)}]`;
    return rows;
  };
  login.addEventListener('click', () => {
    if (!db) return;
    if (fixedQuery) {
      const row = runFixed(user.value, pass.value)[0] as unknown[] | undefined;
      out.textContent = row ? t.ok(String(row[1]), String(row[2])) : `${t.fail} ${t.nowFixed}`;
      out.dataset.state = row ? 'ok' : 'fixed';
      return;
    }
    const q = concatenatedLogin(user.value, pass.value);
    shown.textContent = q;
    try {
      const row = db.exec(q)[0]?.values[0];
      if (!row) { out.textContent = t.fail; out.dataset.state = 'fail'; return; }
      out.textContent = t.ok(String(row[1]), String(row[2]));
      out.dataset.state = 'ok';
      // Admin reached without the admin password: the injection worked.
      if (row[2] === 'admin' && pass.value !== 'Xk9#mQ2!vL7@wR4') {
        lastAttack = [user.value, pass.value];
        p.injected = true;
        out.textContent += ` ${t.win}`;
        out.dataset.state = 'injected';
        report();
      }
    } catch (e) {
      out.textContent = `${t.err} ${(e as Error).message}`;
    }
  });
  root.append(el('section', { class: 'ks-lab-item', 'aria-labelledby': 'sql-h1' }, [
    el('h3', { id: 'sql-h1' }, [t.h1]), el('p', {}, [t.h1hint]),
    el('div', { class: 'ks-fill' }, [el('label', { for: 'sql-user' }, [t.user]), user]),
    el('div', { class: 'ks-fill' }, [el('label', { for: 'sql-pass' }, [t.pass]), pass]), login, el('p', {}, [t.query]), shown, out,
  ]));

  // 2. The fix: only the parameterised query stops the same input.
  const fixOut = el('p', { 'aria-live': 'polite', id: 'sql-fix-result' });
  const fixSet = el('fieldset', {}, [el('legend', {}, [t.h2hint])]);
  t.fixes.forEach((label, i) => {
    const id = `sql-fix-${i}`;
    fixSet.append(el('span', { class: 'ks-option' }, [el('input', { type: 'radio', name: 'sql-fix', id, value: String(i), disabled: o.locked, checked: p.fixed && i === 0 }), el('label', { for: id }, [label])]));
  });
  const rerun = el('button', { type: 'button', class: 'ks-small', id: 'sql-rerun', disabled: o.locked }, [t.rerun]);
  rerun.addEventListener('click', () => {
    if (!db) return;
    const choice = fixSet.querySelector<HTMLInputElement>('input:checked')?.value;
    const [u, pw] = p.injected ? lastAttack : [user.value, pass.value];
    let rows: unknown[] = [];
    if (choice === '0') {
      rows = runFixed(u, pw);
    } else {
      const cleaned = choice === '1' ? u.replace(/OR/g, '') : u;
      try { rows = db.exec(concatenatedLogin(cleaned, choice === '1' ? pw.replace(/OR/g, '') : pw))[0]?.values ?? []; } catch { rows = []; }
    }
    const blocked = rows.length === 0 && choice === '0';
    fixOut.textContent = blocked ? t.fixedOk : t.fixedNo;
    fixOut.dataset.ok = String(blocked);
    if (blocked) {
      // Section 1 shows what the fixed page now does with the same input, not the old "logged in" message.
      fixedQuery = true;
      out.textContent = `${t.fail} ${t.nowFixed}`;
      out.dataset.state = 'fixed';
    }
    if (blocked && p.injected) { p.fixed = true; report(); }
  });
  root.append(el('section', { class: 'ks-lab-item', 'aria-labelledby': 'sql-h2' }, [el('h3', { id: 'sql-h2' }, [t.h2]), fixSet, rerun, fixOut]));

  // 3–4. XSS in an isolated frame (sandbox without allow-same-origin).
  const frame = el('iframe', { sandbox: 'allow-scripts', title: t.frame, src: SANDBOX_FILE, style: 'width:100%;height:7rem;border:1px solid #c5ccd6' });
  const comment = el('input', { type: 'text', id: 'xss-comment', autocomplete: 'off', spellcheck: 'false', disabled: o.locked });
  const xssOut = el('p', { 'aria-live': 'polite', id: 'xss-result' });
  let mode: 'html' | 'escape' = 'html';
  let fired = false;
  const post = () => { fired = false; frame.contentWindow?.postMessage({ comment: comment.value, mode }, '*'); };
  window.addEventListener('message', (e) => {
    if (e.source !== frame.contentWindow) return;
    if (e.data === 'ks-xss-fired') {
      fired = true;
      if (mode === 'html') { p.xss = true; xssOut.textContent = t.xssOk; xssOut.dataset.ok = 'true'; report(); }
    }
    if (e.data === 'ks-xss-rendered' && mode === 'escape') {
      // Give injected handlers a moment to run before judging the fix.
      setTimeout(() => {
        escOut.textContent = fired ? t.escNo : t.escOk;
        if (!fired && p.xss && /</.test(comment.value)) { p.escaped = true; report(); }
        escOut.dataset.ok = String(p.escaped && !fired);
      }, 500);
    }
  });
  const send = el('button', { type: 'button', class: 'ks-small', id: 'xss-send', disabled: o.locked }, [t.send]);
  send.addEventListener('click', () => { mode = 'html'; post(); });
  root.append(el('section', { class: 'ks-lab-item', 'aria-labelledby': 'sql-h3' }, [el('h3', { id: 'sql-h3' }, [t.h3]), el('p', {}, [t.h3hint]), el('div', { class: 'ks-fill' }, [el('label', { for: 'xss-comment' }, [t.comment]), comment]), send, xssOut, frame]));
  const escSet = el('fieldset', {}, [el('legend', {}, [t.h4hint])]);
  t.xfixes.forEach((label, i) => {
    const id = `xss-fix-${i}`;
    escSet.append(el('span', { class: 'ks-option' }, [el('input', { type: 'radio', name: 'xss-fix', id, value: String(i), disabled: o.locked, checked: p.escaped && i === 0 }), el('label', { for: id }, [label])]));
  });
  const escOut = el('p', { 'aria-live': 'polite', id: 'xss-fix-result' });
  const resend = el('button', { type: 'button', class: 'ks-small', id: 'xss-resend', disabled: o.locked }, [t.resend]);
  resend.addEventListener('click', () => {
    const choice = escSet.querySelector<HTMLInputElement>('input:checked')?.value;
    mode = choice === '0' ? 'escape' : 'html';
    if (choice === '1' && /script/i.test(comment.value)) { escOut.textContent = t.escOk; return; }
    if (mode === 'html') { post(); setTimeout(() => { escOut.textContent = fired ? t.escNo : ''; }, 300); return; }
    post();
  });
  root.append(el('section', { class: 'ks-lab-item', 'aria-labelledby': 'sql-h4' }, [el('h3', { id: 'sql-h4' }, [t.h4]), escSet, resend, escOut]));
}

registerLab('sql', { mount });
