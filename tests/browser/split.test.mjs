// split.test.mjs - the respondent's program in two modules (docs/performance.md, "The respondent's
// first load, part 5"): mangfoldighedstjek.wasm for the start screen and the questionnaire, and
// mangfoldighedstjek.deferred.wasm for the rest, which web/boot.js fetches and compiles in the
// background from the respondent's first action (cmake/split_wasm.py, cmake/deferred_roots.txt).
//   - the start screen, idle and read by the test interface, fetches nothing of the deferred module
//     (it is not part of the first load) and calls none of its functions;
//   - the first click fetches it, compiled ahead (no synchronous fetch), and the screens after the
//     questionnaire (results, plan, export, workshop) work, the report opens;
//   - a reload that comes back on the results screen needs the deferred module for its first frame:
//     served by the offline worker, compiled beside the main module before the program starts;
//     without the worker, fetched and compiled synchronously; drawn either way;
//   - a deferred module of another build (the server updated meanwhile) is refused with the page's
//     message to reload it, never run.
// Screenshots: test-output/split-*.png.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, screenInk } from './lib.mjs';
import { driver, waitUntil } from './drive.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const t = await openApp({ name: 'split' });
const page = t.page;
const d = driver(() => page);
const DEFERRED = '/mangfoldighedstjek.deferred.wasm';

const responses = [];
page.on('response', (r) => responses.push(new URL(r.url()).pathname));
const deferredFetches = () => responses.filter((p) => p === DEFERRED).length;
const marks = () => page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name).filter((n) => n.startsWith('mf-deferred')));

