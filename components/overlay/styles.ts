// All of the overlay's CSS, rendered as one <style> inside the shadow root: nothing leaks out, and of the
// page's styles only inherited properties reach in, so the root resets those.
const WAVE = 'transparent calc(50% - .8px),var(--c) calc(50% - .8px) calc(50% + .8px),transparent calc(50% + .8px)';

export const OVERLAY_CSS = `
.pv{position:absolute;left:0;top:0;width:0;height:0;pointer-events:none;
font:400 13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;letter-spacing:normal;text-transform:none;
text-align:start;white-space:normal;word-break:normal;overflow-wrap:anywhere;color:var(--fg);
--fg:#1f2328;--bg:#fff;--muted:#59636e;--line:#d1d9e0;--hover:#f0f2f4;--accent:#0969da;--on-accent:#fff;--ok:#1a7f37;
--error:#cf222e;--warning:#9a6700;--suggestion:#0969da;--shadow:0 6px 20px rgba(31,35,40,.18)}
.pv-dark{--fg:#e6edf3;--bg:#1c2128;--muted:#9198a1;--line:#3d444d;--hover:#2a313c;--accent:#4493f8;--on-accent:#0d1117;
--ok:#3fb950;--error:#ff7b72;--warning:#e3b341;--suggestion:#79c0ff;--shadow:0 6px 20px rgba(0,0,0,.55)}
.pv *,.pv *::before,.pv *::after{box-sizing:border-box}
.sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.c-error{--c:var(--error)}.c-warning{--c:var(--warning)}.c-suggestion{--c:var(--suggestion)}
.u{position:absolute;pointer-events:auto;cursor:pointer;forced-color-adjust:none;
background:linear-gradient(var(--c),var(--c)) 0 100%/100% 2px no-repeat}
.u.c-error,.u.c-warning{background:linear-gradient(135deg,${WAVE}) -1.5px 100%/6px 3px repeat-x,
linear-gradient(45deg,${WAVE}) 1.5px 100%/6px 3px repeat-x}
.popup{background:var(--bg);color:var(--fg);border:1px solid var(--line);border-radius:8px;box-shadow:var(--shadow);padding:8px 10px}
.btn{font:inherit;font-size:12px;border:1px solid var(--line);background:var(--bg);color:var(--fg);border-radius:6px;
padding:3px 10px;cursor:pointer}
.btn:hover{background:var(--hover)}
.btn-main{background:var(--accent);border-color:var(--accent);color:var(--on-accent)}
.btn-main:hover{background:var(--accent);filter:brightness(1.1)}
.btn:disabled{opacity:.5;cursor:not-allowed;filter:none}
.pv button:focus-visible,.pv a:focus-visible,.pv textarea:focus-visible{outline:2px solid var(--accent);outline-offset:1px}
.badge{position:absolute;transform:translate(-100%,-100%);pointer-events:auto;display:flex;flex-direction:column;
align-items:flex-end;gap:3px;width:max-content;max-width:320px}
.row{display:flex;align-items:center;justify-content:flex-end;gap:4px;flex-wrap:wrap}
.pill{display:inline-flex;align-items:center;gap:6px;font:inherit;font-size:12px;line-height:18px;padding:1px 8px;
border:1px solid var(--line);border-radius:999px;background:var(--bg);color:var(--fg);cursor:pointer;box-shadow:var(--shadow)}
.pill:hover{background:var(--hover)}
.count{color:var(--c);font-weight:600;white-space:nowrap}
.clean{color:var(--ok)}
.chips{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;justify-content:flex-end;gap:3px}
.chip,.line{font-size:11px;line-height:16px;padding:0 6px;border:1px solid var(--line);border-radius:999px;
background:var(--bg);color:var(--fg);margin:0}
.chip-restricted{border-color:var(--warning)}
.flag{color:var(--warning);font-weight:600}
.yes{color:var(--ok)}.no{color:var(--error)}
.line{border-radius:6px}
.notice{border-color:var(--warning)}
.link{color:var(--accent);text-decoration:underline;cursor:pointer}
.list{position:absolute;right:0;bottom:calc(100% + 4px);width:300px;max-width:calc(100vw - 16px);max-height:260px;overflow:auto}
.list.below{bottom:auto;top:calc(100% + 4px)}
.list ul{list-style:none;margin:0;padding:0}
.head{margin:0 0 4px;font-size:11px;color:var(--muted)}
.item{display:block;width:100%;text-align:start;font:inherit;font-size:12px;color:inherit;background:none;border:0;
border-left:3px solid var(--c);border-radius:3px;padding:3px 6px;margin:2px 0;cursor:pointer}
.item:hover{background:var(--hover)}
.match{font-weight:600}
.card{position:absolute;width:300px;max-width:calc(100vw - 16px);pointer-events:auto;border-top:3px solid var(--c)}
.card.above{transform:translateY(-100%)}
.msg{margin:0 0 4px}
.meta{margin:0 0 8px;font-size:11px;color:var(--muted)}
.tag{color:var(--c);font-weight:600;text-transform:uppercase;font-size:11px}
.actions{display:flex;flex-wrap:wrap;gap:6px}
.backdrop{position:fixed;inset:0;pointer-events:auto;display:flex;align-items:center;justify-content:center;
padding:16px;background:rgba(0,0,0,.4)}
.gate{width:440px;max-width:100%;max-height:100%;overflow:auto;padding:16px}
.gate h2{font-size:16px;line-height:1.3;margin:0 0 6px}
.gate p{margin:0 0 6px}
.gate ul{margin:0 0 12px;padding:0 0 0 18px}
.gate li{margin:2px 0}
.gate label{display:block;font-weight:600}
.gate textarea{display:block;width:100%;min-height:52px;font:inherit;color:inherit;background:var(--bg);
border:1px solid var(--line);border-radius:6px;padding:6px;margin:4px 0 2px;resize:vertical}
.hint{font-size:11px;color:var(--muted)}
`;
