// The page's DOM side: the CodeMirror 6 editor and the bridge to the wasm module (app.js).
//
// Who owns what: the C++ side (ui/page_state.h) holds the page state (code, setting overrides,
// view range, collapsed lanes, selection, cursor) and runs the simulation; this file owns the
// editor. Edits reach C++ debounced (interleave_set_code); C++ reports back through
// window.interleavePage.update(json) (run status, the error to underline, the selected line).
// window.interleave is the public API the share/embed features build on:
//   interleave.getState()      -> the serialisable page state (an object, see docs/page.md)
//   interleave.setState(obj)   -> restore it (editor text included)
//   interleave.status          -> the last status object from the wasm side
// Share links (share.js, share_ui.js) and embed.html (embed.js) are built on it.
//
// Bundled by esbuild as an IIFE (ui/CMakeLists.txt): a classic script, so it also loads in a
// sandboxed iframe with an opaque origin, where module scripts (CORS) would not.
import { EditorView, basicSetup } from 'codemirror';
import { python } from '@codemirror/lang-python';
import { setDiagnostics, lintGutter } from '@codemirror/lint';
import { EditorState, StateEffect, StateField, RangeSet } from '@codemirror/state';
import { Decoration } from '@codemirror/view';
import defaultScenario from './default_scenario.py';
import { decodeFragment, encodeState, makeLink } from './share.js';
import { setUpLinks } from './share_ui.js';
import { embedOptions, setUpEmbed } from './embed.js';
import { installExport } from './export.js';
import { initGallery } from './gallery.js';

const DEBOUNCE_MS = 250;

// ---- line highlight (the source line of the segment selected in the chart) --------------------
const setHighlightLine = StateEffect.define();
const highlightLineMark = Decoration.line({ class: 'il-selected-line' });
const highlightField = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setHighlightLine)) continue;
      const line = e.value;
      if (line >= 1 && line <= tr.state.doc.lines) {
        deco = RangeSet.of([highlightLineMark.range(tr.state.doc.line(line).from)]);
      } else {
        deco = Decoration.none;
      }
    }
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '13.5px', backgroundColor: '#ffffff' },
  '.cm-scroller': { fontFamily: "'DejaVu Sans Mono', Menlo, Consolas, monospace", lineHeight: '1.45' },
  '.il-selected-line': { backgroundColor: '#fff2b3' },
  '.cm-gutters': { backgroundColor: '#f4f5f7', borderRight: '1px solid #dde1e6' },
});

function wasmCall(name, ret, types, args) {
  if (!window.Module || !Module.calledRun || !Module.ccall) return undefined;
  return Module.ccall(name, ret, types, args);
}

