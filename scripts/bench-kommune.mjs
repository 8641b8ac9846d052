#!/usr/bin/env node
// bench-kommune.mjs - the municipality's page with many result files (issue 20, target 2), in
// Debian's headless Chromium, as a municipality employee uses it: kommune.html opens, "Vælg
// resultatfiler" opens the browser's file picker, N generated result files are chosen, and the page
// reads them and shows its figures. Prints figures and budget PASS/FAIL lines; it is a benchmark, not
// a test (nothing timed runs in ctest). docs/performance.md records a run.
//
//   node scripts/bench-kommune.mjs [--dist build/web/dist] [--count 10000] [--files DIR]
//                                  [--generate build/native/mf-generate] [--seed 7] [--drop]
//                                  [--input] [--folder] [--aggregate [build/native/mf-aggregate]]
//
// The picker ("Vælg resultatfiler", always measured first): Chromium's showOpenFilePicker, whose
// picked files' handles go to the page's workers (platform_web.js, MF.pickByHandles). Its dialog
// cannot be driven headless (below), so the dialog alone is replaced: the files are first written,
// not timed, to a folder of the origin's private file system (OPFS; one folder, by their own names)
// and their handles collected ahead, and showOpenFilePicker resolves to those handles at once. The
// real dialog's own hand-over of 10,000 handles is not measured. Everything after the dialog is the
// page's own code.
// --input: the same measures also by the <input multiple> "Vælg resultatfiler" is in browsers without
// showOpenFilePicker (and was in Chromium before 2026-12-02): the browser's file chooser given the
// files (Playwright's, which is Chromium's own hand-over of the files to the page).
// --drop: the same measures also with the files' folder dropped on the page (after the picker's),
// as a user drags a folder from the desktop: Chromium's own drop through DevTools
// (Input.dispatchDragEvent with the folder's path, so the page gets a real directory entry and walks
// it with webkitGetAsEntry / readEntries), each way with its own PASS/FAIL lines.
// --folder: the same measures also by "Vælg mappe", the page's folder picker (after the others),
// which opens showDirectoryPicker and hands the folder's handle to the page's workers. Playwright
// cannot drive the File System Access dialogs headless (microsoft/playwright issues 8850, 11288), so
// for both pickers the dialog alone is replaced (tests/browser/municipality_lib.mjs, stubPickers):
// the files are written to OPFS from another tab, which is closed before the page opens, and
// showDirectoryPicker resolves to that folder's handle. OPFS files may read at a different speed
// from a folder on disk.
//
// Files: --files DIR takes every *.json in DIR; otherwise mf-generate makes --count files once into
// /tmp/mf-bench-kommune/<count>-<seed> (the same generator scripts/bench-aggregate.sh uses).
//
// Two page loads per way (the picker; with --input, --drop, --folder those too), each in a fresh profile:
//   1. all files: wall time from the files handed to the picker (or the folder dropped) until every file is read and the
//      figures are computed (the live region says the reading finished, then
//      mfTest.state().municipality: arrived = N, not loading, not stale; the next frame draws them); the main thread's long tasks (PerformanceObserver 'longtask', every
//      task over 50 ms, registered before the page's own scripts) while reading; the renderer
//      process's peak resident memory (VmHWM in /proc, the page's JS heap, wasm memory, decoded
//      files and drawing together) and the wasm memory at the end; the figures shown checked
//      against mf-aggregate's published summary of the same files, when --aggregate is given
//      (tests/browser/municipality_lib.mjs's comparison: every figure of the overview's first view,
//      by sector; the files table against mf-aggregate's rows JSON; its "with a change" count only
//      when the summary publishes it).
//   2. "Fjern alle filer" mid-way: the same files given, the button clicked (a real mouse click at
//      its place) once about a third have been read; then no file may be counted any more: after
//      the rest of the files have had time to arrive, the overview is still empty.
// Budgets (issue 20): all figures on screen in <= 5 s for 10,000 files; no task over 200 ms while
// reading; "Fjern alle filer" works mid-way; memory <= 300 MB.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { CHROMIUM_ARGS, argValue } from '../tests/browser/lib.mjs';
import { dropPaths, openFileChooser, settlePage, waitUntil } from '../tests/browser/drive.mjs';
import { compareFigures, stubPickers, writeOpfsFolder } from '../tests/browser/municipality_lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(argValue('dist', path.join(ROOT, 'build/web/dist')));
const count = Number(argValue('count', '10000'));
const seed = Number(argValue('seed', '7'));
const generator = path.resolve(argValue('generate', path.join(ROOT, 'build/native/mf-generate')));
const BUDGET = { seconds: 5, taskMs: 200, megabytes: 300 };

