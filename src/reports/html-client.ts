// The stylesheet and the script inlined into report.html. The script reads the embedded JSON
// and builds every element with DOM APIs and textContent: data never becomes markup.

export const CSS = String.raw`
:root{--bg:#f6f8fa;--card:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--accent:#0969da;
--pass:#1a7f37;--pass-bg:#dafbe1;--warn:#9a6700;--warn-bg:#fff8c5;--fail:#d1242f;--fail-bg:#ffebe9;
--skip:#59636e;--skip-bg:#eff2f5;--code:#f6f8fa}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--card:#151b23;--fg:#e6edf3;--muted:#9198a1;
--line:#3d444d;--accent:#4493f8;--pass:#3fb950;--pass-bg:#12261e;--warn:#d29922;--warn-bg:#272115;
--fail:#f85149;--fail-bg:#2d1315;--skip:#9198a1;--skip-bg:#212830;--code:#0d1117}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif}
main{max-width:1280px;margin:0 auto;padding:24px}
header{display:flex;flex-wrap:wrap;align-items:center;gap:16px;margin-bottom:20px}
h1{font-size:22px;margin:0}h2{font-size:16px;margin:28px 0 10px}
.meta{color:var(--muted);font-size:13px}
a{color:var(--accent)}
.verdict{font-weight:600;font-size:15px;padding:4px 14px;border-radius:999px;text-transform:uppercase;letter-spacing:.04em}
.s-passing,.s-passed{color:var(--pass);background:var(--pass-bg)}
.s-warning{color:var(--warn);background:var(--warn-bg)}
.s-failing,.s-failed{color:var(--fail);background:var(--fail-bg)}
.s-error{color:var(--warn);background:var(--warn-bg)}
.s-skipped{color:var(--skip);background:var(--skip-bg)}
.pill{display:inline-block;font-size:12px;font-weight:600;padding:1px 8px;border-radius:999px;white-space:nowrap}
table{width:100%;border-collapse:collapse;background:var(--card);border:1px solid var(--line);border-radius:8px;overflow:hidden}
th,td{text-align:left;padding:7px 10px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:12px;color:var(--muted);font-weight:600;background:var(--bg)}
tr:last-child td{border-bottom:0}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:12px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px;border-top:3px solid var(--skip)}
.card.c-passed{border-top-color:var(--pass)}.card.c-failed{border-top-color:var(--fail)}.card.c-error{border-top-color:var(--warn)}
.card h3{margin:0 0 6px;font-size:14px;display:flex;justify-content:space-between;align-items:flex-start;gap:8px}
.card h3 .pill{flex-shrink:0}
.card{cursor:pointer}.card:hover{border-color:var(--accent)}
.counts{display:flex;gap:10px;font-size:13px;margin:6px 0}
.counts b{font-variant-numeric:tabular-nums}
.reason{color:var(--muted);font-size:12px;word-break:break-word}
.filters{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:10px;align-items:center}
select,input{font:inherit;padding:5px 8px;border:1px solid var(--line);border-radius:6px;background:var(--card);color:var(--fg)}
input[type=search]{min-width:240px;flex:1}
button{font:inherit;padding:4px 12px;border:1px solid var(--line);border-radius:6px;background:var(--card);color:var(--fg);cursor:pointer}
button:disabled{opacity:.5;cursor:default}
.lv{font-size:12px;font-weight:600}.lv-error{color:var(--fail)}.lv-warning{color:var(--warn)}.lv-note{color:var(--muted)}
.loc,.rule{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px;overflow-wrap:anywhere}
#gates td:nth-child(2),#gates td:nth-child(3){white-space:nowrap}
#findings{table-layout:fixed}#findings th:nth-child(1){width:72px}#findings th:nth-child(2){width:150px}
#findings th:nth-child(3){width:170px}#findings th:nth-child(4){width:24%}
.msg{word-break:break-word}.hint{color:var(--muted);font-size:12.5px}
tr.f{cursor:pointer}tr.f:hover td{background:var(--bg)}
pre{margin:6px 0 0;padding:8px 10px;background:var(--code);border:1px solid var(--line);border-radius:6px;overflow:auto;font-size:12.5px;white-space:pre}
.pager{display:flex;gap:8px;align-items:center;margin-top:10px;color:var(--muted)}
.empty{padding:24px;text-align:center;color:var(--muted)}
noscript{display:block;color:var(--muted);margin:8px 0}
`

