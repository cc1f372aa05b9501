// Lesson visuals (issue 13): each mock-up, illustration and comic renders to accessible HTML with stable
// data-part names, and author mistakes stop the build with file:line.
import { describe, expect, it } from 'vitest';
import { parseMdx } from '../../src/model/load/mdx-ast.ts';
import { renderLessonHtml } from '../../src/model/load/lesson-html.ts';
import { countVisuals } from '../../src/model/load/visuals.ts';
import { ILLUSTRATIONS } from '../../src/model/load/illustrations.ts';
import { ProblemList } from '../../src/errors/unit-error.ts';
import { JSDOM } from 'jsdom';

function render(mdx: string, lang: 'vi' | 'en' = 'vi') {
  const problems = new ProblemList();
  const tree = parseMdx(mdx, 'lessons/01-x.vi.mdx', problems);
  const html = tree ? renderLessonHtml(tree, lang, 'lessons/01-x.vi.mdx', problems) : '';
  const doc = new JSDOM(`<main>${html}</main>`).window.document;
  return { html, doc, problems: problems.items.map((p) => `${p.location.file}:${p.location.line ?? '?'} ${p.message}`), count: tree ? countVisuals(tree) : -1 };
}
const part = (doc: Document, name: string) => doc.querySelector(`[data-part="${name}"]`)?.textContent?.trim();

describe('mock-up components', () => {
  it('Phone: a labelled figure with sender, number and messages from/to with times', () => {
    const { doc, problems } = render('<Phone kind="sms" from="SAOMAI-BANK" number="0909 xxx 888">\n<Msg from="them" time="09:12">Bấm <Link>saomai.top/x</Link> **ngay**</Msg>\n<Msg from="me" time="09:15">Ai vậy?</Msg>\n</Phone>');
    expect(problems).toEqual([]);
    const fig = doc.querySelector('figure[data-mock="phone"]')!;
    expect(fig.getAttribute('aria-label')).toBe('Ảnh minh hoạ (mô phỏng): tin nhắn điện thoại');
    expect(part(doc, 'sender')).toBe('SAOMAI-BANK');
    expect(part(doc, 'number')).toBe('0909 xxx 888');
    const msgs = [...doc.querySelectorAll('ol.ks-thread > li[data-part="message"]')];
    expect(msgs.map((m) => m.className)).toEqual(['ks-msg ks-msg--them', 'ks-msg ks-msg--me']);
    expect(msgs[0]!.querySelector('.ks-sr')!.textContent).toBe('Người gửi, 09:12: ');
    expect(msgs[0]!.querySelector('strong')!.textContent).toBe('ngay');
    // The fake link is text, never a clickable link.
    expect(doc.querySelector('[data-part="link"]')!.textContent).toContain('saomai.top/x');
    expect(doc.querySelector('a')).toBeNull();
  });

  it('Email: sender name and address, subject, body and attachment are separate parts; English labels in English', () => {
    const { doc, problems } = render('<Email from="Support" address="help@mail-verify.top" subject="Your mailbox is full" time="07:45">\nClick <Link>here</Link>.\n\n<Attachment name="guide.zip" size="96 KB" />\n</Email>', 'en');
    expect(problems).toEqual([]);
    expect(doc.querySelector('figure')!.getAttribute('aria-label')).toBe('Illustration (mock-up): an e-mail');
    expect(part(doc, 'sender')).toBe('Support');
    expect(part(doc, 'sender-address')).toBe('<help@mail-verify.top>');
    expect(part(doc, 'subject')).toBe('Your mailbox is full');
    expect(part(doc, 'attachment')).toContain('guide.zip (96 KB)');
    expect([...doc.querySelectorAll('dt')].map((d) => d.textContent)).toEqual(['From', 'Subject']);
  });

  it('Browser: the address is split into scheme, host and path, with the padlock said in words', () => {
    const { doc, problems } = render('<Browser address="https://www.sao-mai.vn/dang-nhap?x=1" highlight="host" title="Đăng nhập" />');
    expect(problems).toEqual([]);
    expect(part(doc, 'url-scheme')).toBe('https://');
    expect(part(doc, 'url-host')).toBe('www.sao-mai.vn');
    expect(part(doc, 'url-path')).toBe('/dang-nhap?x=1');
    expect(doc.querySelector('[data-part="url-host"]')!.classList.contains('ks-hl')).toBe(true);
    expect(part(doc, 'padlock')).toContain('Có ổ khoá');
    const insecure = render('<Browser address="http://tang-qua.top/nhan" />');
    expect(part(insecure.doc, 'padlock')).toBe('Không bảo mật');
  });

  it('WebPage: parts by kind with visible labels when asked, counted once inside a Browser', () => {
    const { doc, problems, count } = render('<Browser address="https://truyen.vn/">\n<WebPage labels="yes">\n<Part kind="header">Truyện</Part>\n<Part kind="menu">Trang chủ</Part>\n<Part kind="content">Chương 3</Part>\n<Part kind="ad">Tải game!</Part>\n<Part kind="footer">Liên hệ</Part>\n</WebPage>\n</Browser>');
    expect(problems).toEqual([]);
    expect(count).toBe(1);
    expect([...doc.querySelectorAll('.ks-part')].map((p) => p.getAttribute('data-part'))).toEqual(['header', 'menu', 'content', 'ad', 'footer']);
    expect(doc.querySelector('[data-part="ad"] .ks-part-label')!.textContent).toBe('Quảng cáo');
    expect(doc.querySelectorAll('figure').length).toBe(1);
  });

  it('Popup, Permission, Call, Post, Notice: named figures with their parts; buttons are not real buttons', () => {
    const { doc, problems, count } = render([
      '<Popup kind="prize" title="Chúc mừng!" button="Nhận quà" countdown="04:59">Bạn trúng thưởng</Popup>',
      '<Permission app="Đèn Pin">Cho phép đọc danh bạ?</Permission>',
      '<Call from="Công an Quận 5" number="+84 9xx xxx 123" label="Số lạ" />',
      '<Post author="Shop" time="2 giờ" likes="12">\nTặng quà!\n\n<Comment author="Lan">Thật không?</Comment>\n</Post>',
      '<Notice from="Cổng dịch vụ" title="Bạn có khoản phạt" time="10:30">Nộp ngay</Notice>',
    ].join('\n\n'));
    expect(problems).toEqual([]);
    expect(count).toBe(5);
    expect([...doc.querySelectorAll('figure')].map((f) => f.getAttribute('aria-label'))).toEqual([
      'Ảnh minh hoạ (mô phỏng): cửa sổ báo trúng thưởng', 'Ảnh minh hoạ (mô phỏng): hộp thoại xin quyền của ứng dụng', 'Ảnh minh hoạ (mô phỏng): màn hình cuộc gọi đến',
      'Ảnh minh hoạ (mô phỏng): bài đăng trên mạng xã hội', 'Ảnh minh hoạ (mô phỏng): thông báo trên điện thoại',
    ]);
    for (const p of ['button', 'countdown', 'close', 'app', 'allow', 'deny', 'caller', 'number', 'label', 'accept', 'decline', 'author', 'comment', 'source', 'title']) expect(doc.querySelector(`[data-part="${p}"]`), p).not.toBeNull();
    expect(doc.querySelectorAll('button, a, input').length).toBe(0);
    expect(part(doc, 'comment-author')).toBe('Lan');
  });

  it('Illustration: an SVG image named by its alt text; every name of the set renders a drawing', () => {
    for (const name of ILLUSTRATIONS) {
      const { doc, problems } = render(`<Illustration name="${name}" alt="Hình ${name}" />`);
      expect(problems).toEqual([]);
      const svg = doc.querySelector('svg')!;
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.getAttribute('aria-label')).toBe(`Hình ${name}`);
      expect(svg.children.length).toBeGreaterThan(0);
    }
  });

  it('Comic: 2–6 panels, each an image with its own alt, speech bubbles as text naming the speaker', () => {
    const { doc, problems, count } = render('<Comic title="Tin nhắn lạ">\n<Panel alt="An nhìn điện thoại" scene="kid-phone"><Say who="An">Tin gì đây?</Say></Panel>\n<Panel alt="An hỏi bố" scene="ask-adult"><Say who="Bố">Đừng bấm nhé!</Say></Panel>\n</Comic>');
    expect(problems).toEqual([]);
    expect(count).toBe(1);
    expect(doc.querySelector('figure.ks-comic')!.getAttribute('aria-label')).toBe('Truyện tranh: Tin nhắn lạ');
    const panels = [...doc.querySelectorAll('.ks-panel')];
    expect(panels.map((p) => p.querySelector('svg')!.getAttribute('aria-label'))).toEqual(['An nhìn điện thoại', 'An hỏi bố']);
    expect(panels[1]!.textContent).toContain('Khung 2/2.');
    expect(panels[1]!.querySelector('.ks-say')!.textContent).toBe('Bố nói: Đừng bấm nhé!');
  });
});

