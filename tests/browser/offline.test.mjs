// offline.test.mjs - after one visit the app starts with no network at all (issue 9, "Offline").
//
// Visits once, waits until the service worker (web/sw.js) is active, controls the page and holds
// every shell file of this build (dist/sw-version.js) but not the municipality's page (stored on
// demand: the respondent's first visit does not download it), opens that page once so that it is
// stored too, then switches the network off twice over (the browser context goes offline and the
// HTTP server is stopped), reloads, and checks that the app starts: window.mfTest.ready, frames
// drawn, the start screen, something visible on the canvas; that export works offline: a saved
// result dropped on the page (which needs the deferred module, mangfoldighedstjek.deferred.wasm,
// cached after the first frame like the rest), exported, the file checked; that English, fetched only on demand,
// is there offline; and that the municipality's page starts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, screenInk } from './lib.mjs';
import { control, layerClick } from './a11y_lib.mjs';
import { driver, waitUntil } from './drive.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

const t = await openApp({ name: 'offline' });
try {
  await t.goto();
  await waitUntil(t.page, () => navigator.serviceWorker.controller !== null &&
    navigator.serviceWorker.controller.state === 'activated', null, { timeout: 60000 });
  const sw = await t.page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    const keys = await caches.keys();
    const cached = keys.length === 1 ? (await (await caches.open(keys[0])).keys()).map((r) => new URL(r.url).pathname.slice(1)) : [];
    const build = await (await fetch('sw-version.js', { cache: 'no-store' })).text();
    return { scope: reg && reg.scope, keys, cached, build };
  });
  const build = JSON.parse(sw.build.slice(sw.build.indexOf('{'), sw.build.lastIndexOf('}') + 1));
  const files = Object.keys(build.files);
  const onDemand = build.onDemand || [];
  const version = /"version": "([0-9a-f]{16})"/.exec(sw.build);
  t.check(version !== null, `sw-version.js names the build's version (${version && version[1]})`);
  t.check(sw.keys.length === 1 && version && sw.keys[0] === `mangfoldighedstjek-${version[1]}`,
    `one cache, named after this build's version (${sw.keys.join(', ')})`);
  for (const f of ['index.html', 'boot.js', 'style.css', 'mangfoldighedstjek.js', 'mangfoldighedstjek.wasm',
    'mangfoldighedstjek.deferred.wasm', 'manifest.webmanifest', 'icon.svg'])
    t.check(files.includes(f) && sw.cached.includes(f), `${f} is part of the shell and cached`);
  // On demand: the municipality's page, its worker for dropped folders (fetched at the page's first
  // drop; platform_web.js MF.dropWithWorker) and the accessibility statement, nothing else.
  const municipality = ['kommune.html', 'kommune.js', 'kommune.wasm'], statement = ['tilgaengelighed.html', 'tilgaengelighed.css'];
  const dropWorker = ['kommune.read.js'];
  t.check([...municipality, ...dropWorker, ...statement].every((f) => files.includes(f) && onDemand.includes(f)) && onDemand.length === 6,
    `the municipality's page and the statement are part of the build, stored on demand (${onDemand.join(', ')})`);
  t.check(!sw.cached.some((f) => onDemand.includes(f)), `the first visit does not store the municipality's page (cached: ${sw.cached.join(', ')})`);
  t.check(sw.cached.length === files.length - onDemand.length, `every other shell file is cached (${sw.cached.length} of ${files.length - onDemand.length})`);

  // The municipality's page, opened once with the network on: stored in the same cache.
  await t.page.goto(t.server.url + 'kommune.html?lang=da&text=0', { waitUntil: 'load' });
  await t.ready();
  const stored = await waitUntil(t.page, async (names) => {
    const keys = await caches.keys();
    if (keys.length !== 1) return false;
    const have = (await (await caches.open(keys[0])).keys()).map((r) => new URL(r.url).pathname.slice(1));
    return names.every((n) => have.includes(n)) ? have : false;
  }, municipality, { timeout: 30000, interval: 250 }).catch(() => []);
  t.check(municipality.every((f) => stored.includes(f)) && stored.length === files.length - statement.length - dropWorker.length,
    `after one visit the municipality's page is stored as well (${stored.length} of ${files.length - statement.length - dropWorker.length} files; its worker comes with the first drop)`);
  await t.page.goto(t.server.url, { waitUntil: 'load' });
  await t.ready();

  // The manifest is linked and valid JSON with what an installed app needs.
  const manifest = await t.page.evaluate(async () => {
    const link = document.querySelector('link[rel="manifest"]');
    return link ? (await fetch(link.href)).json() : null;
  });
  t.check(manifest && manifest.lang === 'da' && manifest.display === 'standalone' && manifest.start_url &&
    manifest.icons && manifest.icons.some((i) => i.src === 'icon.svg'), 'the manifest: lang da, standalone, start_url, the SVG icon');

  // No network at all from here on.
  await t.context.setOffline(true);
  await t.server.close();
  const offlineCheck = await fetch(t.server.url).then(() => 'reached', () => 'unreachable');
  t.check(offlineCheck === 'unreachable', `the server is really gone (${offlineCheck})`);

  await t.page.reload({ waitUntil: 'load' });
  await waitUntil(t.page, () => window.mfTest && window.mfTest.ready === true, null, { timeout: 60000 });
  const frames = await t.frames();
  t.check(frames > 0, `offline: the app started and drew frames (${frames})`);
  const state = await t.state();
  t.check(typeof state.screen === 'string', `offline: the app reports its state (screen ${state.screen})`);
  const ink = await screenInk(t.page);
  t.check(ink > 0.01, `offline: the canvas shows the app (${(ink * 100).toFixed(1)} % of samples differ from the background)`);
  await t.screenshot('offline.png');

  // Export offline: a saved result is loaded (dropped on the page), then exported through the
  // accessible layer's buttons (real clicks). The downloaded file is the same assessment.
  const saved = fs.readFileSync(path.join(here, '../data/report/result-da.json'), 'utf8');
  await driver(() => t.page).dropFile('result-da.json', saved);
  await layerClick(t.page, 'import-continue-confirm');
  await layerClick(t.page, 'step-export');
  const ready = await t.state();
  t.check(ready.screen === 'export' && ready.items.some((i) => i.id === 'export'), `offline: the export screen is ready (${ready.screen})`);
  // The import and the export are in the deferred module (docs/performance.md, "part 5"): the drop
  // was the page's first action, so its first call fetched the module synchronously, from the worker.
  const deferredMarks = await t.page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name).filter((n) => /^mf-deferred/.test(n)));
  t.check(deferredMarks.includes('mf-deferred-instantiated'), `offline: the deferred module came from the worker (${deferredMarks.join(', ')})`);
  const [download] = await Promise.all([t.page.waitForEvent('download', { timeout: 10000 }), t.page.click(control('export'))]);
  const file = path.join(t.out, 'offline-export.json');
  await download.saveAs(file);
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const src = JSON.parse(saved);
  t.check(doc.format === 'mangfoldighedstjek/result' && /^sha256:/.test(doc.checksum), `offline: the export is a result file with a checksum (${download.suggestedFilename()})`);
  t.check(JSON.stringify(doc.answers) === JSON.stringify(src.answers) && doc.actionPlan.length === src.actionPlan.length,
    `offline: the exported file holds the loaded answers (${Object.keys(doc.answers).length}) and plan (${doc.actionPlan.length})`);
  await t.screenshot('offline-export.png');

  // English offline (English on demand, docs/texts.md): the page never asked for it while online,
  // and the worker stored it after the first frame, so switching works with no network.
  t.check(files.includes('mangfoldighedstjek-en.json') && sw.cached.includes('mangfoldighedstjek-en.json'),
    'the English (mangfoldighedstjek-en.json) is part of the shell and was cached after the first visit');
  await layerClick(t.page, 'lang-en');
  await waitUntil(t.page, () => window.mfTest.state().language === 'en', null, { timeout: 20000 });
  const english = await t.state();
  t.check(english.language === 'en' && english.screen === 'export' && !(english.notices || []).some((n) => n.id === 'language-failed'),
    `offline: English is there (${english.language}, ${english.screen})`);
  await layerClick(t.page, 'lang-da');

  // The municipality's page starts offline too.
  await t.page.goto(t.server.url + 'kommune.html?lang=en&text=0', { waitUntil: 'load' });
  await t.ready();
  const muni = await t.state();
  t.check(muni.page === 'municipality' && muni.screen === 'municipality' && muni.language === 'en' &&
    muni.items.some((i) => i.id === 'muni-pick-files'), `offline: the municipality's page starts (${muni.page}, ${muni.language})`);
  await t.screenshot('offline-municipality.png');
} catch (e) {
  await t.fail(e);
}
await t.finish();