const drop = process.argv.includes('--drop');
const folderWay = process.argv.includes('--folder');
const inputWay = process.argv.includes('--input');
const aggregateAt = process.argv.indexOf('--aggregate');
const aggregator = aggregateAt < 0 ? '' : path.resolve(process.argv[aggregateAt + 1] && !process.argv[aggregateAt + 1].startsWith('--')
  ? process.argv[aggregateAt + 1] : path.join(ROOT, 'build/native/mf-aggregate'));

// mf-aggregate's published summary and files counts for the files in `dir`.
function aggregate(dir) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mf-bench-kommune-aggregate-'));
  try {
    const summaryPath = path.join(tmp, 'summary.json'), rowsPath = path.join(tmp, 'rows-intern.json');
    try {
      execFileSync(aggregator, ['--quiet', '--lang', 'da', '--decimal-comma', '--summary-json', summaryPath, '--rows-json', rowsPath, dir], { stdio: 'ignore' });
    } catch { /* exits 1 when a file is rejected; the outputs are written */ }
    return { summary: JSON.parse(fs.readFileSync(summaryPath, 'utf8')), files: JSON.parse(fs.readFileSync(rowsPath, 'utf8')).files };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// --- the files -----------------------------------------------------------------------------------
// Every *.json below `dir` (mf-generate writes DIR/<year>/...), sorted.
const jsonFiles = (dir) => fs.readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f));

function resultFiles() {
  let dir = argValue('files', '');
  if (!dir) {
    dir = path.join(os.tmpdir(), 'mf-bench-kommune', `${count}-${seed}`);
    const have = fs.existsSync(dir) ? jsonFiles(dir).length : 0;
    if (have !== count) {
      if (!fs.existsSync(generator)) throw new Error(`${generator} not found: build the native preset, or give --generate or --files`);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir, { recursive: true });
      execFileSync(generator, ['--count', String(count), '--out', dir, '--seed', String(seed)], { stdio: 'ignore' });
    }
  }
  const files = jsonFiles(dir);
  const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
  return { dir, files, bytes };
}