describe('mistakes stop the build with file:line', () => {
  it('a missing alt, an unknown attribute, an unknown name or value', () => {
    const { problems } = render('Mở đầu.\n\n<Illustration name="posture-good" />\n\n<Phone from="A" colour="red">\n<Msg from="him">x</Msg>\n</Phone>\n\n<Illustration name="dragon" alt="Rồng" />');
    expect(problems).toContain('lessons/01-x.vi.mdx:3 <Illustration> needs alt="…"');
    expect(problems).toContain('lessons/01-x.vi.mdx:5 <Phone> has unknown attribute "colour"');
    expect(problems).toContain('lessons/01-x.vi.mdx:6 <Msg from="him"> is not a known value');
    expect(problems).toContain('lessons/01-x.vi.mdx:9 <Illustration name="dragon"> is not in the illustration set');
  });

  it('a comic with one panel, a panel without alt, a message outside a phone', () => {
    const { problems } = render('<Comic>\n<Panel scene="kids"><Say who="An">Chào</Say></Panel>\n</Comic>\n\n<Msg from="them">lạc</Msg>');
    expect(problems).toContain('lessons/01-x.vi.mdx:1 <Comic> has 1 <Panel>; a comic strip has 2 to 6 panels');
    expect(problems).toContain('lessons/01-x.vi.mdx:2 <Panel> needs alt="…"');
    expect(problems).toContain('lessons/01-x.vi.mdx:5 <Msg> must be inside <Phone>');
  });
});
