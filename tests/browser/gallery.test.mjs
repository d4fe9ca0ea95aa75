// Browser tests of the Gallery and compare mode (issue 6): every gallery example opens from the
// picker and draws its chart with its explanation beside it; a #gallery= link opens the
// four-model example as four stacked runs; Pin run + a change shows two runs with the makespan
// difference; Edit and Close compare work. Every request goes to the page's own origin.
// Screenshots: test-results/gallery-*.png, compare-*.png.
//
// Run: node --test tests/browser/   (after `cmake --build --preset wasm`; tools/test.sh does both)
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { decodePng, countColour } from './png.mjs';
import {
  COLOURS, clickWidget, frames, openPage, screenshot, serveSite, status, widgetCentre,
} from './helpers.mjs';

const site = serveSite();


// Records every request the page makes that does not go to its own origin.
function watchRequests(page) {
  const foreign = [];
  const origin = new URL(site.baseUrl).origin;
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  return foreign;
}

// Waits until the current run and every pinned run have finished, and the chart is drawn.
async function waitForAllRuns(page, after = -1, timeout = 120000) {
  await page.waitForFunction((n) => {
    const s = window.interleaveStatus;
    return s && s.runsFinished > n && !s.running && s.compare && (!s.compare.active || s.compare.pending === 0);
  }, after, { timeout });
  await frames(page, 4);
  return status(page);
}

async function openAndWait(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.interleaveReady === true || window.interleaveError, null, { timeout: 60000 });
  assert.equal(await page.evaluate(() => window.interleaveError || ''), '');
  return waitForAllRuns(page);
}

// Pixels of the state colours inside the chart area of a screenshot.
function stateColourPixels(image) {
  return Object.values(COLOURS).reduce((n, rgb) => n + countColour(image, rgb), 0);
}

test('every gallery example opens from the picker, draws, and shows its explanation', { timeout: 900000 }, async (t) => {
  const { page, problems, close } = await openPage();
  const foreign = watchRequests(page);
  try {
    await openAndWait(page, site.baseUrl);
    const examples = await page.evaluate(() => window.interleave.gallery());
    assert.ok(examples.length >= 14, `examples: ${examples.length}`);
    const options = await page.$$eval('#gallery-picker option', (os) => os.map((o) => o.value).filter(Boolean));
    assert.deepEqual(options, examples.map((e) => e.slug));
    const timings = [];
    for (const ex of examples) {
      const before = (await status(page)).runsFinished;
      await page.selectOption('#gallery-picker', ex.slug);
      const s = await waitForAllRuns(page, before);
      // The editor holds the example, the note beside the chart explains it, the address links it.
      const dom = await page.evaluate(() => ({
        code: window.interleave.getState().code,
        hidden: document.getElementById('gallery-note').hidden,
        title: document.getElementById('gallery-title').textContent,
        text: document.getElementById('gallery-text').textContent,
        hash: window.location.hash,
      }));
      assert.equal(dom.hidden, false, ex.slug);
      assert.equal(dom.title, ex.title);
      assert.equal(dom.text, ex.explanation);
      assert.equal(dom.hash, `#gallery=${ex.slug}`);
      assert.ok(dom.code.startsWith(`# ${ex.title}\n`), `${ex.slug}: the editor shows the example`);
      assert.ok(s.lanes > 0 && s.segments > 0, `${ex.slug}: lanes ${s.lanes}, segments ${s.segments}`);
      if (ex.slug === 'deadlock') {
        assert.match(s.error.message, /deadlock/);
      } else {
        assert.equal(s.error, undefined, `${ex.slug}: ${JSON.stringify(s.error)}`);
        assert.ok(s.completed, ex.slug);
      }
      if (ex.variants.length) {
        assert.equal(s.compare.active, true, ex.slug);
        assert.deepEqual(s.compare.runs.map((r) => r.label), ex.variants);
        assert.ok(s.compare.runs.every((r) => r.ran), `${ex.slug}: every variant ran`);
        assert.ok(s.compare.runs[ex.live].live);
        assert.match(s.compare.headline, / vs .*: [-+]?\d+ %$/);
        for (let b = 0; b < ex.variants.length; ++b) assert.ok(s.widgets[`band${b}`], `${ex.slug}: band ${b} drawn`);
      } else {
        assert.equal(s.compare.active, false, ex.slug);
        assert.ok(s.widgets.timeArea, `${ex.slug}: the chart is drawn`);
      }
      const image = decodePng(await screenshot(page, `gallery-${ex.slug}.png`));
      assert.ok(stateColourPixels(image) > 200, `${ex.slug}: state colours on screen`);
      const runs = ex.variants.length ? s.compare.runs : [{ label: '', makespanNs: s.makespanNs, runMs: s.runMs }];
      timings.push(`${ex.slug}: ` + runs.map((r) => `${r.label ? r.label + ' ' : ''}` +
        `${(r.makespanNs / 1e6).toFixed(1)} ms simulated in ${Math.round(r.runMs)} ms`).join('; '));
    }
    for (const line of timings) t.diagnostic(line);
    assert.deepEqual(problems, []);
    assert.deepEqual(foreign, [], 'requests to other origins');
  } finally {
    await close();
  }
});

