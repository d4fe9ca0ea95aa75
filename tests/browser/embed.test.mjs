// embed.html and the postMessage API in the browser (issue 6): the sample host page on one
// localhost port frames the embed from another port in <iframe sandbox="allow-scripts">, loads a
// scenario by postMessage, gets the result and resize messages, and junk messages change
// nothing; the URL options (read-only, panels, height, view, autoplay) act; "Open in playground"
// opens the same program in the playground, or shows the link where popups are blocked.
// Screenshots go to test-results/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import {
  checkPrerequisites, frames, openPage, screenshot, startServer, status, waitForChart,
} from './helpers.mjs';

let embedServer;
let hostServer;
let embedBase;
let hostBase;

before(async () => {
  checkPrerequisites();
  // Two servers of the same site: two ports are two origins, as on a course site.
  ({ server: embedServer, baseUrl: embedBase } = await startServer());
  ({ server: hostServer, baseUrl: hostBase } = await startServer());
});

after(async () => {
  for (const s of [embedServer, hostServer]) if (s) await new Promise((resolve) => s.close(resolve));
});

const CPU_THREADS = `import threading

def count(n):
    total = 0
    for i in range(n):
        total += i * i
    return total

threads = [threading.Thread(target=count, args=(60_000,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("two threads done")
`;

// The embed's frame inside the host page.
async function embedFrame(page) {
  await page.waitForFunction(() => window.hostSample && window.hostSample.state.ready, null, { timeout: 90000 });
  const frame = page.frames().find((f) => f.url().startsWith(embedBase));
  assert.ok(frame, `a frame from ${embedBase}: ${page.frames().map((f) => f.url())}`);
  return frame;
}

// Posts `message` to the embed from the host page (as the host's own script would) and returns
// the reply to it (any reply, for messages without an id), or null if none came within `waitMs`.
function post(page, message, waitMs = 60000) {
  return page.evaluate(([m, wait]) => new Promise((resolve) => {
    const frame = document.getElementById('frame');
    const timer = setTimeout(() => { window.removeEventListener('message', on); resolve(null); }, wait);
    const id = m && typeof m === 'object' && typeof m.id !== 'object' ? m.id : undefined;
    function on(e) {
      if (e.source !== frame.contentWindow || !e.data || e.data.type !== 'reply') return;
      if (id !== undefined && e.data.id !== id) return;
      clearTimeout(timer);
      window.removeEventListener('message', on);
      resolve(e.data);
    }
    window.addEventListener('message', on);
    frame.contentWindow.postMessage(m, '*');
  }), [message, waitMs]);
}

