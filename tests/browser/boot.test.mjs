// boot.test.mjs - the page's start order (web/index.html, web/boot.js; docs/performance.md, the
// respondent's first frame, part 8): boot.js is loaded async, so it starts the .wasm's compile as
// soon as it arrives instead of waiting for the stylesheet and the first paint; the program, which
// sizes its canvas from the page's layout, waits for the stylesheet. Here the stylesheet is held
// back 1.5 s: boot.js must have run before it arrived, main() only after, and the first frame
// fills the window.
import { openApp } from './lib.mjs';

const HOLD_MS = 1500;
const t = await openApp({ name: 'boot' });
const page = t.page;
try {
  await page.route('**/style.css', async (route) => {
    await new Promise((r) => setTimeout(r, HOLD_MS));
    await route.continue();
  });
  await t.goto();
  const m = await page.evaluate(() => {
    const mark = (n) => { const e = performance.getEntriesByName(n, 'mark')[0]; return e ? e.startTime : null; };
    const css = performance.getEntriesByType('resource').find((e) => /\/style\.css$/.test(e.name));
    const canvas = document.getElementById('canvas');
    return {
      bootStart: mark('mf-boot-start'), main: mark('mf-main'), cssEnd: css ? css.responseEnd : null,
      canvas: [canvas.width, canvas.height], window: [innerWidth * devicePixelRatio, innerHeight * devicePixelRatio],
    };
  });
  t.check(m.cssEnd !== null && m.cssEnd >= HOLD_MS, `the stylesheet arrived late, as held back (${m.cssEnd && m.cssEnd.toFixed(0)} ms)`);
  t.check(m.bootStart !== null && m.bootStart < m.cssEnd,
    `boot.js ran before the stylesheet arrived (${m.bootStart && m.bootStart.toFixed(0)} ms < ${m.cssEnd && m.cssEnd.toFixed(0)} ms)`);
  t.check(m.main !== null && m.main >= m.cssEnd,
    `the program's main() ran only after the stylesheet (${m.main && m.main.toFixed(0)} ms >= ${m.cssEnd && m.cssEnd.toFixed(0)} ms)`);
  t.check(m.canvas[0] === m.window[0] && m.canvas[1] === m.window[1],
    `the canvas fills the window (${m.canvas.join('x')} for a window of ${m.window.join('x')})`);
  const state = await t.state();
  t.check(state.screen === 'start', `the start screen is shown (${state.screen})`);
  await t.screenshot('boot.png');
} catch (e) {
  await t.fail(e);
}
await t.finish();
