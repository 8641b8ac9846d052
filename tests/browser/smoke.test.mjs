// smoke.test.mjs - the web build loads in headless Chromium, renders its first frame with the
// Danish start screen, and does so without console errors or failed requests. Privacy: every request
// the page made went to the app's own origin (no fonts, scripts or analytics from anywhere else).
import { openApp, screenInk } from './lib.mjs';

const t = await openApp({ name: 'smoke' });
try {
  await t.goto();
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
  const foreign = t.requests.filter((u) => new URL(u).origin !== t.origin && !/^(data|blob):/.test(u));
  const paths = [...new Set(t.requests.map((u) => new URL(u).pathname))];
  t.check(t.requests.length > 0 && foreign.length === 0,
    `privacy: all ${t.requests.length} requests went to the app's own origin ${t.origin} (${paths.join(' ')})` +
    (foreign.length ? `; to other hosts: ${foreign.join(' ')}` : ''));
} catch (e) {
  await t.fail(e);
}
await t.finish();