test('a #gallery= link opens the four-model example as four stacked runs', { timeout: 300000 }, async (t) => {
  const { page, problems, close } = await openPage();
  const foreign = watchRequests(page);
  try {
    const s = await openAndWait(page, `${site.baseUrl}#gallery=io_four_models`);
    assert.equal(s.compare.gallery, 'io_four_models');
    const runs = s.compare.runs;
    assert.deepEqual(runs.map((r) => r.label), ['sequential', 'threads', 'processes', 'asyncio']);
    assert.ok(runs[3].live);
    assert.ok(Math.abs(runs[0].makespanNs - 1.6e9) < 0.02e9, `sequential ${runs[0].makespanNs}`);
    assert.ok(runs[1].makespanNs < runs[0].makespanNs / 7, `threads ${runs[1].makespanNs}`);
    assert.equal(s.compare.headline, 'asyncio 200 ms vs sequential 1.60 s: -87 %');
    // The bands are stacked top to bottom, the same width, in the chart area.
    const bands = [0, 1, 2, 3].map((b) => s.widgets[`band${b}`]);
    for (let b = 1; b < 4; ++b) {
      assert.ok(bands[b][1] >= bands[b - 1][1] + bands[b - 1][3], `band ${b} below band ${b - 1}`);
      assert.equal(bands[b][2], bands[0][2]);
    }
    const code = await page.evaluate(() => window.interleave.getState().code);
    assert.match(code, /^MODEL = "asyncio"$/m);
    t.diagnostic(runs.map((r) => `${r.label} ${(r.makespanNs / 1e6).toFixed(1)} ms (host ${r.runMs} ms)`).join(', '));
    await screenshot(page, 'compare-four-models.png');

    // Edit on the threads band: its program goes to the editor and becomes the current run.
    await clickWidget(page, 'edit1');
    const swapped = await waitForAllRuns(page, s.runsFinished);
    assert.deepEqual(swapped.compare.runs.map((r) => r.label), ['sequential', 'threads', 'processes', 'asyncio']);
    assert.ok(swapped.compare.runs[1].live);
    await page.waitForFunction(() => /^MODEL = "threads"$/m.test(window.interleave.getState().code));
    assert.ok(Math.abs(swapped.makespanNs - runs[1].makespanNs) < 1e6);
    // A person's edit: the address no longer names the example.
    await page.evaluate(() => {
      const view = window.interleave.editor;
      view.focus();
      view.dispatch({ selection: { anchor: view.state.doc.length } });
    });
    await page.keyboard.type('\n');
    await page.waitForFunction(() => window.location.hash === '');
    assert.deepEqual(problems, []);
    assert.deepEqual(foreign, []);
  } finally {
    await close();
  }
});

test('pin a run, change a setting: two runs on one axis with the makespan difference', { timeout: 300000 }, async () => {
  const { page, problems, close } = await openPage();
  const foreign = watchRequests(page);
  try {
    const first = await openAndWait(page, site.baseUrl);
    assert.equal(first.compare.active, false);
    await clickWidget(page, 'pin');
    await frames(page, 3);
    let s = await status(page);
    assert.equal(s.compare.active, true);
    assert.equal(s.compare.runs.length, 2);
    // The GIL off: the default program's two CPU-bound threads run in parallel.
    await page.evaluate(() => window.interleave.setState({ settings: { gil: 'off' } }));
    s = await waitForAllRuns(page, s.runsFinished);
    const [pinned, current] = s.compare.runs;
    assert.equal(pinned.label, 'pinned 1');
    assert.equal(current.live, true);
    assert.equal(pinned.makespanNs, first.makespanNs);
    assert.ok(current.makespanNs < pinned.makespanNs, `${current.makespanNs} < ${pinned.makespanNs}`);
    const pct = Math.round(((current.makespanNs - pinned.makespanNs) / pinned.makespanNs) * 100);
    assert.equal(current.percentVsFirst, pct);
    assert.match(s.compare.headline, new RegExp(`^current \\S+ \\S+ vs pinned 1 \\S+ \\S+: ${pct} %$`));
    assert.ok(s.widgets.band0 && s.widgets.band1 && s.widgets.compareHeadline);
    await frames(page, 3);
    const image = decodePng(await screenshot(page, 'compare-pinned.png'));
    assert.ok(stateColourPixels(image) > 200);

    // Close compare: back to one chart.
    await clickWidget(page, 'closeCompare');
    s = await status(page);
    assert.equal(s.compare.active, false);
    assert.ok(s.widgets.timeArea && !s.widgets.band0);
    assert.deepEqual(problems, []);
    assert.deepEqual(foreign, []);
  } finally {
    await close();
  }
});

test('an unknown #gallery= link says so and opens the default program', { timeout: 180000 }, async () => {
  const { page, problems, close } = await openPage();
  try {
    const s = await openAndWait(page, `${site.baseUrl}#gallery=no_such_example`);
    assert.equal(s.error, undefined);
    assert.match(s.stdout, /4 threads took/);  // the default program
    const note = await page.evaluate(() => ({
      hidden: document.getElementById('gallery-note').hidden,
      title: document.getElementById('gallery-title').textContent,
    }));
    assert.equal(note.hidden, false);
    assert.match(note.title, /no gallery example "no_such_example"/);
    assert.ok(await widgetCentre(page, 'pin'));
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