try {
  const dist = path.resolve(process.argv.includes('--dist') ? process.argv[process.argv.indexOf('--dist') + 1] : 'build/web/dist');
  t.check(fs.existsSync(path.join(dist, 'mangfoldighedstjek.deferred.wasm')), 'the build has a deferred module beside mangfoldighedstjek.wasm');

  await t.goto();
  let s = await t.state();
  t.check(s.screen === 'start', `the start screen (${s.screen})`);
  // Idle on the start screen for a while, read through the test interface and under a moving mouse
  // (a hover is no action): nothing of the deferred module.
  for (let i = 0; i < 10; i++) {
    await page.mouse.move(200 + i * 60, 300 + i * 20);
    await t.state();
    await page.waitForTimeout(200);
  }
  await d.settle();
  t.check(deferredFetches() === 0, `the start screen fetches nothing of the deferred module (${responses.join(' ')})`);
  t.check((await marks()).length === 0, `the start screen calls nothing of the deferred module (${(await marks()).join(', ')})`);
  await t.screenshot('split-01-start.png');

  // The first click: fetched and compiled in the background.
  await d.click('start');
  await waitUntil(page, () => performance.getEntriesByName('mf-deferred-compiled').length > 0, null, { timeout: 30000 });
  t.check(deferredFetches() === 1, `the first click fetches the deferred module once (${deferredFetches()})`);
  s = await t.state();
  t.check(s.screen === 'profile', `"Start" opens the profile (${s.screen})`);

  // The screens after the questionnaire, from a saved result.
  const result = JSON.parse(fs.readFileSync(path.join(here, '../data/report/result-da.json'), 'utf8'));
  await d.dropFile('result-da.json', JSON.stringify(result));
  await d.click('import-continue-confirm');
  s = await t.state();
  t.check(s.screen === 'results', `an opened result shows the results (${s.screen})`);
  const ink = await screenInk(page);
  t.check(ink > 0.02, `the results screen is drawn (ink ${ink.toFixed(3)})`);
  await t.screenshot('split-02-results.png');
  const [report] = await Promise.all([t.context.waitForEvent('page', { timeout: 15000 }), d.click('report')]);
  await report.waitForLoadState('load');
  const text = await report.evaluate(() => document.body.innerText);
  t.check(text.includes(result.answers.org_name), `the printable report opens and names the organisation (${result.answers.org_name})`);
  await report.setViewportSize({ width: 900, height: 1200 });
  await report.screenshot({ path: path.join(t.out, 'split-03-report.png') });
  console.log(`     screenshot: ${path.join(t.out, 'split-03-report.png')}`);
  await report.close();
  for (const [step, screen] of [['step-plan', 'plan'], ['step-export', 'export']]) {
    await d.click(step);
    s = await t.state();
    t.check(s.screen === screen, `${step} shows the ${screen} screen (${s.screen})`);
  }
  let m = await marks();
  t.check(!m.includes('mf-deferred-sync'), `compiled ahead: no synchronous fetch (${m.join(', ')})`);
  t.check(deferredFetches() === 1, `the deferred module was fetched once in all (${deferredFetches()})`);

  // Back on the results screen, then a reload: the first frame needs the deferred module at once.
  await d.click('step-results');
  s = await t.state();
  t.check(s.screen === 'results', `back on the results (${s.screen})`);
  await page.waitForTimeout(500); // the session is saved at each change
  const unregister = () => page.evaluate(async () => {
    for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
    for (const k of await caches.keys()) await caches.delete(k);
  });
  // Served by the offline worker (installed after the first visit's first frame): the deferred
  // module is compiled beside the main one before the program starts, never fetched synchronously
  // (Chromium does not pass a synchronous request to the worker: offline it would fail).
  await waitUntil(page, () => navigator.serviceWorker.controller !== null, null, { timeout: 60000 });
  await t.goto();
  s = await t.state();
  m = await marks();
  t.check(s.screen === 'results' && m.includes('mf-deferred-compiled') && !m.includes('mf-deferred-sync'),
    `a reload served by the offline worker comes back on the results, the deferred module compiled ahead (${s.screen}: ${m.join(', ')})`);
  t.check((await screenInk(page)) > 0.02, 'and drew the results');
  // Without the worker: the first frame fetches and compiles it synchronously.
  await unregister();
  await t.goto();
  s = await t.state();
  m = await marks();
  t.check(s.screen === 'results' && m.includes('mf-deferred-sync') && m.includes('mf-deferred-instantiated'),
    `a reload without the worker comes back on the results, the deferred module fetched synchronously (${s.screen}: ${m.join(', ')})`);
  t.check((await screenInk(page)) > 0.02, 'and drew the results');
  await d.click('header-workshop');
  s = await t.state();
  t.check(s.screen === 'workshop', `the workshop screen (${s.screen})`);
  await page.evaluate(() => window.localStorage.clear());

  // Another build's deferred module: refused, with the page's message. Without the offline worker
  // (its requests would not pass the page's route).
  await unregister();
  await page.route('**' + DEFERRED, async (route) => {
    const res = await route.fetch();
    const body = Buffer.from(await res.body());
    const at = body.lastIndexOf(Buffer.from('mf-build'));
    body[at + 8 + 1] = body[at + 8 + 1] === 0x30 ? 0x31 : 0x30; // one hex digit of the build id changed
    await route.fulfill({ response: res, body });
  });
  await t.goto();
  await d.click('start');
  await page.waitForTimeout(1500);
  const drop = JSON.stringify(result);
  await page.evaluate((body) => {
    const dt = new DataTransfer();
    dt.items.add(new File([body], 'result-da.json', { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, drop);
  await waitUntil(page, () => !document.getElementById('mf-status').hidden, null, { timeout: 15000 });
  const status = await page.evaluate(() => document.getElementById('mf-status').innerText);
  t.check(/opdateret, mens siden var åben/.test(status) && /belongs to build/.test(status),
    `a deferred module of another build is refused with the page's message (${status.replace(/\s+/g, ' ').slice(0, 160)})`);
  // The refusal's own traces are expected: the warning about the module compiled ahead and the
  // exception the program's call ends with.
  t.problems.splice(0, t.problems.length, ...t.problems.filter((p) => !/belongs to build/.test(p)));
  await page.unroute('**' + DEFERRED);
} catch (e) {
  await t.fail(e);
}
await t.finish();