test('the sample host page drives a sandboxed cross-origin embed by postMessage', { timeout: 300000 }, async (t) => {
  const { page, problems, close } = await openPage({ viewport: { width: 1200, height: 1100 } });
  try {
    const hostUrl = `${hostBase}host-sample/?embed=${encodeURIComponent(embedBase + 'embed.html')}`;
    const navStart = Date.now();
    await page.goto(hostUrl, { waitUntil: 'load' });
    const frame = await embedFrame(page);
    const readyWallMs = Date.now() - navStart;
    assert.notEqual(new URL(hostBase).origin, new URL(embedBase).origin);

    // The sandbox: an opaque origin where storage and cookies throw, and the page ran anyway.
    const inside = await frame.evaluate(() => {
      const tryIt = (f) => { try { f(); return 'works'; } catch (e) { return e.name; } };
      return { origin: window.origin, localStorage: tryIt(() => window.localStorage.length),
               sessionStorage: tryIt(() => window.sessionStorage.length), cookie: tryIt(() => document.cookie),
               readyMs: window.interleaveStatus.readyMs, completed: window.interleaveStatus.completed };
    });
    assert.equal(await page.getAttribute('#frame', 'sandbox'), 'allow-scripts');
    assert.equal(inside.origin, 'null', 'an opaque origin');
    assert.equal(inside.localStorage, 'SecurityError');
    assert.equal(inside.sessionStorage, 'SecurityError');
    assert.equal(inside.cookie, 'SecurityError');
    assert.ok(inside.completed, 'the default program ran in the frame');
    t.diagnostic(`embed: first chart ${inside.readyMs.toFixed(0)} ms after the frame's navigation ` +
                 `(${readyWallMs} ms after the host page's)`);

    // Resize: the host sized the frame to the reported height (the bar + the default 440 px).
    const sizes = await page.evaluate(() => ({ reported: window.hostSample.state.lastResize,
                                               frame: document.getElementById('frame').getBoundingClientRect().height }));
    assert.ok(sizes.reported >= 440 + 34 && sizes.reported <= 440 + 40, `reported ${sizes.reported}`);
    assert.equal(Math.round(sizes.frame), Math.ceil(sizes.reported));

    // Load a scenario with settings: the reply carries its result.
    const loaded = await page.evaluate((code) => window.hostSample.call('load', { code, settings: { cores: '2', gil: 'on' } }), CPU_THREADS);
    assert.equal(loaded.ok, true);
    const r1 = loaded.result;
    assert.equal(r1.ran, true);
    assert.equal(r1.completed, true);
    assert.equal(r1.cores, 2);
    assert.equal(r1.gil, true);
    assert.equal(r1.stdout, 'two threads done\n');
    assert.ok(r1.makespanNs > 1e6, `makespan ${r1.makespanNs}`);
    assert.ok(r1.metrics.gil_handoffs > 0, 'two CPU-bound threads share the GIL');
    assert.equal(r1.error, null);
    assert.deepEqual(r1.diagnostics, []);
    // The embed shows it: its editor holds the code, its chart the run.
    assert.equal(await frame.evaluate(() => window.interleave.getState().code), CPU_THREADS);
    // The same program without the GIL: both threads run at once.
    const free = await page.evaluate((code) => window.hostSample.call('load', { code, settings: { cores: '2', gil: 'off' } }), CPU_THREADS);
    assert.ok(free.result.makespanNs < r1.makespanNs * 0.7, `${free.result.makespanNs} vs ${r1.makespanNs}`);
    // run and result: the same (deterministic) run again, and the last result.
    const again = await page.evaluate(() => window.hostSample.call('run'));
    assert.equal(again.result.makespanNs, free.result.makespanNs);
    assert.equal(again.result.runsFinished, free.result.runsFinished + 1);
    const last = await page.evaluate(() => window.hostSample.call('result'));
    assert.equal(last.result.makespanNs, free.result.makespanNs);
    // A program with an error: the reply says which and where.
    const broken = await post(page, { interleave: 1, type: 'load', id: 'broken', code: 'x = (1,\n' });
    assert.equal(broken.ok, true);
    assert.equal(broken.result.ran, false);
    assert.equal(broken.result.error.type, 'SyntaxError');
    assert.equal(broken.result.error.line, 1);
    // state: the page state and a share link for it.
    const st = await post(page, { interleave: 1, type: 'state', id: 7 });
    assert.equal(st.id, 7);
    assert.equal(st.state.code, 'x = (1,\n');
    assert.match(st.link, /^http:\/\/127\.0\.0\.1:\d+\/#v1[A-Za-z0-9_-]+$/);

    // Junk: ignored without a reply, or refused with a reason when it has a usable id.
    const before = (await frame.evaluate(() => window.interleaveStatus.runsFinished));
    for (const junk of ['load', 42, null, [1, 2], { type: 'load', code: 'print(1)', id: 'no-protocol' },
                        { interleave: 2, type: 'load', code: 'print(1)', id: 'wrong-protocol' },
                        { interleave: 1, type: 'load', code: 'print(1)', id: { nested: true } },
                        { interleave: 1, type: 'load', code: 'print(1)', id: 'x'.repeat(5000) }]) {
      assert.equal(await post(page, junk, 300), null, JSON.stringify(junk).slice(0, 60));
    }
    const refused = [
      [{ interleave: 1, type: 'load', id: 'a' }, /code/],
      [{ interleave: 1, type: 'load', id: 'b', code: 5 }, /code/],
      [{ interleave: 1, type: 'load', id: 'c', code: 'x'.repeat(200001) }, /longer than/],
      [{ interleave: 1, type: 'load', id: 'd', code: 'x', settings: { cores: [2] } }, /setting/],
      [{ interleave: 1, type: 'eval', id: 'e', code: 'alert(1)' }, /unknown type/],
    ];
    for (const [message, why] of refused) {
      const reply = await post(page, message, 5000);
      assert.ok(reply, `a reply to ${message.id}`);
      assert.equal(reply.ok, false);
      assert.match(reply.error, why);
    }
    assert.equal(await frame.evaluate(() => window.interleaveStatus.runsFinished), before, 'junk ran nothing');
    assert.equal(await frame.evaluate(() => window.interleave.getState().code), 'x = (1,\n');

    // Back to a good program for the screenshot.
    await page.evaluate((code) => window.hostSample.call('load', { code, settings: { cores: '2', gil: 'on' } }), CPU_THREADS);
    await frames(page, 4);
    await screenshot(page, 'embed-host.png');

    // A narrow page: the embed stacks its editor above the chart, its content grows, it says so,
    // and the host follows.
    const wide = await page.evaluate(() => window.hostSample.state.lastResize);
    await page.setViewportSize({ width: 560, height: 1100 });
    await page.waitForFunction((h) => window.hostSample.state.lastResize > h + 100, wide);
    const narrow = await page.evaluate(() => ({ reported: window.hostSample.state.lastResize,
                                                frame: document.getElementById('frame').getBoundingClientRect().height }));
    assert.equal(Math.round(narrow.frame), Math.ceil(narrow.reported));
    t.diagnostic(`resize: ${wide} px wide, ${narrow.reported} px narrow`);
    await frames(page, 4);
    await screenshot(page, 'embed-host-narrow.png');
    await page.setViewportSize({ width: 1200, height: 1100 });
    await page.waitForFunction((h) => window.hostSample.state.lastResize === h, wide);

    // Open in playground, in a frame that may not open tabs: the link is shown to copy instead.
    await frame.click('#embed-open');
    await frame.waitForSelector('#share-link');
    const link = await frame.inputValue('#share-link');
    assert.match(link, new RegExp(`^${embedBase.replace(/[.]/g, '\\.')}#v1`));
    await frame.click('#share-close');
    // The browser reports the popup it blocked; nothing else went wrong.
    assert.deepEqual(problems.filter((p) => !/Blocked opening .* 'allow-popups'/.test(p)), []);
  } finally {
    await close();
  }
});

test('embed URL options: read-only, panels, height, view; autoplay; Open in playground', { timeout: 300000 }, async (t) => {
  const { context, page, problems, close } = await openPage({ viewport: { width: 1000, height: 800 } });
  try {
    // A link made by the page (the same encoder as the Share button).
    await waitForChart(page, embedBase);
    const fragment = (await page.evaluate((code) => window.interleave.share.encodeState({ code }), CPU_THREADS));
    const url = `${embedBase}embed.html?readonly&panels=metrics,cursor&height=300&view=1ms-3ms#${fragment}`;
    const s = await waitForChart(page, url);
    t.diagnostic(`embed (top level): first chart ${s.readyMs.toFixed(0)} ms after navigation`);
    assert.match(s.stdout, /two threads done/);
    await frames(page, 3);
    const st = await status(page);
    // view=1ms-3ms
    assert.equal(st.view.t0, 1e6);
    assert.equal(st.view.t1, 3e6);
    // panels=metrics,cursor: no settings row, only those tabs, no editor.
    assert.equal(st.widgets.cores, undefined);
    assert.ok(st.widgets['tab:metrics'] && st.widgets['tab:cursor']);
    assert.equal(st.widgets['tab:output'], undefined);
    const layout = await page.evaluate(() => ({
      editor: getComputedStyle(document.getElementById('embed-code')).display,
      chart: document.getElementById('embed-chart').getBoundingClientRect().height,
      root: document.getElementById('embed').getBoundingClientRect().height,
      run: document.getElementById('embed-run').hidden,
    }));
    assert.equal(layout.editor, 'none');
    assert.equal(layout.chart, 300);
    assert.ok(layout.root > 300 && layout.root < 345, `${layout.root}`);
    assert.equal(layout.run, true, 'no Run button when read-only');
    await screenshot(page, 'embed-options.png');

    // Read-only, with the editor shown: typing changes nothing.
    await page.goto(`${embedBase}embed.html?readonly#${fragment}`);
    await waitForChart(page, `${embedBase}embed.html?readonly#${fragment}`);
    await page.click('.cm-content');
    await page.keyboard.type('xyz');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => window.interleave.getState().code), CPU_THREADS);

    // autoplay: the time cursor moves by itself.
    const played = await waitForChart(page, `${embedBase}embed.html?autoplay#${fragment}`);
    assert.ok(played.playing || played.cursorNs > 0, 'playing');
    await page.waitForFunction(() => window.interleaveStatus.cursorNs > 0);

    // Editable: Run runs the edited program; Open in playground opens it, view and all, in the
    // playground (a top-level page may open tabs).
    await page.goto('about:blank');
    const e0 = await waitForChart(page, `${embedBase}embed.html#${fragment}`);
    await page.evaluate(() => {
      const view = window.interleave.editor;
      const at = view.state.doc.toString().indexOf('60_000');
      view.dispatch({ changes: { from: at, to: at + 6, insert: '30_000' } });
    });
    await page.click('#embed-run');
    await page.waitForFunction((n) => window.interleaveStatus.runsFinished > n && !window.interleaveStatus.running, e0.runsFinished);
    const e1 = await status(page);
    assert.ok(e1.makespanNs < e0.makespanNs * 0.7, `${e1.makespanNs} vs ${e0.makespanNs}`);
    assert.match(await page.textContent('#embed-status'), /makespan \d/);
    const [tab] = await Promise.all([context.waitForEvent('page'), page.click('#embed-open')]);
    await tab.waitForFunction(() => window.interleaveReady === true, null, { timeout: 60000 });
    assert.ok(tab.url().startsWith(embedBase + '#v1'), tab.url().slice(0, 60));
    assert.equal(await tab.evaluate(() => window.interleave.getState().code), CPU_THREADS.replace('60_000', '30_000'));
    assert.equal(await tab.evaluate(() => window.interleaveStatus.makespanNs), e1.makespanNs);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
