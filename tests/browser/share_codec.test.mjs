// The share-link codec (web/src/share.js) and the embed's option and message checks
// (web/src/embed.js) under Node: no browser needed, so every malformed input can be tried.
// Node 20 has the same CompressionStream as the browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  base64urlToBytes, bytesToBase64url, checkState, decodeFragment, encodeState, isShareFragment, makeLink,
  MAX_CODE_CHARS, MAX_LINK_CHARS, ShareLinkError,
} from '../../web/src/share.js';
import { checkRequest, embedOptions, parseDuration } from '../../web/src/embed.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const defaultScenario = fs.readFileSync(path.join(root, 'web', 'src', 'default_scenario.py'), 'utf8');
const BASE = 'http://127.0.0.1:8000/';

const sampleState = {
  version: 1,
  code: defaultScenario,
  settings: { cores: '1', gil: 'off' },
  view: { start_ns: 1250000, end_ns: 7500000 },
  range: { start_ns: 2000000, end_ns: 3000000 },
  collapsed: [-1, 2],
  selected_thread: 3,
  selected_line: 12,
  cursor_ns: 4000000,
  playback_speed: 0.01,
  tab: 'metrics',
};

async function kindOf(promise) {
  try {
    await promise;
    return 'opened';
  } catch (e) {
    assert.ok(e instanceof ShareLinkError, `a ShareLinkError, not ${e}`);
    assert.ok(e.message.length > 20, e.message);
    return e.kind;
  }
}

