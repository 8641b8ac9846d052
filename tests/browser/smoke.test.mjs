// smoke.test.mjs - the web build loads in headless Chromium, renders its first frame with the
// Danish start screen, and does so without console errors or failed requests. Privacy: every request
// the page made went to the app's own origin (no fonts, scripts or analytics from anywhere else).
// The first frame is drawn with a smaller font atlas (the glyphs of the app's own texts, style.h),
// and the next frames with every glyph of the font; the second frame waits until the browser has
// shown the first (platform_web.cpp, main).
import { openApp, screenInk } from './lib.mjs';
import { waitUntil } from './drive.mjs';

const t = await openApp({ name: 'smoke' });
try {
  // The atlas as the first frame had it: read in the same task that draws it (mfTest.ready is set
  // at its end, platform_web.js). Then the frames drawn and the atlas when the browser has shown it:
  // a timeout set in the next animation frame runs after that frame's rendering (this one is set
  // before the app's own, so it runs first).
  await t.context.addInitScript(() => {
    const test = {};
    let ready = false;
    Object.defineProperty(test, 'ready', {
      configurable: true, enumerable: true, get: () => ready,
      set: (v) => {
        ready = v;
        if (!v || window.mfFirstGlyphs !== undefined) return;
        window.mfFirstGlyphs = window.mfTest.state().glyphs;
        requestAnimationFrame(() => setTimeout(() => {
          window.mfShown = { frames: window.mfTest.frames(), glyphs: window.mfTest.state().glyphs };
        }, 0));
      },
    });
    window.mfTest = test;
  });
  await t.goto();
  const shown = await waitUntil(t.page, () => window.mfShown);
  t.check(shown.frames === 1 && shown.glyphs === (await t.page.evaluate(() => window.mfFirstGlyphs)),
    `the browser shows the first frame before the second is drawn (frames drawn by then: ${shown.frames}, glyphs ${shown.glyphs})`);
  await waitUntil(t.page, () => window.mfTest.state().glyphs >= 210);
  const frames = await t.frames();
  t.check(frames > 0, `the app rendered frames (${frames})`);
  const state = await t.state();
  t.check(state.screen === 'start', `the first screen is the start screen (got ${state.screen})`);
  t.check(state.language === 'da', `Danish is the default language (got ${state.language})`);
  const ink = await screenInk(t.page);
  t.check(ink > 0.01, `the canvas shows something other than the background (${(ink * 100).toFixed(1)} % of samples)`);
  const title = await t.page.title();
  t.check(/Mangfoldighedstjek/.test(title), `the page title names the product (${title})`);
  await t.screenshot('smoke.png');
  // About 135 glyphs in the body face at first (ASCII is 95), then the font's 214 (Latin-1 and marks).
  const firstGlyphs = await t.page.evaluate(() => window.mfFirstGlyphs);
  t.check(firstGlyphs > 95 && firstGlyphs < 150, `the first frame's atlas has the start's glyphs only (${firstGlyphs} in the body face)`);
  t.check(state.glyphs >= 210, `the frames after it have every glyph of the font (${state.glyphs})`);
  const foreign = t.requests.filter((u) => new URL(u).origin !== t.origin && !/^(data|blob):/.test(u));
  const paths = [...new Set(t.requests.map((u) => new URL(u).pathname))];
  t.check(t.requests.length > 0 && foreign.length === 0,
    `privacy: all ${t.requests.length} requests went to the app's own origin ${t.origin} (${paths.join(' ')})` +
    (foreign.length ? `; to other hosts: ${foreign.join(' ')}` : ''));
} catch (e) {
  await t.fail(e);
}
await t.finish();
