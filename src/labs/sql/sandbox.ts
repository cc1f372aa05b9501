/**
 * File name of the comment page inside a unit folder or package. It is a file of its own rather than a
 * srcdoc frame: a srcdoc document inherits the lesson page's Content-Security-Policy (no inline script),
 * which would stop the exercise; a separate document has only its own policy below.
 */
export const SANDBOX_FILE = 'lab-sql-sandbox.html';

/**
 * The comment page of the XSS exercise, run in an iframe with sandbox="allow-scripts" and no
 * allow-same-origin: injected code runs in an isolated origin and can only call hacked(), which tells the
 * lab it worked. It can read nothing of the lesson page and sends nothing anywhere.
 */
export const SANDBOX_HTML = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'"><style>body{font:16px system-ui,sans-serif;margin:.5rem}#c{border:1px solid #999;padding:.4rem;min-height:2rem}</style></head><body><p>Bình luận mới nhất / Latest comment:</p><div id="c"></div><script>
window.hacked=function(){parent.postMessage('ks-xss-fired','*')};
addEventListener('message',function(e){var d=e.data||{};var c=document.getElementById('c');if(d.mode==='escape'){c.textContent=d.comment}else{c.innerHTML=d.comment}parent.postMessage('ks-xss-rendered','*')});
parent.postMessage('ks-xss-ready','*');
</script></body></html>`;
