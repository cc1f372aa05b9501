import type { RuntimeContest } from '../../src/contest/schema.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** JSON or script text safe inside a <script> element. */
const safe = (s: string) => s.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

const CSS = `*{box-sizing:border-box}body{font:16px/1.5 system-ui,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
.ct-top{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;padding:.6rem 1rem;background:#0b3d63;color:#fff}.ct-top h1{font-size:1.2rem;margin:0}.ct-top p{margin:0}.ct-top code{color:#fff}
.ct-top button{margin-left:auto}.ct-layout{display:flex;flex-wrap:wrap;gap:1rem;padding:1rem}.ct-nav{flex:0 1 17rem}.ct-nav ul{list-style:none;padding:0;margin:0}
.ct-nav li button{display:block;width:100%;text-align:left;margin:.15rem 0;padding:.45rem .6rem;border:1px solid #c5ccd6;border-radius:.3rem;background:#fff;font:inherit;cursor:pointer}
.ct-nav li button[aria-current=true]{border:2px solid #0b3d63;background:#e8f0f8}.ct-mark{color:#12632b}main{flex:1 1 30rem;min-width:0;background:#fff;border:1px solid #dde2e8;border-radius:.4rem;padding:1rem}
button{font:inherit;padding:.4rem .8rem;border-radius:.3rem;border:1px solid #0b3d63;background:#0b3d63;color:#fff;cursor:pointer}button:disabled{opacity:.6;cursor:default}.ct-nav li button{color:#1b1f24}
input,select,textarea{font:inherit;padding:.35rem;border:2px solid #7a8594;border-radius:.3rem}:focus{outline:3px solid #d9480f;outline-offset:2px}:focus:not(:focus-visible){outline:none}
.ct-bar{display:flex;gap:.4rem;flex-wrap:wrap}.ct-bar input{flex:1 1 18rem;font-family:ui-monospace,Consolas,monospace}textarea,#ct-cookies{display:block;width:100%;font-family:ui-monospace,Consolas,monospace}
.ct-view{width:100%;height:22rem;border:1px solid #7a8594;border-radius:.3rem;background:#fff}.ct-source{white-space:pre-wrap;word-break:break-all;background:#f1f3f5;padding:.5rem;max-height:18rem;overflow:auto}
.ct-code{min-height:14rem}.ct-flag{margin:1rem 0;display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}.ct-flag input{flex:1 1 16rem;font-family:ui-monospace,Consolas,monospace}
[data-ok=true],[data-pass=true]{color:#12632b}[data-ok=false],[data-pass=false]{color:#a61b1b}.ct-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.ct-skip{position:absolute;left:-999px}.ct-skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:2}#ct-notice{margin:.5rem 1rem;padding:.5rem;border:1px solid #b08800;background:#fff8db}
.ct-team{max-width:30rem;margin:3rem auto;background:#fff;padding:1.5rem;border:1px solid #dde2e8;border-radius:.4rem}.ct-team input{display:block;width:100%;margin:.4rem 0 1rem}.ct-meta{color:#4a5562}.ct-reminder{border-left:4px solid #b08800;background:#fff8db;padding:.4rem .6rem}`;

/** The single page of a contest unit: its data and the contest script (which loads the rest from lazy/ when needed). */
export function buildContestPage(contest: RuntimeContest, script: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Khiên Số ${esc(contest.id)}@${esc(contest.version)}">
<title>${esc(contest.title.vi)} · ${esc(contest.title.en)}</title>
<link rel="icon" href="data:,">
<style>${CSS}</style>
</head>
<body>
<div id="ct-notice" role="status" hidden></div>
<div id="ct-app"><noscript>Cần bật JavaScript. / JavaScript is needed.</noscript></div>
<script type="application/json" id="ks-contest">${safe(JSON.stringify(contest))}</script>
<script src="${esc(script)}"></script>
</body>
</html>
`;
}