// --- the renderer's peak memory ------------------------------------------------------------------
function browserPid(userDataDir) {
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8');
      if (cmd.includes(`--user-data-dir=${userDataDir}`) && !cmd.includes('--type=')) return Number(d);
    } catch { /* gone */ }
  }
  return 0;
}
// The largest VmHWM (peak resident set) among the renderer processes below the browser.
function rendererPeakMB(root) {
  let peak = 0;
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer')) continue;
      let p = Number(d);
      for (let guard = 0; p > 1 && p !== root && guard < 16; guard++) {
        const st = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
        p = Number(st.slice(st.lastIndexOf(')') + 2).split(' ')[1]);
      }
      if (p !== root) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${d}/status`, 'utf8'));
      if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024);
    } catch { /* gone */ }
  }
  return peak;
}

// Long tasks of the main thread, from before the page's first script.
const INIT_SCRIPT = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
};

const muni = (page) => page.evaluate(() => window.mfTest.state().municipality);

// `before(context)`: runs before the page opens (the folder picker's files and dialog).
async function withPage(origin, fn, before) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mf-bench-kommune-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, serviceWorkers: 'block',
  });
  try {
    const page = context.pages()[0] || (await context.newPage());
    if (before) await before(context, page);
    await page.addInitScript(INIT_SCRIPT);
    await page.goto(`${origin}/kommune.html`, { waitUntil: 'load' });
    await waitUntil(page, () => window.mfTest && window.mfTest.ready === true, null, { timeout: 120000 });
    return await fn(page, browserPid(userDataDir));
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

// The <input multiple> opened by the page's own button, as a user opens it.
async function choose(page) {
  const locate = async () => {
    const item = (await page.evaluate(() => window.mfTest.state())).items.find((i) => i.id === 'muni-pick-files');
    if (!item) throw new Error('no "muni-pick-files" button on the municipality page');
    return item;
  };
  const chooser = await openFileChooser(page, locate, () => settlePage(page));
  if (!chooser) throw new Error('the file picker did not open');
  return chooser;
}


// The pickers' files: written into the OPFS folder named as `dir` is, from a tab of their own that is
// closed before the page opens (its renderer's memory is not the page's), and both dialogs replaced:
// showDirectoryPicker gives that folder (mf-generate's files in their year folders), and
// showOpenFilePicker the files of another OPFS folder holding the same files by their own names (the
// <input>'s names; mf-generate's names are unique across years).
const opfsFolder = (dir) => path.basename(dir);
const opfsFiles = (dir) => `${path.basename(dir)}-files`;
async function pickersReady(context, page, origin, files, dir, way) {
  const writer = await context.newPage();
  await writer.goto(`${origin}/icon.svg`);
  if (way === 'folder') await writeOpfsFolder(writer, opfsFolder(dir), files.map((f) => [path.relative(dir, f).split(path.sep).join('/'), fs.readFileSync(f)]));
  else await writeOpfsFolder(writer, opfsFiles(dir), files.map((f) => [path.basename(f), fs.readFileSync(f)]));
  await writer.close();
  await stubPickers(page, { folder: opfsFolder(dir), files: opfsFiles(dir) });
}

// A picker's button located (not timed) and, for "Vælg resultatfiler", the handles its replaced
// dialog gives collected; the returned function clicks it, as a user does (the dialog answers at
// once), and checks that the page asked the dialog.
async function pickerButton(page, id, api, count) {
  await settlePage(page);
  const it = (await page.evaluate(() => window.mfTest.state())).items.find((i) => i.id === id);
  if (!it) throw new Error(`no "${id}" button on the municipality page`);
  if (api === 'showOpenFilePicker') {
    const ready = await page.evaluate(() => window.mfPickerReady());
    if (ready !== count) throw new Error(`showOpenFilePicker's replacement has ${ready} files, not ${count}`);
  }
  return async () => {
    await page.mouse.click(it.x + Math.min(it.w / 2, 20), it.y + it.h / 2);
    await waitUntil(page, () => window.mfPickerCalls.length === 1, null, { timeout: 10000, interval: 20 })
      .catch(() => { throw new Error(`"${id}" did not open ${api}`); });
  };
}

// The files given to the page one way: returns a function that hands them over ("picker": "Vælg
// resultatfiler" clicked; "input": its <input>, opened first, not timed; "drop": the folder holding
// them; "folder": "Vælg mappe" clicked).
async function giver(page, way, files, dir) {
  if (way === 'drop') return () => dropPaths(page, [dir], { x: 640, y: 400 }); // the folder on the middle of the page
  if (way === 'folder') return pickerButton(page, 'muni-pick-folder', 'showDirectoryPicker');
  if (way === 'picker') return pickerButton(page, 'muni-pick-files', 'showOpenFilePicker', files.length);
  const chooser = await choose(page);
  return () => chooser.setFiles(files);
}

