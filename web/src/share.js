// Share links: the page state (ui/page_state.h, docs/page.md) in the URL fragment.
//
//   #v1<payload>   payload = base64url(zlib-deflate(UTF-8 JSON of the page state)), no padding
//
// The fragment never reaches a server (a static host sees only the path). "v1" names this
// encoding; a later format gets "v2", and this page then says the link is from a newer version
// instead of misreading it. The zlib wrapper (CompressionStream 'deflate', not 'deflate-raw')
// costs 6 bytes and carries an Adler-32 checksum that DecompressionStream verifies, so a link
// damaged in the middle is caught, not opened as a subtly different program.
//
// Nothing from a link is executed or inserted as HTML: the state is JSON, checked here field by
// field (the same types ui/page_state.cpp accepts), and its code only ever becomes editor text.
// No DOM in this file: tests/browser/share_codec.test.mjs runs it under Node.

export const LINK_VERSION = 1;
export const STATE_VERSION = 1;  // PageState::kVersion

// Longest share link, in characters, the whole URL included. Chromium shows and edits at most
// 32 KB of a URL in its address bar (it opens longer ones, but people cannot see or fix them),
// and the chat, e-mail and course tools links are pasted into are no more generous. A typical
// lesson program makes a link of 1-2 thousand characters (README); this allows ~40 KB of Python.
export const MAX_LINK_CHARS = 32000;
// Longest program a link or a host page may load, in characters (UTF-16 units): ~5,000 lines,
// far beyond any lesson, yet small enough for the editor, the compiler and the JSON round trip to
// stay instant. Also caps what a damaged or hostile link can inflate to (below).
export const MAX_CODE_CHARS = 200000;
// Most bytes a link's JSON may inflate to: the program (at most 3 bytes per UTF-16 unit in UTF-8,
// 6 when JSON-escaped as \uXXXX) plus the rest of the state. Deflate can expand ~1000x, so a
// 32 KB link could otherwise become 32 MB.
export const MAX_STATE_JSON_BYTES = MAX_CODE_CHARS * 6 + 64 * 1024;
// Sizes of the other state fields (ui/page_state.h): generous for any real page, small enough
// that nothing in a link can make the page do much work.
export const MAX_SETTINGS = 64;
export const MAX_SETTING_CHARS = 256;
export const MAX_COLLAPSED = 4096;
export const MAX_TAB_CHARS = 32;

// The page state's defaults (ui/page_state.h) apart from the code: what a link or a host's
// scenario starts from, so that nothing of the program shown before (a setting, a fold, a zoom)
// stays behind. Every key a link leaves out takes these values.
export function freshState() {
  return { settings: {}, view: { start_ns: 0, end_ns: 0 }, range: { start_ns: 0, end_ns: 0 }, collapsed: [],
           selected_thread: -1, selected_line: 0, cursor_ns: -1, playback_speed: 0.1, tab: 'output' };
}

export class ShareLinkError extends Error {
  // kind: 'damaged' | 'too-long' | 'newer' | 'unsupported'
  constructor(kind, message) {
    super(message);
    this.name = 'ShareLinkError';
    this.kind = kind;
  }
}

const FALLBACK = 'so the default program is shown instead.';

export function linkErrorMessage(kind, detail = {}) {
  switch (kind) {
    case 'too-long':
      return `This share link is too long to open (${fmt(detail.length)} characters; the limit is ` +
             `${fmt(MAX_LINK_CHARS)}), ${FALLBACK}`;
    case 'newer':
      return `This share link was made by a newer version of Interleave (${detail.what}), ` +
             `${FALLBACK} Open it in an up-to-date copy of the page.`;
    case 'unsupported':
      return `This browser cannot open share links (it has no DecompressionStream), ${FALLBACK}`;
    default:
      return `This share link is damaged (part of it was probably lost when it was copied), ${FALLBACK}` +
             (detail.reason ? ` (${detail.reason})` : '');
  }
}

function fmt(n) {
  return Number(n).toLocaleString('en-US');
}

// ---- base64url -----------------------------------------------------------------------------------

const B64URL = /^[A-Za-z0-9_-]*$/;

export function bytesToBase64url(bytes) {
  let bin = '';
  const CHUNK = 0x8000;  // String.fromCharCode's argument count stays small
  for (let i = 0; i < bytes.length; i += CHUNK) {
    bin += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK));
  }
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64urlToBytes(text) {
  if (!B64URL.test(text) || text.length % 4 === 1) return null;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  let bin;
  try {
    bin = atob(b64);
  } catch {
    return null;
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

// ---- compression ---------------------------------------------------------------------------------

async function deflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// Inflates at most `limit` bytes; null if the data is not a whole, checksummed zlib stream or
// inflates to more than that.
async function inflate(bytes, limit) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate')).getReader();
  const chunks = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        reader.cancel().catch(() => {});
        return { tooBig: true };
      }
      chunks.push(value);
    }
  } catch {
    return null;  // truncated, junk, or a failed checksum
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return { bytes: out };
}

export function compressionAvailable() {
  return typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';
}

// ---- the state's shape ---------------------------------------------------------------------------

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isInt32 = (v) => Number.isInteger(v) && v >= -2147483648 && v <= 2147483647;
const isNum = (v) => typeof v === 'number' && Number.isFinite(v);

