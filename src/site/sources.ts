// Official public pages for the sources lesson plans cite (free text in the teacher notes). Only pages whose
// address is known to be the publisher's own are listed. Vietnamese laws (Luật An ninh mạng 116/2025, Luật Bảo
// vệ dữ liệu cá nhân 91/2025, Luật Sở hữu trí tuệ, Bộ luật Hình sự, …) are not linked: their pages in the
// national legal database (vbpl.vn) have not been looked up and checked one by one, and commercial mirrors
// (thuvienphapluat.vn, …) are not the publisher. A government site a source names itself (e.g. "tinnhiemmang.vn")
// is linked at its home page.
export interface SourceLink { url: string; host: string }

const LINKS: [RegExp, string][] = [
  [/Thông tư 32\/2018|Chương trình giáo dục phổ thông môn Tin học 2018|Chương trình GDPT 2018 môn Tin học/i, 'https://moet.gov.vn/content/vanban/Lists/VBPQ/Attachments/1483/vbhn-ttu-322018-202021-132022-ttbgddt.pdf'],
  // Ministry of Justice's page on the decision (its full text is only on commercial mirrors).
  [/Quyết định 1907\/QĐ-TTg|Decision 1907\/QĐ-TTg/i, 'https://moj.gov.vn/qt/tintuc/Pages/thong-tin-khac.aspx?ItemID=3152'],
  // Government sites the sources name: the spam/scam report site and the national scam-website list of the
  // Authority of Information Security, the Ministry of Justice's legal-dissemination portal and legal database.
  [/thongbaorac\.ais\.gov\.vn/i, 'https://thongbaorac.ais.gov.vn/'],
  [/tinnhiemmang\.vn/i, 'https://tinnhiemmang.vn/'],
  [/pbgdpl\.gov\.vn/i, 'https://pbgdpl.gov.vn/'],
  [/\bvbpl\.vn/i, 'https://vbpl.vn/'],
  [/CSTA K-12 Computer Science Standards/i, 'https://csteachers.org/k12standards/'],
  [/DigComp/i, 'https://publications.jrc.ec.europa.eu/repository/handle/JRC128415'],
  [/three random words/i, 'https://www.ncsc.gov.uk/blog-post/three-random-words-or-thinkrandom-0'],
  [/Cyber Aware/i, 'https://www.ncsc.gov.uk/cyberaware/home'],
  [/UNESCO.*Học liệu mở|UNESCO.*Open Educational Resources/i, 'https://www.unesco.org/en/legal-affairs/recommendation-open-educational-resources-oer'],
  [/ICD-11.*Gaming disorder/i, 'https://www.who.int/standards/classifications/frequently-asked-questions/gaming-disorder'],
  [/sqlite3/i, 'https://docs.python.org/3/library/sqlite3.html'],
  [/html\.escape/i, 'https://docs.python.org/3/library/html.html'],
  [/module re\b/i, 'https://docs.python.org/3/library/re.html'],
  [/logging/i, 'https://docs.python.org/3/library/logging.html'],
  [/hashlib/i, 'https://docs.python.org/3/library/hashlib.html'],
  [/bcrypt/i, 'https://pypi.org/project/bcrypt/'],
  [/PostgreSQL.*GRANT/i, 'https://www.postgresql.org/docs/current/sql-grant.html'],
  [/pip-audit/i, 'https://pypi.org/project/pip-audit/'],
  [/GNU GPL/i, 'https://www.gnu.org/licenses/gpl-3.0.html'],
  [/MIT License/i, 'https://opensource.org/license/mit'],
  [/Creative Commons/i, 'https://creativecommons.org/licenses/by/4.0/'],
  [/Tổng đài quốc gia bảo vệ trẻ em 111/i, 'https://tongdai111.vn/'],
];

/** The official pages a source text names, in the order of the table, without repeats. */
export function sourceLinks(text: string): SourceLink[] {
  const urls = [...new Set(LINKS.filter(([re]) => re.test(text)).map(([, url]) => url))];
  return urls.map((url) => ({ url, host: new URL(url).host.replace(/^www\./, '') }));
}