// 1. All files.
async function readAll(page, pid, files, dir, way, want) {
  const give = await giver(page, way, files, dir);
  const pageT0 = await page.evaluate(() => { window.__longTasks.length = 0; return performance.now(); });
  const t0 = Date.now();
  await give();
  // Polled through the live region (a DOM text: cheap), not mfTest.state(), which serialises the
  // whole screen and would itself be a long task with thousands of files listed.
  await waitUntil(page, () => /Alle filer er læst|All files are read/.test(document.querySelector('#mf-a11y [aria-live="polite"]')?.textContent || ''),
    null, { timeout: 600000, interval: 100 });
  const tasks = await page.evaluate(() => window.__longTasks.map((t) => t.ms));
  const longTimes = await page.evaluate((a) => window.__longTasks.filter((t) => t.ms > 200).map((t) => `${((t.start - a) / 1000).toFixed(2)} s: ${t.ms.toFixed(0)} ms`), pageT0);
  await waitUntil(page, (n) => {
    const m = window.mfTest.state().municipality;
    return m.arrived === n && !m.loading && !m.stale;
  }, files.length, { timeout: 60000, interval: 20 });
  const seconds = (Date.now() - t0) / 1000;
  const stateMs = await page.evaluate(() => { const a = performance.now(); window.mfTest.state(); return performance.now() - a; });
  await settlePage(page); // the frame that draws them
  const m = await muni(page);
  let figures = null;
  if (want) {
    const cells = (await page.evaluate(() => window.mfTest.state())).cells;
    const change = want.summary.change && typeof want.summary.change.organisations === 'number' ? want.summary.change.organisations : Number(cells['files/change']);
    figures = compareFigures(cells, want.summary, { ...want.files, change }, 'sector');
  }
  const wasm = await page.evaluate(() => {
    for (const k of Object.getOwnPropertyNames(window)) {
      try { const v = window[k]; if (v instanceof WebAssembly.Memory) return v.buffer.byteLength; } catch { /* getter */ }
    }
    return null;
  });
  await page.screenshot({ path: path.join(os.tmpdir(), `bench-kommune-${files.length}${way === 'picker' ? '' : '-' + way}.png`) });
  return { seconds, tasks, longTimes, stateMs, figures, files: m.files, rejected: m.rejected.length, superseded: m.superseded.length, peakMB: rendererPeakMB(pid), wasmMB: wasm === null ? NaN : wasm / 1048576 };
}

// 2. "Fjern alle filer" once about a third are read.
async function clearMidway(page, files, dir, way) {
  await (await giver(page, way, files, dir))();
  await waitUntil(page, (n) => window.mfTest.state().municipality.arrived >= n, Math.floor(files.length / 3), { timeout: 600000, interval: 50 });
  const before = await muni(page);
  const button = (await page.evaluate(() => window.mfTest.state())).items.find((i) => i.id === 'muni-clear');
  if (!button) return { ok: false, why: `no "Fjern alle filer" button while reading (${before.arrived} of ${before.announced} read)` };
  await page.mouse.click(button.x + button.w / 2, button.y + button.h / 2);
  const clickedAt = Date.now();
  await waitUntil(page, () => window.mfTest.state().municipality.files === 0, null, { timeout: 10000, interval: 50 });
  const clearedMs = Date.now() - clickedAt;
  // Time for the rest of the picker's files to come, had they not been dropped: as long again as
  // reading the first third took, at least 3 s.
  await page.waitForTimeout(3000);
  const after = await muni(page);
  const ok = after.files === 0 && !after.loading;
  return { ok, clearedMs, why: `clicked at ${before.arrived} of ${before.announced} read; ${clearedMs} ms later empty; 3 s later ${after.files} files counted, loading ${after.loading}` };
}

