/**
 * The illustration set for lessons (issue 13): small hand-written SVG drawings built from a few parts
 * (two children, An and Mai, and an adult; a phone, a laptop, a desktop PC; home and school). Dark outlines on
 * light fills, so they print in black and white. Nothing is loaded: each drawing is inlined in the page.
 */

const INK = 'stroke="#222" stroke-linejoin="round" stroke-linecap="round"';
const SKIN = '#f3d3b5';

type Mood = 'smile' | 'worried' | 'think' | 'neutral';
interface Who { x: number; y: number; s?: number; shirt: string; hair: 'boy' | 'girl' | 'adult'; mood?: Mood; arms?: 'down' | 'up' | 'hold' }

/** A standing person, 60×120 units at scale 1, feet at y + 120. */
function person(p: Who): string {
  const mouth = { smile: 'M24 29q6 5 12 0', worried: 'M24 31q6-4 12 0', think: 'M25 30h10', neutral: 'M25 30h10' }[p.mood ?? 'smile'];
  const hair = p.hair === 'girl'
    ? '<path d="M15 22q0-18 15-18t15 18q-4-9-15-9t-15 9z" fill="#3b2a20"/><circle cx="12" cy="26" r="5" fill="#3b2a20"/><circle cx="48" cy="26" r="5" fill="#3b2a20"/>'
    : p.hair === 'adult'
      ? '<path d="M16 18q2-13 14-13t14 13q-6-5-14-5t-14 5z" fill="#555"/><path d="M21 21h7v4h-7zM32 21h7v4h-7zM28 23h4" fill="none" stroke="#222" stroke-width="1.3"/>'
      : '<path d="M16 20q1-15 14-15t14 15q-5-7-14-7t-14 7z" fill="#222"/>';
  const arms = p.arms === 'up' ? 'M16 46l-10-22M44 46l10-22' : p.arms === 'hold' ? 'M16 46l6 16h10M44 46l-6 16h-6' : 'M16 46l-7 26M44 46l7 26';
  return `<g transform="translate(${p.x} ${p.y}) scale(${p.s ?? 1})"><path d="M22 78v40M38 78v40" ${INK} stroke-width="6" fill="none"/><path d="${arms}" ${INK} stroke-width="5" fill="none"/><rect x="15" y="38" width="30" height="44" rx="9" fill="${p.shirt}" ${INK} stroke-width="2"/><circle cx="30" cy="22" r="15" fill="${SKIN}" ${INK} stroke-width="2"/>${hair}<circle cx="25" cy="22" r="1.8" fill="#222"/><circle cx="35" cy="22" r="1.8" fill="#222"/><path d="${mouth}" fill="none" ${INK} stroke-width="1.6"/></g>`;
}
const AN = (x: number, y: number, mood: Mood = 'smile', arms: Who['arms'] = 'down', s = 1) => person({ x, y, s, shirt: '#9cc3ea', hair: 'boy', mood, arms });
const MAI = (x: number, y: number, mood: Mood = 'smile', arms: Who['arms'] = 'down', s = 1) => person({ x, y, s, shirt: '#f4b6b6', hair: 'girl', mood, arms });
const ADULT = (x: number, y: number, mood: Mood = 'smile', arms: Who['arms'] = 'down') => person({ x, y, s: 1.2, shirt: '#b9d9b0', hair: 'adult', mood, arms });

