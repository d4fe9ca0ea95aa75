// embed.html: the playground trimmed for an <iframe> in a course page, its URL options, and the
// postMessage API for the host page. Documented in docs/embed.md.
//
// It must work in <iframe sandbox="allow-scripts"> on another origin: an opaque origin, where
// cookies, localStorage and sessionStorage throw, popups may be blocked and the parent may be
// anyone. So: no storage at all (nothing here or in page.js touches it), no request but the
// page's own static files, "Open in playground" falls back to showing the link, and every
// incoming message is checked (shape, types, sizes) and accepted only from the parent window.
import { checkState, freshState, makeLink, MAX_CODE_CHARS } from './share.js';
import { showLinkDialog } from './share_ui.js';

export const PROTOCOL = 1;  // the `interleave` field of every message, both ways

// Height of the editor + chart area in CSS px, when the URL gives none (height=...), and the
// range accepted: below 160 px the chart has no room for its lanes; above 4000 px is a mistake.
export const DEFAULT_HEIGHT = 440;
const MIN_HEIGHT = 160;
const MAX_HEIGHT = 4000;
// Panels the URL may list (panels=...). The chart is always shown.
const TABS = ['output', 'errors', 'metrics', 'cursor'];
const PANELS = ['editor', 'settings', 'summary', 'legend', ...TABS];
// The bar already shows the makespan and speedup: the summary line is left out for the chart.
const DEFAULT_PANELS = ['editor', 'legend', 'output', 'errors', 'metrics'];
// Longest request id echoed back (a host's counter or a UUID fits many times over).
const MAX_ID_CHARS = 128;
// Requests waiting for a run to finish. A host awaits a few at a time; past this a page is
// flooding us, and further requests are refused rather than queued without bound.
const MAX_WAITING = 64;

// ---- URL options ---------------------------------------------------------------------------------

const UNITS = { ns: 1, us: 1e3, 'µs': 1e3, ms: 1e6, s: 1e9 };
// "2.5ms" -> 2500000 (ns); null if not a duration.
export function parseDuration(text) {
  const m = /^(\d+(?:\.\d+)?)(ns|us|µs|ms|s)$/.exec(text.trim());
  return m ? Math.round(Number(m[1]) * UNITS[m[2]]) : null;
}

function flag(params, name) {
  if (!params.has(name)) return false;
  const v = params.get(name).toLowerCase();
  return v !== '0' && v !== 'false' && v !== 'no' && v !== 'off';
}

// The embed's options from its URL's query (docs/embed.md), or null on the playground page.
// Unknown or malformed options are ignored, each with a console warning.
export function embedOptions(doc = document, search = location.search) {
  if (doc.documentElement.dataset.page !== 'embed') return null;
  const params = new URLSearchParams(search);
  const warn = (what) => console.warn(`embed.html: ignored ${what}`);
  const opts = { readOnly: flag(params, 'readonly'), autoplay: flag(params, 'autoplay'),
                 panels: DEFAULT_PANELS.slice(), height: DEFAULT_HEIGHT, fill: false, view: null, tab: null };
  if (params.has('panels')) {
    const list = params.get('panels').split(',').map((p) => p.trim()).filter((p) => p);
    const bad = list.filter((p) => !PANELS.includes(p));
    if (bad.length) warn(`panels ${bad.join(', ')}`);
    opts.panels = list.filter((p) => PANELS.includes(p));
  }
  if (params.has('height')) {
    const h = params.get('height');
    if (h === 'fill') opts.fill = true;
    else if (/^\d{2,5}$/.test(h)) opts.height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Number(h)));
    else warn(`height=${h}`);
  }
  if (params.has('view')) {
    const v = params.get('view');
    const parts = v.split('-');
    const t0 = parts.length === 2 ? parseDuration(parts[0]) : null;
    const t1 = parts.length === 2 ? parseDuration(parts[1]) : null;
    if (v === 'fit') opts.view = { start_ns: 0, end_ns: 0 };
    else if (t0 !== null && t1 !== null && t1 > t0) opts.view = { start_ns: t0, end_ns: t1 };
    else warn(`view=${v}`);
  }
  if (params.has('tab')) {
    const t = params.get('tab');
    if (TABS.includes(t)) opts.tab = t;
    else warn(`tab=${t}`);
  }
  return opts;
}

