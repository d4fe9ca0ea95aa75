// The page's exports (PRODUCT.md section 4): the chart as SVG (the visible range) or PNG (as on
// screen), the trace as Chrome trace JSON for Perfetto. The Export menu is drawn by the wasm side
// (ui/view_export.cpp); ui/app_exports.cpp calls window.interleaveExport.requested(format), or,
// for a PNG, capturePng(x, y, w, h) right after the frame that drew the chart (the WebGL drawing
// buffer is only readable until that frame is shown).
//
// Files are downloaded through a Blob and an <a download>. Inside a sandboxed iframe without
// allow-downloads (an embed on a course page) the browser drops downloads silently, so there the
// file is shown in a panel instead (text to copy, or the image), with a clear message; the panel
// can also be opened after any download ("Show"). Nothing from the trace is ever inserted as
// HTML: text goes into a textarea's value, images through a blob: URL.
//
// API: window.interleave.exportFile(format) does what the menu does ('svg', 'png', 'chrome');
// window.interleaveExport.last describes the last export ({format, name, bytes, ms, shown}).

const FILES = {
  svg: { name: 'interleave-chart.svg', type: 'image/svg+xml' },
  png: { name: 'interleave-chart.png', type: 'image/png' },
  chrome: { name: 'interleave-trace.json', type: 'application/json' },
};
const PROGRAM_FILE = 'main.py';  // ui/page_run.h kProgramFile: the SVG's title line
const MIN_SVG_WIDTH = 320;        // engine/trace_writers.h kSvgMinWidth
const TOAST_MS = 6000;

// A sandboxed frame without allow-same-origin has an opaque origin; downloads are blocked there
// unless the host also allowed them, which a script cannot tell.
function downloadsLikelyBlocked() {
  let framed = true;
  try {
    framed = window.self !== window.top;
  } catch (e) {
    framed = true;
  }
  return framed && window.origin === 'null';
}

function humanSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function installExport({ api, wasmCall, status }) {
  let panel = null;
  let toastTimer = 0;
  const state = { last: null, requested, capturePng, failed };
  window.interleaveExport = state;

  function el(tag, props = {}, style = {}) {
    const e = document.createElement(tag);
    Object.assign(e, props);
    Object.assign(e.style, style);
    return e;
  }

  function closePanel() {
    if (panel) panel.remove();
    panel = null;
  }

  // The file shown in the page: the text in a read-only textarea, or the image.
  function showPanel(format, blob, text, message) {
    closePanel();
    const file = FILES[format];
    const host = document.getElementById('main') || document.body;
    panel = el('div', { className: 'il-export-panel', role: 'dialog' }, {
      position: 'absolute', right: '12px', top: '48px', width: 'min(640px, calc(100% - 24px))',
      maxHeight: 'calc(100% - 64px)', display: 'flex', flexDirection: 'column', gap: '8px',
      padding: '12px', background: '#fff', border: '1px solid #b8bec6', borderRadius: '6px',
      boxShadow: '0 6px 24px rgba(0,0,0,.18)', zIndex: 10, font: '13px/1.4 system-ui, sans-serif',
    });
    panel.setAttribute('aria-label', `Exported ${file.name}`);
    const head = el('div', {}, { display: 'flex', alignItems: 'baseline', gap: '8px' });
    head.append(el('strong', { textContent: file.name }), el('span', { textContent: humanSize(blob.size) }, { color: '#59636e' }));
    const spacer = el('span', {}, { flex: '1' });
    const close = el('button', { type: 'button', textContent: 'Close', className: 'il-export-close' });
    close.addEventListener('click', closePanel);
    head.append(spacer, close);
    panel.append(head);
    if (message) panel.append(el('div', { className: 'il-export-message', textContent: message }, { color: '#8c1d18' }));
    if (text !== null) {
      const area = el('textarea', { readOnly: true, value: text, className: 'il-export-text', spellcheck: false },
                      { width: '100%', minHeight: '240px', flex: '1', font: "12px/1.35 'DejaVu Sans Mono', monospace",
                        boxSizing: 'border-box', whiteSpace: 'pre' });
      const select = el('button', { type: 'button', textContent: 'Select all (then copy)' });
      select.addEventListener('click', () => { area.focus(); area.select(); });
      panel.append(area, select);
    } else {
      const img = el('img', { className: 'il-export-image', alt: 'The chart as a PNG image' },
                     { maxWidth: '100%', maxHeight: '60vh', objectFit: 'contain', border: '1px solid #dde1e6' });
      img.src = URL.createObjectURL(blob);
      panel.append(img, el('div', { textContent: 'Right-click the image to copy or save it.' }, { color: '#59636e' }));
    }
    host.append(panel);
  }

  function toast(format, blob, text) {
    const file = FILES[format];
    clearTimeout(toastTimer);
    let t = document.getElementById('il-export-toast');
    if (!t) {
      t = el('div', { id: 'il-export-toast', role: 'status' }, {
        position: 'absolute', right: '12px', bottom: '12px', padding: '6px 10px', background: '#1f2328',
        color: '#fff', borderRadius: '4px', font: '12.5px/1.4 system-ui, sans-serif', zIndex: 11,
        display: 'flex', gap: '10px', alignItems: 'baseline',
      });
      (document.getElementById('main') || document.body).append(t);
    }
    t.replaceChildren(el('span', { textContent: `Downloaded ${file.name} (${humanSize(blob.size)})` }));
    const show = el('button', { type: 'button', textContent: 'Show' }, { font: 'inherit' });
    show.addEventListener('click', () => showPanel(format, blob, text, null));
    t.append(show);
    t.hidden = false;
    toastTimer = setTimeout(() => { t.hidden = true; }, TOAST_MS);
  }

  // Hands the file to the browser, or shows it where downloads cannot work.
  function deliver(format, blob, text, ms) {
    const file = FILES[format];
    const blocked = downloadsLikelyBlocked();
    state.last = { format, name: file.name, bytes: blob.size, ms, shown: blocked };
    if (blocked) {
      showPanel(format, blob, text,
                'Downloads are blocked inside this embedded page. ' +
                (text !== null ? 'Copy the text below into a file' : 'Save the image below') +
                `, or open the playground in its own tab to download ${file.name}.`);
      return;
    }
    const url = URL.createObjectURL(blob);
    const a = el('a', { href: url, download: file.name }, { display: 'none' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    toast(format, blob, text);
  }

  function failed(format, why) {
    state.last = { format, error: String(why) };
    const message = `Could not export ${FILES[format] ? FILES[format].name : format}: ${why}`;
    console.warn(message);
    closePanel();
    const host = document.getElementById('main') || document.body;
    panel = el('div', { className: 'il-export-panel', role: 'alert', textContent: message }, {
      position: 'absolute', right: '12px', top: '48px', padding: '10px 12px', background: '#fdecea',
      color: '#8c1d18', border: '1px solid #f1b5ae', borderRadius: '6px', zIndex: 10,
    });
    panel.addEventListener('click', closePanel);
    host.append(panel);
  }

  // SVG of the visible range at the chart's on-screen width, or the Chrome trace.
  function exportText(format) {
    const t0 = performance.now();
    let text;
    if (format === 'svg') {
      const view = status.view || { t0: 0, t1: 0 };
      const chart = status.widgets && status.widgets.timeArea;
      const dpr = window.devicePixelRatio || 1;
      // The whole chart's width in CSS pixels (the time area plus the lane names), as on screen.
      const full = status.widgets && status.widgets.chart;
      const width = Math.max(MIN_SVG_WIDTH, Math.round((full ? full[2] : chart ? chart[2] : 1200 * dpr) / dpr));
      text = wasmCall('interleave_export', 'string', ['string', 'number', 'number', 'number', 'string'],
                      ['svg', view.t0, view.t1, width, PROGRAM_FILE]);
    } else {
      text = wasmCall('interleave_export', 'string', ['string', 'number', 'number', 'number', 'string'],
                      [format, 0, 0, 0, '']);
    }
    const ms = performance.now() - t0;
    if (!text) {
      failed(format, text === undefined ? 'the page is still loading' : 'there is no chart yet');
      return;
    }
    deliver(format, new Blob([text], { type: FILES[format].type }), text, ms);
  }

  function requested(format) {
    try {
      if (!FILES[format]) throw new Error(`unknown format ${format}`);
      if (format === 'png') {
        if (!wasmCall('interleave_request_png', 'number', [], [])) failed('png', 'there is no chart yet');
        return;
      }
      exportText(format);
    } catch (e) {
      failed(format, e && e.message ? e.message : e);
    }
  }

  // Called by the wasm side in the frame that drew the chart: copies the chart's rectangle
  // (canvas = device pixels) of the WebGL canvas into a PNG.
  function capturePng(x, y, w, h) {
    try {
      const t0 = performance.now();
      const source = (window.Module && Module.canvas) || document.getElementById('canvas');
      const sx = Math.max(0, Math.min(x, source.width - 1));
      const sy = Math.max(0, Math.min(y, source.height - 1));
      const sw = Math.max(1, Math.min(w, source.width - sx));
      const sh = Math.max(1, Math.min(h, source.height - sy));
      const copy = document.createElement('canvas');
      copy.width = sw;
      copy.height = sh;
      copy.getContext('2d').drawImage(source, sx, sy, sw, sh, 0, 0, sw, sh);
      const copyMs = performance.now() - t0;
      // toDataURL encodes at once; toBlob waits for idle time, which a page that draws every
      // frame rarely has (seconds in Chromium).
      const url = copy.toDataURL('image/png');
      const comma = url.indexOf(',');
      if (!url.startsWith('data:image/png') || comma < 0) {
        failed('png', 'the browser could not encode the image');
        return;
      }
      const raw = atob(url.slice(comma + 1));
      const bytes = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
      deliver('png', new Blob([bytes], { type: 'image/png' }), null, performance.now() - t0);
      state.last.copyMs = copyMs;
    } catch (e) {
      failed('png', e && e.message ? e.message : e);
    }
  }

  api.exportFile = (format) => requested(format);
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && panel) closePanel(); });
}