// options (embed.html, embed.js): { readOnly } makes the editor read-only.
function start(options = {}) {
  const errorBar = document.getElementById('error-bar');
  let debounceTimer = 0;
  let lastSentCode = null;
  let lastCursorLine = 0;
  let suppressCursor = false;
  const status = {};
  window.interleaveStatus = status;

  const sendCode = () => {
    debounceTimer = 0;
    const code = view.state.doc.toString();
    if (code === lastSentCode) return;
    if (wasmCall('interleave_set_code', 'number', ['string'], [code]) !== undefined) lastSentCode = code;
  };

  const view = new EditorView({
    doc: defaultScenario,
    parent: document.getElementById('editor'),
    extensions: [
      basicSetup,
      python(),
      lintGutter(),
      highlightField,
      theme,
      EditorState.readOnly.of(!!options.readOnly),
      EditorView.contentAttributes.of({ 'aria-label': 'Python program' }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) {
          clearTimeout(debounceTimer);
          debounceTimer = setTimeout(sendCode, DEBOUNCE_MS);
        }
        // The cursor moved to another line by a click or the arrow keys (not by typing):
        // highlight that line's segments in the chart.
        if (u.docChanged) {
          lastCursorLine = u.state.doc.lineAt(u.state.selection.main.head).number;
        } else if (u.selectionSet) {
          const line = u.state.doc.lineAt(u.state.selection.main.head).number;
          if (line !== lastCursorLine && !suppressCursor && u.view.hasFocus) {
            lastCursorLine = line;
            wasmCall('interleave_select_line', 'number', ['number'], [line]);
          }
        }
      }),
    ],
  });

  let shownError = '';
  function showError(err) {
    const key = err ? JSON.stringify(err) : '';
    if (key === shownError) return;
    shownError = key;
    const diagnostics = [];
    if (err && err.line >= 1 && err.line <= view.state.doc.lines) {
      const line = view.state.doc.line(err.line);
      let from = line.from;
      let to = line.to;
      if (err.col >= 1) {
        from = Math.min(line.from + err.col - 1, line.to);
        to = err.endCol > err.col ? Math.min(line.from + err.endCol - 1, line.to) : line.to;
        // A one-character mark (CPython's caret under an unclosed bracket) is easy to miss:
        // underline from there to the end of the line's text.
        if (to - from <= 1) to = Math.max(from + 1, line.from + line.text.trimEnd().length);
        to = Math.min(to, line.to);
        if (to <= from) from = line.from;  // an empty line: mark it whole
      }
      diagnostics.push({ from, to, severity: 'error', message: err.message, source: err.type || 'Python' });
    }
    view.dispatch(setDiagnostics(view.state, diagnostics));
    if (err) {
      errorBar.textContent = (err.line >= 1 ? `Line ${err.line}: ` : '') + err.message;
      errorBar.hidden = false;
    } else {
      errorBar.textContent = '';
      errorBar.hidden = true;
    }
  }

  let shownLine = 0;
  function showSelectedLine(line) {
    if (line === shownLine) return;
    shownLine = line;
    const effects = [setHighlightLine.of(line)];
    if (line >= 1 && line <= view.state.doc.lines) {
      effects.push(EditorView.scrollIntoView(view.state.doc.line(line).from, { y: 'nearest' }));
    }
    suppressCursor = true;
    view.dispatch({ effects });
    suppressCursor = false;
  }

  // The C++ side replaced the program (compare's Edit, a gallery example): load it into the
  // editor, without sending it back. Deferred: update() runs inside the wasm frame.
  let codeSerial = 0;
  function loadCodeFromWasm() {
    const json = wasmCall('interleave_get_state', 'string', [], []);
    if (!json) return;
    const code = JSON.parse(json).code;
    if (typeof code !== 'string') return;
    clearTimeout(debounceTimer);
    lastSentCode = code;
    if (code !== view.state.doc.toString()) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
    }
  }

  // Called by the wasm side (ui/page_bridge.cpp) whenever its status changes.
  function update(json) {
    const s = JSON.parse(json);
    if (s.compare && s.compare.codeSerial !== codeSerial) {
      codeSerial = s.compare.codeSerial;
      queueMicrotask(loadCodeFromWasm);
    }
    // (readyMs is the page's own: kept.)
    for (const k of Object.keys(status)) if (!(k in s) && k !== 'readyMs') delete status[k];
    Object.assign(status, s);
    showError(s.error && s.error.message ? s.error : null);
    showSelectedLine(s.selectedLine || 0);
    if (s.ready && !window.interleaveReady) {
      window.interleaveReady = true;
      status.readyMs = performance.now();
      window.dispatchEvent(new Event('interleave-ready'));
    }
    window.dispatchEvent(new Event('interleave-status'));
  }

  // The wasm side calls this once it can take the page state (main(), after GL set-up). The
  // first state waits for what holdStart() was given (a share link being decoded), so the page
  // runs the linked program first, not the default one and then the linked one.
  let startGate = Promise.resolve();
  let started = false;
  const wasmReadyHooks = [];
  function wasmReady() {
    for (const hook of wasmReadyHooks) hook();
    const go = () => {
      if (started) return;
      started = true;
      // A gallery link (#gallery=slug) opens that example instead (gallery.js). (A state set
      // before the module was up wins; the picker is filled either way.)
      if (pendingState) gallery.list();
      else if (gallery.onWasmReady()) return;
      const code = view.state.doc.toString();
      lastSentCode = code;
      const state = Object.assign(pendingState || {}, { code });
      pendingState = null;
      if (wasmCall('interleave_set_state', 'number', ['string'], [JSON.stringify(state)]) === 0) {
        // Refused (a field of the wrong type): the default program, and tell the page why.
        api.setState({ code: defaultScenario });
        window.dispatchEvent(new Event('interleave-state-rejected'));
      }
    };
    startGate.then(go, go);
  }

  // Slices of a long simulation between frames: a MessageChannel task (no setTimeout clamping)
  // of a few ms at a time, re-posted while the run goes on. The browser interleaves these tasks
  // with rendering and input, so the page stays responsive and the run uses the idle time.
  const SLICE_MS = 6;
  const channel = new MessageChannel();
  let sliceScheduled = false;
  channel.port1.onmessage = () => {
    sliceScheduled = false;
    if (wasmCall('interleave_background_slice', 'number', ['number'], [SLICE_MS])) kick();
  };
  function kick() {
    if (sliceScheduled) return;
    sliceScheduled = true;
    channel.port2.postMessage(0);
  }

  let pendingState = null;
  const api = {
    status,
    editor: view,
    getState() {
      const json = wasmCall('interleave_get_state', 'string', [], []);
      const state = json ? JSON.parse(json) : { version: 1 };
      state.code = view.state.doc.toString();  // the editor is ahead of the debounce
      return state;
    },
    // true: applied; false: refused (a field of the wrong type, the page is unchanged);
    // 'pending': applied once the wasm module is up (merged with earlier pending states).
    setState(state) {
      if (typeof state.code === 'string' && state.code !== view.state.doc.toString()) {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: state.code } });
      }
      clearTimeout(debounceTimer);
      const full = Object.assign({}, state, { code: view.state.doc.toString() });
      lastSentCode = full.code;
      if (!started) {
        pendingState = Object.assign(pendingState || {}, full);
        return 'pending';
      }
      return wasmCall('interleave_set_state', 'number', ['string'], [JSON.stringify(full)]) === 1;
    },
    // The first run waits for `promise` (settled either way) as well.
    holdStart(promise) {
      startGate = Promise.all([startGate, promise.catch(() => {})]);
    },
    // fn() runs when the wasm module is up, before the first state is applied.
    onWasmReady(fn) {
      wasmReadyHooks.push(fn);
    },
    get started() {
      return started;
    },
    // Share links (share.js): the fragment for a state, a whole link, and back.
    share: { encodeState, makeLink, decodeFragment },
    setCode(code) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
      clearTimeout(debounceTimer);
      sendCode();
    },
    defaultScenario,
    // The gallery (gallery.js): openGallery(slug) opens an example, gallery() lists them.
    openGallery: (slug) => gallery.open(slug),
    gallery: () => gallery.list(),
  };
  const gallery = initGallery({ view, wasmCall });
  window.interleave = api;
  window.interleavePage = { update, wasmReady, kick };
  installExport({ api, wasmCall, status });  // the Export menu's files (export.js)

  // Keys typed in the editor (or any other form field) belong to it, not to the chart: the
  // GLFW layer listens on window, so it is told to ignore them (see ui/app_main.cpp).
  window.interleaveKeyTarget = (event) => {
    const t = event.target;
    return !(t && t.closest && t.closest('.cm-editor, input, textarea, select, [contenteditable], [role=dialog]'));
  };
}

const embed = embedOptions();  // null on the playground (index.html)
start(embed || {});
const linkRead = setUpLinks({ embed: !!embed });
if (embed) setUpEmbed(embed, linkRead);