// A fragment whose payload is `json` (any text), compressed as the page does.
async function fragmentOf(json, version = 1) {
  const stream = new Blob([new TextEncoder().encode(json)]).stream().pipeThrough(new CompressionStream('deflate'));
  return `#v${version}` + bytesToBase64url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

test('a page state survives a link unchanged, unicode included', async () => {
  const state = Object.assign({}, sampleState, { code: sampleState.code + '\nprint("naïve ✓ 🧵")\n' });
  const link = await makeLink(state, BASE + '?x=1#old');
  assert.ok(link.startsWith(BASE + '?x=1#v1'), link.slice(0, 40));
  assert.match(link.slice(link.indexOf('#') + 1), /^v1[A-Za-z0-9_-]+$/);
  assert.deepEqual(await decodeFragment(link.slice(link.indexOf('#')), link.length), state);
});

test('the default program makes a link shorter than its code', async (t) => {
  const link = await makeLink({ code: defaultScenario }, BASE);
  t.diagnostic(`default program: ${defaultScenario.length} characters of code, link ${link.length} characters`);
  assert.ok(link.length < defaultScenario.length, 'compression makes the link shorter than the code');
});

test('only fragments starting with v and a digit are links', () => {
  assert.ok(isShareFragment('#v1abc'));
  assert.ok(isShareFragment('v2'));
  assert.ok(!isShareFragment('#top'));
  assert.ok(!isShareFragment(''));
  assert.ok(!isShareFragment('#version'));
});

test('a truncated link is refused as damaged', async () => {
  const fragment = await encodeState(sampleState);
  for (const cut of [fragment.length - 1, fragment.length - 7, Math.floor(fragment.length / 2), 4, 3]) {
    assert.equal(await kindOf(decodeFragment('#' + fragment.slice(0, cut))), 'damaged', `cut at ${cut}`);
  }
  assert.equal(await kindOf(decodeFragment('#v1')), 'damaged');
});

test('a link with a changed character is refused as damaged (the checksum)', async () => {
  const fragment = await encodeState(sampleState);
  let refused = 0;
  // Every position in the payload, each with a different base64url character.
  for (let i = 2; i < fragment.length; i++) {
    const c = fragment[i] === 'A' ? 'B' : 'A';
    const kind = await kindOf(decodeFragment('#' + fragment.slice(0, i) + c + fragment.slice(i + 1)));
    if (kind === 'damaged') refused++;
  }
  // Only the last character's low bits can fall outside the data (base64 padding bits).
  assert.ok(refused >= fragment.length - 3, `${refused} of ${fragment.length - 2} changes refused`);
});

test('characters outside base64url are refused as damaged', async () => {
  const fragment = await encodeState(sampleState);
  for (const junk of ['%20', '+', '/', '=', ' ', '<script>']) {
    assert.equal(await kindOf(decodeFragment('#' + fragment.slice(0, 10) + junk + fragment.slice(10))), 'damaged', junk);
  }
});

test('a link from a newer version is refused with its own message', async () => {
  const e = await decodeFragment('#v2' + (await encodeState(sampleState)).slice(2)).catch((x) => x);
  assert.equal(e.kind, 'newer');
  assert.match(e.message, /newer version of Interleave/);
  assert.equal(await kindOf(decodeFragment(await fragmentOf(JSON.stringify({ version: 2, code: 'x' })))), 'newer');
  assert.equal(await kindOf(decodeFragment('#v0AAAA')), 'damaged');
});

test('a link longer than the limit is refused before it is decoded', async () => {
  const fragment = '#v1' + 'A'.repeat(MAX_LINK_CHARS);
  const e = await decodeFragment(fragment, BASE.length + fragment.length).catch((x) => x);
  assert.equal(e.kind, 'too-long');
  assert.match(e.message, /too long/);
});

test('a program too long for a link cannot be shared, with the reason', async () => {
  // Incompressible text (a seeded xorshift, not Math.random: the same every run).
  let x = 12345;
  let code = '';
  while (code.length < MAX_LINK_CHARS * 1.2) {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    code += String.fromCharCode(33 + (x % 90));
  }
  const e = await makeLink({ code }, BASE).catch((err) => err);
  assert.equal(e.kind, 'too-long');
  assert.match(e.message, /too long to share/);
});

test('well-formed data that is not a page state is refused as damaged', async () => {
  const cases = ['not json', '[1,2]', '"text"', 'null', JSON.stringify({ code: 7 }),
                 JSON.stringify({ settings: [] }), JSON.stringify({ settings: { cores: {} } }),
                 JSON.stringify({ view: { start_ns: 'a' } }), JSON.stringify({ collapsed: [1.5] }),
                 JSON.stringify({ selected_thread: 2 ** 40 }), JSON.stringify({ tab: 'x'.repeat(100) }),
                 JSON.stringify({ code: 'x'.repeat(MAX_CODE_CHARS + 1) })];
  for (const json of cases) {
    assert.equal(await kindOf(decodeFragment(await fragmentOf(json))), 'damaged', json.slice(0, 40));
  }
  // Invalid UTF-8 inside the compressed data.
  const bad = new Blob([new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])]).stream().pipeThrough(new CompressionStream('deflate'));
  const fragment = '#v1' + bytesToBase64url(new Uint8Array(await new Response(bad).arrayBuffer()));
  assert.equal(await kindOf(decodeFragment(fragment)), 'damaged');
});

test('a link that inflates past the limit stops inflating and is refused', async () => {
  // 100 MB of spaces compresses to ~100 KB; 12 MB (a 12 KB link) is past the state limit.
  const huge = '{"code":"' + ' '.repeat(12 * 1024 * 1024) + '"}';
  const fragment = await fragmentOf(huge);
  assert.ok(fragment.length < MAX_LINK_CHARS, `${fragment.length}`);
  assert.equal(await kindOf(decodeFragment(fragment)), 'damaged');
});

test('unknown keys pass (newer pages may add some); the known ones are checked', () => {
  assert.equal(checkState({ code: 'x', compare: { pinned: true } }), null);
  assert.equal(checkState(sampleState), null);
  assert.match(checkState({ playback_speed: 'fast' }), /playback_speed/);
  assert.match(checkState({ range: 3 }), /range/);
  assert.match(checkState({ settings: { cores: '2 gil=off' } }), /space/);
  assert.match(checkState({ settings: { 'cores=1 gil': 'off' } }), /"="/);
});