// ---- helpers -------------------------------------------------------------------------------------

function wasmCall(name, ret, types, args) {
  if (!window.Module || !Module.calledRun || !Module.ccall) return undefined;
  return Module.ccall(name, ret, types, args);
}

function summary() {
  const json = wasmCall('interleave_result_summary', 'string', [], []);
  return json ? JSON.parse(json) : null;
}

export function formatNs(ns) {
  const a = Math.abs(ns);
  if (a >= 1e9) return `${(ns / 1e9).toPrecision(3)} s`;
  if (a >= 1e6) return `${(ns / 1e6).toPrecision(3)} ms`;
  if (a >= 1e3) return `${(ns / 1e3).toPrecision(3)} \u00b5s`;
  return `${ns} ns`;
}

function playgroundUrl() {
  return new URL('./', location.href.split('#')[0]).href;
}

const framed = () => window.parent && window.parent !== window;

function post(message) {
  // The parent may be any page (an embed does not know its host), and what is sent is the
  // program's result, which its host gave it or can read from the link: '*' is right here.
  if (framed()) window.parent.postMessage(Object.assign({ interleave: PROTOCOL }, message), '*');
}

// ---- message checks ------------------------------------------------------------------------------

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function checkId(id) {
  return (typeof id === 'string' && id.length <= MAX_ID_CHARS) || (typeof id === 'number' && Number.isFinite(id));
}

// What is wrong with a request, or null. Only the keys each type takes are read.
export function checkRequest(data) {
  switch (data.type) {
    case 'load': {
      if (typeof data.code !== 'string') return 'load needs code (a string)';
      if (data.code.length > MAX_CODE_CHARS) return `code is longer than ${MAX_CODE_CHARS} characters`;
      const state = { code: data.code };
      if ('settings' in data) state.settings = data.settings;
      if ('view' in data) state.view = data.view;
      return checkState(state);
    }
    case 'run': case 'result': case 'state': case 'play':
      return null;
    default:
      return `unknown type ${JSON.stringify(String(data.type).slice(0, 40))}`;
  }
}

// ---- set-up --------------------------------------------------------------------------------------

