// Browser tests of the Export menu (issue 6: "SVG/PNG/Chrome-trace exports are produced and
// valid"): a person clicks Export and each format; the downloaded files are checked (the SVG
// parses as XML in the browser and is byte-identical to what the CLI writes for the same program
// and options, the PNG is a real PNG of the chart at the screen's pixel density, the Chrome trace
// parses and has the expected events); inside a sandboxed cross-origin iframe, where downloads
// are blocked, the file is shown in the page instead.
//
// Run: node --test tests/browser/   (after `cmake --build --preset wasm`)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

import { decodePng, countColour } from './png.mjs';
import {
  COLOURS, addTestOrigin, clickWidget, frames, openPage, resultsDir, serveSite, siteDir, status,
  waitForChart, widgetCentre,
} from './helpers.mjs';

const site = serveSite();
// The wasm CLI of the same build (the page's engine, under Node).
const wasmCli = path.resolve(siteDir, '..', 'cli', 'interleave.js');


// Opens the Export menu and picks `format`; resolves to the downloaded file's bytes.
async function exportVia(page, format) {
  await clickWidget(page, 'export');
  await frames(page, 3);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30000 }),
    clickWidget(page, `export:${format}`),
  ]);
  const file = path.join(resultsDir, download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

// Parses SVG text with the browser's XML parser: the root's name and attributes, or the error.
function parseSvgInPage(page, text) {
  return page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    const err = doc.getElementsByTagName('parsererror')[0];
    if (err) return { error: err.textContent };
    const svg = doc.documentElement;
    return {
      root: svg.localName, ns: svg.namespaceURI, width: svg.getAttribute('width'),
      start: svg.getAttribute('data-start-ns'), end: svg.getAttribute('data-end-ns'),
      title: svg.querySelector('title') && svg.querySelector('title').textContent,
      texts: [...svg.querySelectorAll('text')].map((e) => e.textContent),
      rects: svg.querySelectorAll('rect').length,
    };
  }, text);
}

