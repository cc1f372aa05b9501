// Lesson-plan sources as links: every link goes to the publisher's own site over https, the sources that name
// an official page get it, and a law with no checked official page stays plain text.
import { describe, expect, it } from 'vitest';
import { loadCurriculum } from '../../src/model/load/load-curriculum.ts';
import { sourceLinks } from '../../src/site/sources.ts';
import { REPO } from '../helpers/fixtures.ts';

describe('lesson-plan source links', () => {
  const sources = [...new Set(loadCurriculum({ root: REPO }).units.flatMap((u) => u.lessons.flatMap((l) => l.teacher?.sources ?? [])))];
  const linked = (re: RegExp) => sources.filter((s) => re.test(s));

  it('official pages the sources name are linked, over https, each once', () => {
    for (const [re, url] of [
      [/Quyết định 1907\/QĐ-TTg/, 'https://moj.gov.vn/qt/tintuc/Pages/thong-tin-khac.aspx?ItemID=3152'],
      [/Chương trình GDPT 2018 môn Tin học/, 'https://moet.gov.vn/content/vanban/Lists/VBPQ/Attachments/1483/vbhn-ttu-322018-202021-132022-ttbgddt.pdf'],
      [/tinnhiemmang\.vn/, 'https://tinnhiemmang.vn/'],
      [/thongbaorac\.ais\.gov\.vn/, 'https://thongbaorac.ais.gov.vn/'],
      [/pbgdpl\.gov\.vn/, 'https://pbgdpl.gov.vn/'],
    ] as const) {
      const texts = linked(re);
      expect(texts.length, String(re)).toBeGreaterThan(0);
      for (const t of texts) expect(sourceLinks(t).map((l) => l.url), t).toContain(url);
    }
    for (const s of sources) {
      const urls = sourceLinks(s).map((l) => l.url);
      expect(new Set(urls).size).toBe(urls.length);
      for (const u of urls) expect(u).toMatch(/^https:\/\//);
    }
  });

  it('no commercial mirror of Vietnamese law is linked, and laws without a checked official page stay text', () => {
    for (const s of sources) for (const l of sourceLinks(s)) expect(l.host, s).not.toMatch(/thuvienphapluat|luatvietnam|thuviennhadat|hethongphapluat/);
    expect(sourceLinks('Luật Sở hữu trí tuệ số 50/2005/QH11 (đã được sửa đổi, bổ sung)')).toEqual([]);
    expect(sourceLinks('Bộ luật Hình sự 2015 (đã được sửa đổi, bổ sung)')).toEqual([]);
  });
});
