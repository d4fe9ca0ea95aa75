// Share links on the page: opening a #v1 link (at load, and when the fragment changes), the
// Share button and its dialog (the link, copied to the clipboard when the browser allows it, and
// an <iframe> snippet for course pages), and the notice shown when a link cannot be opened.
//
// Everything a link carries is shown as text (textContent, input values): never as HTML.
import { decodeFragment, freshState, isShareFragment, makeLink, MAX_LINK_CHARS, ShareLinkError } from './share.js';

const STYLE = `
.il-notice { display: flex; gap: .6em; align-items: flex-start; padding: 7px 10px 7px 12px;
  background: #fff4d6; color: #5c3b00; border-bottom: 1px solid #e9c46a; font-size: 13px; }
.il-notice span { flex: 1; white-space: pre-wrap; }
.il-notice button { border: 0; background: none; font-size: 16px; line-height: 1; cursor: pointer;
  color: inherit; padding: 0 2px; }
.il-share-button { margin-left: auto; font: 600 12.5px system-ui, sans-serif; padding: 4px 12px;
  border: 1px solid #0b6bcb; background: #0b6bcb; color: #fff; border-radius: 4px; cursor: pointer; }
.il-share-button:hover { background: #095aab; }
.il-dialog-backdrop { position: fixed; inset: 0; background: rgba(20, 24, 31, .35); display: flex;
  align-items: flex-start; justify-content: center; padding-top: 10vh; z-index: 10; }
.il-dialog { background: #fff; border-radius: 6px; box-shadow: 0 8px 30px rgba(0,0,0,.25);
  width: min(640px, calc(100vw - 24px)); padding: 16px 18px 14px; font-size: 13.5px; color: #1f2328; }
.il-dialog h2 { font-size: 16px; margin: 0 0 10px; }
.il-dialog label { display: block; font-weight: 600; margin: 10px 0 4px; }
.il-dialog .il-row { display: flex; gap: 6px; }
.il-dialog input, .il-dialog textarea { flex: 1; min-width: 0; font: 12.5px/1.35 'DejaVu Sans Mono', monospace;
  padding: 5px 7px; border: 1px solid #c9ced6; border-radius: 4px; background: #f7f8fa; color: #1f2328; }
.il-dialog textarea { height: 3.6em; resize: vertical; }
.il-dialog button { font: 13px system-ui, sans-serif; padding: 4px 12px; border: 1px solid #c9ced6;
  border-radius: 4px; background: #f4f5f7; cursor: pointer; }
.il-dialog button.il-primary { background: #0b6bcb; border-color: #0b6bcb; color: #fff; }
.il-dialog .il-status { margin-top: 6px; min-height: 1.3em; color: #1a7f37; }
.il-dialog .il-status.il-warn { color: #9a6700; }
.il-dialog .il-status.il-error { color: #b3261e; }
.il-dialog .il-meta { color: #59636e; font-size: 12.5px; margin-top: 2px; }
.il-dialog .il-actions { display: flex; justify-content: flex-end; margin-top: 14px; }
`;

let styled = false;
function addStyle() {
  if (styled) return;
  styled = true;
  const style = document.createElement('style');
  style.textContent = STYLE;
  document.head.appendChild(style);
}

function el(tag, props = {}, children = []) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') e.textContent = v;
    else if (k === 'className') e.className = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) e.appendChild(c);
  return e;
}

// ---- the notice (a link that cannot be opened) ---------------------------------------------------

let noticeBox = null;
export function showNotice(text) {
  addStyle();
  if (!noticeBox) {
    const message = el('span', { id: 'share-notice-text' });
    const close = el('button', { type: 'button', 'aria-label': 'Dismiss', text: '\u00d7' });
    noticeBox = el('div', { id: 'share-notice', className: 'il-notice', role: 'alert' }, [message, close]);
    close.addEventListener('click', () => { noticeBox.hidden = true; });
    // At the top of the editor's column (the playground), or of the embed.
    const host = document.getElementById('side') || document.getElementById('embed') || document.body;
    const header = host.querySelector('header, #embed-bar');
    host.insertBefore(noticeBox, header ? header.nextSibling : host.firstChild);
  }
  noticeBox.querySelector('span').textContent = text;
  noticeBox.hidden = false;
}

function hideNotice() {
  if (noticeBox) noticeBox.hidden = true;
}

// ---- the dialog ----------------------------------------------------------------------------------

async function copyText(text) {
  try {
    if (!navigator.clipboard || !navigator.clipboard.writeText) return false;
    // A frame whose permissions policy blocks the clipboard (an iframe without
    // allow="clipboard-write"): asking anyway only earns a console error.
    const policy = document.permissionsPolicy || document.featurePolicy;
    if (policy && typeof policy.allowsFeature === 'function' && !policy.allowsFeature('clipboard-write')) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;  // no permission (a sandboxed iframe), not focused, or not a secure context
  }
}

let dialog = null;

function closeDialog() {
  if (!dialog) return;
  dialog.backdrop.remove();
  document.removeEventListener('keydown', dialog.onKey, true);
  const back = dialog.returnFocus;
  dialog = null;
  if (back && back.focus) back.focus();
}

