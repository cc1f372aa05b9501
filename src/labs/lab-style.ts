/** Styles shared by the labs, injected by each lab bundle so units without labs carry none of it. */
const CSS = `.ks-lab-item{border:1px solid #c5ccd6;border-radius:.4rem;padding:.6rem .9rem;margin:.8rem 0;background:#fbfcfe}
.ks-lab-item h3{margin:.2rem 0 .4rem;font-size:1rem}.ks-lab-head{margin:.1rem 0;color:#4a5360}.ks-lab-link{color:#0b5cad;text-decoration:underline;word-break:break-all}
.ks-lab-reveal{background:#eef2f6;padding:.3rem .6rem;border-radius:.3rem;white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-word;max-width:100%}.ks-lab-reveal code{word-break:break-all}
.ks-lab-item{min-width:0;overflow-wrap:anywhere}.ks-lab-item fieldset{border:0;padding:0;margin:.4rem 0;min-width:0}.ks-lab-item legend{font-weight:bold}
button.ks-small{min-height:2.4rem;padding:.25rem .7rem;margin:.2rem .2rem .2rem 0}
.ks-lab-chat p{margin:.4rem 0}.ks-lab-say{background:#fff4d6;padding:.4rem .6rem;border-radius:.3rem}.ks-lab-me{background:#e8f1fb;padding:.4rem .6rem;border-radius:.3rem;margin-left:1.5rem}
.ks-lab-choices{display:flex;flex-direction:column;gap:.4rem;margin:.5rem 0}.ks-choice{text-align:left}`;

export function injectLabStyle(): void {
  if (document.getElementById('ks-lab-style')) return;
  const style = document.createElement('style');
  style.id = 'ks-lab-style';
  style.textContent = CSS;
  document.head.append(style);
}