const phone = (x: number, y: number, s = 1) => `<g transform="translate(${x} ${y}) scale(${s})"><rect width="22" height="40" rx="4" fill="#fff" ${INK} stroke-width="2"/><rect x="3" y="5" width="16" height="27" fill="#dbe8f5" stroke="#222" stroke-width="1"/><circle cx="11" cy="36" r="1.8" fill="#222"/></g>`;
const laptop = (x: number, y: number, s = 1) => `<g transform="translate(${x} ${y}) scale(${s})"><rect x="8" width="64" height="40" rx="3" fill="#fff" ${INK} stroke-width="2"/><rect x="13" y="5" width="54" height="30" fill="#dbe8f5" stroke="#222" stroke-width="1"/><path d="M0 40h80l-6 8H6z" fill="#ccc" ${INK} stroke-width="2"/></g>`;
const desktop = (x: number, y: number, s = 1) => `<g transform="translate(${x} ${y}) scale(${s})"><rect width="70" height="48" rx="3" fill="#fff" ${INK} stroke-width="2"/><rect x="5" y="5" width="60" height="38" fill="#dbe8f5" stroke="#222" stroke-width="1"/><path d="M30 48v10h10V48M20 60h30" fill="none" ${INK} stroke-width="2"/><rect x="78" y="6" width="20" height="52" rx="2" fill="#eee" ${INK} stroke-width="2"/><path d="M82 14h12M82 20h12" stroke="#222" stroke-width="1.5"/><rect x="8" y="64" width="54" height="8" rx="2" fill="#eee" ${INK} stroke-width="2"/></g>`;
const floor = (y = 150) => `<path d="M0 ${y}h240" stroke="#222" stroke-width="2"/>`;
const bubble = (x: number, y: number, txt: string) => `<g transform="translate(${x} ${y})"><ellipse cx="18" cy="14" rx="18" ry="14" fill="#fff" ${INK} stroke-width="2"/><text x="18" y="20" font-size="16" font-family="sans-serif" font-weight="bold" text-anchor="middle" fill="#222">${txt}</text></g>`;
const windowFrame = (x: number, y: number) => `<g transform="translate(${x} ${y})"><rect width="50" height="40" fill="#eef6ff" ${INK} stroke-width="2"/><path d="M25 0v40M0 20h50" stroke="#222" stroke-width="1.5"/></g>`;
const desk = (x: number, y: number, w: number) => `<path d="M${x} ${y}h${w}M${x + 6} ${y}v${150 - y}M${x + w - 6} ${y}v${150 - y}" fill="none" ${INK} stroke-width="3"/>`;
/** A seated person in side view (posture drawings). */
function seated(good: boolean): string {
  const back = good ? 'M70 66 L72 112' : 'M62 70 Q76 88 74 112';
  const head = good ? '<circle cx="70" cy="50" r="14"' : '<circle cx="92" cy="66" r="14"';
  const eyeX = good ? 79 : 101;
  const eyeY = good ? 49 : 66;
  const arm = good ? 'M71 76l22 18h26' : 'M72 86l22 10h22';
  const legs = good ? 'M72 112h34v36h8' : 'M74 112h34l6 24';
  return `<path d="M52 118h44M56 118v32M92 118v32M50 118 46 60" fill="none" ${INK} stroke-width="4"/>`
    + `<path d="${legs}" fill="none" ${INK} stroke-width="7"/><path d="${back}" fill="none" stroke="#9cc3ea" stroke-width="16" stroke-linecap="round"/><path d="${back}" fill="none" ${INK} stroke-width="2" opacity=".6"/>`
    + `<path d="${arm}" fill="none" ${INK} stroke-width="5"/>${head} fill="${SKIN}" ${INK} stroke-width="2"/><circle cx="${eyeX}" cy="${eyeY}" r="1.8" fill="#222"/>`;
}
const sight = (good: boolean) => (good ? '<path d="M82 49 L178 44" stroke="#222" stroke-width="1.5" stroke-dasharray="4 4"/><text x="110" y="38" font-size="11" font-family="sans-serif" fill="#222">50–70 cm</text>' : '<path d="M104 66 L156 56" stroke="#222" stroke-width="1.5" stroke-dasharray="4 4"/>');

