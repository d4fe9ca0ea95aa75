// Browser test of the page: Debian's headless Chromium (through playwright-core) loads the built
// site from a server this test starts on 127.0.0.1, waits for the wasm and for the first chart,
// checks that nothing went wrong, and saves screenshots in test-results/ for people to look at.
//
// Run: node --test tests/browser/   (after `cmake --build --preset wasm`; tools/test.sh does both)
// Env: INTERLEAVE_SITE (default build/wasm/site), CHROMIUM (default /usr/bin/chromium).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import { decodePng, countColour } from './png.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(root, 'web', 'package.json'));
const { chromium } = require('playwright-core');

const siteDir = path.resolve(process.env.INTERLEAVE_SITE || path.join(root, 'build', 'wasm', 'site'));
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const resultsDir = path.join(root, 'test-results');
// Headless WebGL2 through SwiftShader (see ../shared/TOOLCHAIN.md).
const chromiumArgs = [
  '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run',
];

// Okabe-Ito colours of some states (ui/palette.cpp), as [r, g, b].
const COLOURS = {
  'running Python': [0x00, 0x9e, 0x73],
  'waiting for the GIL': [0xd5, 0x5e, 0x00],
  'GIL held': [0x00, 0x72, 0xb2],
  'blocked on I/O': [0xcc, 0x79, 0xa7],
};

let server;
let baseUrl;

function serveSite() {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
                  '.css': 'text/css', '.ttf': 'font/ttf', '.json': 'application/json' };
  return http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(siteDir, path.normalize(rel));
    if (!file.startsWith(siteDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream',
                         'Cache-Control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
}

before(async () => {
  assert.ok(fs.existsSync(path.join(siteDir, 'index.html')) && fs.existsSync(path.join(siteDir, 'app.js')),
            `built site not found in ${siteDir}: run cmake --build --preset wasm (or bash tools/test.sh)`);
  assert.ok(fs.existsSync(chromiumPath), `Chromium not found at ${chromiumPath}: run bash tools/setup.sh`);
  fs.mkdirSync(resultsDir, { recursive: true });
  server = serveSite();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${server.address().port}/`;
});

after(async () => {
  if (server) await new Promise((resolve) => server.close(resolve));
});

// A fresh browser profile per test; returns { context, page, problems, close }.
async function openPage(options = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'interleave-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: options.viewport || { width: 1280, height: 800 },
    deviceScaleFactor: options.deviceScaleFactor || 1,
  });
  const page = context.pages()[0] || (await context.newPage());
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()}`));
  const close = async () => {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, page, problems, close };
}

async function waitForChart(page) {
  await page.goto(baseUrl, { waitUntil: 'load' });
  await page.waitForFunction(() => window.interleaveReady === true || window.interleaveError,
                             null, { timeout: 60000 });
  const error = await page.evaluate(() => window.interleaveError || '');
  assert.equal(error, '', 'the page reported an error');
  return page.evaluate(() => window.interleaveStatus);
}

// Waits for `n` animation frames (the ImGui main loop draws one per frame).
function frames(page, n = 3) {
  return page.evaluate((count) => new Promise((resolve) => {
    const step = (left) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(count);
  }), n);
}

