// Shared set-up of the browser tests: a static server for the built site on 127.0.0.1, Debian's
// headless Chromium through playwright-core, and helpers that act on the page as a person does
// (the editor through the keyboard, the ImGui widgets through mouse clicks at the rectangles the
// page reports in window.interleaveStatus.widgets).
//
// Env: INTERLEAVE_SITE (default build/wasm/site), CHROMIUM (default /usr/bin/chromium).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(root, 'web', 'package.json'));
const { chromium } = require('playwright-core');

export const siteDir = path.resolve(process.env.INTERLEAVE_SITE || path.join(root, 'build', 'wasm', 'site'));
export const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
export const resultsDir = path.join(root, 'test-results');
// Headless WebGL2 through SwiftShader (see ../shared/TOOLCHAIN.md).
const chromiumArgs = [
  '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run',
];

// Okabe-Ito colours of some states (ui/palette.cpp), as [r, g, b].
export const COLOURS = {
  'running Python': [0x00, 0x9e, 0x73],
  'waiting for the GIL': [0xd5, 0x5e, 0x00],
  'GIL held': [0x00, 0x72, 0xb2],
  'blocked on I/O': [0xcc, 0x79, 0xa7],
  'blocked': [0xf0, 0xe4, 0x42],
};

// Origins of the servers the tests started (127.0.0.1 and a port each). Pages may navigate only to
// these, and every other request must go to the origin of the document that makes it (see
// openPage): the page needs nothing from anywhere else.
const testOrigins = new Set();

export function startServer() {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
                  '.css': 'text/css', '.ttf': 'font/ttf', '.json': 'application/json' };
  const server = http.createServer((req, res) => {
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
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const baseUrl = `http://127.0.0.1:${server.address().port}/`;
    testOrigins.add(new URL(baseUrl).origin);
    resolve({ server, baseUrl });
  }));
}

// Serves the built site to one test file: registers its before/after hooks (prerequisites
// checked first) and returns an object whose baseUrl is set once the server listens.
export function serveSite() {
  const site = { server: null, baseUrl: null };
  before(async () => {
    checkPrerequisites();
    Object.assign(site, await startServer());
  });
  after(async () => {
    if (site.server) await new Promise((resolve) => site.server.close(resolve));
  });
  return site;
}

// A server a test starts itself (e.g. a host page on another port) is a test server too.
export function addTestOrigin(url) {
  testOrigins.add(new URL(url).origin);
}

export function checkPrerequisites() {
  assert.ok(fs.existsSync(path.join(siteDir, 'index.html')) && fs.existsSync(path.join(siteDir, 'app.js')) &&
            fs.existsSync(path.join(siteDir, 'page.js')),
            `built site not found in ${siteDir}: run cmake --build --preset wasm (or bash tools/test.sh)`);
  assert.ok(fs.existsSync(chromiumPath), `Chromium not found at ${chromiumPath}: run bash tools/setup.sh`);
  fs.mkdirSync(resultsDir, { recursive: true });
}

// Where a request may go: a navigation (of the page, a frame or a new tab) to a server the tests
// started; anything else to the origin of the frame that asks for it (for a sandboxed iframe, its
// URL's origin: an opaque origin still loads only its own static files). data:/blob:/about: URLs
// are not network requests. Returns null, or why the request is off-origin.
export function offOriginReason(url, isNavigation, frameUrl) {
  if (/^(data|blob|about):/.test(url)) return null;
  let origin;
  try {
    origin = new URL(url).origin;
  } catch {
    return `${url} (not a URL)`;
  }
  if (isNavigation) return testOrigins.has(origin) ? null : `${url} (a navigation away from the test servers)`;
  let own = null;
  try {
    own = new URL(frameUrl).origin;
  } catch {
    // no frame (a service worker): nothing is its own origin
  }
  return origin === own ? null : `${url} (requested by ${frameUrl || 'no frame'})`;
}