// null if `state` has the shape ui/page_state.cpp reads (every key optional, unknown keys
// allowed: newer pages may add some), else what is wrong, in a few words.
export function checkState(state) {
  if (!isObject(state)) return 'not an object';
  if ('version' in state && !isNum(state.version)) return 'version is not a number';
  if ('code' in state) {
    if (typeof state.code !== 'string') return 'code is not text';
    if (state.code.length > MAX_CODE_CHARS) return `the program is longer than ${fmt(MAX_CODE_CHARS)} characters`;
  }
  if ('settings' in state) {
    const s = state.settings;
    if (!isObject(s)) return 'settings is not an object';
    const keys = Object.keys(s);
    if (keys.length > MAX_SETTINGS) return 'too many settings';
    for (const k of keys) {
      const v = s[k];
      if (k.length > MAX_SETTING_CHARS) return 'a setting name is too long';
      // Settings travel as "key=value" words (ui/page_state.cpp): a space or '=' would add one.
      if (!k || /[\s=]/.test(k)) return 'a setting name is empty or holds a space or "="';
      if (typeof v === 'string') {
        if (v.length > MAX_SETTING_CHARS) return 'a setting is too long';
        if (/\s/.test(v)) return 'a setting holds a space';
      } else if (!isNum(v) && typeof v !== 'boolean') {
        return 'a setting is not a string, number or boolean';
      }
    }
  }
  for (const key of ['view', 'range']) {
    if (!(key in state)) continue;
    const v = state[key];
    if (!isObject(v)) return `${key} is not an object`;
    if (('start_ns' in v && !isNum(v.start_ns)) || ('end_ns' in v && !isNum(v.end_ns))) {
      return `${key} times are not numbers`;
    }
  }
  if ('collapsed' in state) {
    const c = state.collapsed;
    if (!Array.isArray(c) || c.length > MAX_COLLAPSED || !c.every(isInt32)) return 'collapsed is not a list of lane groups';
  }
  for (const key of ['selected_thread', 'selected_line']) {
    if (key in state && !isInt32(state[key])) return `${key} is not an integer`;
  }
  for (const key of ['cursor_ns', 'playback_speed']) {
    if (key in state && !isNum(state[key])) return `${key} is not a number`;
  }
  if ('tab' in state && (typeof state.tab !== 'string' || state.tab.length > MAX_TAB_CHARS)) return 'tab is not a panel name';
  return null;
}

// ---- links ---------------------------------------------------------------------------------------

// The fragment (without '#') for a page state: 'v1' + payload.
export async function encodeState(state) {
  const json = JSON.stringify(Object.assign({ version: STATE_VERSION }, state));
  return `v${LINK_VERSION}` + bytesToBase64url(await deflate(new TextEncoder().encode(json)));
}

// `base` (a URL: its fragment is replaced) + '#' + the encoded state. Throws a ShareLinkError
// ('too-long') if the link would be longer than MAX_LINK_CHARS.
export async function makeLink(state, base) {
  const link = String(base).split('#')[0] + '#' + (await encodeState(state));
  if (link.length > MAX_LINK_CHARS) {
    throw new ShareLinkError('too-long',
      `The program is too long to share as a link: the link would be ${fmt(link.length)} characters, ` +
      `the limit is ${fmt(MAX_LINK_CHARS)}. Shorten the program, or share the .py file itself.`);
  }
  return link;
}

// True if `fragment` (with or without '#') looks like a share link: 'v' and a digit. Other
// fragments (#top, or none) are not links and are left alone.
export function isShareFragment(fragment) {
  return /^#?v\d/.test(fragment || '');
}

// The page state in a share fragment. `linkLength`: the whole link's length (the limit is on
// links); defaults to the fragment's. Throws a ShareLinkError with a message for people.
export async function decodeFragment(fragment, linkLength) {
  const text = String(fragment || '').replace(/^#/, '');
  const length = linkLength || text.length + 1;
  if (length > MAX_LINK_CHARS) throw new ShareLinkError('too-long', linkErrorMessage('too-long', { length }));
  const m = /^v(\d{1,6})(.*)$/s.exec(text);
  if (!m) throw new ShareLinkError('damaged', linkErrorMessage('damaged', { reason: 'no version' }));
  const version = Number(m[1]);
  if (version > LINK_VERSION) throw new ShareLinkError('newer', linkErrorMessage('newer', { what: `link format v${version}` }));
  if (version < 1) throw new ShareLinkError('damaged', linkErrorMessage('damaged', { reason: 'unknown format' }));
  if (!compressionAvailable()) throw new ShareLinkError('unsupported', linkErrorMessage('unsupported'));
  const damaged = (reason) => new ShareLinkError('damaged', linkErrorMessage('damaged', { reason }));
  const bytes = base64urlToBytes(m[2]);
  if (!bytes || bytes.length === 0) throw damaged('not base64url');
  const inflated = await inflate(bytes, MAX_STATE_JSON_BYTES);
  if (!inflated) throw damaged('the compressed data does not check out');
  if (inflated.tooBig) throw damaged('it inflates to more than a program can be');
  let json;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    throw damaged('not UTF-8 text');
  }
  let state;
  try {
    state = JSON.parse(json);
  } catch {
    throw damaged('not JSON');
  }
  if (isObject(state) && isNum(state.version) && state.version > STATE_VERSION) {
    throw new ShareLinkError('newer', linkErrorMessage('newer', { what: `page state version ${state.version}` }));
  }
  const wrong = checkState(state);
  if (wrong) throw damaged(wrong);
  return state;
}
