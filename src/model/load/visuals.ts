import type { Root } from 'mdast';
import type { Element, ElementContent } from 'hast';
import type { State } from 'mdast-util-to-hast';
import type { Nodes as MdastNodes } from 'mdast';
import type { ProblemList } from '../../errors/unit-error.ts';
import type { Lang } from '../text.ts';
import { attr, lineOf, type JsxElement } from './mdx-ast.ts';
import { ILLUSTRATIONS, illustrationSvg } from './illustrations.ts';

/**
 * Visual lesson components (issue 13): mock-ups of what learners meet (messages, e-mails, browser windows,
 * web pages, pop-ups, permission dialogs, calls, posts, notifications), the SVG illustration set and comic
 * strips. Each renders to plain HTML + CSS (+ inline SVG drawn here): text stays text, every mock-up is a
 * <figure> named "Illustration (mock-up): …" for screen readers, nothing is loaded and nothing is clickable.
 * Every part carries a stable data-part="…" so a <Hotspot> question can point at it.
 */
interface Spec {
  attrs: string[];
  required?: string[];
  /** Allowed values of enumerated attributes. */
  values?: Record<string, string[]>;
  /** Components this one must sit inside (directly or deeper). */
  inside?: string[];
}
const MOCKS = ['Phone', 'Email', 'Browser', 'WebPage', 'Popup', 'Permission', 'Call', 'Post', 'Notice'];
export const VISUAL_SPECS: Record<string, Spec> = {
  Phone: { attrs: ['kind', 'from', 'number', 'app', 'caption'], required: ['from'], values: { kind: ['sms', 'chat'] } },
  Msg: { attrs: ['from', 'time', 'part'], values: { from: ['them', 'me'] }, inside: ['Phone'] },
  Email: { attrs: ['from', 'address', 'to', 'subject', 'time', 'caption'], required: ['from', 'address', 'subject'] },
  Attachment: { attrs: ['name', 'size', 'part'], required: ['name'], inside: ['Email', 'Phone', 'Post'] },
  Link: { attrs: ['part'], inside: MOCKS },
  Browser: { attrs: ['address', 'title', 'secure', 'highlight', 'caption'], required: ['address'], values: { secure: ['yes', 'no'], highlight: ['scheme', 'host', 'path'] } },
  WebPage: { attrs: ['labels', 'caption'], values: { labels: ['yes', 'no'] } },
  Part: { attrs: ['kind', 'part'], required: ['kind'], values: { kind: ['header', 'menu', 'search', 'content', 'sidebar', 'ad', 'footer'] }, inside: ['WebPage'] },
  Popup: { attrs: ['kind', 'title', 'button', 'countdown', 'caption'], required: ['title'], values: { kind: ['prize', 'ad', 'warning'] } },
  Permission: { attrs: ['app', 'allow', 'deny', 'caption'], required: ['app'] },
  Call: { attrs: ['from', 'number', 'label', 'caption'], required: ['from'] },
  Post: { attrs: ['author', 'time', 'likes', 'caption'], required: ['author'] },
  Comment: { attrs: ['author', 'time', 'part'], required: ['author'], inside: ['Post'] },
  Notice: { attrs: ['from', 'title', 'time', 'kind', 'caption'], required: ['from', 'title'], values: { kind: ['official', 'app'] } },
  Illustration: { attrs: ['name', 'alt', 'caption'], required: ['name', 'alt'] },
  Comic: { attrs: ['title'] },
  Panel: { attrs: ['alt', 'scene'], required: ['alt'], inside: ['Comic'] },
  Say: { attrs: ['who', 'kind'], required: ['who'], values: { kind: ['say', 'think'] }, inside: ['Panel'] },
};
/** Attributes per visual component, for the lesson component allow-list. */
export const VISUAL_ATTRS: Record<string, string[]> = Object.fromEntries(Object.entries(VISUAL_SPECS).map(([k, v]) => [k, v.attrs]));
/** Components that count as one visual of a lesson (a mock-up, an illustration or a comic). */
export const COUNTED_VISUALS = new Set([...MOCKS, 'Illustration', 'Comic']);
/** Components written inside running text. */
export const INLINE_VISUALS = new Set(['Link']);