test('the page draws the Gantt chart of the default scenario', { timeout: 180000 }, async (t) => {
  const { page, problems, close } = await openPage();
  try {
    const status = await waitForChart(page);
    t.diagnostic(`chart ready ${status.readyMs.toFixed(0)} ms after navigation ` +
                 `(scenario ${status.scenario}, simulated in ${status.runMs.toFixed(1)} ms)`);
    assert.ok(Array.isArray(status.scenarios) && status.scenarios.length > 0, 'scenario list');
    assert.ok(status.scenarios.includes(status.scenario), `default scenario ${status.scenario} listed`);
    assert.equal(status.error, '');
    assert.ok(status.lanes > 0, `lanes: ${status.lanes}`);
    assert.ok(status.segments > 0, `segments: ${status.segments}`);
    assert.ok(status.makespanNs > 0, `makespan: ${status.makespanNs}`);
    assert.ok(status.completed, 'the default scenario ran to completion');
    assert.ok(status.framesDrawn >= 1);

    // The canvas fills the window, its back buffer matches it.
    const canvas = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight };
    });
    assert.deepEqual(canvas, { w: 1280, h: 800, cw: 1280, ch: 800 });

    await frames(page, 3);
    const png = await page.screenshot({ path: path.join(resultsDir, 'page.png') });
    const image = decodePng(png);
    // The chart is really there: several state colours cover real areas of the canvas.
    const seen = Object.entries(COLOURS).map(([name, rgb]) => [name, countColour(image, rgb)]);
    t.diagnostic('pixels per state colour: ' + seen.map(([n, c]) => `${n} ${c}`).join(', '));
    assert.ok(seen.filter(([, c]) => c >= 300).length >= 3,
              `expected at least three state colours on screen: ${JSON.stringify(seen)}`);

    // Hover a "running Python" bar: a tooltip appears (screenshot for people), nothing breaks.
    const target = findColour(image, COLOURS['running Python']);
    assert.ok(target, 'a running-Python bar to hover');
    await page.mouse.move(target.x, target.y);
    await frames(page, 4);
    await page.screenshot({ path: path.join(resultsDir, 'page-tooltip.png') });

    // Wheel zoom and drag pan over the chart.
    await page.mouse.wheel(0, -400);
    await frames(page, 3);
    await page.mouse.down();
    await page.mouse.move(target.x + 150, target.y + 5, { steps: 5 });
    await page.mouse.up();
    await frames(page, 3);
    await page.screenshot({ path: path.join(resultsDir, 'page-zoomed.png') });

    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('every built-in scenario runs and draws in the page', { timeout: 180000 }, async (t) => {
  const { page, problems, close } = await openPage();
  try {
    const first = await waitForChart(page);
    for (const name of first.scenarios) {
      const ok = await page.evaluate((n) => Module.ccall('interleave_run', 'number', ['string', 'string'], [n, '']), name);
      assert.equal(ok, 1, `interleave_run(${name})`);
      await frames(page, 3);
      await page.screenshot({ path: path.join(resultsDir, `scenario-${name}.png`) });
      const s = await page.evaluate(() => window.interleaveStatus);
      assert.equal(s.scenario, name);
      assert.equal(s.error, '', `${name}: ${s.error}`);
      assert.ok(s.lanes > 0 && s.segments > 0 && s.makespanNs > 0, `${name}: ${JSON.stringify(s)}`);
      t.diagnostic(`${name}: ${s.lanes} lanes, ${s.segments} segments, makespan ${(s.makespanNs / 1e6).toFixed(2)} ms, ` +
                   `simulated in ${s.runMs.toFixed(1)} ms`);
    }
    // Settings on top of a scenario's defaults, as the cores slider and GIL checkbox do.
    const ok = await page.evaluate(() => Module.ccall('interleave_run', 'number', ['string', 'string'],
                                                      [window.interleaveStatus.scenarios[0], 'cores=2 gil=off']));
    assert.equal(ok, 1);
    await frames(page, 2);
    const s = await page.evaluate(() => window.interleaveStatus);
    assert.equal(s.cores, 2);
    assert.equal(s.gil, false);
    // A bad setting is reported, not a crash; the previous chart stays.
    const bad = await page.evaluate(() => Module.ccall('interleave_run', 'number', ['string', 'string'],
                                                       [window.interleaveStatus.scenarios[0], 'cores=banana']));
    assert.equal(bad, 0);
    await frames(page, 2);
    const after = await page.evaluate(() => window.interleaveStatus);
    assert.notEqual(after.error, '');
    assert.ok(after.lanes > 0);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('HiDPI: the back buffer follows devicePixelRatio', { timeout: 180000 }, async () => {
  const { page, problems, close } = await openPage({ viewport: { width: 1000, height: 640 }, deviceScaleFactor: 2 });
  try {
    await waitForChart(page);
    await frames(page, 3);
    const canvas = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight, dpr: window.devicePixelRatio };
    });
    assert.equal(canvas.dpr, 2);
    assert.equal(canvas.w, canvas.cw * 2);
    assert.equal(canvas.h, canvas.ch * 2);
    await page.screenshot({ path: path.join(resultsDir, 'page-hidpi.png') });
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

// A point (in CSS pixels, 1:1 with the screenshot at scale 1) in the middle of a run of `rgb`.
function findColour(image, rgb) {
  for (let y = Math.floor(image.height * 0.3); y < image.height; y += 2) {
    for (let x = Math.floor(image.width * 0.25); x < image.width - 6; x += 2) {
      let run = 0;
      while (run < 6 && same(image, x + run, y, rgb)) run++;
      if (run === 6 && same(image, x + 3, y - 2, rgb) && same(image, x + 3, y + 2, rgb)) return { x: x + 3, y };
    }
  }
  return null;
}

function same(image, x, y, [r, g, b]) {
  const i = (y * image.width + x) * 4;
  const d = image.data;
  return Math.abs(d[i] - r) <= 2 && Math.abs(d[i + 1] - g) <= 2 && Math.abs(d[i + 2] - b) <= 2;
}
