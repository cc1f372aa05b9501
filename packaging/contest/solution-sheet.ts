import { SOLUTIONS } from '../../src/contest/challenges/solutions.ts';
import type { ContestSources } from '../../src/contest/load-challenges.ts';
import type { ContestDef } from '../../src/contest/schema.ts';

/** The organiser's solution sheet of one contest unit (Markdown, one language): never given to players. */
export function solutionSheet(def: ContestDef, sources: ContestSources, lang: 'vi' | 'en'): string {
  const vi = lang === 'vi';
  const out = [
    `# ${def.title[lang]} — ${vi ? 'Đáp án cho ban tổ chức (không phát cho thí sinh)' : 'Organiser solution sheet (do not hand out)'}`,
    '',
    vi
      ? 'Cờ của mỗi đội/học sinh khác nhau (HMAC của mã thử thách và mã đội, theo hạt giống KHIENSO_CONTEST_SEED lúc build), trang thi tự kiểm tra. Điểm: mỗi thử thách giải được tính giá trị của nó trừ các gợi ý đã mở cho thử thách đó; mỗi bản sửa được chấp nhận cộng điểm sửa lỗi. Lưu ý: trang chạy hoàn toàn trong trình duyệt, người giỏi đọc mã trang vẫn có thể tự tính cờ; với cuộc thi quan trọng, hãy đổi hạt giống, thu bài qua LMS và chấm cả báo cáo.'
      : "Every team's (or learner's) flags differ (HMAC of the challenge id and team id, under the KHIENSO_CONTEST_SEED set at build time) and the page checks them. Score: each solved challenge earns its value minus the hints opened for it; each accepted fix adds the fix value. Note: the page runs entirely in the browser, so a strong player who reads its code could compute flags; for high-stakes events change the seed, collect results through the LMS and also mark the written reports.",
    '',
  ];
  for (const id of def.challenges) {
    const c = sources.challenges.find((x) => x.text.id === id);
    if (!c) continue;
    const t = c.text;
    const ref = SOLUTIONS[id]?.reference;
    out.push(`## ${t.title[lang]} (${t.category[lang]}, ${t.value}${t.fixValue ? ` + ${t.fixValue}` : ''} ${vi ? 'điểm' : 'points'})`, '',
      `${vi ? 'Chuẩn đầu ra' : 'Outcomes'}: ${t.outcomes.join(', ')}`, '',
      `${vi ? 'Gợi ý' : 'Hints'}: ${t.hints.map((h) => `${h.text[lang]} (−${h.cost})`).join(' · ')}`, '',
      t.solution[lang].trim(), '');
    if (ref) out.push(vi ? 'Bản sửa tham khảo:' : 'Reference fix:', '', '```js', ref, '```', '');
  }
  out.push('---', '', sources.rules[lang].trim(), '');
  return out.join('\n');
}