const LABELS = {
  vi: {
    mock: 'Ảnh minh hoạ (mô phỏng)', badge: 'Mô phỏng', sms: 'tin nhắn điện thoại', chat: 'tin nhắn trong ứng dụng trò chuyện', email: 'thư điện tử', browser: 'cửa sổ trình duyệt',
    webpage: 'trang web và các phần của nó', popup: { prize: 'cửa sổ báo trúng thưởng', ad: 'quảng cáo bật lên', warning: 'cửa sổ cảnh báo bật lên' }, permission: 'hộp thoại xin quyền của ứng dụng',
    call: 'màn hình cuộc gọi đến', post: 'bài đăng trên mạng xã hội', notice: 'thông báo trên điện thoại', comic: 'Truyện tranh', panel: 'Khung', me: 'Em', them: 'Người gửi', says: 'nói', thinks: 'nghĩ',
    link: '(đường link)', attachment: 'Tệp đính kèm:', from: 'Từ', to: 'Đến', subject: 'Tiêu đề', address: 'Thanh địa chỉ:', lock: 'Có ổ khoá: kết nối được mã hoá', noLock: 'Không bảo mật',
    inbox: 'Hộp thư', close: 'Nút đóng', incoming: 'Cuộc gọi đến', accept: 'Trả lời', decline: 'Từ chối', allow: 'Cho phép', deny: 'Không cho phép', comments: 'Bình luận', likes: 'lượt thích',
    parts: { header: 'Phần đầu trang', menu: 'Thanh menu', search: 'Ô tìm kiếm', content: 'Nội dung chính', sidebar: 'Cột bên', ad: 'Quảng cáo', footer: 'Chân trang' },
  },
  en: {
    mock: 'Illustration (mock-up)', badge: 'Mock-up', sms: 'phone text messages', chat: 'messages in a chat app', email: 'an e-mail', browser: 'a browser window',
    webpage: 'a web page and its parts', popup: { prize: 'a prize pop-up', ad: 'a pop-up advert', warning: 'a pop-up warning' }, permission: 'an app permission dialog',
    call: 'an incoming call screen', post: 'a social network post', notice: 'a phone notification', comic: 'Comic strip', panel: 'Panel', me: 'Me', them: 'Sender', says: 'says', thinks: 'thinks',
    link: '(link)', attachment: 'Attachment:', from: 'From', to: 'To', subject: 'Subject', address: 'Address bar:', lock: 'Padlock: the connection is encrypted', noLock: 'Not secure',
    inbox: 'Inbox', close: 'Close button', incoming: 'Incoming call', accept: 'Answer', decline: 'Decline', allow: 'Allow', deny: "Don't allow", comments: 'Comments', likes: 'likes',
    parts: { header: 'Header', menu: 'Menu bar', search: 'Search box', content: 'Main content', sidebar: 'Sidebar', ad: 'Advert', footer: 'Footer' },
  },
} as const;

type Props = Record<string, string | string[]>;
const h = (tag: string, props: Props, children: ElementContent[]): Element => ({ type: 'element', tagName: tag, properties: props, children });
const t = (value: string): ElementContent => ({ type: 'text', value });
const raw = (value: string): ElementContent => ({ type: 'raw', value }) as unknown as ElementContent;
const sr = (value: string): Element => h('span', { className: 'ks-sr' }, [t(value)]);
const part = (name: string, cls: string, kids: ElementContent[], tag = 'span'): Element => h(tag, { className: cls, dataPart: name }, kids);
const fakeButton = (name: string, label: string, extra = ''): Element => part(name, `ks-fake-btn${extra}`, [t(label)]);

const ICON = {
  lock: '<svg class="ks-ico" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><rect x="3" y="7" width="10" height="8" rx="1.5" fill="currentColor"/><path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" stroke-width="1.8"/></svg>',
  warn: '<svg class="ks-ico" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M8 1.5 15 14H1z" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M8 6v4M8 11.5v1.5" stroke="currentColor" stroke-width="1.6"/></svg>',
  clip: '<svg class="ks-ico" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M11 5 6 10a1.5 1.5 0 0 0 2 2l5-5a3 3 0 0 0-4-4L4 8a4 4 0 0 0 6 6l4-4" fill="none" stroke="currentColor" stroke-width="1.5"/></svg>',
  person: '<svg class="ks-avatar" viewBox="0 0 40 40" aria-hidden="true" focusable="false"><circle cx="20" cy="20" r="19" fill="#dfe6ee" stroke="#333" stroke-width="1.5"/><circle cx="20" cy="16" r="7" fill="#fff" stroke="#333" stroke-width="1.5"/><path d="M7 33a13 10 0 0 1 26 0" fill="#fff" stroke="#333" stroke-width="1.5"/></svg>',
  shield: '<svg class="ks-ico" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M8 1 14 3.5V8c0 3.5-2.6 6-6 7-3.4-1-6-3.5-6-7V3.5z" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="m5 8 2 2 4-4" fill="none" stroke="currentColor" stroke-width="1.6"/></svg>',
};