test('Export: SVG, PNG and Chrome trace downloads are valid', { timeout: 240000 }, async (t) => {
  const { page, problems, close } = await openPage();
  try {
    const s = await waitForChart(page, site.baseUrl);
    await frames(page, 3);

    // ---- SVG of the visible range ----
    const svg = await exportVia(page, 'svg');
    assert.equal(svg.name, 'interleave-chart.svg');
    const text = svg.bytes.toString('utf8');
    assert.match(text, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
    const parsed = await parseSvgInPage(page, text);
    assert.equal(parsed.error, undefined, parsed.error);
    assert.equal(parsed.root, 'svg');
    assert.equal(parsed.ns, 'http://www.w3.org/2000/svg');
    assert.equal(parsed.title, 'main.py');
    assert.ok(parsed.texts.some((x) => x.startsWith('makespan ')), 'summary line');
    assert.ok(parsed.texts.includes('Running Python (GIL held)'), 'legend');
    assert.ok(parsed.texts.includes('MainThread'), 'lane names');
    assert.ok(parsed.rects > 30, `rects: ${parsed.rects}`);
    const last = await page.evaluate(() => window.interleaveExport.last);
    t.diagnostic(`SVG export in the page: ${last.ms.toFixed(1)} ms, ${svg.bytes.length} bytes`);
    // The same bytes as the CLI writes for the same program, width and range (the wasm CLI;
    // tests/determinism/run.sh shows the native CLI writes the same).
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'interleave-export-'));
    const program = path.join(tmp, 'main.py');
    fs.writeFileSync(program, await page.evaluate(() => window.interleave.getState().code));
    const cli = execFileSync('node', ['--no-experimental-fetch', wasmCli, 'run', program, '--format', 'svg',
                                      '--width', parsed.width, '--range', `${parsed.start}ns:${parsed.end}ns`],
                             { env: { ...process.env, NODE_PATH: '/usr/share/nodejs' }, maxBuffer: 1 << 28 });
    fs.rmSync(tmp, { recursive: true, force: true });
    assert.ok(cli.equals(svg.bytes), 'the page\'s SVG is byte-identical to the CLI\'s');

    // A zoomed view exports just that range.
    const box = await widgetCentre(page, 'timeArea');
    await page.mouse.move(box.left + box.w * 0.3, box.top + 20);
    await page.mouse.wheel(0, -400);
    await frames(page, 4);
    const zoomed = await status(page);
    const part = await parseSvgInPage(page, (await exportVia(page, 'svg')).bytes.toString('utf8'));
    assert.equal(part.error, undefined);
    assert.ok(Number(part.start) >= Math.floor(Math.max(0, zoomed.view.t0)) - 1 &&
              Number(part.end) <= Math.ceil(zoomed.view.t1) + 1 && Number(part.end) - Number(part.start) < s.makespanNs * 0.8,
              `range ${part.start}..${part.end} for view ${zoomed.view.t0}..${zoomed.view.t1}`);
    assert.ok(part.texts.some((x) => x.includes('showing ')), 'the summary says which range');
    await clickWidget(page, 'fit');

    // ---- PNG of the chart as on screen ----
    const png = await exportVia(page, 'png');
    assert.equal(png.name, 'interleave-chart.png');
    assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.ok(png.bytes.length > 5000, `PNG of ${png.bytes.length} bytes`);
    const image = decodePng(png.bytes);
    const chart = (await status(page)).widgets.chart;
    assert.equal(image.width, Math.round(chart[2]));
    assert.equal(image.height, Math.round(chart[3]));
    const seen = Object.entries(COLOURS).map(([name, rgb]) => [name, countColour(image, rgb)]);
    assert.ok(seen.filter(([, c]) => c >= 200).length >= 3, `state colours in the PNG: ${JSON.stringify(seen)}`);
    // Not a blank buffer: the chart's lane names and axis make many distinct pixels.
    const distinct = new Set();
    for (let i = 0; i < image.data.length; i += 4 * 7) distinct.add(image.data.readUInt32BE(i));
    assert.ok(distinct.size > 50, `distinct colours ${distinct.size}`);
    const pngLast = await page.evaluate(() => window.interleaveExport.last);
    t.diagnostic(`PNG export in the page: ${pngLast.ms.toFixed(1)} ms (copy ${pngLast.copyMs.toFixed(1)} ms, then encoding), ` +
                 `${image.width}x${image.height}, ${png.bytes.length} bytes`);

    // ---- Chrome trace JSON ----
    const chrome = await exportVia(page, 'chrome');
    assert.equal(chrome.name, 'interleave-trace.json');
    const doc = JSON.parse(chrome.bytes.toString('utf8'));
    assert.ok(Array.isArray(doc.traceEvents));
    const ev = (ph) => doc.traceEvents.filter((e) => e.ph === ph);
    const st = await status(page);
    assert.equal(ev('X').length, st.segments, 'one complete event per segment');
    assert.ok(ev('X').every((e) => typeof e.ts === 'number' && e.dur > 0 && e.pid > 0 && e.tid > 0));
    const threads = ev('M').filter((e) => e.name === 'thread_name');
    assert.equal(threads.length, st.lanes, 'a named thread per lane');
    assert.ok(threads.some((e) => e.args.name === 'MainThread'));
    assert.ok(ev('M').some((e) => e.name === 'process_name' && e.args.name === 'MainProcess'));
    assert.ok(ev('s').length > 0 && ev('s').length === ev('f').length, 'flows come in s/f pairs');
    const maxEnd = Math.max(...ev('X').map((e) => e.ts + e.dur));
    assert.ok(Math.abs(maxEnd * 1000 - st.makespanNs) < 2, `last slice ends at the makespan (${maxEnd} us)`);
    t.diagnostic(`Chrome trace export in the page: ${(await page.evaluate(() => window.interleaveExport.last.ms)).toFixed(1)} ms, ` +
                 `${chrome.bytes.length} bytes, ${doc.traceEvents.length} events`);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('Export: the PNG follows devicePixelRatio', { timeout: 180000 }, async () => {
  const { page, problems, close } = await openPage({ viewport: { width: 1100, height: 700 }, deviceScaleFactor: 2 });
  try {
    await waitForChart(page, site.baseUrl);
    await frames(page, 3);
    const png = await exportVia(page, 'png');
    const image = decodePng(png.bytes);
    const css = await page.evaluate(() => {
      const s = window.interleaveStatus.widgets.chart;
      return { w: s[2] / window.devicePixelRatio, h: s[3] / window.devicePixelRatio };
    });
    assert.ok(Math.abs(image.width - css.w * 2) <= 2 && Math.abs(image.height - css.h * 2) <= 2,
              `PNG ${image.width}x${image.height} for a chart of ${css.w}x${css.h} CSS px at 2x`);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

// A host page on another origin (another port) embedding the playground in
// <iframe sandbox="allow-scripts">: downloads are blocked there, so the file is shown instead.
test('Export inside a sandboxed cross-origin iframe shows the file instead of downloading', { timeout: 180000 }, async () => {
  const host = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><meta charset="utf-8"><title>host</title>
<body style="margin:0"><iframe id="embed" sandbox="allow-scripts" src="${site.baseUrl}"
 style="border:0;width:1300px;height:800px"></iframe></body>`);
  });
  await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
  const hostUrl = `http://127.0.0.1:${host.address().port}/`;
  addTestOrigin(hostUrl);
  const { page, problems, close } = await openPage({ viewport: { width: 1320, height: 820 } });
  let downloads = 0;
  page.on('download', () => { downloads++; });
  try {
    await page.goto(hostUrl, { waitUntil: 'load' });
    const frame = page.frames().find((f) => f.url() === site.baseUrl);
    assert.ok(frame, 'the embedded playground');
    await frame.waitForFunction(() => window.interleaveReady === true, null, { timeout: 60000 });
    const origin = await frame.evaluate(() => window.origin);
    assert.equal(origin, 'null', 'a sandboxed frame has an opaque origin');
    const offset = await page.evaluate(() => {
      const r = document.getElementById('embed').getBoundingClientRect();
      return { x: r.left, y: r.top };
    });
    const click = async (name) => {
      const p = await frame.evaluate((n) => {
        const r = window.interleaveStatus.widgets[n];
        const dpr = window.devicePixelRatio || 1;
        const c = document.getElementById('canvas').getBoundingClientRect();
        return r ? { x: c.left + (r[0] + r[2] / 2) / dpr, y: c.top + (r[1] + r[3] / 2) / dpr } : null;
      }, name);
      assert.ok(p, `widget ${name}`);
      await page.mouse.move(offset.x + p.x, offset.y + p.y);
      await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await page.mouse.down();
      await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await page.mouse.up();
      await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    };
    await click('export');
    await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await click('export:svg');
    await frame.waitForSelector('.il-export-panel textarea', { timeout: 30000 });
    const shown = await frame.evaluate(() => {
      const text = document.querySelector('.il-export-panel textarea').value;
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        message: document.querySelector('.il-export-message').textContent,
        xmlError: !!doc.getElementsByTagName('parsererror')[0], root: doc.documentElement.localName,
        last: window.interleaveExport.last,
      };
    });
    assert.match(shown.message, /Downloads are blocked inside this embedded page/);
    assert.equal(shown.xmlError, false);
    assert.equal(shown.root, 'svg');
    assert.equal(shown.last.shown, true);
    // The PNG is shown as an image.
    await frame.evaluate(() => document.querySelector('.il-export-close').click());
    await frame.evaluate(() => window.interleave.exportFile('png'));
    await frame.waitForSelector('.il-export-panel img', { timeout: 30000 });
    const img = await frame.evaluate(async () => {
      const i = document.querySelector('.il-export-panel img');
      await i.decode();
      return { w: i.naturalWidth, h: i.naturalHeight };
    });
    assert.ok(img.w > 200 && img.h > 100, `image ${img.w}x${img.h}`);
    await page.screenshot({ path: path.join(resultsDir, 'export-sandboxed.png') });
    assert.equal(downloads, 0, 'no download was attempted');
    assert.deepEqual(problems, []);
  } finally {
    // (The host server is closed even when close() fails the test: it would keep node alive.)
    try {
      await close();
    } finally {
      host.closeAllConnections();
      await new Promise((resolve) => host.close(resolve));
    }
  }
});