test('base64url round-trips every byte value', () => {
  const bytes = new Uint8Array(256).map((_, i) => i);
  assert.deepEqual(base64urlToBytes(bytesToBase64url(bytes)), bytes);
  assert.equal(base64urlToBytes('A'), null);  // one character cannot be a byte
  assert.equal(base64urlToBytes('ab+c'), null);
});

// ---- embed options and messages ------------------------------------------------------------------

const embedDoc = { documentElement: { dataset: { page: 'embed' } } };

test('embed options come from the URL, with defaults, and bad ones are ignored', (t) => {
  const warn = console.warn;
  const warnings = [];
  console.warn = (m) => warnings.push(m);
  try {
    assert.equal(embedOptions({ documentElement: { dataset: {} } }, ''), null, 'not the embed page');
    const d = embedOptions(embedDoc, '');
    assert.deepEqual(d, { readOnly: false, autoplay: false, panels: ['editor', 'legend', 'output', 'errors', 'metrics'],
                          height: 440, fill: false, view: null, tab: null });
    const o = embedOptions(embedDoc, '?readonly&autoplay=1&panels=metrics,cursor,bogus&height=300&view=2ms-5.5ms&tab=cursor');
    assert.equal(o.readOnly, true);
    assert.equal(o.autoplay, true);
    assert.deepEqual(o.panels, ['metrics', 'cursor']);
    assert.equal(o.height, 300);
    assert.deepEqual(o.view, { start_ns: 2000000, end_ns: 5500000 });
    assert.equal(o.tab, 'cursor');
    assert.equal(warnings.length, 1, warnings.join('; '));
    assert.equal(embedOptions(embedDoc, '?readonly=0').readOnly, false);
    assert.equal(embedOptions(embedDoc, '?height=fill').fill, true);
    assert.equal(embedOptions(embedDoc, '?height=10').height, 160, 'clamped to the minimum');
    assert.equal(embedOptions(embedDoc, '?height=-5').height, 440);
    assert.equal(embedOptions(embedDoc, '?view=5ms-2ms').view, null, 'an empty range');
    assert.deepEqual(embedOptions(embedDoc, '?view=fit').view, { start_ns: 0, end_ns: 0 });
    assert.deepEqual(embedOptions(embedDoc, '?panels=').panels, []);
  } finally {
    console.warn = warn;
  }
  assert.equal(parseDuration('1.5us'), 1500);
  assert.equal(parseDuration('2s'), 2e9);
  assert.equal(parseDuration('2'), null);
  assert.equal(parseDuration('1e3ms'), null);
});

test('host messages are checked: types, sizes, shapes', () => {
  assert.equal(checkRequest({ type: 'load', code: 'print(1)' }), null);
  assert.equal(checkRequest({ type: 'load', code: 'x', settings: { cores: 2, gil: false } }), null);
  assert.match(checkRequest({ type: 'load' }), /code/);
  assert.match(checkRequest({ type: 'load', code: ['x'] }), /code/);
  assert.match(checkRequest({ type: 'load', code: 'x'.repeat(MAX_CODE_CHARS + 1) }), /longer/);
  assert.match(checkRequest({ type: 'load', code: 'x', settings: 'cores=2' }), /settings/);
  assert.match(checkRequest({ type: 'load', code: 'x', settings: { cores: { a: 1 } } }), /setting/);
  assert.match(checkRequest({ type: 'load', code: 'x', view: { start_ns: '0' } }), /view/);
  for (const type of ['run', 'result', 'state', 'play']) assert.equal(checkRequest({ type }), null);
  assert.match(checkRequest({ type: 'eval' }), /unknown type/);
  assert.ok(checkRequest({ type: 'x'.repeat(10000) }).length < 80, 'the echo of a bad type is short');
});