/** Visual components currently being rendered, innermost last (to check where a child component sits). */
const stack: string[] = [];
/** For each <WebPage> being rendered: whether its parts show visible labels. */
const labelStack: boolean[] = [];

/** Renders one visual component; problems (missing or wrong attributes, misplaced children) name file:line. */
export function renderVisual(state: State, node: JsxElement, lang: Lang, file: string, problems: ProblemList): Element | ElementContent[] | undefined {
  const name = node.name ?? '';
  const spec = VISUAL_SPECS[name];
  if (!spec) return undefined;
  const L = LABELS[lang];
  const at = { file, line: lineOf(node) };
  const s = (key: string): string | undefined => {
    const v = attr(node, key);
    return typeof v === 'string' ? v.trim() : v === undefined ? undefined : String(v);
  };
  for (const r of spec.required ?? []) {
    if (!s(r)) problems.add({ location: at, message: `<${name}> needs ${r}="…"`, hint: r === 'alt' ? 'describe what the picture shows in one sentence, for learners who cannot see it' : `see docs/authoring.md, "Pictures and mock-ups"` });
  }
  for (const [k, allowed] of Object.entries(spec.values ?? {})) {
    const v = s(k);
    if (v !== undefined && !allowed.includes(v)) problems.add({ location: at, message: `<${name} ${k}="${v}"> is not a known value`, hint: `use ${allowed.map((a) => `"${a}"`).join(', ')}` });
  }
  if (spec.inside && !stack.some((c) => spec.inside?.includes(c))) {
    problems.add({ location: at, message: `<${name}> must be inside ${spec.inside.map((c) => `<${c}>`).join(' or ')}`, hint: 'see docs/authoring.md, "Pictures and mock-ups"' });
  }
  if (name === 'Illustration') {
    const n = s('name');
    if (n && !ILLUSTRATIONS.includes(n)) problems.add({ location: at, message: `<Illustration name="${n}"> is not in the illustration set`, hint: `use one of ${ILLUSTRATIONS.join(', ')}` });
  }
  if (name === 'Panel') {
    const sc = s('scene');
    if (sc && !ILLUSTRATIONS.includes(sc)) problems.add({ location: at, message: `<Panel scene="${sc}"> is not in the illustration set`, hint: `use one of ${ILLUSTRATIONS.join(', ')}` });
  }
  if (name === 'Comic') {
    const panels = childJsx(node).filter((c) => c.name === 'Panel').length;
    if (panels < 2 || panels > 6) problems.add({ location: at, message: `<Comic> has ${panels} <Panel>; a comic strip has 2 to 6 panels`, hint: 'split a longer story into two comics' });
  }
  if (name === 'Phone' && !childJsx(node).some((c) => c.name === 'Msg')) problems.add({ location: at, message: '<Phone> has no <Msg>', hint: 'write each message as <Msg from="them" time="09:12">text</Msg>' });
  stack.push(name);
  if (name === 'WebPage') labelStack.push(s('labels') === 'yes');
  let kids: ElementContent[];
  try {
    kids = state.all(node as unknown as MdastNodes) as ElementContent[];
  } finally {
    stack.pop();
    if (name === 'WebPage') labelStack.pop();
  }
  const figure = (kind: string, label: string, body: ElementContent[], cls = ''): Element => {
    const caption = s('caption');
    return h('figure', { className: `ks-mock ks-${kind}${cls}`, dataMock: kind, ariaLabel: `${L.mock}: ${label}` }, [
      h('span', { className: 'ks-mock-badge', ariaHidden: 'true' }, [t(L.badge)]),
      ...body,
      ...(caption ? [h('figcaption', {}, [t(caption)])] : []),
    ]);
  };
  const own = (k: string, fallback: string) => s(k) || fallback;
  switch (name) {
    case 'Phone': {
      const kind = s('kind') === 'chat' ? 'chat' : 'sms';
      const from = s('from') ?? '';
      const head: ElementContent[] = [raw(ICON.person), h('span', { className: 'ks-phone-who' }, [part('sender', 'ks-phone-from', [t(from)]), ...(s('number') ? [part('number', 'ks-phone-num', [t(s('number') ?? '')])] : [])])];
      if (kind === 'chat' && s('app')) head.unshift(part('app', 'ks-phone-app', [t(s('app') ?? '')]));
      return figure('phone', kind === 'chat' ? L.chat : L.sms, [
        h('div', { className: 'ks-phone-screen' }, [h('p', { className: 'ks-phone-head' }, head), h('ol', { className: 'ks-thread' }, kids.filter(isElement))]),
      ], ` ks-phone--${kind}`);
    }
    case 'Msg': {
      const me = s('from') === 'me';
      const time = s('time');
      return h('li', { className: `ks-msg ks-msg--${me ? 'me' : 'them'}`, dataPart: own('part', 'message') }, [
        sr(`${me ? L.me : L.them}${time ? `, ${time}` : ''}: `), ...unwrap(kids), ...(time ? [h('span', { className: 'ks-msg-time', dataPart: 'time', ariaHidden: 'true' }, [t(time)])] : []),
      ]);
    }
    case 'Link':
      return h('span', { className: 'ks-fake-link', dataPart: own('part', 'link') }, [...kids, sr(' ' + L.link)]);
    case 'Attachment': {
      const size = s('size');
      return h('span', { className: 'ks-attach', dataPart: own('part', 'attachment') }, [raw(ICON.clip), sr(L.attachment + ' '), t(`${s('name') ?? ''}${size ? ` (${size})` : ''}`)]);
    }
    case 'Email': {
      const row = (label: string, value: ElementContent[]) => h('div', {}, [h('dt', {}, [t(label)]), h('dd', {}, value)]);
      const head = [
        row(L.from, [part('sender', 'ks-email-from', [t(s('from') ?? '')]), t(' '), part('sender-address', 'ks-email-addr', [t(`<${s('address') ?? ''}>`)])]),
        ...(s('to') ? [row(L.to, [part('to', '', [t(s('to') ?? '')])])] : []),
        row(L.subject, [part('subject', 'ks-email-subject', [t(s('subject') ?? '')])]),
      ];
      return figure('email', L.email, [
        h('p', { className: 'ks-win-bar', ariaHidden: 'true' }, [t(L.inbox)]),
        ...(s('time') ? [part('time', 'ks-email-time', [t(s('time') ?? '')], 'p')] : []),
        h('dl', { className: 'ks-email-head' }, head),
        h('div', { className: 'ks-email-body', dataPart: 'body' }, kids),
      ]);
    }
    case 'Browser': {
      const address = s('address') ?? '';
      const m = /^([a-z]+:\/\/)?([^/?#]*)(.*)$/i.exec(address);
      const scheme = m?.[1] ?? '';
      const secure = s('secure') ? s('secure') === 'yes' : scheme.toLowerCase() === 'https://';
      const hl = s('highlight');
      const urlPart = (n: 'scheme' | 'host' | 'path', v: string) => (v ? [part(`url-${n}`, `ks-url-${n}${hl === n ? ' ks-hl' : ''}`, [t(v)])] : []);
      const lock = secure ? part('padlock', 'ks-lock', [raw(ICON.lock), sr(L.lock)]) : part('padlock', 'ks-lock ks-lock--no', [raw(ICON.warn), t(L.noLock)]);
      return figure('browser', L.browser, [
        ...(s('title') ? [h('p', { className: 'ks-browser-tab' }, [part('tab', '', [t(s('title') ?? '')])])] : []),
        h('p', { className: 'ks-browser-bar' }, [
          h('span', { className: 'ks-browser-nav', ariaHidden: 'true' }, [t('‹ › ⟳')]),
          h('span', { className: 'ks-address', dataPart: 'address' }, [sr(L.address + ' '), lock, t(' '), ...urlPart('scheme', scheme), ...urlPart('host', m?.[2] ?? ''), ...urlPart('path', m?.[3] ?? '')]),
        ]),
        h('div', { className: 'ks-browser-page', dataPart: 'page' }, kids),
      ]);
    }
    case 'WebPage': {
      const body = h('div', { className: `ks-webpage${s('labels') === 'yes' ? ' ks-webpage--labels' : ''}` }, kids.filter(isElement));
      // Inside a <Browser> the page is part of that one mock-up.
      return stack.includes('Browser') ? body : figure('webpage', L.webpage, [body]);
    }
    case 'Part': {
      const kind = (s('kind') ?? 'content') as keyof typeof L.parts;
      const label = L.parts[kind] ?? kind;
      const showLabel = labelStack[labelStack.length - 1] === true;
      return h('div', { className: `ks-part ks-part--${kind}`, dataPart: own('part', kind) }, [
        showLabel ? h('span', { className: 'ks-part-label' }, [t(label)]) : sr(`${label}: `),
        ...kids,
      ]);
    }
    case 'Popup': {
      const kind = (s('kind') ?? 'prize') as 'prize' | 'ad' | 'warning';
      return figure('popup', L.popup[kind] ?? L.popup.prize, [
        h('div', { className: 'ks-popup-box' }, [
          part('close', 'ks-popup-close', [t('×'), sr(L.close)]),
          part('title', 'ks-popup-title', [...(kind === 'warning' ? [raw(ICON.warn), t(' ')] : []), t(s('title') ?? '')], 'p'),
          h('div', { className: 'ks-popup-body', dataPart: 'body' }, kids),
          ...(s('countdown') ? [part('countdown', 'ks-popup-timer', [t(s('countdown') ?? '')], 'p')] : []),
          ...(s('button') ? [h('p', {}, [fakeButton('button', s('button') ?? '', ' ks-fake-btn--big')])] : []),
        ]),
      ], ` ks-popup--${kind}`);
    }
    case 'Permission':
      return figure('permission', L.permission, [
        h('div', { className: 'ks-perm-box' }, [
          part('app', 'ks-perm-app', [raw(ICON.shield), t(' '), t(s('app') ?? '')], 'p'),
          h('div', { className: 'ks-perm-question', dataPart: 'question' }, kids),
          h('p', { className: 'ks-perm-actions' }, [fakeButton('deny', own('deny', L.deny)), t(' '), fakeButton('allow', own('allow', L.allow))]),
        ]),
      ]);
    case 'Call':
      return figure('call', L.call, [
        h('div', { className: 'ks-call-screen' }, [
          h('p', { className: 'ks-call-status' }, [t(L.incoming)]),
          raw(ICON.person),
          part('caller', 'ks-call-name', [t(s('from') ?? '')], 'p'),
          ...(s('number') ? [part('number', 'ks-call-num', [t(s('number') ?? '')], 'p')] : []),
          ...(s('label') ? [part('label', 'ks-call-label', [raw(ICON.warn), t(' '), t(s('label') ?? '')], 'p')] : []),
          ...(kids.length ? [h('div', { className: 'ks-call-note', dataPart: 'note' }, kids)] : []),
          h('p', { className: 'ks-call-actions' }, [fakeButton('decline', L.decline, ' ks-fake-btn--no'), t(' '), fakeButton('accept', L.accept, ' ks-fake-btn--yes')]),
        ]),
      ]);
    case 'Post': {
      const comments = kids.filter((k) => isElement(k) && k.tagName === 'li');
      const body = kids.filter((k) => !comments.includes(k));
      return figure('post', L.post, [
        h('p', { className: 'ks-post-head' }, [raw(ICON.person), h('span', {}, [part('author', 'ks-post-author', [t(s('author') ?? '')]), ...(s('time') ? [part('time', 'ks-post-time', [t(s('time') ?? '')])] : [])])]),
        h('div', { className: 'ks-post-body', dataPart: 'body' }, body),
        ...(s('likes') ? [part('reactions', 'ks-post-likes', [t(`♥ ${s('likes')} ${L.likes}`)], 'p')] : []),
        ...(comments.length ? [h('ul', { className: 'ks-comments', dataPart: 'comments', ariaLabel: L.comments }, comments)] : []),
      ]);
    }
    case 'Comment':
      return h('li', { className: 'ks-comment', dataPart: own('part', 'comment') }, [
        part('comment-author', 'ks-comment-author', [t(s('author') ?? '')]), ...(s('time') ? [t(' '), h('span', { className: 'ks-post-time' }, [t(s('time') ?? '')])] : []), t(': '), ...unwrap(kids),
      ]);
    case 'Notice': {
      const official = s('kind') !== 'app';
      return figure('notice', L.notice, [
        h('div', { className: 'ks-notice-card' }, [
          h('p', { className: 'ks-notice-head' }, [raw(official ? ICON.shield : ICON.person), t(' '), part('source', 'ks-notice-from', [t(s('from') ?? '')]), ...(s('time') ? [t(' · '), part('time', '', [t(s('time') ?? '')])] : [])]),
          part('title', 'ks-notice-title', [t(s('title') ?? '')], 'p'),
          h('div', { className: 'ks-notice-body', dataPart: 'body' }, kids),
        ]),
      ], official ? ' ks-notice--official' : '');
    }
    case 'Illustration': {
      const n = s('name') ?? '';
      const caption = s('caption');
      return h('figure', { className: 'ks-illus', dataIllustration: n }, [raw(illustrationSvg(n, s('alt') ?? '')), ...(caption ? [h('figcaption', {}, [t(caption)])] : [])]);
    }
    case 'Comic': {
      const title = s('title');
      const panels = kids.filter(isElement);
      panels.forEach((p, i) => p.children.unshift(sr(`${L.panel} ${i + 1}/${panels.length}. `)));
      return h('figure', { className: 'ks-comic', ariaLabel: title ? `${L.comic}: ${title}` : L.comic }, [
        ...(title ? [h('figcaption', { className: 'ks-comic-title' }, [t(title)])] : []),
        h('ol', { className: 'ks-comic-panels' }, panels),
      ]);
    }
    case 'Panel': {
      const scene = s('scene') ?? 'kids';
      return h('li', { className: 'ks-panel' }, [raw(illustrationSvg(ILLUSTRATIONS.includes(scene) ? scene : 'kids', s('alt') ?? '')), h('div', { className: 'ks-bubbles' }, kids.filter(isElement))]);
    }
    case 'Say': {
      const think = s('kind') === 'think';
      return h('p', { className: `ks-say${think ? ' ks-say--think' : ''}` }, [h('span', { className: 'ks-say-who' }, [t(s('who') ?? '')]), sr(` ${think ? L.thinks : L.says}`), t(': '), ...unwrap(kids)]);
    }
  }
  return undefined;
}

function isElement(k: ElementContent): k is Element {
  return k.type === 'element';
}

/** A child written on its own lines arrives as <p>…</p>; inside a bubble or comment its text is enough. */
function unwrap(kids: ElementContent[]): ElementContent[] {
  const real = kids.filter((k) => !(k.type === 'text' && !k.value.trim()));
  if (real.length === 1 && real[0]?.type === 'element' && real[0].tagName === 'p') return real[0].children;
  return real;
}

/** Child JSX elements, whether written one per line (flow) or inside a paragraph. */
function childJsx(el: JsxElement): JsxElement[] {
  const out: JsxElement[] = [];
  for (const c of el.children as { type: string; name?: string; children?: unknown[] }[]) {
    if (c.type === 'mdxJsxFlowElement' || c.type === 'mdxJsxTextElement') out.push(c as unknown as JsxElement);
    else if (c.type === 'paragraph') for (const p of (c.children ?? []) as { type: string }[]) if (p.type === 'mdxJsxTextElement') out.push(p as unknown as JsxElement);
  }
  return out;
}

/** Number of visuals in a lesson: mock-ups, illustrations and comics (a page inside a browser counts once). */
export function countVisuals(tree: Root): number {
  let n = 0;
  const visit = (node: { type: string; name?: string | null; children?: unknown[] }, inside: boolean) => {
    const counted = (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && !!node.name && COUNTED_VISUALS.has(node.name);
    if (counted && !inside) n++;
    for (const c of (node.children ?? []) as (typeof node)[]) visit(c, inside || counted);
  };
  visit(tree as unknown as { type: string; children?: unknown[] }, false);
  return n;
}