// Plain ES2017 in a string, so that no transpiler or coverage tool rewrites what the browser runs.
export const SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('pymaint-data').textContent);
  var F = data.findings, S = data.strings, checks = data.checks;
  var LEVELS = ['error', 'warning', 'note'];
  var PAGE = 100;
  var state = { check: '', level: '', path: '', q: '', page: 0, open: -1 };
  var shown = [];
  var lower = null;
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function safeUrl(u) { return typeof u === 'string' && /^https?:\/\/[^\s]+$/i.test(u) ? u : null; }
  function str(i) { return i < 0 ? '' : S[i]; }
  function haystack(i) {
    if (!lower) lower = new Array(F.length);
    var h = lower[i];
    if (h === undefined) {
      var f = F[i];
      h = lower[i] = (str(f[2]) + '\n' + f[3] + '\n' + str(f[4]) + '\n' + (f[8] || '') + '\n' + (f[9] || '')).toLowerCase();
    }
    return h;
  }
  function filter() {
    var out = [], c = state.check === '' ? -1 : Number(state.check), l = state.level === '' ? -1 : Number(state.level);
    var p = state.path.toLowerCase(), q = state.q.toLowerCase();
    for (var i = 0; i < F.length; i++) {
      var f = F[i];
      if (c >= 0 && f[0] !== c) continue;
      if (l >= 0 && f[1] !== l) continue;
      if (p && str(f[4]).toLowerCase().indexOf(p) < 0) continue;
      if (q && haystack(i).indexOf(q) < 0) continue;
      out.push(i);
    }
    shown = out;
  }
  var body = document.getElementById('findings-body');
  var info = document.getElementById('findings-info');
  var prev = document.getElementById('prev'), next = document.getElementById('next');
  function detailRow(f) {
    var tr = el('tr', 'detail'), td = el('td');
    td.colSpan = 5;
    if (f[9]) td.appendChild(el('div', 'hint', f[9]));
    if (f[10]) td.appendChild(el('div', 'hint', 'Severity: ' + f[10]));
    if (f[8]) td.appendChild(el('pre', '', f[8]));
    if (!f[8] && !f[9] && !f[10]) td.appendChild(el('div', 'hint', 'No source context from the tool.'));
    tr.appendChild(td);
    return tr;
  }
  function render() {
    while (body.firstChild) body.removeChild(body.firstChild);
    var pages = Math.max(1, Math.ceil(shown.length / PAGE));
    if (state.page >= pages) state.page = pages - 1;
    var start = state.page * PAGE, end = Math.min(shown.length, start + PAGE);
    var frag = document.createDocumentFragment();
    for (var k = start; k < end; k++) {
      var idx = shown[k], f = F[idx];
      var tr = el('tr', 'f');
      tr.setAttribute('data-i', String(idx));
      tr.appendChild(el('td', 'lv lv-' + LEVELS[f[1]], LEVELS[f[1]]));
      tr.appendChild(el('td', '', checks[f[0]].title));
      var rt = el('td', 'rule'), url = safeUrl(str(f[7]));
      if (url) {
        var a = el('a', '', str(f[2]));
        a.href = url; a.target = '_blank'; a.rel = 'noopener noreferrer';
        a.addEventListener('click', function (ev) { ev.stopPropagation(); });
        rt.appendChild(a);
      } else rt.textContent = str(f[2]);
      tr.appendChild(rt);
      var path = str(f[4]);
      tr.appendChild(el('td', 'loc', path ? path + (f[5] ? ':' + f[5] + (f[6] ? ':' + f[6] : '') : '') : (f[11] || '(no file)')));
      var m = el('td', 'msg', f[3]);
      tr.appendChild(m);
      frag.appendChild(tr);
      if (state.open === idx) frag.appendChild(detailRow(f));
    }
    body.appendChild(frag);
    if (shown.length === 0) {
      var tr0 = el('tr'), td0 = el('td', 'empty', F.length ? 'No findings match the filters.' : 'No findings.');
      td0.colSpan = 5; tr0.appendChild(td0); body.appendChild(tr0);
    }
    info.textContent = shown.length ? (start + 1) + '–' + end + ' of ' + shown.length + (shown.length !== F.length ? ' (filtered from ' + F.length + ')' : '') : '';
    prev.disabled = state.page === 0;
    next.disabled = state.page >= pages - 1;
  }
  // Filters live in the URL fragment (#check=ruff&level=error&path=src&q=text), so a filtered
  // view can be linked to and reloaded.
  function saveHash() {
    var parts = [];
    if (state.check !== '') parts.push('check=' + encodeURIComponent(checks[Number(state.check)].id));
    if (state.level !== '') parts.push('level=' + LEVELS[Number(state.level)]);
    if (state.path) parts.push('path=' + encodeURIComponent(state.path));
    if (state.q) parts.push('q=' + encodeURIComponent(state.q));
    try { history.replaceState(null, '', parts.length ? '#' + parts.join('&') : location.pathname + location.search); } catch (e) { /* file:// in some browsers */ }
  }
  function loadHash() {
    var h = location.hash.replace(/^#/, '').split('&');
    for (var i = 0; i < h.length; i++) {
      var kv = h[i].split('='), k = kv[0], v;
      try { v = decodeURIComponent(kv.slice(1).join('=')); } catch (e) { continue; }
      if (k === 'check') { for (var c = 0; c < checks.length; c++) if (checks[c].id === v) state.check = String(c); }
      else if (k === 'level' && LEVELS.indexOf(v) >= 0) state.level = String(LEVELS.indexOf(v));
      else if (k === 'path') state.path = v;
      else if (k === 'q') state.q = v;
    }
  }
  function update() { state.page = 0; filter(); render(); saveHash(); }
  var timer = null;
  function later() { clearTimeout(timer); timer = setTimeout(update, 150); }
  var fc = document.getElementById('f-check');
  for (var c = 0; c < checks.length; c++) {
    var o = el('option', '', checks[c].title + ' (' + checks[c].count + ')');
    o.value = String(c); fc.appendChild(o);
  }
  fc.addEventListener('change', function () { state.check = fc.value; update(); });
  var fl = document.getElementById('f-level');
  fl.addEventListener('change', function () { state.level = fl.value; update(); });
  var fp = document.getElementById('f-path');
  fp.addEventListener('input', function () { state.path = fp.value; later(); });
  var fq = document.getElementById('f-q');
  fq.addEventListener('input', function () { state.q = fq.value; later(); });
  prev.addEventListener('click', function () { state.page--; render(); });
  next.addEventListener('click', function () { state.page++; render(); });
  body.addEventListener('click', function (ev) {
    var t = ev.target;
    while (t && t !== body && !(t.getAttribute && t.getAttribute('data-i'))) t = t.parentNode;
    if (!t || t === body) return;
    var i = Number(t.getAttribute('data-i'));
    state.open = state.open === i ? -1 : i;
    render();
  });
  document.querySelectorAll('[data-check]').forEach(function (card) {
    card.addEventListener('click', function () { fc.value = card.getAttribute('data-check'); state.check = fc.value; update(); });
  });
  loadHash();
  fc.value = state.check; fl.value = state.level; fp.value = state.path; fq.value = state.q;
  filter(); render();
  document.documentElement.setAttribute('data-rendered', String(F.length));
  document.documentElement.setAttribute('data-shown', String(shown.length));
})();
`