export function setUpEmbed(opts, linkRead) {
  const api = window.interleave;
  const root = document.getElementById('embed');
  const showEditor = opts.panels.includes('editor');
  root.classList.toggle('no-editor', !showEditor);
  root.classList.toggle('fill', opts.fill);
  root.classList.toggle('read-only', opts.readOnly);
  root.style.setProperty('--embed-height', `${opts.height}px`);

  // URL options on top of the link's state (a link's own view loses to view=).
  const overrides = {};
  if (opts.view) overrides.view = opts.view;
  if (opts.tab) overrides.tab = opts.tab;
  if (Object.keys(overrides).length) api.holdStart(linkRead.then(() => api.setState(overrides)));
  api.onWasmReady(() => {
    wasmCall('interleave_set_chrome', 'number', ['string', 'number'], [opts.panels.join(','), opts.readOnly ? 1 : 0]);
  });

  // ---- the bar: Run, the result in a few words, Open in playground ----
  const runButton = document.getElementById('embed-run');
  const statusText = document.getElementById('embed-status');
  const openButton = document.getElementById('embed-open');
  runButton.hidden = opts.readOnly;
  runButton.addEventListener('click', () => rerun());
  // Sends the editor's text at once (not after the typing debounce); runs again if that did not.
  function rerun() {
    if (!api.started) return;
    api.setState({});
    const s = summary();
    if (s && !s.running) wasmCall('interleave_rerun', 'number', [], []);
  }
  openButton.addEventListener('click', async () => {
    let link;
    try {
      link = await makeLink(api.getState(), playgroundUrl());
    } catch (e) {
      showLinkDialog({ title: 'Open in the playground', error: e.message });
      return;
    }
    // A sandbox without allow-popups blocks the new tab (window.open returns null): then the
    // link is shown to copy instead.
    let opened = null;
    try {
      opened = window.open(link, '_blank');
    } catch {
      opened = null;
    }
    if (opened) {
      opened.opener = null;
    } else {
      showLinkDialog({ title: 'Open in the playground', link,
                       note: 'This frame may not open tabs: copy the link into a new tab.' });
    }
  });

  let lastRuns = 0;
  window.addEventListener('interleave-status', () => {
    const s = api.status;
    if (s.running) {
      statusText.textContent = 'Running\u2026';
    } else if (s.error && s.error.message) {
      statusText.textContent = s.error.type || 'Error';
    } else if (s.makespanNs !== undefined) {
      statusText.textContent = `makespan ${formatNs(s.makespanNs)}` +
                               (s.speedup ? ` \u00b7 speedup ${s.speedup.toFixed(2)}\u00d7` : '');
    }
    if (s.runsFinished > lastRuns && !s.running) {
      lastRuns = s.runsFinished;
      const result = summary();
      if (result) post({ type: 'finished', result });
    }
    settleWaiting();
  });

  window.addEventListener('interleave-ready', () => {
    if (opts.autoplay) wasmCall('interleave_play', 'number', [], []);
    post({ type: 'ready', result: summary() });
    postHeight();
  });

  // ---- resize messages: the content's height, on load and whenever it changes ----
  let lastHeight = -1;
  function postHeight() {
    const h = Math.ceil(root.getBoundingClientRect().height);
    if (h === lastHeight) return;
    lastHeight = h;
    post({ type: 'resize', height: h });
  }
  if (typeof ResizeObserver === 'function') new ResizeObserver(postHeight).observe(root);
  postHeight();

  // ---- requests from the host page ----
  const waiting = [];  // { reply } waiting for the run in progress to finish

  // A reply goes to the window that asked, on its origin ('*' when that is opaque: a sandboxed
  // or file: host), with the request's id.
  function replier(event, id) {
    const target = event.source;
    const origin = event.origin && event.origin !== 'null' ? event.origin : '*';
    return (body) => {
      if (id === undefined) return;
      try {
        target.postMessage(Object.assign({ interleave: PROTOCOL, type: 'reply', id }, body), origin);
      } catch {
        // The host navigated away.
      }
    };
  }

  function settleWaiting() {
    if (!waiting.length || !api.started) return;
    const s = summary();
    if (!s || s.running || s.runsFinished === 0) return;
    for (const w of waiting.splice(0)) w.reply({ ok: true, result: s });
  }

  function afterRun(reply) {
    if (waiting.length >= MAX_WAITING) {
      reply({ ok: false, error: 'too many requests waiting for a run' });
      return;
    }
    waiting.push({ reply });
    settleWaiting();
  }

  window.addEventListener('message', (event) => {
    // Only the page this frame is embedded in; anything else (other frames, extensions, junk) is
    // ignored without a word.
    if (!framed() || event.source !== window.parent) return;
    const data = event.data;
    if (!isObject(data) || data.interleave !== PROTOCOL || typeof data.type !== 'string') return;
    if ('id' in data && !checkId(data.id)) return;
    const reply = replier(event, data.id);
    const wrong = checkRequest(data);
    if (wrong) {
      reply({ ok: false, error: wrong });
      return;
    }
    switch (data.type) {
      case 'load': {
        const state = Object.assign(freshState(), { code: data.code });
        if (data.settings) state.settings = data.settings;
        if (data.view) state.view = data.view;
        if (opts.tab) state.tab = opts.tab;
        if (api.setState(state) === false) {
          reply({ ok: false, error: 'the page refused the scenario' });
          return;
        }
        afterRun(reply);
        return;
      }
      case 'run':
        rerun();
        afterRun(reply);
        return;
      case 'result':
        afterRun(reply);
        return;
      case 'state':
        makeLink(api.getState(), playgroundUrl()).then(
          (link) => reply({ ok: true, state: api.getState(), link }),
          () => reply({ ok: true, state: api.getState(), link: null }));
        return;
      case 'play':
        reply(wasmCall('interleave_play', 'number', [], []) === 1 ? { ok: true }
                                                                  : { ok: false, error: 'no chart yet' });
        return;
    }
  });
}