const { files, bytes, dir } = resultFiles();
const server = await startServer({ dir: dist, port: 0 });
const origin = new URL(server.url).origin;
const WAYS = {
  picker: {
    title: 'picker ("Vælg resultatfiler"; its dialog replaced: showOpenFilePicker gives the handles of the files written to the origin\'s private file system, collected ahead; the real dialog\'s hand-over of them is not measured)',
    how: 'the picker',
    before: (context, page) => pickersReady(context, page, origin, files, dir, 'picker'),
  },
  input: {
    title: 'the <input multiple> ("Vælg resultatfiler" without showOpenFilePicker, as in Firefox and Safari; Chromium\'s own hand-over of the chosen files)',
    how: 'the <input multiple>',
    before: (context, page) => page.addInitScript(() => { delete window.showOpenFilePicker; }),
  },
  drop: { title: 'dropped folder', how: 'a dropped folder' },
  folder: {
    title: 'folder picker ("Vælg mappe"; its dialog replaced: showDirectoryPicker gives the files written to the origin\'s private file system, which may read at another speed than a folder on disk)',
    how: 'the folder picker',
    before: (context, page) => pickersReady(context, page, origin, files, dir, 'folder'),
  },
};
console.log(`kommune.html with ${files.length} result files (${(bytes / 1048576).toFixed(1)} MB) from ${dir}`);
console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
let status = 0;
const budget = (ok, text) => { console.log(`${ok ? 'PASS' : 'FAIL'} ${text}`); if (!ok) status = 1; };
const want = aggregator ? aggregate(dir) : null;
try {
  for (const way of ['picker', ...(inputWay ? ['input'] : []), ...(drop ? ['drop'] : []), ...(folderWay ? ['folder'] : [])]) {
    const how = WAYS[way].how;
    console.log(`\n${WAYS[way].title}:`);
    const all = await withPage(origin, (page, pid) => readAll(page, pid, files, dir, way, want), WAYS[way].before);
    const longest = all.tasks.length ? Math.max(...all.tasks) : 0;
    const over = all.tasks.filter((ms) => ms > BUDGET.taskMs).length;
    console.log(`read: ${all.seconds.toFixed(2)} s to all figures on screen (${(files.length / all.seconds).toFixed(0)} files/s); ` +
      `${all.files} files read, ${all.rejected} rejected, ${all.superseded} not counted (another file of the same CVR is newer or the same)`);
    console.log(`main thread: ${all.tasks.length} tasks over 50 ms, the longest ${longest.toFixed(0)} ms, ${over} over ${BUDGET.taskMs} ms ` +
      `(until the live region said the reading finished; one mfTest.state() takes ${all.stateMs.toFixed(0)} ms at the end)` +
      (all.longTimes.length ? `; over ${BUDGET.taskMs} ms, from the files given: ${all.longTimes.join(', ')}` : ''));
    console.log(`memory: renderer peak ${all.peakMB.toFixed(0)} MB resident, wasm memory at the end ${all.wasmMB.toFixed(0)} MB`);
    budget(all.files === files.length, `${how}: every file is read and checked (${all.files} of ${files.length})`);
    if (all.figures)
      budget(all.figures.bad.length === 0 && all.figures.n > 50, `${how}: the ${all.figures.n} figures shown equal mf-aggregate's${all.figures.bad.length ? ':\n  ' + all.figures.bad.slice(0, 20).join('\n  ') : ''}`);
    budget(all.seconds <= BUDGET.seconds, `${how}: ${files.length} files -> all figures on screen in <= ${BUDGET.seconds} s (${all.seconds.toFixed(2)} s)`);
    budget(longest <= BUDGET.taskMs, `${how}: the page stays responsive: no task over ${BUDGET.taskMs} ms while reading (longest ${longest.toFixed(0)} ms)`);
    budget(all.peakMB <= BUDGET.megabytes, `${how}: memory <= ${BUDGET.megabytes} MB (renderer peak ${all.peakMB.toFixed(0)} MB)`);
    const cleared = await withPage(origin, (page) => clearMidway(page, files, dir, way), WAYS[way].before);
    budget(cleared.ok, `${how}: "Fjern alle filer" works mid-way (${cleared.why})`);
  }
} catch (e) {
  console.error(`bench-kommune: ${e.stack || e}`);
  status = 2;
} finally {
  await server.close();
}
process.exit(status);
