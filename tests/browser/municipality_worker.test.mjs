// municipality_worker.test.mjs - the municipality's page reads and checks the chosen files in a Web
// Worker (kommune.check.js, its own wasm instance of the engine; platform_web_checks.js), and its
// main thread only receives the checked rows:
//   - 600 files chosen with the real file picker are all read in the worker
//     (mfTest.checkedInWorker(), counted where the page hands the worker's records to the app), with the files table's counts of the same
//     files read one by one on the page before (the fixtures, municipality_lib.mjs);
//   - "Fjern alle filer" clicked half-way through 3,000 files empties the overview, and nothing of
//     that reading is counted afterwards; a new choice of files is then read in full;
//   - without a worker (none in the browser; a worker that cannot start falls back the same way):
//     the page reads and checks the files itself, with the same counts.
// The 600 and 3,000 files are the fixtures of tests/data/municipality under other names (each
// organisation many times: the same file sent again).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp } from './lib.mjs';
import { openFileChooser, settlePage, waitUntil } from './drive.mjs';
import { DATA, expectedFiles, files as fixtures } from './municipality_lib.mjs';

const H = 900;
const t = await openApp({ name: 'municipality_worker', viewport: { width: 1280, height: H } });
const page = t.page;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mf-worker-test-'));
const good = fixtures.filter((f) => !f.startsWith('bad-'));
// `n` copies of the good fixtures, named copy-00001-<fixture>, ... in a folder of their own.
function copies(n, tag) {
  const out = path.join(dir, tag);
  fs.mkdirSync(out);
  const list = [];
  for (let i = 0; i < n; i++) {
    const name = `copy-${String(i).padStart(5, '0')}-${good[i % good.length]}`;
    fs.copyFileSync(path.join(DATA, good[i % good.length]), path.join(out, name));
    list.push(path.join(out, name));
  }
  return list;
}
// The overview's state, and how many files the page had checked in its worker (platform_web_checks.js).
const muni = async () => ({ ...(await t.state()).municipality,
  checkedInWorker: await page.evaluate(() => (window.mfTest.checkedInWorker ? window.mfTest.checkedInWorker() : 0)) });
async function choose(paths) {
  const locate = async () => (await t.state()).items.find((i) => i.id === 'muni-pick-files');
  const chooser = await openFileChooser(page, locate, () => settlePage(page));
  if (!chooser) throw new Error('the file picker did not open');
  await chooser.setFiles(paths);
}
const loaded = (n) => waitUntil(page, (count) => {
  const m = window.mfTest.state().municipality;
  return m.files === count && !m.loading && !m.stale;
}, n, { timeout: 120000, interval: 100 });
const filesTable = async () => {
  const cells = (await t.state()).cells;
  return ['read', 'accepted', 'counted', 'superseded', 'rejected'].map((k) => cells[`files/${k}`]).join(' ');
};

try {
  await t.goto('kommune.html?lang=da&text=0');

  // 1. 600 files through the picker, checked in the worker.
  const six = copies(600, 'six');
  await choose(six);
  await loaded(six.length);
  await settlePage(page);
  const m = await muni();
  t.check(m.checkedInWorker === six.length && m.files === six.length && m.rejected.length === 0,
    `600 chosen files are read and checked in the page's worker (${m.checkedInWorker} of ${m.files} files)`);
  const table = await filesTable();
  t.check(table === `600 600 ${expectedFiles.counted} ${600 - expectedFiles.counted} 0`, `the files table counts them (read, accepted, counted, superseded, rejected: ${table})`);
  t.check(t.requests.some((u) => u.endsWith('/kommune.check.js')), 'the page started its worker, kommune.check.js');
  await t.screenshot('municipality-worker-600.png');

  // 2. "Fjern alle filer" half-way.
  const three = copies(3000, 'three');
  await choose(three);
  await waitUntil(page, () => window.mfTest.state().municipality.arrived >= 300, null, { timeout: 120000, interval: 20 });
  const clear = (await t.state()).items.find((i) => i.id === 'muni-clear');
  const before = await muni();
  await page.mouse.click(clear.x + clear.w / 2, clear.y + clear.h / 2);
  await waitUntil(page, () => window.mfTest.state().municipality.files === 0, null, { timeout: 10000, interval: 20 });
  await page.waitForTimeout(2500);
  const after = await muni();
  t.check(before.arrived < 3000 && after.files === 0 && !after.loading,
    `"Fjern alle filer" at ${before.arrived} of 3000 read: the overview is empty and stays empty (${after.files} files, loading ${after.loading})`);
  const again = good.map((f) => path.join(DATA, f));
  await choose(again);
  await loaded(again.length);
  const m2 = await muni();
  t.check(m2.files === good.length && m2.checkedInWorker - after.checkedInWorker === good.length,
    `files chosen after that are read in full, in the worker (${m2.files} of ${good.length}; ${m2.checkedInWorker - after.checkedInWorker} in the worker)`);

  // 3. No worker (a browser without Web Workers; a worker that cannot start ends the same way): the
  // page reads and checks the files itself.
  await page.addInitScript(() => { delete window.Worker; });
  await t.goto('kommune.html?lang=da&text=0');
  await choose(six);
  await loaded(six.length);
  await settlePage(page);
  const m3 = await muni();
  t.check(m3.files === six.length && m3.checkedInWorker === 0, `without a worker, the page reads the 600 files itself (${m3.files} files, ${m3.checkedInWorker} in a worker)`);
  const table3 = await filesTable();
  t.check(table3 === table, `with the same counts (${table3})`);
} catch (e) {
  await t.fail(e);
}
fs.rmSync(dir, { recursive: true, force: true });
await t.finish();
