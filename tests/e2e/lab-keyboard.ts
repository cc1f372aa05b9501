import type { Frame } from 'playwright-core';
import { MESSAGES } from '../../src/labs/inbox/data.ts';
import { LINKS } from '../../src/labs/links/data.ts';
import type { LabKind } from '../../src/model/question-schema.ts';
import { tabTo } from './keyboard.ts';

/** Completes a lab perfectly with the keyboard only (Tab, Space, Enter, arrows, typing). */
export async function solveLabWithKeyboard(frame: Frame, kind: LabKind): Promise<void> {
  const kb = frame.page().keyboard;
  switch (kind) {
    case 'inbox':
      for (const m of MESSAGES) {
        // Open the message from the list (a mail client's message list), then mark it in the reading pane.
        await tabTo(frame, `#inbox-open-${m.id}`);
        await kb.press('Enter');
        // Tab reaches a radio group on its first option; the arrow keys move to (and select) the next one.
        await tabTo(frame, `#inbox-${m.id}-scam`);
        await kb.press(m.scam ? 'Space' : 'ArrowDown');
        for (const c of m.clues) {
          await tabTo(frame, `#inbox-${m.id}-clue-${c}`);
          await kb.press('Space');
        }
      }
      return;
    case 'links':
      for (const l of LINKS) {
        await tabTo(frame, `#link-${l.id}-safe`);
        await kb.press(l.safe ? 'Space' : 'ArrowDown');
        if (!l.safe) {
          await tabTo(frame, `#link-${l.id}-reason`);
          for (let k = 0; k < 8 && (await frame.$eval(`#link-${l.id}-reason`, (s) => (s as HTMLSelectElement).value)) !== l.reason; k++) await kb.press('ArrowDown');
        }
      }
      return;
    case 'scenario':
      await tabTo(frame, '.ks-choice[data-choice="c"]');
      await kb.press('Enter');
      return;
    case 'sql': {
      await frame.waitForSelector('.ks-lab[data-lab="sql"][data-ready="true"]');
      await tabTo(frame, '#sql-user');
      await kb.type("admin' --");
      await tabTo(frame, '#sql-pass');
      await kb.type('khong-biet');
      await tabTo(frame, '#sql-login');
      await kb.press('Enter');
      await tabTo(frame, '#sql-fix-0');
      await kb.press('Space');
      await tabTo(frame, '#sql-rerun');
      await kb.press('Enter');
      await frame.waitForSelector('#sql-fix-result[data-ok="true"]');
      await tabTo(frame, '#xss-comment');
      await kb.type('<img src=x onerror=hacked()>');
      await tabTo(frame, '#xss-send');
      await kb.press('Enter');
      await frame.waitForSelector('#xss-result[data-ok="true"]');
      await tabTo(frame, '#xss-fix-0');
      await kb.press('Space');
      await tabTo(frame, '#xss-resend');
      await kb.press('Enter');
      await frame.waitForSelector('#xss-fix-result[data-ok="true"]');
      return;
    }
    case 'password': {
      await tabTo(frame, '#pw-try');
      await kb.type('trau-mua-bien-gio-xanh');
      for (let i = 0; i < 4; i++) {
        await tabTo(frame, `#pw-acc-${i}`);
        await kb.press('Space');
      }
      await tabTo(frame, '#pw-reuse-check');
      await kb.press('Enter');
      for (let step = 0; step < 4; step++) {
        if (step === 2) {
          const code = (await frame.textContent('#pw-phone-code')) ?? '';
          await tabTo(frame, '#pw-code');
          await kb.type(code);
        }
        await tabTo(frame, '#pw-step');
        await kb.press('Enter');
      }
      return;
    }
  }
}
