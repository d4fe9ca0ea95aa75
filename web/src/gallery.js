// The Gallery picker and the explanation shown beside the chart (DOM side). The examples live in
// the wasm module (gallery/*.py embedded at build time: nothing is fetched); this file lists them
// (interleave_gallery_list), opens one (interleave_gallery_open: the C++ side sets the program,
// its settings and, for an example with variants, compare mode) and shows its title and
// explanation above the editor. Text goes in with textContent only.
//
// Links: `#gallery=<slug>` (or `?gallery=<slug>`) opens an example; the address bar shows it
// while the example is open as published, and drops it at the first edit (the program is no
// longer the example).
import { EditorView } from '@codemirror/view';
import { StateEffect, Transaction } from '@codemirror/state';

const SLUG = /^[a-z0-9_]{1,64}$/;

// The slug named by the page's address, or ''.
export function gallerySlugFromLocation(loc = window.location) {
  const fromParams = (text) => {
    try {
      const v = new URLSearchParams(text).get('gallery');
      return v && SLUG.test(v) ? v : '';
    } catch (e) {
      return '';
    }
  };
  const hash = (loc.hash || '').replace(/^#/, '');
  return (hash.startsWith('gallery=') ? fromParams(hash) : '') || fromParams((loc.search || '').replace(/^\?/, ''));
}

export function initGallery({ view, wasmCall }) {
  const picker = document.getElementById('gallery-picker');
  const note = document.getElementById('gallery-note');
  const noteTitle = document.getElementById('gallery-title');
  const noteText = document.getElementById('gallery-text');
  const noteCompare = document.getElementById('gallery-compare');
  const closeButton = document.getElementById('gallery-close');
  let examples = null;
  let openSlug = '';

  function list() {
    if (examples) return examples;
    const json = wasmCall('interleave_gallery_list', 'string', [], []);
    if (!json) return null;
    examples = JSON.parse(json);
    if (picker) {
      for (const ex of examples) {
        const option = document.createElement('option');
        option.value = ex.slug;
        option.textContent = `${ex.file.slice(0, 2)}. ${ex.title}`;
        picker.appendChild(option);
      }
      picker.disabled = false;
    }
    return examples;
  }

  function setAddress(slug) {
    try {
      const url = new URL(window.location.href);
      url.searchParams.delete('gallery');
      url.hash = slug ? `gallery=${slug}` : '';
      history.replaceState(null, '', slug ? url.href : url.href.replace(/#$/, ''));
    } catch (e) {
      // A sandboxed or file: page may refuse: the link is a convenience only.
    }
  }

  function showNote(ex) {
    if (!note) return;
    noteTitle.textContent = ex.title;
    noteText.textContent = ex.explanation;
    if (ex.variants.length) {
      const what = ex.compare === 'code' ? 'variants of this program' : 'runs of this program with other settings';
      const live = ex.variants[ex.live];
      noteCompare.textContent =
        `Compare mode: ${ex.variants.length} ${what}, stacked on one time axis (top to bottom: ` +
        `${ex.variants.join(', ')}). The editor holds the current one (${live}); Edit on another ` +
        'chart puts that one in the editor, Close compare leaves compare mode.';
      noteCompare.hidden = false;
    } else {
      noteCompare.textContent = '';
      noteCompare.hidden = true;
    }
    note.hidden = false;
  }

  function open(slug, { updateAddress = true } = {}) {
    const all = list();
    if (!all) return false;
    const ex = all.find((e) => e.slug === slug);
    if (!ex || !wasmCall('interleave_gallery_open', 'number', ['string'], [slug])) return false;
    openSlug = slug;
    showNote(ex);
    if (picker) picker.value = slug;
    if (updateAddress) setAddress(slug);
    return true;
  }

  if (picker) {
    picker.disabled = true;  // filled once the wasm module is up
    picker.addEventListener('change', () => {
      if (picker.value) open(picker.value);
    });
  }
  if (closeButton) closeButton.addEventListener('click', () => { note.hidden = true; });
  window.addEventListener('hashchange', () => {
    const slug = gallerySlugFromLocation();
    if (slug && slug !== openSlug) open(slug, { updateAddress: false });
  });
  // A person's edit (typing, paste, undo) makes the program no longer the example.
  view.dispatch({
    effects: StateEffect.appendConfig.of(EditorView.updateListener.of((u) => {
      if (!openSlug || !u.docChanged) return;
      if (u.transactions.some((tr) => tr.annotation(Transaction.userEvent))) {
        openSlug = '';
        if (picker) picker.value = '';
        setAddress('');
      }
    })),
  });

  return {
    // Called once the wasm module is up: fills the picker and opens the example the address
    // names. True if one was opened.
    onWasmReady() {
      list();
      const slug = gallerySlugFromLocation();
      if (!slug) return false;
      if (open(slug, { updateAddress: false })) return true;
      if (note) {
        noteTitle.textContent = `There is no gallery example "${slug}"`;
        noteText.textContent = 'The link may be from a newer version of Interleave. The default program is shown instead.';
        noteCompare.hidden = true;
        note.hidden = false;
      }
      return false;
    },
    open,
    list: () => list() || [],
    get openSlug() { return openSlug; },
  };
}
