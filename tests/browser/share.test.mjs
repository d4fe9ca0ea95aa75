// Share links in the browser (issue 6): the Share button's link reopens the same program,
// settings and view in a fresh browser; damaged, truncated, future and over-long links show a
// message and the default program; a link's contents stay text; the dialog falls back to a
// selectable field without a clipboard; a program too long for a link says so. Screenshots go
// to test-results/.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  clickWidget, frames, offOriginReason, openPage, screenshot, serveSite, status, typeAt,
  waitForChart, waitForRun, widgetCentre,
} from './helpers.mjs';

const site = serveSite();


const getState = (page) => page.evaluate(() => window.interleave.getState());

// A link made in the page itself (the same code the Share button runs).
const linkFor = (page, state) => page.evaluate(([s, b]) => window.interleave.share.makeLink(s, b), [state, site.baseUrl]);

async function noticeText(page) {
  return page.evaluate(() => {
    const n = document.getElementById('share-notice');
    return n && !n.hidden ? document.getElementById('share-notice-text').textContent : '';
  });
}

test('the Share link reopens the same program, settings and view in a fresh browser', { timeout: 240000 }, async (t) => {
  const first = await openPage({ permissions: ['clipboard-read', 'clipboard-write'] });
  let link;
  let before;
  try {
    const { page, problems } = first;
    const s0 = await waitForChart(page, site.baseUrl);
    // Code: a longer CPU-bound loop (line 24: 150_000 -> 90_000).
    const line = await page.evaluate(() => window.interleave.editor.state.doc.line(24).text);
    const col = line.indexOf('150_000') + 1;
    await typeAt(page, 24, col, '9');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Delete');
    const s1 = await waitForRun(page, s0.runsFinished);
    assert.match(await page.evaluate(() => window.interleave.editor.state.doc.line(24).text), /90_000/);
    // Settings: the GIL off, as a learner sets it.
    await clickWidget(page, 'gil');
    const s2 = await waitForRun(page, s1.runsFinished);
    assert.equal(s2.runGil, false);
    // View: zoom in with the wheel, measure a range (shift+drag), select a thread (a click on a
    // bar), step the cursor, fold the cores.
    const area = await widgetCentre(page, 'timeArea');
    await page.mouse.move(area.left + area.w * 0.3, area.top + 40);
    for (let i = 0; i < 3; i++) {
      await page.mouse.wheel(0, -240);
      await frames(page, 2);
    }
    await page.keyboard.down('Shift');
    await page.mouse.move(area.left + area.w * 0.35, area.top + area.h * 0.6);
    await page.mouse.down();
    await page.mouse.move(area.left + area.w * 0.55, area.top + area.h * 0.6, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await frames(page, 3);
    await clickWidget(page, 'stepForward');
    await clickWidget(page, 'stepForward');
    await page.evaluate(() => window.interleave.setState({ collapsed: [-1], selected_thread: 1 }));
    await frames(page, 3);
    before = await getState(page);
    const shown = await status(page);
    assert.ok(before.view.end_ns > before.view.start_ns, 'zoomed');
    assert.ok(before.range.end_ns > before.range.start_ns, `a range: ${JSON.stringify(before.range)}`);
    assert.ok(before.cursor_ns > 0, 'the cursor moved');
    assert.deepEqual(before.settings, { gil: 'off' });

    // Share: the dialog shows the link, copied to the clipboard.
    await page.click('#share-button');
    await page.waitForSelector('#share-link');
    await page.waitForFunction(() => /copied/.test(document.getElementById('share-status').textContent));
    link = await page.inputValue('#share-link');
    assert.ok(link.startsWith(site.baseUrl + '#v1'), link.slice(0, 60));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
    const embed = await page.inputValue('#share-embed');
    assert.match(embed, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html#v1[A-Za-z0-9_-]+" sandbox="allow-scripts/);
    t.diagnostic(`link for the edited default program: ${link.length} characters`);
    await frames(page, 2);
    await screenshot(page, 'share-dialog.png');
    await page.keyboard.press('Escape');
    assert.equal(await page.$('#share-dialog'), null, 'Esc closes the dialog');
    assert.deepEqual(problems, []);
    before.makespan = shown.makespanNs;
  } finally {
    await first.close();
  }

  // A new browser profile opens the link.
  const second = await openPage();
  try {
    const { page, problems } = second;
    const s = await waitForChart(page, link);
    await frames(page, 3);
    const after = await getState(page);
    assert.equal(after.code, before.code);
    assert.deepEqual(after.settings, before.settings);
    assert.equal(s.makespanNs, before.makespan, 'the same run');
    assert.equal(s.runGil, false);
    for (const key of ['view', 'range']) {
      assert.ok(Math.abs(after[key].start_ns - before[key].start_ns) < 1 &&
                Math.abs(after[key].end_ns - before[key].end_ns) < 1,
                `${key}: ${JSON.stringify(after[key])} vs ${JSON.stringify(before[key])}`);
    }
    assert.deepEqual(after.collapsed, before.collapsed);
    assert.equal(after.selected_thread, before.selected_thread);
    assert.equal(after.cursor_ns, before.cursor_ns);
    assert.equal(after.tab, before.tab);
    assert.equal(await noticeText(page), '');
    await screenshot(page, 'share-opened.png');
    assert.deepEqual(problems, []);
  } finally {
    await second.close();
  }
});

test('damaged, truncated, future and over-long links show a message and the default program', { timeout: 240000 }, async () => {
  const { page, problems, close } = await openPage();
  try {
    await waitForChart(page, site.baseUrl);
    const defaultCode = await page.evaluate(() => window.interleave.defaultScenario);
    const good = await linkFor(page, { code: 'print("linked")\n' });
    const fragment = good.slice(good.indexOf('#') + 1);
    const mid = Math.floor(fragment.length / 2);
    const cases = [
      ['corrupted', fragment.slice(0, mid) + (fragment[mid] === 'A' ? 'B' : 'A') + fragment.slice(mid + 1), /damaged/],
      ['truncated', fragment.slice(0, fragment.length - 5), /damaged/],
      ['future', 'v7' + fragment.slice(2), /newer version of Interleave/],
      ['over-long', 'v1' + 'A'.repeat(33000), /too long to open \(33,\d{3} characters; the limit is 32,000\)/],
    ];
    for (const [name, bad, message] of cases) {
      // A fresh load of the page with the bad link.
      await page.goto('about:blank');
      const s = await waitForChart(page, site.baseUrl + '#' + bad);
      assert.match(await noticeText(page), message, name);
      assert.equal(await page.evaluate(() => window.interleave.getState().code), defaultCode, name);
      assert.match(s.stdout, /4 threads took/, `${name}: the default program ran`);
      if (name === 'corrupted') await screenshot(page, 'share-damaged-link.png');
    }
    // The good link, then a bad one in the same page (the fragment changes, no reload): the
    // default program comes back.
    await page.goto('about:blank');
    let s = await waitForChart(page, good);
    assert.equal(s.stdout, 'linked\n');
    await page.evaluate((f) => { location.hash = f; }, 'v1' + fragment.slice(2, 20));
    s = await waitForRun(page, s.runsFinished);
    assert.match(await noticeText(page), /damaged/);
    assert.equal(await page.evaluate(() => window.interleave.getState().code), defaultCode);
    assert.match(s.stdout, /4 threads took/);
    // And a good link in the same page clears the message.
    await page.evaluate((f) => { location.hash = f; }, fragment);
    s = await waitForRun(page, s.runsFinished);
    assert.equal(s.stdout, 'linked\n');
    assert.equal(await noticeText(page), '');
    // A link opened in a page whose settings were changed brings its own (none), not the page's.
    await page.evaluate(() => window.interleave.setState({ settings: { cores: '1' } }));
    s = await waitForRun(page, s.runsFinished);
    assert.equal(s.runCores, 1);
    const other = await linkFor(page, { code: 'print("other")\n' });
    await page.evaluate((f) => { location.hash = f; }, other.slice(other.indexOf('#') + 1));
    s = await waitForRun(page, s.runsFinished);
    assert.equal(s.stdout, 'other\n');
    assert.deepEqual(await page.evaluate(() => window.interleave.getState().settings), {});
    assert.notEqual(s.runCores, 1);
    // A fragment that is not a link (#top) is left alone.
    await page.evaluate(() => { location.hash = 'top'; });
    await frames(page, 5);
    assert.equal(await noticeText(page), '');
    assert.equal((await status(page)).stdout, 'other\n');
    // The browser logs nothing for the bad links (the page says what is wrong).
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('a link\'s contents are only ever text: no HTML, no script', { timeout: 180000 }, async () => {
  const { page, problems, close } = await openPage();
  try {
    await waitForChart(page, site.baseUrl);
    const code = '# <img src=x onerror="window.pwned=1"></textarea><script>window.pwned=2</script>\n' +
                 'print("<b>bold</b>")\n';
    const link = await linkFor(page, { code, settings: { cores: '<img/src=y/onerror=window.pwned=3>' },
                                       tab: '<i>x</i>' });
    await page.goto('about:blank');
    const s = await waitForChart(page, link);
    assert.equal(await page.evaluate(() => window.interleave.getState().code), code);
    // The bad setting is reported as text, in the error bar and the status.
    assert.ok(s.error && /cores/.test(s.error.message), JSON.stringify(s.error));
    const dom = await page.evaluate(() => ({
      pwned: window.pwned,
      images: document.querySelectorAll('img').length,
      scripts: [...document.scripts].map((x) => x.src || 'inline').length,
      bar: document.getElementById('error-bar').textContent,
    }));
    assert.equal(dom.pwned, undefined);
    assert.equal(dom.images, 0);
    assert.equal(dom.scripts, 3, 'the page\'s own three scripts');
    assert.match(dom.bar, /<img\/src=y/, 'the error shows the value as text');
    // A link whose fragment is a javascript: URL or HTML is just a damaged link.
    await page.goto('about:blank');
    await waitForChart(page, site.baseUrl + '#v1<script>window.pwned=5</script>');
    assert.match(await noticeText(page), /damaged/);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('without a clipboard the link waits, selected, in a text field', { timeout: 180000 }, async () => {
  const { page, problems, close } = await openPage();
  try {
    // As on a plain-http page: no navigator.clipboard at all.
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
    await waitForChart(page, site.baseUrl);
    await page.click('#share-button');
    await page.waitForSelector('#share-link');
    const shown = await page.evaluate(() => {
      const f = document.getElementById('share-link');
      return { focused: document.activeElement === f, start: f.selectionStart, end: f.selectionEnd, length: f.value.length,
               status: document.getElementById('share-status').textContent };
    });
    assert.ok(shown.focused, 'the link field has the focus');
    assert.equal(shown.start, 0);
    assert.equal(shown.end, shown.length, 'the whole link is selected');
    assert.match(shown.status, /Ctrl\+C/);
    // The Copy button says the same, and the dialog closes with its button.
    await page.click('#share-copy');
    assert.match(await page.textContent('#share-status'), /Ctrl\+C/);
    await page.click('#share-close');
    assert.equal(await page.$('#share-dialog'), null);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('a program too long for a link says so and makes no link', { timeout: 180000 }, async () => {
  const { page, problems, close } = await openPage();
  try {
    const s0 = await waitForChart(page, site.baseUrl);
    // ~45 KB of distinct comment lines compress to more than the link may hold.
    await page.evaluate(() => {
      let x = 7;
      const lines = [];
      for (let i = 0; i < 900; i++) {
        let word = '';
        for (let k = 0; k < 48; k++) {
          x = (x * 48271) % 2147483647;
          word += String.fromCharCode(97 + (x % 26));
        }
        lines.push('# ' + word);
      }
      window.interleave.setCode(lines.join('\n') + '\nprint("long")\n');
    });
    await waitForRun(page, s0.runsFinished);
    await page.click('#share-button');
    await page.waitForSelector('#share-dialog');
    assert.equal(await page.$('#share-link'), null);
    assert.match(await page.textContent('#share-status'), /too long to share as a link: the link would be [\d,]+ characters, the limit is 32,000/);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('the network check of every browser test catches a request to another origin', { timeout: 120000 }, async () => {
  assert.equal(offOriginReason('http://127.0.0.1:1/x.js', false, 'http://127.0.0.1:2/'), 'http://127.0.0.1:1/x.js (requested by http://127.0.0.1:2/)');
  assert.equal(offOriginReason(`${site.baseUrl}app.js`, false, site.baseUrl), null);
  assert.equal(offOriginReason('data:text/plain,x', false, site.baseUrl), null);
  assert.match(offOriginReason('https://example.com/', true, site.baseUrl), /navigation away/);
  const { page, offOrigin, close } = await openPage({ allowOffOrigin: true });
  try {
    await waitForChart(page, site.baseUrl);
    assert.deepEqual(offOrigin, []);
    // A fetch to another port: another origin (nothing listens there; the request still counts).
    await page.evaluate(() => fetch('http://127.0.0.1:9/nothing').catch(() => {}));
    await frames(page, 2);
    assert.equal(offOrigin.length, 1, JSON.stringify(offOrigin));
    assert.match(offOrigin[0], /127\.0\.0\.1:9\/nothing/);
  } finally {
    await close();
  }
});
