import { el, focusElement } from '../../runtime/ui/dom.ts';
import { registerLab, type LabMountOptions } from '../lab-api.ts';
import { NODES } from './data.ts';
import { gradeScenario, walk } from './grade.ts';

const T = {
  vi: { intro: 'Một cuộc gọi lạ. Em sẽ trả lời thế nào? Chọn từng bước.', caller: 'Người gọi', you: 'Em chọn', restart: 'Làm lại cuộc gọi', end: 'Kết thúc cuộc gọi' },
  en: { intro: 'A call from a stranger. What will you do? Choose step by step.', caller: 'Caller', you: 'You chose', restart: 'Restart the call', end: 'End of the call' },
};

/** Social-engineering scenario: a branching call from a fake police officer, graded by the choices made. */
function mount(root: HTMLElement, o: LabMountOptions): void {
  const t = T[o.lang];
  let path = o.saved?.detail.replace(/[^a-z]/g, '') ?? '';
  const log = el('div', { class: 'ks-lab-chat', 'aria-live': 'polite' });
  const draw = (focusLast: boolean) => {
    log.replaceChildren();
    const { ending, nodes } = walk(path);
    nodes.forEach((id, i) => {
      const node = NODES.find((n) => n.id === id);
      if (!node) return;
      log.append(el('p', { class: 'ks-lab-say' }, [el('strong', {}, [`${t.caller}: `]), node.say[o.lang]]));
      const chosen = node.choices.find((c) => c.id === path[i]);
      if (chosen) log.append(el('p', { class: 'ks-lab-me' }, [el('strong', {}, [`${t.you}: `]), chosen.text[o.lang]]));
      else if (!o.locked) {
        const group = el('div', { class: 'ks-lab-choices', role: 'group', 'aria-label': t.you });
        for (const c of node.choices) {
          const b = el('button', { type: 'button', class: 'ks-choice', 'data-choice': c.id }, [c.text[o.lang]]);
          b.addEventListener('click', () => {
            path += c.id;
            o.onChange({ score: gradeScenario(path), detail: path });
            draw(true);
          });
          group.append(b);
        }
        log.append(group);
      }
    });
    if (ending) {
      const box = el('div', { class: `ks-feedback ks-feedback--${ending.score === 1 ? 'correct' : ending.score > 0 ? 'partial' : 'incorrect'}`, tabindex: -1 }, [el('p', {}, [el('strong', {}, [t.end, '. ']), ending.text[o.lang]])]);
      log.append(box);
      if (!o.locked && ending.score < 1) {
        const again = el('button', { type: 'button', class: 'ks-small', id: 'scenario-restart' }, [t.restart]);
        again.addEventListener('click', () => { path = ''; o.onChange({ score: 0, detail: '' }); draw(true); });
        log.append(again);
      }
      if (focusLast) focusElement(box);
    } else if (focusLast) {
      log.querySelector<HTMLButtonElement>('.ks-choice')?.focus();
    }
  };
  root.append(el('p', {}, [t.intro]), log);
  draw(false);
}

registerLab('scenario', { mount });