// The dialog with `link` in a selectable field (copied if the browser lets us), or `error`.
// `embedSnippet`: an <iframe> for course pages, or null.
export async function showLinkDialog({ title, link, error, embedSnippet, note }) {
  addStyle();
  closeDialog();
  const status = el('div', { className: 'il-status', id: 'share-status', 'aria-live': 'polite' });
  const body = [el('h2', { id: 'share-title', text: title })];
  let linkField = null;
  if (link) {
    linkField = el('input', { id: 'share-link', type: 'text', readonly: '', spellcheck: 'false',
                              'aria-label': 'Share link' });
    linkField.value = link;
    const copy = el('button', { type: 'button', className: 'il-primary', id: 'share-copy', text: 'Copy' });
    copy.addEventListener('click', async () => {
      linkField.select();
      setStatus(await copyText(link));
    });
    body.push(el('label', { for: 'share-link', text: 'Link' }), el('div', { className: 'il-row' }, [linkField, copy]));
    body.push(el('div', { className: 'il-meta', id: 'share-meta',
                          text: `${link.length.toLocaleString('en-US')} characters (the limit is ` +
                                `${MAX_LINK_CHARS.toLocaleString('en-US')}). ${note || ''}` }));
    body.push(status);
    if (embedSnippet) {
      const snippet = el('textarea', { id: 'share-embed', readonly: '', spellcheck: 'false',
                                       'aria-label': 'Embed code' });
      snippet.value = embedSnippet;
      const copyEmbed = el('button', { type: 'button', text: 'Copy' });
      copyEmbed.addEventListener('click', async () => {
        snippet.select();
        setStatus(await copyText(embedSnippet), 'Embed code copied to the clipboard.');
      });
      body.push(el('label', { for: 'share-embed', text: 'Embed in a web page (docs/embed.md)' }),
                el('div', { className: 'il-row' }, [snippet, copyEmbed]));
    }
  } else {
    status.textContent = error;
    status.className = 'il-status il-error';
    body.push(status);
  }
  const close = el('button', { type: 'button', id: 'share-close', text: 'Close' });
  close.addEventListener('click', closeDialog);
  body.push(el('div', { className: 'il-actions' }, [close]));
  const box = el('div', { className: 'il-dialog', role: 'dialog', 'aria-modal': 'true',
                          'aria-labelledby': 'share-title', id: 'share-dialog' }, body);
  const backdrop = el('div', { className: 'il-dialog-backdrop' }, [box]);
  backdrop.addEventListener('mousedown', (e) => { if (e.target === backdrop) closeDialog(); });
  const onKey = (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      e.preventDefault();
      closeDialog();
    }
  };
  document.addEventListener('keydown', onKey, true);
  dialog = { backdrop, onKey, returnFocus: document.activeElement };
  document.body.appendChild(backdrop);

  function setStatus(copied, okText = 'Link copied to the clipboard.') {
    status.className = copied ? 'il-status' : 'il-status il-warn';
    status.textContent = copied ? okText
      : 'The browser did not let the page copy it: select the text above and press Ctrl+C (\u2318C on a Mac).';
  }
  if (linkField) {
    linkField.focus();
    linkField.select();
    setStatus(await copyText(link));
    // The field stays selected either way, so Ctrl+C works at once.
    if (dialog && dialog.backdrop === backdrop) linkField.select();
  } else {
    close.focus();
  }
}

// ---- the page's Share button ---------------------------------------------------------------------

function playgroundBase() {
  return location.href.split('#')[0];
}

async function share() {
  const state = window.interleave.getState();
  let link;
  try {
    link = await makeLink(state, playgroundBase());
  } catch (e) {
    const error = e instanceof ShareLinkError ? e.message : `Could not make a link: ${e.message || e}`;
    await showLinkDialog({ title: 'Share this program', error });
    return;
  }
  const embedUrl = new URL('embed.html', playgroundBase()).href.split('#')[0] + link.slice(link.indexOf('#'));
  const snippet = `<iframe src="${embedUrl.replace(/"/g, '&quot;')}" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" ` +
                  'style="width: 100%; height: 480px; border: 0" loading="lazy" title="Interleave"></iframe>';
  await showLinkDialog({
    title: 'Share this program', link, embedSnippet: snippet,
    note: 'It opens this program with these settings and this view of the chart.',
  });
}

// ---- opening links -------------------------------------------------------------------------------

// Reads the page's fragment if it is a share link and applies it; a link that cannot be opened
// leaves (or puts back) the default program and shows why. Resolves when done.
let linkApplied = false;  // the page's first state came from a link

async function openFragment(href, atStart) {
  const fragment = href.includes('#') ? href.slice(href.indexOf('#')) : '';
  if (!isShareFragment(fragment)) return;
  const api = window.interleave;
  try {
    const state = await decodeFragment(fragment, href.length);
    // Exactly the link's scenario: what it leaves out is reset, not kept from the page.
    const applied = api.setState(Object.assign(freshState(), state));
    if (applied === false) throw new ShareLinkError('damaged', 'This share link could not be applied, so the default program is shown instead.');
    if (atStart) linkApplied = true;
    hideNotice();
  } catch (e) {
    showNotice(e instanceof ShareLinkError ? e.message : `This share link could not be opened (${e.message || e}), so the default program is shown instead.`);
    if (!atStart) api.setState(Object.assign(freshState(), { code: api.defaultScenario }));
  }
}

// Returns a promise that settles once a link in the URL has been opened (or refused).
export function setUpLinks({ embed }) {
  const api = window.interleave;
  const read = openFragment(location.href, true);
  api.holdStart(read);
  window.addEventListener('hashchange', () => { openFragment(location.href, false); });
  window.addEventListener('interleave-state-rejected', () => {
    showNotice(linkApplied ? 'This share link holds values the page cannot use, so the default program is shown instead.'
                           : 'The page could not use the state it was given, so the default program is shown instead.');
  });
  if (!embed) {
    addStyle();
    const button = el('button', { type: 'button', id: 'share-button', className: 'il-share-button',
                                  text: 'Share', title: 'A link to this program, its settings and this view' });
    button.addEventListener('click', share);
    const header = document.querySelector('#side header');
    if (header) header.appendChild(button);
  }
  return read;
}
