// Browser tests of the playground page (issue 5's acceptance list): Debian's headless Chromium
// loads the built site, and the tests use it as a learner does: type in the editor, click the
// settings, zoom and pan the chart, hover and click bars, stop an endless loop. Screenshots go to
// test-results/ for people to look at.
//
// Run: node --test tests/browser/   (after `cmake --build --preset wasm`; tools/test.sh does both)
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { decodePng, countColour } from './png.mjs';
import {
  COLOURS, clickWidget, findColour, frames, openPage, screenshot, serveSite, status, typeAt,
  waitForChart, waitForRun, widgetCentre,
} from './helpers.mjs';

const site = serveSite();


test('the page loads and draws the default program\'s chart', { timeout: 180000 }, async (t) => {
  const { page, problems, close } = await openPage();
  try {
    const s = await waitForChart(page, site.baseUrl);
    t.diagnostic(`first chart ${s.readyMs.toFixed(0)} ms after navigation (simulated in ${s.runMs.toFixed(0)} ms)`);
    assert.equal(s.error, undefined);
    assert.ok(s.completed, 'the default program ran to completion');
    assert.ok(s.lanes >= 8, `lanes: ${s.lanes}`);
    assert.ok(s.segments > 20, `segments: ${s.segments}`);
    assert.ok(s.makespanNs > 1e6, `makespan: ${s.makespanNs}`);
    assert.match(s.stdout, /4 threads took/);
    // The editor holds the program, with line numbers and Python highlighting.
    const editor = await page.evaluate(() => ({
      lines: document.querySelectorAll('.cm-gutter.cm-lineNumbers .cm-gutterElement').length,
      keyword: [...document.querySelectorAll('.cm-content span')].some((e) => e.textContent === 'def' &&
                                                                        getComputedStyle(e).color !== getComputedStyle(document.querySelector('.cm-content')).color),
      code: window.interleave.getState().code,
    }));
    assert.ok(editor.lines >= 25, `line numbers: ${editor.lines}`);
    assert.ok(editor.keyword, 'keywords are highlighted');
    assert.match(editor.code, /threading\.Thread/);

    await frames(page, 3);
    const image = decodePng(await screenshot(page, 'page.png'));
    const seen = Object.entries(COLOURS).map(([name, rgb]) => [name, countColour(image, rgb)]);
    t.diagnostic('pixels per state colour: ' + seen.map(([n, c]) => `${n} ${c}`).join(', '));
    assert.ok(seen.filter(([, c]) => c >= 300).length >= 4,
              `expected at least four state colours on screen: ${JSON.stringify(seen)}`);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('editing the code re-runs it: the chart and the metrics change', { timeout: 180000 }, async () => {
  const { page, problems, close } = await openPage();
  try {
    const first = await waitForChart(page, site.baseUrl);
    // Line 24: `threads = [threading.Thread(target=count, args=(150_000,)) ...`: make the loop longer.
    const line = await page.evaluate(() => window.interleave.editor.state.doc.line(24).text);
    const col = line.indexOf('150_000') + 1;
    assert.ok(col > 0, line);
    await typeAt(page, 24, col, '4');  // 4150_000
    const second = await waitForRun(page, first.runsFinished);
    assert.equal(second.error, undefined);
    assert.ok(second.completed);
    assert.ok(second.makespanNs > first.makespanNs * 5, `${first.makespanNs} -> ${second.makespanNs}`);
    assert.notEqual(second.segments, first.segments);
    await screenshot(page, 'page-edited.png');
    // Undo (the editor's history) brings the first run back.
    await page.keyboard.press('Control+z');
    const third = await waitForRun(page, second.runsFinished);
    assert.equal(third.makespanNs, first.makespanNs);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('a syntax error is shown at its line, fixing it recovers', { timeout: 180000 }, async () => {
  const { page, problems, close } = await openPage();
  try {
    const first = await waitForChart(page, site.baseUrl);
    // Line 19 is `    time.sleep(0.004)`: drop its closing parenthesis.
    await page.evaluate(() => {
      const view = window.interleave.editor;
      const l = view.state.doc.line(19);
      view.focus();
      view.dispatch({ selection: { anchor: l.to } });
    });
    await page.keyboard.press('Backspace');
    const broken = await waitForRun(page, first.runsFinished);
    assert.ok(broken.error, 'an error is reported');
    assert.equal(broken.error.type, 'SyntaxError');
    assert.ok(broken.error.line === 19 || broken.error.line === 20, `line ${broken.error.line}: ${broken.error.message}`);
    assert.equal(broken.tab, 'errors');
    assert.ok(broken.lanes > 0, 'the last chart stays on screen');
    // The editor underlines the line and shows the message.
    await page.waitForSelector('.cm-lintRange-error');
    const marked = await page.evaluate(() => {
      const view = window.interleave.editor;
      const el = document.querySelector('.cm-lintRange-error');
      const pos = view.posAtDOM(el);
      return { line: view.state.doc.lineAt(pos).number, bar: document.getElementById('error-bar').textContent,
               hidden: document.getElementById('error-bar').hidden };
    });
    assert.equal(marked.line, broken.error.line);
    assert.equal(marked.hidden, false);
    assert.match(marked.bar, new RegExp(`Line ${broken.error.line}: SyntaxError`));
    await frames(page, 3);
    await screenshot(page, 'page-syntax-error.png');

    // Fix it: type the parenthesis back.
    await page.keyboard.type(')');
    const fixed = await waitForRun(page, broken.runsFinished);
    assert.equal(fixed.error, undefined);
    assert.ok(fixed.completed);
    assert.equal(fixed.makespanNs, first.makespanNs);
    await page.waitForFunction(() => !document.querySelector('.cm-lintRange-error') &&
                                     document.getElementById('error-bar').hidden);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('settings re-run the program: one core, then the GIL off', { timeout: 180000 }, async () => {
  const { page, problems, close } = await openPage();
  try {
    const first = await waitForChart(page, site.baseUrl);
    assert.equal(first.runCores, 4);
    assert.equal(first.runGil, true);
    // Drag the cores slider to its left end.
    const slider = await widgetCentre(page, 'cores');
    await page.mouse.move(slider.x, slider.y);
    await page.mouse.down();
    await page.mouse.move(slider.left - 40, slider.y, { steps: 6 });
    await page.mouse.up();
    const oneCore = await waitForRun(page, first.runsFinished);
    assert.equal(oneCore.runCores, 1);
    assert.equal(oneCore.settings, 'cores=1');
    await screenshot(page, 'page-one-core.png');

    // Back to 4 cores, then the GIL off: the two CPU-bound threads run in parallel.
    await page.evaluate(() => window.interleave.setState({ settings: { cores: '4' } }));
    const four = await waitForRun(page, oneCore.runsFinished);
    assert.equal(four.runCores, 4);
    await clickWidget(page, 'gil');
    const noGil = await waitForRun(page, four.runsFinished);
    assert.equal(noGil.runGil, false);
    assert.ok(noGil.makespanNs < four.makespanNs * 0.75, `${four.makespanNs} -> ${noGil.makespanNs}`);
    assert.ok(noGil.speedup > four.speedup, `speedup ${four.speedup} -> ${noGil.speedup}`);
    await screenshot(page, 'page-gil-off.png');
    // The page state carries the settings (what share links will serialise).
    const state = await page.evaluate(() => window.interleave.getState());
    assert.deepEqual(state.settings, { cores: '4', gil: 'off' });
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('zoom, pan, tooltip, click to source and back, keyboard', { timeout: 180000 }, async (t) => {
  const { page, problems, close } = await openPage();
  try {
    await waitForChart(page, site.baseUrl);
    await frames(page, 3);
    const area = await widgetCentre(page, 'timeArea');
    const s0 = await status(page);
    const span0 = s0.view.t1 - s0.view.t0;

    // Wheel zoom at the cursor.
    await page.mouse.move(area.left + area.w * 0.3, area.top + 20);
    await page.mouse.wheel(0, -300);
    await frames(page, 4);
    const s1 = await status(page);
    const span1 = s1.view.t1 - s1.view.t0;
    assert.ok(span1 < span0 * 0.6, `zoomed in: ${span0} -> ${span1}`);
    // Drag pans: content moves right, earlier times come into view.
    await page.mouse.move(area.left + area.w * 0.5, area.top + 10);
    await page.mouse.down();
    await page.mouse.move(area.left + area.w * 0.6, area.top + 10, { steps: 5 });
    await page.mouse.up();
    await frames(page, 3);
    const s2 = await status(page);
    assert.ok(s2.view.t0 < s1.view.t0, `panned: ${s1.view.t0} -> ${s2.view.t0}`);
    await clickWidget(page, 'fit');
    const s3 = await status(page);
    assert.equal(s3.view.t0, 0);

    // Hover a running-Python bar on a thread lane: tooltip with state, times, line and thread.
    const image = decodePng(await screenshot(page, 'page-before-hover.png'));
    const box = { x0: area.left, x1: area.left + area.w, y0: area.top + area.h * 0.45, y1: area.top + area.h };
    const target = findColour(image, COLOURS['running Python'], box);
    assert.ok(target, 'a running-Python bar to hover');
    await page.mouse.move(target.x, target.y);
    await frames(page, 4);
    const hovered = await status(page);
    assert.ok(hovered.hover, 'something is hovered');
    assert.equal(hovered.hover.state, 'python');
    assert.ok(hovered.hover.line > 0, `hovered segment has a source line: ${JSON.stringify(hovered.hover)}`);
    assert.ok(hovered.hover.endNs > hovered.hover.startNs);
    await screenshot(page, 'page-tooltip.png');

    // Click it: its thread is highlighted and its line is marked in the editor.
    await page.mouse.down();
    await page.mouse.up();
    await frames(page, 4);
    const clicked = await status(page);
    assert.equal(clicked.selectedLine, hovered.hover.line);
    assert.equal(clicked.selectedThread, hovered.hover.thread);
    const marked = await page.evaluate(() => {
      const el = document.querySelector('.il-selected-line');
      if (!el) return 0;
      const view = window.interleave.editor;
      return view.state.doc.lineAt(view.posAtDOM(el)).number;
    });
    assert.equal(marked, hovered.hover.line);
    await screenshot(page, 'page-click-to-source.png');

    // And back: a click on an editor line highlights that line's segments.
    const lineBox = await page.evaluate(() => {
      const view = window.interleave.editor;
      const r = view.coordsAtPos(view.state.doc.line(19).from + 6);
      return { x: r.left, y: (r.top + r.bottom) / 2 };
    });
    await page.mouse.click(lineBox.x, lineBox.y);
    await frames(page, 3);
    const fromEditor = await status(page);
    assert.equal(fromEditor.selectedLine, 19);
    assert.equal(fromEditor.selectedThread, -1);
    await screenshot(page, 'page-line-highlight.png');

    // Keyboard on the chart (Perfetto/Tracy keys): W zooms in, D pans right. Typing in the
    // editor must not move the chart.
    await page.keyboard.type('x');  // into the editor
    await frames(page, 2);
    const afterTyping = await status(page);
    assert.equal(afterTyping.view.t1 - afterTyping.view.t0, fromEditor.view.t1 - fromEditor.view.t0);
    await page.keyboard.press('Backspace');
    await page.mouse.click(area.left + area.w - 4, area.top + area.h - 4);  // focus the canvas
    const k0 = await status(page);
    await page.keyboard.down('w');
    await page.waitForTimeout(300);
    await page.keyboard.up('w');
    await frames(page, 2);
    const k1 = await status(page);
    assert.ok(k1.view.t1 - k1.view.t0 < (k0.view.t1 - k0.view.t0) * 0.9, 'W zooms in');
    await page.keyboard.down('d');
    await page.waitForTimeout(300);
    await page.keyboard.up('d');
    await frames(page, 2);
    const k2 = await status(page);
    assert.ok(k2.view.t0 > k1.view.t0, 'D pans right');

    // Range selection (right-drag) measures a duration.
    await page.mouse.move(area.left + area.w * 0.2, area.top + 30);
    await page.mouse.down({ button: 'right' });
    await page.mouse.move(area.left + area.w * 0.5, area.top + 30, { steps: 5 });
    await page.mouse.up({ button: 'right' });
    await frames(page, 3);
    const sel = await status(page);
    assert.ok(sel.selection.t1 > sel.selection.t0, `a range: ${JSON.stringify(sel.selection)}`);
    await screenshot(page, 'page-range.png');
    t.diagnostic(`selected range ${((sel.selection.t1 - sel.selection.t0) / 1e6).toFixed(3)} ms`);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('output lines jump the chart; playback moves the time cursor; the panel shows locks and queues', { timeout: 180000 }, async () => {
  const { page, problems, close } = await openPage();
  try {
    await waitForChart(page, site.baseUrl);
    await frames(page, 3);
    await clickWidget(page, 'outputRow0');
    const s = await status(page);
    assert.ok(s.cursorNs > 0, `cursor at the first output line: ${s.cursorNs}`);
    await clickWidget(page, 'stepForward');
    const stepped = await status(page);
    assert.ok(stepped.cursorNs > s.cursorNs, `${s.cursorNs} -> ${stepped.cursorNs}`);
    await clickWidget(page, 'stepBack');
    assert.equal((await status(page)).cursorNs, s.cursorNs);
    // From the start, slowly (1/1000 of real time: 1 ms of virtual time per real second).
    await page.evaluate(() => window.interleave.setState({ playback_speed: 0.001, cursor_ns: 0 }));
    await clickWidget(page, 'play');
    await page.waitForTimeout(400);
    const playing = await status(page);
    assert.equal(playing.playing, true);
    assert.equal(playing.tab, 'cursor');
    assert.ok(playing.cursorNs > 0 && playing.cursorNs < s.cursorNs, `${playing.cursorNs}`);
    await screenshot(page, 'page-playback.png');
    await clickWidget(page, 'play');
    assert.equal((await status(page)).playing, false);

    // A program with a Lock and a Queue: at 5 ms the worker holds the lock (main waits for it)
    // and the queue holds one job; the panel shows them in its Locks and Queues tables.
    const before = await status(page);
    await page.evaluate(() => window.interleave.setState({ code: [
      'import threading, queue, time',
      'lock = threading.Lock()',
      'jobs = queue.Queue(maxsize=4)',
      'def worker():',
      '    with lock:',
      '        jobs.put(("job", 1))',
      '        time.sleep(0.01)',
      't = threading.Thread(target=worker, name="worker")',
      't.start()',
      'time.sleep(0.002)',
      'with lock:',
      '    print(jobs.get())',
      't.join()',
      ''].join('\n') }));
    const ran = await waitForRun(page, before.runsFinished);
    assert.equal(ran.error, undefined);
    assert.match(ran.stdout, /\('job', 1\)/);
    await page.evaluate(() => window.interleave.setState({ cursor_ns: 5000000, tab: 'cursor' }));
    await frames(page, 4);
    const at = await status(page);
    assert.equal(at.tab, 'cursor');
    assert.ok(at.widgets.locksTable, 'the Locks table is drawn');
    assert.ok(at.widgets.queuesTable, 'the Queues table is drawn');
    const rows = at.cursorResources;
    assert.deepEqual(rows.map((r) => [r.table, r.name, r.kind]),
                     [['locks', 'lock', 'threading.Lock'], ['queues', 'jobs', 'queue.Queue']]);
    assert.equal(rows[0].state, 'held by worker');
    assert.equal(rows[0].waiters, 'MainThread');
    assert.equal(rows[1].state, '1 / 4');
    assert.equal(rows[1].items, "('job', 1)");
    await screenshot(page, 'page-cursor-resources.png');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('an endless loop: the page keeps drawing, Cancel stops it with a message', { timeout: 180000 }, async (t) => {
  const { page, problems, close } = await openPage();
  try {
    const first = await waitForChart(page, site.baseUrl);
    await page.evaluate(() => window.interleave.editor.focus());
    await page.keyboard.press('Control+a');
    await page.keyboard.type('n = 0\nwhile True:\nn += 1\n');
    await page.waitForFunction(() => window.interleaveStatus.running === true, null, { timeout: 10000 });
    // Frames keep coming while it runs, and the simulation takes only its share of each one.
    // (Headless Chromium draws with SwiftShader, in software, on a shared machine: its frame
    // rate says little; the page's own CPU time per frame is what the page controls.)
    const fps = await page.evaluate(() => new Promise((resolve) => {
      let n = 0;
      const t0 = performance.now();
      const step = (now) => {
        if (++n < 60) requestAnimationFrame(step);
        else resolve({ frames: n, ms: now - t0 });
      };
      requestAnimationFrame(step);
    }));
    const cpu = await page.evaluate(() => JSON.parse(Module.ccall('interleave_frame_stats', 'string', [], [])));
    const sim = cpu.sim.slice(-50).sort((a, b) => a - b);
    const draw = cpu.draw.slice(-50).sort((a, b) => a - b);
    const med = (a) => a[Math.floor(a.length / 2)];
    t.diagnostic(`while simulating: ${fps.frames} frames in ${fps.ms.toFixed(0)} ms; per frame, simulation ` +
                 `median ${med(sim).toFixed(1)} ms (max ${sim[sim.length - 1].toFixed(1)}), drawing median ${med(draw).toFixed(1)} ms`);
    assert.ok(fps.ms < 60 * 1000, `frames keep coming: ${JSON.stringify(fps)}`);
    assert.ok(med(sim) < 14, `the simulation keeps to its budget per frame: ${med(sim)} ms`);
    assert.ok((await status(page)).running, 'still running');
    await screenshot(page, 'page-running.png');
    await clickWidget(page, 'cancel');
    const stopped = await waitForRun(page, first.runsFinished);
    assert.equal(stopped.running, false);
    assert.equal(stopped.completed, false);
    assert.match(stopped.stopReason, /cancelled/);
    assert.ok(stopped.error && /cancelled/.test(stopped.error.message), JSON.stringify(stopped.error));
    assert.equal(stopped.tab, 'errors');
    assert.ok(stopped.lanes > 0, 'what ran so far is drawn');
    const bar = await page.evaluate(() => document.getElementById('error-bar').textContent);
    assert.match(bar, /cancelled/);
    await frames(page, 3);
    await screenshot(page, 'page-cancelled.png');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('HiDPI: the back buffer follows devicePixelRatio', { timeout: 180000 }, async () => {
  const { page, problems, close } = await openPage({ viewport: { width: 1100, height: 700 }, deviceScaleFactor: 2 });
  try {
    await waitForChart(page, site.baseUrl);
    await frames(page, 3);
    const canvas = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight, dpr: window.devicePixelRatio };
    });
    assert.equal(canvas.dpr, 2);
    assert.equal(canvas.w, canvas.cw * 2);
    assert.equal(canvas.h, canvas.ch * 2);
    await screenshot(page, 'page-hidpi.png');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('touch: one finger pans, two pinch-zoom; a narrow screen stacks editor and chart', { timeout: 180000 }, async () => {
  const { page, problems, close } = await openPage({ viewport: { width: 420, height: 860 }, hasTouch: true });
  try {
    await waitForChart(page, site.baseUrl);
    await frames(page, 3);
    const layout = await page.evaluate(() => {
      const e = document.getElementById('editor').getBoundingClientRect();
      const c = document.getElementById('canvas').getBoundingClientRect();
      return { editorBottom: e.bottom, canvasTop: c.top };
    });
    assert.ok(layout.canvasTop >= layout.editorBottom - 1, JSON.stringify(layout));
    const area = await widgetCentre(page, 'timeArea');
    // Zoom in first (a wheel), then drag with one finger through CDP touch events.
    await page.mouse.move(area.x, area.top + 20);
    await page.mouse.wheel(0, -300);
    await frames(page, 3);
    const before = await status(page);
    const cdp = await page.context().newCDPSession(page);
    const touch = (type, x) => cdp.send('Input.dispatchTouchEvent', {
      type, touchPoints: type === 'touchEnd' ? [] : [{ x, y: area.top + 20 }],
    });
    await touch('touchStart', area.x - 60);
    for (let i = 1; i <= 6; ++i) {
      await touch('touchMove', area.x - 60 + i * 20);
      await frames(page, 1);
    }
    await touch('touchEnd', area.x + 60);
    await frames(page, 3);
    const afterPan = await status(page);
    assert.ok(afterPan.view.t0 < before.view.t0, `one-finger pan: ${before.view.t0} -> ${afterPan.view.t0}`);
    // Two fingers moving apart zoom in.
    const pinch = (type, d) => cdp.send('Input.dispatchTouchEvent', {
      type, touchPoints: type === 'touchEnd' ? [] : [{ x: area.x - d, y: area.top + 30, id: 1 },
                                                     { x: area.x + d, y: area.top + 30, id: 2 }],
    });
    await pinch('touchStart', 20);
    for (let d = 30; d <= 80; d += 10) {
      await pinch('touchMove', d);
      await frames(page, 1);
    }
    await pinch('touchEnd', 80);
    await frames(page, 3);
    const afterPinch = await status(page);
    const spanBefore = afterPan.view.t1 - afterPan.view.t0;
    const spanAfter = afterPinch.view.t1 - afterPinch.view.t0;
    assert.ok(spanAfter < spanBefore * 0.5, `pinch zooms in: ${spanBefore} -> ${spanAfter}`);
    await screenshot(page, 'page-narrow.png');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
