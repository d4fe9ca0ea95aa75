// Benchmarks of the page in headless Chromium (numbers for docs/benchmarks.md, printed as test
// diagnostics and written to test-results/bench.json): time from navigation to the first chart,
// the site's size gzipped, and frame times while panning a trace of 1,000,000 segments. The
// assertions are loose (a shared, software-rendered machine): they catch a page that stops
// drawing, not a slow one.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

import {
  frames, openPage, resultsDir, screenshot, serveSite, siteDir, waitForChart, widgetCentre,
} from './helpers.mjs';

const site = serveSite();
const results = {};

after(() => {
  fs.writeFileSync(path.join(resultsDir, 'bench.json'), JSON.stringify(results, null, 2) + '\n');
});

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
}
function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * p))] : 0;
}

test('bench: site size gzipped', () => {
  const size = {};
  for (const f of ['app.js', 'page.js', 'index.html']) {
    const data = fs.readFileSync(path.join(siteDir, f));
    size[f] = { bytes: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length };
  }
  results.size = size;
  const total = Object.values(size).reduce((a, s) => a + s.gzip, 0);
  results.size.totalGzip = total;
  assert.ok(total > 0);
});

test('bench: navigation to first chart', { timeout: 180000 }, async (t) => {
  const times = [];
  for (let i = 0; i < 3; ++i) {
    const { page, close } = await openPage();
    try {
      const s = await waitForChart(page, site.baseUrl);
      times.push(s.readyMs);
    } finally {
      await close();
    }
  }
  results.firstChartMs = { runs: times, best: Math.min(...times), median: median(times) };
  t.diagnostic(`first chart after navigation: ${times.map((x) => x.toFixed(0)).join(', ')} ms`);
  assert.ok(Math.min(...times) < 15000);
});

test('bench: panning a 1,000,000-segment trace', { timeout: 300000 }, async (t) => {
  const { page, problems, close } = await openPage({ viewport: { width: 1400, height: 860 } });
  try {
    await waitForChart(page, site.baseUrl);
    const loadMs = await page.evaluate(() => Module.ccall('interleave_load_synthetic', 'number', ['number'], [1000000]));
    await frames(page, 5);
    const area = await widgetCentre(page, 'timeArea');
    const measure = async (label) => {
      // Drag back and forth for ~120 frames, measuring rAF intervals in the page.
      const intervals = page.evaluate(() => new Promise((resolve) => {
        const gaps = [];
        let last = performance.now();
        const step = (now) => {
          gaps.push(now - last);
          last = now;
          if (gaps.length < 130) requestAnimationFrame(step);
          else resolve(gaps.slice(10));
        };
        requestAnimationFrame(step);
      }));
      await page.mouse.move(area.left + area.w * 0.3, area.top + 40);
      await page.mouse.down();
      for (let i = 0; i < 60; ++i) {
        const x = area.left + area.w * (0.3 + 0.4 * Math.abs(Math.sin(i / 10)));
        await page.mouse.move(x, area.top + 40);
      }
      await page.mouse.up();
      const gaps = await intervals;
      const stats = await page.evaluate(() => JSON.parse(Module.ccall('interleave_frame_stats', 'string', [], [])));
      const draw = stats.draw.slice(-100);
      const r = { rafMedianMs: median(gaps), rafP95Ms: percentile(gaps, 0.95),
                  cpuMedianMs: median(draw), cpuP95Ms: percentile(draw, 0.95) };
      t.diagnostic(`${label}: frame interval median ${r.rafMedianMs.toFixed(1)} ms (p95 ${r.rafP95Ms.toFixed(1)}), ` +
                   `CPU per frame (build + draw + GL submit) median ${r.cpuMedianMs.toFixed(2)} ms (p95 ${r.cpuP95Ms.toFixed(2)})`);
      return r;
    };
    results.pan1M = { loadMs };
    // Whole run visible: everything folds into about a pixel's worth of items per lane.
    results.pan1M.fit = await measure('1M segments, whole run');
    await screenshot(page, 'bench-1m-fit.png');
    // Zoomed in 100x: real segments and folds mixed.
    await page.mouse.move(area.left + area.w * 0.5, area.top + 40);
    for (let i = 0; i < 10; ++i) await page.mouse.wheel(0, -200);
    await frames(page, 4);
    results.pan1M.zoomed = await measure('1M segments, zoomed in');
    await screenshot(page, 'bench-1m-zoomed.png');
    assert.ok(results.pan1M.fit.cpuMedianMs < 200, JSON.stringify(results.pan1M));
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
