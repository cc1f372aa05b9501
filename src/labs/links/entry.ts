import { el } from '../../runtime/ui/dom.ts';
import { registerLab, type LabMountOptions } from '../lab-api.ts';
import { LINKS, REASONS, REASON_LABELS } from './data.ts';
import { decodeLinks, encodeLinks, gradeLinks, registrableDomain, type LinkVerdict } from './grade.ts';

const T = {
  vi: { intro: 'Kiểm tra từng link: bấm “Kiểm tra link” để xem nó thật sự dẫn tới đâu, rồi quyết định an toàn hay không.', inspect: 'Kiểm tra link', goes: 'Dẫn tới', domain: 'Tên miền chính', https: 'Có ổ khoá (https): đường truyền được mã hoá, nhưng không chứng minh trang là thật.', nohttps: 'Không có https: dữ liệu gửi đi không được mã hoá.', safe: 'An toàn', unsafe: 'Không an toàn', reason: 'Lí do', choose: '— Chọn lí do —', right: 'Đúng', wrong: 'Chưa đúng', verdict: 'Link này' },
  en: { intro: 'Check each link: press “Inspect link” to see where it really goes, then decide whether it is safe.', inspect: 'Inspect link', goes: 'Goes to', domain: 'Main domain', https: 'Padlock (https): the connection is encrypted, but that does not prove the site is real.', nohttps: 'No https: what you send is not encrypted.', safe: 'Safe', unsafe: 'Not safe', reason: 'Reason', choose: '— Choose a reason —', right: 'Correct', wrong: 'Not correct', verdict: 'This link is' },
};

/** Link and website inspector: where a link really goes, look-alike domains, what the padlock means. */
function mount(root: HTMLElement, o: LabMountOptions): void {
  const t = T[o.lang];
  const verdicts: LinkVerdict[] = o.saved ? decodeLinks(o.saved.detail) : LINKS.map(() => ({ safe: null, reason: null }));
  const report = () => o.onChange({ score: gradeLinks(verdicts), detail: encodeLinks(verdicts) });
  root.append(el('p', {}, [t.intro]));
  LINKS.forEach((l, i) => {
    const base = `link-${l.id}`;
    const v = verdicts[i] as LinkVerdict;
    const item = el('article', { class: 'ks-lab-item', 'data-item': l.id, 'aria-labelledby': `${base}-h` }, [
      el('h3', { id: `${base}-h` }, [l.context[o.lang]]),
      el('p', {}, [el('span', { class: 'ks-lab-link' }, [l.text])]),
    ]);
    const details = el('div', { class: 'ks-lab-reveal', hidden: true, 'aria-live': 'polite' }, [
      el('p', {}, [`${t.goes}: `, el('code', {}, [l.href])]),
      el('p', {}, [`${t.domain}: `, el('strong', {}, [registrableDomain(l.href)])]),
      el('p', {}, [l.https ? t.https : t.nohttps]),
    ]);
    const inspect = el('button', { type: 'button', class: 'ks-small', 'aria-expanded': 'false' }, [t.inspect]);
    inspect.addEventListener('click', () => { details.hidden = !details.hidden; inspect.setAttribute('aria-expanded', String(!details.hidden)); });
    const fs = el('fieldset', {}, [el('legend', {}, [t.verdict])]);
    const select = el('select', { id: `${base}-reason`, disabled: o.locked || v.safe !== false }, [el('option', { value: '' }, [t.choose]), ...REASONS.map((r) => el('option', { value: r, selected: v.reason === r }, [REASON_LABELS[r][o.lang]]))]);
    for (const safe of [true, false]) {
      const id = `${base}-${safe ? 'safe' : 'unsafe'}`;
      const input = el('input', { type: 'radio', name: `${base}-v`, id, checked: v.safe === safe, disabled: o.locked });
      input.addEventListener('change', () => {
        verdicts[i] = { safe, reason: safe ? null : ((select.value || null) as LinkVerdict['reason']) };
        select.disabled = safe;
        report();
      });
      fs.append(el('span', { class: 'ks-option' }, [input, el('label', { for: id }, [safe ? t.safe : t.unsafe])]));
    }
    select.addEventListener('change', () => {
      verdicts[i] = { safe: false, reason: (select.value || null) as LinkVerdict['reason'] };
      report();
    });
    fs.append(el('div', { class: 'ks-match' }, [el('label', { for: `${base}-reason` }, [t.reason]), select]));
    item.append(inspect, details, fs);
    if (o.locked) {
      const ok = v.safe === l.safe && (l.safe || v.reason === l.reason);
      item.append(el('div', { class: `ks-feedback ks-feedback--${ok ? 'correct' : 'incorrect'}` }, [el('p', {}, [el('strong', {}, [ok ? t.right : t.wrong]), ' ', l.why[o.lang]])]));
    }
    root.append(item);
  });
}

registerLab('links', { mount });