const scenes: Record<string, string> = {
  kids: floor() + AN(50, 28) + MAI(130, 28),
  'kid-phone': floor() + AN(90, 28, 'worried', 'hold') + phone(104, 70, 0.7) + bubble(150, 20, '?'),
  'kid-laptop': floor() + desk(40, 100, 160) + laptop(100, 52, 1) + MAI(60, 40, 'smile', 'hold', 0.75),
  'kid-thinking': floor() + MAI(90, 28, 'think') + bubble(150, 16, '?') + bubble(176, 50, '!'),
  'ask-adult': floor() + ADULT(130, 6, 'smile') + AN(56, 28, 'worried', 'hold') + phone(70, 70, 0.7),
  'family-home': windowFrame(20, 20) + floor() + ADULT(150, 6, 'smile') + MAI(90, 28, 'smile', 'hold') + laptop(92, 80, 0.55) + '<path d="M16 150v-30h60v30" fill="#e8d9c4" stroke="#222" stroke-width="2"/>',
  'school-class': '<rect x="10" y="10" width="110" height="60" fill="#2f5d46" stroke="#222" stroke-width="2"/><path d="M22 28h60M22 42h80M22 56h40" stroke="#fff" stroke-width="3"/>' + floor() + ADULT(130, 6, 'smile', 'up') + AN(10, 60, 'smile', 'down', 0.75) + MAI(60, 60, 'smile', 'down', 0.75),
  'computer-room': floor() + desk(4, 104, 232) + desktop(14, 40, 0.8) + desktop(130, 40, 0.8) + AN(40, 78, 'smile', 'hold', 0.6) + MAI(156, 78, 'smile', 'hold', 0.6),
  'posture-good': floor() + seated(true) + desk(110, 94, 120) + desktop(150, 30, 0.62) + sight(true),
  'posture-bad': floor() + seated(false) + desk(110, 94, 120) + desktop(150, 30, 0.62) + sight(false) + bubble(30, 10, '!'),
  'eye-rest': windowFrame(150, 20) + '<circle cx="175" cy="34" r="7" fill="#9fd08f" stroke="#222" stroke-width="1.5"/>' + floor() + AN(60, 28, 'smile') + '<path d="M96 50 Q130 30 150 36" stroke="#222" stroke-width="1.5" stroke-dasharray="4 4" fill="none"/><text x="20" y="24" font-size="14" font-family="sans-serif" fill="#222">20–20–20</text>',
  devices: floor() + phone(20, 96, 1.2) + laptop(66, 92, 1.1) + desktop(150, 62, 0.85),
  'password-lock': '<rect x="80" y="60" width="80" height="66" rx="8" fill="#ffe59a" stroke="#222" stroke-width="3"/><path d="M96 60V44a24 24 0 0 1 48 0v16" fill="none" stroke="#222" stroke-width="6"/><text x="120" y="102" font-size="26" font-family="sans-serif" text-anchor="middle" fill="#222">* * *</text>' + floor(),
  shield: '<path d="M120 14 170 32v40c0 34-22 56-50 66-28-10-50-32-50-66V32z" fill="#cfe3f7" stroke="#222" stroke-width="3"/><path d="m98 76 16 16 30-32" fill="none" stroke="#222" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>' + floor(),
  // Three nested circles (g3 "Ai được biết?"): family in the middle, a teacher and a friend's parent in the middle
  // ring, a stranger with a question and an unknown phone in the outer ring. No words: the lesson names the rings.
  'trust-circles': '<ellipse cx="120" cy="80" rx="116" ry="76" fill="#f8d7d7" stroke="#222" stroke-width="2"/><ellipse cx="120" cy="80" rx="80" ry="52" fill="#fff1b8" stroke="#222" stroke-width="2"/><ellipse cx="120" cy="80" rx="40" ry="28" fill="#d6ecd0" stroke="#222" stroke-width="2"/>'
    + person({ x: 98, y: 58, s: 0.32, shirt: '#b9d9b0', hair: 'adult' }) + person({ x: 121, y: 66, s: 0.25, shirt: '#f4b6b6', hair: 'girl' })
    + person({ x: 50, y: 62, s: 0.3, shirt: '#c9b3e6', hair: 'adult' }) + person({ x: 172, y: 62, s: 0.3, shirt: '#b9d9b0', hair: 'adult' })
    + person({ x: 12, y: 66, s: 0.28, shirt: '#bbbbbb', hair: 'boy', mood: 'neutral' }) + bubble(8, 26, '?') + phone(210, 68, 0.6) + bubble(196, 26, '?'),
  'stop-scam': floor() + MAI(40, 28, 'worried', 'up') + phone(120, 40, 1.6) + '<path d="M170 30l40 40M210 30l-40 40" stroke="#a4262c" stroke-width="8" stroke-linecap="round"/>',
};

/** Names of every illustration (for <Illustration name="…"> and <Panel scene="…">). */
export const ILLUSTRATIONS: readonly string[] = Object.keys(scenes);

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The SVG markup of one illustration, as an image named by its alt text. */
export function illustrationSvg(name: string, alt: string): string {
  return `<svg class="ks-drawing" viewBox="0 0 240 160" role="img" aria-label="${esc(alt)}" focusable="false" xmlns="http://www.w3.org/2000/svg">${scenes[name] ?? ''}</svg>`;
}