// A fresh browser profile per test; returns { context, page, problems, offOrigin, close }.
// Every request of every page and frame in the context is checked (offOriginReason): one to
// another origin is a problem, and close() fails the test with it (options.allowOffOrigin: the
// helper's own test, which makes such a request on purpose).
export async function openPage(options = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'interleave-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: options.viewport || { width: 1400, height: 860 },
    deviceScaleFactor: options.deviceScaleFactor || 1,
    hasTouch: !!options.hasTouch,
    permissions: options.permissions || [],
  });
  const offOrigin = [];
  context.on('request', (req) => {
    let frameUrl = '';
    try {
      frameUrl = req.frame().url();
    } catch {
      // a service worker's request has no frame
    }
    const reason = offOriginReason(req.url(), req.isNavigationRequest(), frameUrl);
    if (reason) offOrigin.push(reason);
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
    if (!options.allowOffOrigin) {
      assert.deepEqual(offOrigin, [], 'every request goes to the page\'s own origin');
    }
  };
  return { context, page, problems, offOrigin, close };
}

export async function waitForChart(page, baseUrl) {
  await page.goto(baseUrl, { waitUntil: 'load' });
  await page.waitForFunction(() => window.interleaveReady === true || window.interleaveError,
                             null, { timeout: 60000 });
  const error = await page.evaluate(() => window.interleaveError || '');
  assert.equal(error, '', 'the page reported an error');
  return status(page);
}

export function status(page) {
  return page.evaluate(() => JSON.parse(JSON.stringify(window.interleaveStatus)));
}

// Waits for `n` animation frames (the ImGui main loop draws one per frame).
export function frames(page, n = 3) {
  return page.evaluate((count) => new Promise((resolve) => {
    const step = (left) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(count);
  }), n);
}

// Waits until a run newer than `after` (runsFinished) has finished and been drawn.
export async function waitForRun(page, after, timeout = 60000) {
  await page.waitForFunction((n) => {
    const s = window.interleaveStatus;
    return s && s.runsFinished > n && !s.running;
  }, after, { timeout });
  await frames(page, 3);
  return status(page);
}

// Page coordinates (CSS px) of the centre of a widget the page reported (canvas pixels).
export async function widgetCentre(page, name) {
  return page.evaluate((n) => {
    const s = window.interleaveStatus;
    const r = s.widgets && s.widgets[n];
    if (!r) return null;
    const c = document.getElementById('canvas').getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    return { x: c.left + (r[0] + r[2] / 2) / dpr, y: c.top + (r[1] + r[3] / 2) / dpr,
             left: c.left + r[0] / dpr, top: c.top + r[1] / dpr, w: r[2] / dpr, h: r[3] / dpr };
  }, name);
}

export async function clickWidget(page, name) {
  const p = await widgetCentre(page, name);
  assert.ok(p, `widget ${name} is on screen`);
  await page.mouse.move(p.x, p.y);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  await page.mouse.up();
  await frames(page, 2);
  return p;
}

// Puts the editor's cursor at (line, column) with a click-free API call, then types as a person.
export async function typeAt(page, line, column, text) {
  await page.evaluate(([l, c]) => {
    const view = window.interleave.editor;
    const pos = view.state.doc.line(l).from + c - 1;
    view.focus();
    view.dispatch({ selection: { anchor: pos } });
  }, [line, column]);
  await page.keyboard.type(text);
}

export async function screenshot(page, name) {
  return page.screenshot({ path: path.join(resultsDir, name) });
}

// A point (in CSS pixels, 1:1 with the screenshot at scale 1) in the middle of a run of `rgb`,
// searched inside the box (x0, y0, x1, y1).
export function findColour(image, rgb, box = null) {
  const x0 = box ? Math.floor(box.x0) : Math.floor(image.width * 0.4);
  const x1 = box ? Math.floor(box.x1) : image.width;
  const y0 = box ? Math.floor(box.y0) : Math.floor(image.height * 0.2);
  const y1 = box ? Math.floor(box.y1) : image.height;
  for (let y = y0; y < y1; y += 2) {
    for (let x = x0; x < x1 - 8; x += 2) {
      let run = 0;
      while (run < 8 && same(image, x + run, y, rgb)) run++;
      if (run === 8 && same(image, x + 4, y - 2, rgb) && same(image, x + 4, y + 2, rgb)) return { x: x + 4, y };
    }
  }
  return null;
}

function same(image, x, y, [r, g, b]) {
  const i = (y * image.width + x) * 4;
  const d = image.data;
  return Math.abs(d[i] - r) <= 2 && Math.abs(d[i + 1] - g) <= 2 && Math.abs(d[i + 2] - b) <= 2;
}
